import type { Insertable, Kysely, Transaction } from 'kysely';
import { AppError, fromDatabaseError } from '../errors.js';
import type { Database } from './schema.js';

/** Anything queries run on: the database or an open transaction. Queries take it as first argument. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` in one transaction and retries it on serialization failures and deadlocks, which
 * PostgreSQL asks the client to retry. Every multi-step write goes through here, so a failure at any
 * step leaves nothing behind. Database errors leave as AppError where they map to one.
 */
export async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < attempts) continue;
      if (error instanceof AppError) throw error;
      throw fromDatabaseError(error) ?? error;
    }
  }
}

/**
 * Inserts many rows in statements of `size`, so a roll of thousands or a tally's ballots stay within
 * the driver's limit on bound parameters.
 */
export async function insertInChunks<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: Insertable<Database[T]>[],
  size = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}
