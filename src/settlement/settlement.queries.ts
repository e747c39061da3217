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

/**
 * Takes into a settlement the period's tickets of the classes it prices that are neither voided nor
 * settled already (by another posted settlement): one set-based statement, however many tickets.
 */
export async function takeTickets(
  db: Executor,
  orgId: string,
  settlementId: string,
  from: string,
  to: string,
  classes: readonly string[],
) {
  if (classes.length === 0) return;
  await sql`
    INSERT INTO settlement_tickets (org_id, settlement_id, ticket_id, member_id)
    SELECT t.org_id, ${settlementId}::uuid, t.ticket_id, t.member_id
    FROM weigh_tickets t
    WHERE t.org_id = ${orgId} AND t.delivery_date BETWEEN ${from}::date AND ${to}::date
      AND t.certification_class = ANY(${classes as string[]}::text[])
      AND NOT EXISTS (SELECT 1 FROM weigh_ticket_voids v WHERE v.org_id = t.org_id AND v.ticket_id = t.ticket_id)
      AND NOT EXISTS (SELECT 1 FROM settled_tickets s WHERE s.org_id = t.org_id AND s.ticket_id = t.ticket_id)`.execute(
    db,
  );
}

export function releaseTickets(db: Executor, orgId: string, settlementId: string) {
  return db
    .deleteFrom('settlement_tickets')
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId)
    .execute();
}

/** Payable grams and the value credited at delivery, per member and class, of the tickets a settlement took. */
export function takenByMemberAndClass(db: Executor, orgId: string, settlementId: string) {
  return db
    .selectFrom('settlement_tickets as st')
    .innerJoin('weigh_tickets as t', (j) =>
      j.onRef('t.org_id', '=', 'st.org_id').onRef('t.ticket_id', '=', 'st.ticket_id'),
    )
    .select([
      't.member_id',
      't.certification_class',
      sql<string>`sum(t.payable_grams)::text`.as('grams'),
      sql<string>`sum(t.value_minor)::text`.as('credited'),
      sql<number>`count(*)::int`.as('tickets'),
    ])
    .where('st.org_id', '=', orgId)
    .where('st.settlement_id', '=', settlementId)
    .groupBy(['t.member_id', 't.certification_class'])
    .execute();
}

/**
 * The tickets a settlement took, for the screen and the slip: reference, date, class, payable mass, by
 * date and reference (the service puts them in member-number order, the number being the members').
 *
 * This and the other statements here that join weigh_tickets (takeTickets, takenByMemberAndClass,
 * settledElsewhere, staleTickets) read collection's table on purpose: a settlement takes and checks its
 * tickets in one set-based statement under the settled-once constraints of migration 0012.
 */
export function ticketsOf(db: Executor, orgId: string, settlementId: string, memberId?: string) {
  let query = db
    .selectFrom('settlement_tickets as st')
    .innerJoin('weigh_tickets as t', (j) =>
      j.onRef('t.org_id', '=', 'st.org_id').onRef('t.ticket_id', '=', 'st.ticket_id'),
    )
    .innerJoin('collection_points as p', (j) =>
      j.onRef('p.org_id', '=', 't.org_id').onRef('p.point_id', '=', 't.point_id'),
    )
    .select([
      't.ticket_id',
      't.member_id',
      'p.code as point_code',
      't.ticket_number',
      't.delivery_date',
      't.certification_class',
      't.payable_grams',
      't.value_minor',
    ])
    .where('st.org_id', '=', orgId)
    .where('st.settlement_id', '=', settlementId)
    .orderBy('t.delivery_date')
    .orderBy('p.code')
    .orderBy('t.ticket_number');
  if (memberId !== undefined) query = query.where('st.member_id', '=', memberId);
  return query.execute();
}

/**
 * The period's tickets (of the priced classes) that other settlements already settled, by settlement:
 * what a draft leaves out, so the preview can say why.
 */
export function settledElsewhere(
  db: Executor,
  orgId: string,
  settlementId: string,
  from: string,
  to: string,
  classes: readonly string[],
) {
  return db
    .selectFrom('weigh_tickets as t')
    .innerJoin('settled_tickets as d', (j) =>
      j.onRef('d.org_id', '=', 't.org_id').onRef('d.ticket_id', '=', 't.ticket_id'),
    )
    .innerJoin('settlements as s', (j) =>
      j.onRef('s.org_id', '=', 'd.org_id').onRef('s.settlement_id', '=', 'd.settlement_id'),
    )
    .select(['s.settlement_id', 's.name', sql<string>`count(*)::text`.as('tickets')])
    .where('t.org_id', '=', orgId)
    .where('t.delivery_date', '>=', from)
    .where('t.delivery_date', '<=', to)
    .where('t.certification_class', 'in', classes.length ? [...classes] : [''])
    .where('s.settlement_id', '!=', settlementId)
    .groupBy(['s.settlement_id', 's.name'])
    .orderBy('s.name')
    .execute();
}

/**
 * Tickets of a settlement that can no longer be settled: voided since the draft, or settled meanwhile by
 * another settlement. Posting refuses and names them; the database refuses them anyway.
 */
export function staleTickets(db: Executor, orgId: string, settlementId: string) {
  return db
    .selectFrom('settlement_tickets as st')
    .innerJoin('weigh_tickets as t', (j) =>
      j.onRef('t.org_id', '=', 'st.org_id').onRef('t.ticket_id', '=', 'st.ticket_id'),
    )
    .innerJoin('collection_points as p', (j) =>
      j.onRef('p.org_id', '=', 't.org_id').onRef('p.point_id', '=', 't.point_id'),
    )
    .leftJoin('weigh_ticket_voids as v', (j) =>
      j.onRef('v.org_id', '=', 'st.org_id').onRef('v.ticket_id', '=', 'st.ticket_id'),
    )
    .leftJoin('settled_tickets as d', (j) =>
      j.onRef('d.org_id', '=', 'st.org_id').onRef('d.ticket_id', '=', 'st.ticket_id'),
    )
    .leftJoin('settlements as other', (j) =>
      j.onRef('other.org_id', '=', 'd.org_id').onRef('other.settlement_id', '=', 'd.settlement_id'),
    )
    .select([
      'p.code as point_code',
      't.ticket_number',
      sql<boolean>`v.ticket_id IS NOT NULL`.as('voided'),
      'other.name as settled_by',
    ])
    .where('st.org_id', '=', orgId)
    .where('st.settlement_id', '=', settlementId)
    .where((eb) => eb.or([eb('v.ticket_id', 'is not', null), eb('d.settlement_id', '!=', settlementId)]))
    .orderBy('p.code')
    .orderBy('t.ticket_number')
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
    .selectFrom('settlement_lines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('settlement_id', '=', settlementId)
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
