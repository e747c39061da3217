import { digestOf } from './audit.js';
import type { Trx } from './db/transaction.js';
import { AppError } from './errors.js';

/**
 * Idempotent creates, once for every domain (ARCHITECTURE.md, Idempotent writes). A create carries the
 * client's UUID. The first request with that id does the work and its response is stored; a repeat
 * with the same body gets the stored response; a repeat with another body is a 409.
 *
 * The key row is inserted first: a concurrent request with the same key blocks on the unique index
 * until the first commits, then finds the stored response, so the work never runs twice.
 */
export async function idempotentCreate<T>(
  trx: Trx,
  key: { orgId: string; id: string; operation: string; body: unknown; at: Date },
  create: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const requestDigest = digestOf({ operation: key.operation, body: key.body });
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      org_id: key.orgId,
      key: key.id,
      operation: key.operation,
      request_digest: requestDigest,
      response: null,
      created_at: key.at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();

  if (!inserted) {
    const existing = await trx
      .selectFrom('idempotency_keys')
      .select(['operation', 'request_digest', 'response'])
      .where('org_id', '=', key.orgId)
      .where('key', '=', key.id)
      .executeTakeFirstOrThrow();
    if (existing.request_digest !== requestDigest || existing.response === null) {
      throw new AppError('conflict', 'idempotency.mismatch', { params: { id: key.id } });
    }
    return { result: existing.response as T, replayed: true };
  }

  const stored = JSON.stringify(await create());
  await trx
    .updateTable('idempotency_keys')
    .set({ response: stored })
    .where('org_id', '=', key.orgId)
    .where('key', '=', key.id)
    .execute();
  // The first answer and every replay have the same shape: what JSON keeps.
  return { result: JSON.parse(stored) as T, replayed: false };
}
