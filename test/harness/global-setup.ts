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

export default async function setup(project: TestProject) {
  const cleanups: (() => void | Promise<void>)[] = [];
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
    project.provide('engine', 'postgres');
    project.provide('postgresUrl', url);
    project.provide('pgliteTemplate', '');
  } else {
    console.log('[ayni tests] engine: PGlite (set AYNI_TEST_PG=1 to run the same suite on PostgreSQL)');
    const handle = await connect({ dataDir: 'memory://' });
    await seed(handle.db);
    const archive = await handle.pglite!.dumpDataDir('none');
    const dir = mkdtempSync(join(tmpdir(), 'ayni-template-'));
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
    await handle.close();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    project.provide('engine', 'pglite');
    project.provide('pgliteTemplate', file);
    project.provide('postgresUrl', '');
  }
  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
