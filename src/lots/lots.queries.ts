import { type Selectable, sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type { LotDrawKind, StockMovementKind } from '../shared/enums.js';
import type { LotsTable } from './lots.tables.js';

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
