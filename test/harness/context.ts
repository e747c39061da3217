import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp, type Services } from '../../src/app.js';
import { SteppingClock } from '../../src/platform/clock.js';
import { connect, type DatabaseHandle } from '../../src/platform/db/connect.js';
import type { HttpServer } from '../../src/platform/http/server.js';
import { sequentialIds } from '../../src/platform/ids.js';

import { DEMO_PASSWORD, TEMPLATE_DB, TEST_EPOCH } from './constants.js';
import { type Factories, factories } from './factories.js';

export { DEMO_PASSWORD, TEST_EPOCH };

/**
 * A database of its own for one test file, copied from the migrated, demo-loaded template made in
 * global set-up: PGlite from its archive, or PostgreSQL with CREATE DATABASE … TEMPLATE.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const engine = inject('engine');
  if (!engine)
    throw new Error(
      'This test opens a database but runs without the database set-up (the `unit` project has none): ' +
        'name it *.db.test.ts beside its code, or put it under test/, so it runs in the `db` project.',
    );
  if (engine === 'postgres') {
    const url = inject('postgresUrl');
    const name = `ayni_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = await connect({ databaseUrl: dbUrl.toString(), poolSize: 5 });
    return {
      ...handle,
      async close() {
        await handle.close();
        const again = new pg.Client({ connectionString: url });
        await again.connect();
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await again.end();
      },
    };
  }
  const archive = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return connect({ dataDir: 'memory://', loadDataDir: archive });
}

export interface TestContext {
  handle: DatabaseHandle;
  db: DatabaseHandle['db'];
  clock: SteppingClock;
  http: HttpServer;
  services: Services;
  /** Factories over this context's services: `ctx.make.cooperative()`, `ctx.make.members(coop, 3)`… */
  make: Factories;
  close(): Promise<void>;
}

/** The real app (routes, services, database) with a stepping clock and sequential ids. */
export async function createTestContext(options: { bodyLimit?: number } = {}): Promise<TestContext> {
  const handle = await openTestDatabase();
  const clock = new SteppingClock(TEST_EPOCH);
  clock.advance(86_400_000); // a day after the demo was loaded
  const { http, services } = await createApp({
    db: handle.db,
    clock,
    ids: sequentialIds(1),
    ...(options.bodyLimit && { bodyLimit: options.bodyLimit }),
  });
  await http.ready();
  return {
    handle,
    db: handle.db,
    clock,
    http,
    services,
    make: factories(services),
    async close() {
      await http.close();
      await handle.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Signs a demo person in through the API and returns the headers their browser would send. */
export async function signIn(http: HttpServer, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await http.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ayni_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const header = `ayni_session=${cookie.value}`;
  return { cookie: header, csrf, headers: { cookie: header, 'x-csrf-token': csrf } };
}
