import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type { LotDrawKind, StockMovementKind } from '../shared/enums.js';
import type {
  InventoryCountLinesTable,
  InventoryCountsTable,
  LotInputsTable,
  LotsTable,
  MillingOrdersTable,
  WarehousesTable,
} from './lots.tables.js';

/** The only place that builds SQL for warehouses, stock, lots and milling. */

export type LotRow = Selectable<LotsTable> & { available_grams: number };

const lotColumns = (db: Executor) =>
  db.selectFrom('lots').selectAll().select(sql<number>`grams_in - grams_out`.as('available_grams'));

/** A lot by id, optionally locked for the rest of the transaction. */
export function findLot(
  db: Executor,
  orgId: string,
  lotId: string,
  lock = false,
): Promise<LotRow | undefined> {
  let query = lotColumns(db).where('org_id', '=', orgId).where('lot_id', '=', lotId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A lot by its code (codes are unique per organization). */
export function findLotByCode(db: Executor, orgId: string, code: string): Promise<LotRow | undefined> {
  return lotColumns(db).where('org_id', '=', orgId).where('code', '=', code).executeTakeFirst();
}

export function lotsByIds(db: Executor, orgId: string, lotIds: readonly string[]): Promise<LotRow[]> {
  if (lotIds.length === 0) return Promise.resolve([]);
  return lotColumns(db).where('org_id', '=', orgId).where('lot_id', 'in', lotIds).execute() as Promise<
    LotRow[]
  >;
}

/**
 * Takes grams out of a lot other than into another lot (a sample, a shipment, a loss, into a milling
 * order). The database refuses more than the lot holds (`lot_mass_balance`).
 */
export function insertLotDraw(
  db: Executor,
  draw: {
    orgId: string;
    lotId: string;
    drawId: string;
    kind: LotDrawKind;
    grams: number;
    millingId?: string;
    shipmentId?: string;
    reason?: string;
    drawnOn: string;
    recordedAt: Date;
    recordedByLabel: string;
  },
) {
  return db
    .insertInto('lot_draws')
    .values({
      org_id: draw.orgId,
      lot_id: draw.lotId,
      draw_id: draw.drawId,
      kind: draw.kind,
      grams: draw.grams,
      milling_id: draw.millingId ?? null,
      shipment_id: draw.shipmentId ?? null,
      reason: draw.reason ?? null,
      drawn_on: draw.drawnOn,
      recorded_at: draw.recordedAt,
      recorded_by_label: draw.recordedByLabel,
    })
    .execute();
}

export interface NewStockMovement {
  orgId: string;
  movementId: string;
  warehouseId: string;
  product: LotsTable['product'];
  certificationClass: LotsTable['certification_class'];
  /** Signed: in positive, out negative (the database checks the sign against the kind). */
  grams: number;
  kind: StockMovementKind;
  occurredOn: string;
  lotId?: string;
  transferId?: string;
  millingId?: string;
  countId?: string;
  reason?: string;
  recordedAt: Date;
  recordedByLabel: string;
}

/** Appends movements in one statement; the database refuses any that would make stock negative. */
export function insertStockMovements(db: Executor, movements: readonly NewStockMovement[]) {
  if (movements.length === 0) return Promise.resolve([]);
  return db
    .insertInto('stock_movements')
    .values(
      movements.map((m) => ({
        org_id: m.orgId,
        movement_id: m.movementId,
        warehouse_id: m.warehouseId,
        product: m.product,
        certification_class: m.certificationClass,
        grams: m.grams,
        kind: m.kind,
        occurred_on: m.occurredOn,
        ticket_id: null,
        lot_id: m.lotId ?? null,
        transfer_id: m.transferId ?? null,
        milling_id: m.millingId ?? null,
        count_id: m.countId ?? null,
        reason: m.reason ?? null,
        recorded_at: m.recordedAt,
        recorded_by_label: m.recordedByLabel,
      })),
    )
    .execute();
}

// ---- warehouses --------------------------------------------------------------------------------

export function listWarehouses(db: Executor, orgId: string) {
  return db
    .selectFrom('warehouses')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

export function findWarehouseByCode(db: Executor, orgId: string, code: string) {
  return db
    .selectFrom('warehouses')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function warehousesByIds(db: Executor, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('warehouses')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('warehouse_id', 'in', ids)
    .execute();
}

export function insertWarehouse(db: Executor, row: Insertable<WarehousesTable>) {
  return db.insertInto('warehouses').values(row).returningAll().executeTakeFirstOrThrow();
}

// ---- stock -------------------------------------------------------------------------------------

/** Stock now: the running balances the trigger keeps (zero lines left out). */
export function stockNow(db: Executor, orgId: string, warehouseId?: string) {
  let query = db
    .selectFrom('stock_balances as b')
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.org_id', '=', 'b.org_id').onRef('w.warehouse_id', '=', 'b.warehouse_id'),
    )
    .select(['w.code', 'w.name', 'w.kind', 'b.product', 'b.certification_class', 'b.grams'])
    .where('b.org_id', '=', orgId)
    .where('b.grams', '<>', 0);
  if (warehouseId) query = query.where('b.warehouse_id', '=', warehouseId);
  return query.orderBy('w.code').orderBy('b.product').orderBy('b.certification_class').execute();
}

/**
 * Stock at the end of a day: the sum of every movement up to it, per warehouse, product and class
 * (ADR 0051). Summed first, then named: the join touches one row per line, not per movement.
 */
export function stockOn(db: Executor, orgId: string, on: string, warehouseId?: string) {
  let sums = db
    .selectFrom('stock_movements')
    .select(['warehouse_id', 'product', 'certification_class', sql<number>`sum(grams)::bigint`.as('grams')])
    .where('org_id', '=', orgId)
    .where('occurred_on', '<=', on)
    .groupBy(['warehouse_id', 'product', 'certification_class']);
  if (warehouseId) sums = sums.where('warehouse_id', '=', warehouseId);
  return db
    .selectFrom(sums.as('s'))
    .innerJoin('warehouses as w', (j) =>
      j.on('w.org_id', '=', orgId).onRef('w.warehouse_id', '=', 's.warehouse_id'),
    )
    .select(['w.code', 'w.name', 'w.kind', 's.product', 's.certification_class', 's.grams'])
    .where('s.grams', '<>', 0)
    .orderBy('w.code')
    .orderBy('s.product')
    .orderBy('s.certification_class')
    .execute();
}

/** One balance line, locked (a count's book figure, a transfer's check). */
export async function balanceOf(
  db: Executor,
  orgId: string,
  warehouseId: string,
  product: string,
  certificationClass: string,
): Promise<number> {
  const row = await db
    .selectFrom('stock_balances')
    .select('grams')
    .where('org_id', '=', orgId)
    .where('warehouse_id', '=', warehouseId)
    .where('product', '=', product as never)
    .where('certification_class', '=', certificationClass as never)
    .executeTakeFirst();
  return row?.grams ?? 0;
}

export function listMovements(
  db: Executor,
  orgId: string,
  filter: {
    warehouseId?: string;
    product?: string;
    kind?: string;
    from?: string;
    to?: string;
    lotId?: string;
    transferId?: string;
    countId?: string;
    limit: number;
  },
) {
  let query = db
    .selectFrom('stock_movements as m')
    .innerJoin('warehouses as w', (j) =>
      j.onRef('w.org_id', '=', 'm.org_id').onRef('w.warehouse_id', '=', 'm.warehouse_id'),
    )
    .leftJoin('lots as l', (j) => j.onRef('l.lot_id', '=', 'm.lot_id'))
    .select([
      'm.movement_id',
      'w.code as warehouse_code',
      'm.product',
      'm.certification_class',
      'm.grams',
      'm.kind',
      'm.occurred_on',
      'l.code as lot_code',
      'm.reason',
      'm.recorded_by_label',
    ])
    .where('m.org_id', '=', orgId);
  if (filter.warehouseId) query = query.where('m.warehouse_id', '=', filter.warehouseId);
  if (filter.product) query = query.where('m.product', '=', filter.product as never);
  if (filter.kind) query = query.where('m.kind', '=', filter.kind as never);
  if (filter.from) query = query.where('m.occurred_on', '>=', filter.from);
  if (filter.to) query = query.where('m.occurred_on', '<=', filter.to);
  if (filter.lotId) query = query.where('m.lot_id', '=', filter.lotId);
  if (filter.transferId) query = query.where('m.transfer_id', '=', filter.transferId);
  if (filter.countId) query = query.where('m.count_id', '=', filter.countId);
  return query
    .orderBy('m.occurred_on', 'desc')
    .orderBy('m.recorded_at', 'desc')
    .orderBy('m.movement_id')
    .limit(filter.limit)
    .execute();
}

/** Where a delivered lot was received at the central (its delivery_in movement's warehouse). */
export async function receivingWarehouseOf(db: Executor, orgId: string, lotId: string) {
  const row = await db
    .selectFrom('stock_movements')
    .select('warehouse_id')
    .where('org_id', '=', orgId)
    .where('lot_id', '=', lotId)
    .where('kind', '=', 'delivery_in')
    .executeTakeFirst();
  return row?.warehouse_id;
}

// ---- inventory counts --------------------------------------------------------------------------

export function insertCount(db: Executor, row: Insertable<InventoryCountsTable>) {
  return db.insertInto('inventory_counts').values(row).execute();
}
export function insertCountLines(db: Executor, rows: Insertable<InventoryCountLinesTable>[]) {
  return db.insertInto('inventory_count_lines').values(rows).execute();
}
export function findCount(db: Executor, orgId: string, countId: string, lock = false) {
  let query = db
    .selectFrom('inventory_counts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('count_id', '=', countId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}
export function listCounts(db: Executor, orgId: string) {
  return db
    .selectFrom('inventory_counts')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('counted_at', 'desc')
    .limit(100)
    .execute();
}
export function countLines(db: Executor, orgId: string, countIds: readonly string[]) {
  if (countIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inventory_count_lines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('count_id', 'in', countIds)
    .orderBy('product')
    .orderBy('certification_class')
    .execute();
}
export function approveCount(
  db: Executor,
  orgId: string,
  countId: string,
  by: { userId: string; label: string; at: Date },
) {
  return db
    .updateTable('inventory_counts')
    .set({ approved_by: by.userId, approved_by_label: by.label, approved_at: by.at })
    .where('org_id', '=', orgId)
    .where('count_id', '=', countId)
    .execute();
}

// ---- lots --------------------------------------------------------------------------------------

export function insertLot(db: Executor, row: Insertable<LotsTable>) {
  return db.insertInto('lots').values(row).execute();
}

export function listLots(
  db: Executor,
  orgId: string,
  filter: { status?: string; product?: string; q?: string },
): Promise<LotRow[]> {
  let query = lotColumns(db).where('org_id', '=', orgId);
  if (filter.status) query = query.where('status', '=', filter.status as never);
  if (filter.product) query = query.where('product', '=', filter.product as never);
  if (filter.q) query = query.where('code', 'like', `%${filter.q.toUpperCase().replace(/[%_]/g, '')}%`);
  return query.orderBy('created_at', 'desc').orderBy('code').limit(500).execute() as Promise<LotRow[]>;
}

/** Lots of any organization delivered to this one (a central's view), with their owner. */
export function lotsDeliveredTo(db: Executor, centralOrgId: string): Promise<LotRow[]> {
  return lotColumns(db)
    .where('delivered_to_org_id', '=', centralOrgId)
    .orderBy('created_at', 'desc')
    .execute() as Promise<LotRow[]>;
}

/** Lots by (org, lot) pairs across organizations (a central's inputs). */
export function lotsByKeys(
  db: Executor,
  keys: readonly { orgId: string; lotId: string }[],
): Promise<LotRow[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return lotColumns(db)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('org_id', '=', k.orgId), eb('lot_id', '=', k.lotId)]))))
    .execute() as Promise<LotRow[]>;
}

/** The lots with this prefix and year, for the next suggested code. */
export async function lastLotNumber(db: Executor, orgId: string, prefix: string): Promise<number> {
  const rows = await db
    .selectFrom('lots')
    .select('code')
    .where('org_id', '=', orgId)
    .where('code', 'like', `${prefix}%`)
    .execute();
  let max = 0;
  for (const r of rows) {
    const n = Number(r.code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

export async function lastMillingNumber(db: Executor, orgId: string, prefix: string): Promise<number> {
  const rows = await db
    .selectFrom('milling_orders')
    .select('code')
    .where('org_id', '=', orgId)
    .where('code', 'like', `${prefix}%`)
    .execute();
  let max = 0;
  for (const r of rows) {
    const n = Number(r.code.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

export function setLot(
  db: Executor,
  orgId: string,
  lotId: string,
  patch: Partial<
    Pick<
      LotsTable,
      'status' | 'warehouse_id' | 'delivered_to_org_id' | 'harvest_from' | 'harvest_to' | 'eudr'
    >
  >,
) {
  return db.updateTable('lots').set(patch).where('org_id', '=', orgId).where('lot_id', '=', lotId).execute();
}

/** Lots whose coffee is all gone become `consumed` (a delivered one keeps where it went). */
export function markConsumed(db: Executor, keys: readonly { orgId: string; lotId: string }[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .updateTable('lots')
    .set({ status: 'consumed' })
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('org_id', '=', k.orgId), eb('lot_id', '=', k.lotId)]))))
    .where(sql<boolean>`grams_in = grams_out`)
    .where('grams_in', '>', 0)
    .where('status', 'in', ['open', 'closed', 'delivered'])
    .execute();
}

export async function nextInputNo(db: Executor, orgId: string, lotId: string): Promise<number> {
  const row = await db
    .selectFrom('lot_inputs')
    .select(sql<number>`coalesce(max(input_no), 0)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('lot_id', '=', lotId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function insertLotInputs(db: Executor, rows: Insertable<LotInputsTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('lot_inputs').values(rows).execute();
}

/** Grams already taken into lots from each of these tickets. */
export async function lottedGramsOfTickets(db: Executor, orgId: string, ticketIds: readonly string[]) {
  const out = new Map<string, number>();
  for (let i = 0; i < ticketIds.length; i += 5000) {
    const chunk = ticketIds.slice(i, i + 5000);
    if (chunk.length === 0) break;
    const rows = await db
      .selectFrom('lot_inputs')
      .select(['ticket_id', sql<number>`sum(grams)::bigint`.as('grams')])
      .where('org_id', '=', orgId)
      .where('ticket_id', 'in', chunk)
      .groupBy('ticket_id')
      .execute();
    for (const r of rows) out.set(r.ticket_id!, r.grams);
  }
  return out;
}

export function inputsOf(db: Executor, orgId: string, lotId: string) {
  return db
    .selectFrom('lot_inputs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('lot_id', '=', lotId)
    .orderBy('input_no')
    .execute();
}

/** Where a lot's coffee went into other lots (its own organization's or its central's). */
export function takenBy(db: Executor, orgId: string, lotId: string) {
  return db
    .selectFrom('lot_inputs as i')
    .innerJoin('lots as l', (j) => j.onRef('l.org_id', '=', 'i.org_id').onRef('l.lot_id', '=', 'i.lot_id'))
    .select(['i.org_id', 'l.code', 'l.created_at', 'i.grams'])
    .where('i.source_org_id', '=', orgId)
    .where('i.source_lot_id', '=', lotId)
    .orderBy('l.created_at')
    .execute();
}

export function drawsOf(db: Executor, orgId: string, lotId: string) {
  return db
    .selectFrom('lot_draws as d')
    .leftJoin('milling_orders as m', (j) =>
      j.onRef('m.org_id', '=', 'd.org_id').onRef('m.milling_id', '=', 'd.milling_id'),
    )
    .select([
      'd.draw_id',
      'd.kind',
      'd.grams',
      'd.reason',
      'd.drawn_on',
      'm.code as milling_code',
      'd.shipment_id',
    ])
    .where('d.org_id', '=', orgId)
    .where('d.lot_id', '=', lotId)
    .orderBy('d.drawn_on')
    .execute();
}

/**
 * For outturn: the tickets in these lots (through blends and other cooperatives' delivered lots), each
 * with its grams per gram of the lot. Multiply by the grams drawn to get a ticket's part of a milling.
 */
export async function ticketFractions(db: Executor, roots: readonly { orgId: string; lotId: string }[]) {
  if (roots.length === 0) return [];
  const values = sql.join(roots.map((r) => sql`(${r.orgId}::uuid, ${r.lotId}::uuid)`));
  const result = await sql<{
    root_org_id: string;
    root_lot_id: string;
    org_id: string;
    ticket_id: string;
    fraction: string;
  }>`
    WITH RECURSIVE roots(org_id, lot_id) AS (VALUES ${values}),
    walk(root_org_id, root_lot_id, org_id, lot_id, fraction, depth) AS (
      SELECT r.org_id, r.lot_id, r.org_id, r.lot_id, 1::numeric, 0 FROM roots r
      UNION ALL
      SELECT w.root_org_id, w.root_lot_id, i.source_org_id, i.source_lot_id,
             w.fraction * i.grams / nullif(l.grams_in, 0), w.depth + 1
      FROM walk w
      JOIN lots l ON l.org_id = w.org_id AND l.lot_id = w.lot_id
      JOIN lot_inputs i ON i.org_id = w.org_id AND i.lot_id = w.lot_id AND i.source_lot_id IS NOT NULL
      WHERE w.depth < 20
    )
    SELECT w.root_org_id, w.root_lot_id, i.org_id, i.ticket_id,
           sum(w.fraction * i.grams / nullif(l.grams_in, 0))::text AS fraction
    FROM walk w
    JOIN lots l ON l.org_id = w.org_id AND l.lot_id = w.lot_id
    JOIN lot_inputs i ON i.org_id = w.org_id AND i.lot_id = w.lot_id AND i.ticket_id IS NOT NULL
    GROUP BY w.root_org_id, w.root_lot_id, i.org_id, i.ticket_id`.execute(db);
  return result.rows;
}

// ---- milling -----------------------------------------------------------------------------------

export function insertMilling(db: Executor, row: Insertable<MillingOrdersTable>) {
  return db.insertInto('milling_orders').values(row).execute();
}
export function findMillingByCode(db: Executor, orgId: string, code: string, lock = false) {
  let query = db
    .selectFrom('milling_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}
export function listMillings(db: Executor, orgId: string) {
  return db
    .selectFrom('milling_orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}
export function millingDraws(db: Executor, orgId: string, millingId: string) {
  return db
    .selectFrom('lot_draws as d')
    .innerJoin('lots as l', (j) => j.onRef('l.org_id', '=', 'd.org_id').onRef('l.lot_id', '=', 'd.lot_id'))
    .select(['d.lot_id', 'l.code', 'l.certification_class', 'l.eudr', 'd.grams'])
    .where('d.org_id', '=', orgId)
    .where('d.milling_id', '=', millingId)
    .orderBy('l.code')
    .execute();
}
export function millingOutputs(db: Executor, orgId: string, millingId: string) {
  return db
    .selectFrom('lot_inputs as i')
    .innerJoin('lots as l', (j) => j.onRef('l.org_id', '=', 'i.org_id').onRef('l.lot_id', '=', 'i.lot_id'))
    .select(['i.lot_id', 'l.code', 'l.product', 'i.grams'])
    .where('i.org_id', '=', orgId)
    .where('i.milling_id', '=', millingId)
    .orderBy('l.code')
    .execute();
}
export function finishMilling(db: Executor, orgId: string, millingId: string, milledOn: string) {
  return db
    .updateTable('milling_orders')
    .set({ status: 'done', milled_on: milledOn, loss_grams: sql<number>`grams_in - grams_out` })
    .where('org_id', '=', orgId)
    .where('milling_id', '=', millingId)
    .execute();
}
