import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { MIGRATIONS_DIR } from '../paths.js';
import type { Db } from './transaction.js';

export interface Migration {
  name: string;
  checksum: string;
  sql: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { name: file, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations in order, each in its own transaction, recording name and checksum.
 * Forward-only: an applied migration whose file changed is refused, because the database no longer
 * matches what the code believes. An advisory lock keeps two servers from migrating at once.
 */
export async function migrate(
  db: Db,
  options: { dir?: string; onProgress?: (message: string) => void } = {},
): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir);
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(4242001)`.execute(conn);
    try {
      const rows = await sql<{
        name: string;
        checksum: string;
      }>`SELECT name, checksum FROM schema_migrations`.execute(conn);
      const applied = new Map(rows.rows.map((row) => [row.name, row.checksum]));
      const known = new Set(migrations.map((m) => m.name));
      for (const name of applied.keys()) {
        if (!known.has(name)) {
          throw new MigrationError(
            `The database has migration ${name}, which this version of Ayni does not know. ` +
              'It was made by a newer version: upgrade Ayni instead of running an older one.',
          );
        }
      }
      const result: MigrateResult = { applied: [], alreadyApplied: 0 };
      for (const migration of migrations) {
        const recorded = applied.get(migration.name);
        if (recorded !== undefined) {
          if (recorded !== migration.checksum) {
            throw new MigrationError(
              `Migration ${migration.name} was changed after it was applied ` +
                `(recorded checksum ${recorded.slice(0, 12)}…, file now ${migration.checksum.slice(0, 12)}…). ` +
                'Applied migrations are never edited: restore the original file and add a new migration.',
            );
          }
          result.alreadyApplied++;
          continue;
        }
        options.onProgress?.(`applying ${migration.name}`);
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.sql).execute(trx);
          await sql`INSERT INTO schema_migrations (name, checksum) VALUES (${migration.name}, ${migration.checksum})`.execute(
            trx,
          );
        });
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      await sql`SELECT pg_advisory_unlock(4242001)`.execute(conn);
    }
  });
}
