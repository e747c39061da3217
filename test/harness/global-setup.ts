import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createServices } from '../../src/app.js';
import { loadDemo } from '../../src/demo/demo.js';
import { SteppingClock } from '../../src/platform/clock.js';
import { connect } from '../../src/platform/db/connect.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { sequentialIds } from '../../src/platform/ids.js';
import { TEMPLATE_DB, TEST_EPOCH } from './constants.js';
import { postgresAvailable, postgresVersion, startThrowawayCluster } from './postgres.js';

/**
 * Builds one migrated database with the demo loaded, once per run (a fresh PGlite costs seconds):
 * as a PGlite archive that each test file opens in memory, or, with AYNI_TEST_PG=1, as a PostgreSQL
 * template database that each test file copies.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    engine: 'pglite' | 'postgres';
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

async function seed(db: Parameters<typeof migrate>[0]) {
  await migrate(db);
  await loadDemo(createServices({ db, clock: new SteppingClock(TEST_EPOCH), ids: sequentialIds(7) }));
}

interface Template {
  engine: 'pglite' | 'postgres';
  pgliteTemplate: string;
  postgresUrl: string;
}

async function buildTemplate(cleanups: (() => void | Promise<void>)[]): Promise<Template> {
  if (process.env.AYNI_TEST_PG === '1') {
    let url = process.env.AYNI_TEST_DATABASE_URL;
    if (!url) {
      if (!postgresAvailable())
        throw new Error(
          'AYNI_TEST_PG=1 but no initdb/pg_ctl: install postgresql or set AYNI_TEST_DATABASE_URL',
        );
      const cluster = await startThrowawayCluster();
      cleanups.push(() => cluster.stop());
      url = cluster.url;
      console.log(`[ayni tests] PostgreSQL: throwaway cluster (${postgresVersion()})`);
    } else {
      console.log('[ayni tests] PostgreSQL: AYNI_TEST_DATABASE_URL');
    }
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const handle = await connect({ databaseUrl: templateUrl.toString(), poolSize: 2 });
    await seed(handle.db);
    await handle.close();
    return { engine: 'postgres', postgresUrl: url, pgliteTemplate: '' };
  }
  console.log('[ayni tests] engine: PGlite (set AYNI_TEST_PG=1 to run the same suite on PostgreSQL)');
  const handle = await connect({ dataDir: 'memory://' });
  await seed(handle.db);
  const archive = await handle.pglite!.dumpDataDir('none');
  const dir = mkdtempSync(join(tmpdir(), 'ayni-template-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
  await handle.close();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { engine: 'pglite', pgliteTemplate: file, postgresUrl: '' };
}

/**
 * The `db` and `e2e` projects both name this set-up, and Vitest runs it once per project (each in its
 * own module instance): the template is built by the first and shared through the process's global
 * object, and removed by the last project to finish.
 */
const SHARED = Symbol.for('ayni.test.template');
interface Shared {
  template: Promise<Template>;
  users: number;
  cleanups: (() => void | Promise<void>)[];
}

export default async function setup(project: TestProject) {
  const global = globalThis as { [SHARED]?: Shared };
  let shared = global[SHARED];
  if (!shared) {
    const cleanups: Shared['cleanups'] = [];
    const template = buildTemplate(cleanups).catch(async (error: unknown) => {
      // A half-started cluster must not outlive a failed set-up.
      for (const cleanup of cleanups.reverse()) await cleanup();
      throw error;
    });
    shared = { template, users: 0, cleanups };
    global[SHARED] = shared;
  }
  shared.users++;
  const template = await shared.template;
  project.provide('engine', template.engine);
  project.provide('pgliteTemplate', template.pgliteTemplate);
  project.provide('postgresUrl', template.postgresUrl);
  const mine = shared;
  return async () => {
    mine.users--;
    if (mine.users > 0) return;
    if (global[SHARED] === mine) delete global[SHARED];
    for (const cleanup of mine.cleanups.reverse()) await cleanup();
  };
}
