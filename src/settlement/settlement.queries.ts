import { sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';

/** The only place that builds SQL for settlements. */

export function insertSettlement(
  db: Executor,
  row: {
    org_id: string;
    settlement_id: string;
    name: string;
    period_from: string;
    period_to: string;
    currency: string;
    rule: string;
    services: string;
    status: 'draft';
    computed_at: Date;
    created_at: Date;
    created_by_label: string;
  },
) {
  return db.insertInto('settlements').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findSettlement(db: Executor, orgId: string, settlementId: string, lock = false) {
  let query = db
    .selectFrom('settlements')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function listSettlements(db: Executor, orgId: string) {
  return db
    .selectFrom('settlements')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function setStatus(
  db: Executor,
  orgId: string,
  settlementId: string,
  patch: {
    status: 'draft' | 'approved' | 'posted';
    posted_at?: Date;
    posted_by_label?: string;
    computed_at?: Date;
  },
) {
  return db
    .updateTable('settlements')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId)
    .execute();
}

/** Payable grams per member and certification class from the period's tickets that were not voided. */
export function payableByMemberAndClass(db: Executor, orgId: string, from: string, to: string) {
  return db
    .selectFrom('weigh_tickets as t')
    .leftJoin('weigh_ticket_voids as v', (j) =>
      j.onRef('v.org_id', '=', 't.org_id').onRef('v.ticket_id', '=', 't.ticket_id'),
    )
    .select(['t.member_id', 't.certification_class', sql<string>`sum(t.payable_grams)::text`.as('grams')])
    .where('t.org_id', '=', orgId)
    .where('t.delivery_date', '>=', from)
    .where('t.delivery_date', '<=', to)
    .where('v.ticket_id', 'is', null)
    .groupBy(['t.member_id', 't.certification_class'])
    .execute();
}

/** What each member owes the cooperative: the member's debit balance on the receivable account. */
export function owedByMember(db: Executor, orgId: string) {
  return db
    .selectFrom('ledger_balances as b')
    .innerJoin('ledger_accounts as a', (j) =>
      j.onRef('a.org_id', '=', 'b.org_id').onRef('a.account_id', '=', 'b.account_id'),
    )
    .select(['b.member_key', 'b.balance_minor'])
    .where('b.org_id', '=', orgId)
    .where('a.purpose', '=', 'receivable_members')
    .where('b.balance_minor', '>', 0)
    .execute();
}

export function deleteLines(db: Executor, orgId: string, settlementId: string) {
  return db
    .deleteFrom('settlement_lines')
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId)
    .execute();
}

/**
 * Writes a settlement's lines in statements of 5,000 rows, each sent as one JSON parameter: a
 * cooperative of 100,000 members is 20 round trips, not 200 statements of bound parameters.
 */
export async function insertLines(
  db: Executor,
  rows: {
    org_id: string;
    settlement_id: string;
    member_id: string;
    payable_grams: number;
    gross_minor: number;
    net_minor: number;
    floor_applied: boolean;
    /** The member's computation; its bigints are stored as text. */
    detail: unknown;
  }[],
) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = JSON.stringify(rows.slice(i, i + 5000), (_k, v) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    await sql`
      INSERT INTO settlement_lines (org_id, settlement_id, member_id, payable_grams, gross_minor, net_minor, floor_applied, detail)
      SELECT org_id, settlement_id, member_id, payable_grams, gross_minor, net_minor, floor_applied, detail
      FROM jsonb_to_recordset(${chunk}::jsonb) AS r (
        org_id uuid, settlement_id uuid, member_id uuid, payable_grams bigint, gross_minor bigint,
        net_minor bigint, floor_applied boolean, detail jsonb
      )`.execute(db);
  }
}

export function linesOf(db: Executor, orgId: string, settlementId: string) {
  return db
    .selectFrom('settlement_lines as l')
    .innerJoin('members as m', (j) =>
      j.onRef('m.org_id', '=', 'l.org_id').onRef('m.member_id', '=', 'l.member_id'),
    )
    .selectAll('l')
    .select(['m.member_number', 'm.given_names', 'm.family_names'])
    .where('l.org_id', '=', orgId)
    .where('l.settlement_id', '=', settlementId)
    .orderBy('m.member_number')
    .execute();
}

export function setLineEntry(
  db: Executor,
  orgId: string,
  settlementId: string,
  memberId: string,
  entryId: string,
) {
  return db
    .updateTable('settlement_lines')
    .set({ entry_id: entryId })
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId)
    .where('member_id', '=', memberId)
    .execute();
}

export function approvalsOf(db: Executor, orgId: string, settlementId: string) {
  return db
    .selectFrom('settlement_approvals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId)
    .execute();
}

export function insertApproval(
  db: Executor,
  row: {
    org_id: string;
    settlement_id: string;
    user_id: string;
    role: 'manager' | 'accountant';
    approved_at: Date;
  },
) {
  return db.insertInto('settlement_approvals').values(row).execute();
}

export function deleteApprovals(db: Executor, orgId: string, settlementId: string) {
  return db
    .deleteFrom('settlement_approvals')
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId)
    .execute();
}
