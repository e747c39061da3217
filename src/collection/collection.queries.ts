import { type Insertable, sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type { WeighTicketsTable } from './collection.tables.js';

/** The only place that builds SQL for collection. */

export function findPointByCode(db: Executor, orgId: string, code: string) {
  return db
    .selectFrom('collection_points')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function listPoints(db: Executor, orgId: string) {
  return db.selectFrom('collection_points').selectAll().where('org_id', '=', orgId).orderBy('code').execute();
}

export function insertPoint(
  db: Executor,
  row: {
    org_id: string;
    point_id: string;
    code: string;
    name: string;
    community: string | null;
    created_at: Date;
  },
) {
  return db.insertInto('collection_points').values(row).returningAll().executeTakeFirstOrThrow();
}

export function cashiersOf(db: Executor, orgId: string, pointId: string) {
  return db
    .selectFrom('collection_point_cashiers')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('point_id', '=', pointId)
    .execute();
}

export function assignCashier(
  db: Executor,
  row: { org_id: string; point_id: string; user_id: string; assigned_at: Date },
) {
  return db
    .insertInto('collection_point_cashiers')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Takes the point's next ticket number under a row lock: concurrent desks wait, numbers never repeat or skip. */
export async function takeTicketNumber(db: Executor, orgId: string, pointId: string): Promise<number> {
  const row = await db
    .updateTable('collection_points')
    .set((eb) => ({ last_ticket_number: eb('last_ticket_number', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('point_id', '=', pointId)
    .returning('last_ticket_number')
    .executeTakeFirstOrThrow();
  return row.last_ticket_number;
}

export function insertSchedule(
  db: Executor,
  row: {
    org_id: string;
    schedule_id: string;
    effective_from: string;
    coffee_state: string;
    certification_class: string;
    rule: string;
    recorded_at: Date;
    recorded_by_label: string;
  },
) {
  return db.insertInto('price_schedules').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listSchedules(db: Executor, orgId: string) {
  return db
    .selectFrom('price_schedules')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('effective_from', 'desc')
    .orderBy('coffee_state')
    .execute();
}

/** The schedule in force on a date for a coffee state and class: the latest effective on or before it. */
export function scheduleOn(
  db: Executor,
  orgId: string,
  coffeeState: string,
  certificationClass: string,
  date: string,
) {
  return db
    .selectFrom('price_schedules')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('coffee_state', '=', coffeeState)
    .where('certification_class', '=', certificationClass)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertTicket(db: Executor, row: Insertable<WeighTicketsTable>) {
  return db.insertInto('weigh_tickets').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findTicket(db: Executor, orgId: string, ticketId: string) {
  return db
    .selectFrom('weigh_tickets as t')
    .innerJoin('collection_points as p', (j) =>
      j.onRef('p.org_id', '=', 't.org_id').onRef('p.point_id', '=', 't.point_id'),
    )
    .leftJoin('weigh_ticket_voids as v', (j) =>
      j.onRef('v.org_id', '=', 't.org_id').onRef('v.ticket_id', '=', 't.ticket_id'),
    )
    .selectAll('t')
    .select(['p.code as point_code', 'v.reason as void_reason', 'v.voided_at'])
    .where('t.org_id', '=', orgId)
    .where('t.ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export function listTickets(
  db: Executor,
  orgId: string,
  filter: { pointId?: string; memberId?: string; from?: string; to?: string; limit: number },
) {
  let query = db
    .selectFrom('weigh_tickets as t')
    .innerJoin('collection_points as p', (j) =>
      j.onRef('p.org_id', '=', 't.org_id').onRef('p.point_id', '=', 't.point_id'),
    )
    .leftJoin('weigh_ticket_voids as v', (j) =>
      j.onRef('v.org_id', '=', 't.org_id').onRef('v.ticket_id', '=', 't.ticket_id'),
    )
    .selectAll('t')
    .select(['p.code as point_code', 'v.reason as void_reason', 'v.voided_at'])
    .where('t.org_id', '=', orgId)
    .orderBy('t.delivered_at', 'desc')
    .orderBy('t.ticket_number', 'desc')
    .limit(filter.limit);
  if (filter.pointId) query = query.where('t.point_id', '=', filter.pointId);
  if (filter.memberId) query = query.where('t.member_id', '=', filter.memberId);
  if (filter.from) query = query.where('t.delivery_date', '>=', filter.from);
  if (filter.to) query = query.where('t.delivery_date', '<=', filter.to);
  return query.execute();
}

export function insertVoid(
  db: Executor,
  row: {
    org_id: string;
    ticket_id: string;
    reason: string;
    reversal_entry_id: string;
    voided_at: Date;
    voided_by_label: string;
  },
) {
  return db.insertInto('weigh_ticket_voids').values(row).execute();
}

export function findVoid(db: Executor, orgId: string, ticketId: string) {
  return db
    .selectFrom('weigh_ticket_voids')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

/** Net grams a member delivered between two dates, tickets not voided. */
export async function deliveredGrams(
  db: Executor,
  orgId: string,
  memberId: string,
  from: string,
  to: string,
): Promise<number> {
  const row = await db
    .selectFrom('weigh_tickets as t')
    .leftJoin('weigh_ticket_voids as v', (j) =>
      j.onRef('v.org_id', '=', 't.org_id').onRef('v.ticket_id', '=', 't.ticket_id'),
    )
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('t.net_grams'), eb.val(0)).as('grams'))
    .where('t.org_id', '=', orgId)
    .where('t.member_id', '=', memberId)
    .where('t.delivery_date', '>=', from)
    .where('t.delivery_date', '<=', to)
    .where('v.ticket_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.grams);
}

/** What another domain (lots) may ask of tickets: the filter of "tickets to make a lot from". */
export interface TicketOriginFilter {
  ticketIds?: readonly string[];
  pointIds?: readonly string[];
  from?: string;
  to?: string;
  certificationClass?: string;
  memberId?: string;
  limit?: number;
}

/**
 * Weigh tickets as the value chain needs them (where, when, whose, which plots, how much, the yield
 * measured at intake), voided ones left out. For lots: choosing tickets, harvest windows, outturn.
 */
export function ticketOrigins(db: Executor, orgId: string, filter: TicketOriginFilter) {
  let query = db
    .selectFrom('weigh_tickets as t')
    .leftJoin('weigh_ticket_voids as v', (j) =>
      j.onRef('v.org_id', '=', 't.org_id').onRef('v.ticket_id', '=', 't.ticket_id'),
    )
    .innerJoin('collection_points as p', (j) =>
      j.onRef('p.org_id', '=', 't.org_id').onRef('p.point_id', '=', 't.point_id'),
    )
    .select([
      't.ticket_id',
      't.ticket_number',
      't.point_id',
      'p.code as point_code',
      't.member_id',
      't.delivery_date',
      't.coffee_state',
      't.certification_class',
      't.plot_ids',
      't.net_grams',
      't.yield_bp',
    ])
    .where('t.org_id', '=', orgId)
    .where('v.ticket_id', 'is', null);
  if (filter.ticketIds) {
    if (filter.ticketIds.length === 0) return Promise.resolve([]);
    query = query.where('t.ticket_id', 'in', filter.ticketIds);
  }
  if (filter.pointIds && filter.pointIds.length > 0) query = query.where('t.point_id', 'in', filter.pointIds);
  if (filter.from) query = query.where('t.delivery_date', '>=', filter.from);
  if (filter.to) query = query.where('t.delivery_date', '<=', filter.to);
  if (filter.certificationClass) query = query.where('t.certification_class', '=', filter.certificationClass);
  if (filter.memberId) query = query.where('t.member_id', '=', filter.memberId);
  query = query.orderBy('t.delivery_date').orderBy('p.code').orderBy('t.ticket_number');
  if (filter.limit) query = query.limit(filter.limit);
  return query.execute();
}
export type TicketOrigin = Awaited<ReturnType<typeof ticketOrigins>>[number];
// ---- reads for other domains (the value chain's trace) ---------------------------------------------

/** What the trace shows of a weigh ticket. */
export interface TicketTraceRow {
  ticket_id: string;
  ticket_number: number;
  member_id: string;
  point_id: string;
  delivery_date: string;
  coffee_state: string;
  certification_class: string;
  plot_ids: string[];
  net_grams: number;
}

/** Tickets by id, in statements of 10,000 ids (a season's export lot holds thousands). */
export async function ticketsByIds(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<TicketTraceRow[]> {
  const rows: TicketTraceRow[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 10_000)
    rows.push(
      ...(await db
        .selectFrom('weigh_tickets')
        .select([
          'ticket_id',
          'ticket_number',
          'member_id',
          'point_id',
          'delivery_date',
          'coffee_state',
          'certification_class',
          'plot_ids',
          'net_grams',
        ])
        .where('org_id', '=', orgId)
        .where('ticket_id', 'in', unique.slice(i, i + 10_000))
        .execute()),
    );
  return rows;
}

/** The ids of a member's tickets (those naming the plot, when one is given), for the trace upward. */
export async function ticketIdsOfMember(
  db: Executor,
  orgId: string,
  memberId: string,
  plotId?: string,
): Promise<string[]> {
  let query = db
    .selectFrom('weigh_tickets')
    .select('ticket_id')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId);
  if (plotId) query = query.where(sql<boolean>`${plotId}::uuid = ANY (plot_ids)`);
  return (await query.execute()).map((r) => r.ticket_id);
}
