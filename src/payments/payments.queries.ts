import type { Executor } from '../platform/db/transaction.js';

/** The only place that builds SQL for payments. */

export function pendingMemberIds(db: Executor, orgId: string) {
  return db
    .selectFrom('payments')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .execute();
}

export function insertBatch(
  db: Executor,
  row: {
    org_id: string;
    batch_id: string;
    method: 'cash' | 'bank' | 'mobile_wallet';
    note: string | null;
    currency: string;
    created_at: Date;
    created_by_label: string;
  },
) {
  return db.insertInto('payment_batches').values(row).execute();
}

export async function insertPayments(
  db: Executor,
  rows: {
    org_id: string;
    payment_id: string;
    batch_id: string;
    member_id: string;
    amount_minor: number;
    status: 'pending';
  }[],
) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('payments')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function findBatch(db: Executor, orgId: string, batchId: string) {
  return db
    .selectFrom('payment_batches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
}

/** A batch's payments; the members' numbers, names and bank details are the members domain's to read. */
export function paymentsOfBatch(db: Executor, orgId: string, batchId: string) {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('batch_id', '=', batchId)
    .execute();
}

export function findPayment(db: Executor, orgId: string, paymentId: string, lock = false) {
  let query = db
    .selectFrom('payments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('payment_id', '=', paymentId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function markPaid(
  db: Executor,
  orgId: string,
  paymentId: string,
  patch: { reference: string; paid_on: string; entry_id: string; marked_at: Date; marked_by_label: string },
) {
  return db
    .updateTable('payments')
    .set({ ...patch, status: 'paid' })
    .where('org_id', '=', orgId)
    .where('payment_id', '=', paymentId)
    .execute();
}

export function paymentsOfMember(db: Executor, orgId: string, memberId: string) {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .orderBy('marked_at')
    .execute();
}
