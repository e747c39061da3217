import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/**
 * One code path for both engines (ARCHITECTURE.md, hazard 1): Kysely's PostgresDialect over a pg.Pool.
 * For PGlite the pool comes from PGlite's node-postgres adapter with one connection.
 */

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

/** int8 as a number, refusing values a double cannot hold exactly rather than rounding money. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside the safe integer range`);
  }
  return value;
}

/** The same result shapes on PGlite and PostgreSQL (hazard 6): int8 → number, numeric and date → string. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return parseInt8;
    if (oid === NUMERIC_OID || oid === DATE_OID) return (text: string) => text;
    // biome-ignore lint/suspicious/noExplicitAny: pg's own overloads are not expressible here
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Set for the embedded engine: backups dump it, tests snapshot it. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… for a PostgreSQL server; otherwise the embedded engine is used. */
  databaseUrl?: string;
  /** Data folder of the embedded engine; `memory://` keeps it in memory. */
  dataDir?: string;
  /** A tar(.gz) made by dumpDataDir: the embedded database starts from it (tests, restore). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      types: typeParsers,
    });
    pool.on('error', () => {
      // An idle client lost its server; the pool replaces it on the next checkout.
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // Extensions the migrations create must be loaded into the WASM engine; a server has them installed.
  const extensions = { pg_trgm };
  const pglite = await PGlite.create(
    dataDir,
    options.loadDataDir ? { loadDataDir: options.loadDataDir, extensions } : { extensions },
  );
  const pool = new pg.Pool({
    ...createPgConfig(pglite),
    max: 1,
    // A query issued outside the current transaction waits for the single connection (hazard 2);
    // the timeout turns that deadlock into an error instead of a hang.
    connectionTimeoutMillis: 30_000,
    types: typeParsers,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
