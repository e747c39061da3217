import type { OrgAccess, OrgsService } from '../orgs/index.js';
import { ACTIONS, type Actor, actorUserId, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { todayIn } from '../platform/dates.js';
import { type Executor, inTransaction, type Trx } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, forbidden, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import type {
  CountBody,
  CountView,
  CreateWarehouseBody,
  MovementQuery,
  MovementView,
  StockView,
  TransferBody,
  WarehouseView,
} from './lots.contract.js';
import * as q from './lots.queries.js';

/**
 * Warehouses and stock: warehouses of kind warehouse/mill/port (collection points have theirs), stock now
 * and on a date, the movement history, transfers as paired movements, and inventory counts whose
 * differences become adjustments only when a second person approves (ADR 0052).
 */

export type WarehouseRow = Awaited<ReturnType<typeof q.listWarehouses>>[number];
export const warehouseView = (w: WarehouseRow): WarehouseView => ({
  id: w.warehouse_id,
  code: w.code,
  name: w.name,
  kind: w.kind,
});

/** Read, write and adjust rights on an organization's stock (a central reads a cooperative's under a grant). */
export function lotsAccess(orgs: OrgsService) {
  return {
    read: (exec: Executor, actor: Actor, slug: string) =>
      orgs.authorizeArea(exec, actor, slug, 'lots', ACTIONS['lots.read']),
    write: (exec: Executor, actor: Actor, slug: string) => orgs.authorize(exec, actor, slug, 'lots.write'),
    adjust: (exec: Executor, actor: Actor, slug: string) => orgs.authorize(exec, actor, slug, 'lots.adjust'),
    mill: (exec: Executor, actor: Actor, slug: string) => orgs.authorize(exec, actor, slug, 'milling.manage'),
  };
}

export async function warehouseOrThrow(exec: Executor, orgId: string, code: string, path = 'warehouse') {
  const w = await q.findWarehouseByCode(exec, orgId, code);
  if (!w)
    throw invalid('lots.warehouse_not_found', [{ path, code: 'lots.warehouse_not_found', params: { code } }]);
  return w;
}

export function movementView(m: Awaited<ReturnType<typeof q.listMovements>>[number]): MovementView {
  return {
    id: m.movement_id,
    warehouseCode: m.warehouse_code,
    product: m.product,
    certificationClass: m.certification_class,
    grams: m.grams,
    kind: m.kind,
    occurredOn: m.occurred_on,
    lotCode: m.lot_code,
    reason: m.reason,
    recordedBy: m.recorded_by_label,
  };
}

export function createStockService(deps: ServiceDeps, orgs: OrgsService) {
  const { db, clock, ids } = deps;
  const access = lotsAccess(orgs);
  const today = (a: OrgAccess) => todayIn(a.org.time_zone, clock.now());

  async function listWarehouses(actor: Actor, slug: string) {
    const a = await access.read(db, actor, slug);
    return (await q.listWarehouses(db, a.org.org_id)).map(warehouseView);
  }

  async function createWarehouse(actor: Actor, slug: string, input: CreateWarehouseBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.adjust(trx, actor, slug);
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId: a.org.org_id, id: input.id, operation: 'warehouse.create', body: input, at },
        async () => {
          if (await q.findWarehouseByCode(trx, a.org.org_id, input.code))
            throw conflict('lots.warehouse_code_taken', { code: input.code });
          const row = await q.insertWarehouse(trx, {
            org_id: a.org.org_id,
            warehouse_id: input.id,
            code: input.code,
            name: input.name,
            kind: input.kind,
            point_id: null,
            created_at: at,
          });
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'warehouse.create',
            entityType: 'warehouse',
            entityId: row.warehouse_id,
            data: input,
            at,
          });
          return warehouseView(row);
        },
      );
      return result;
    });
  }

  async function stock(
    actor: Actor,
    slug: string,
    query: { on?: string; warehouse?: string },
  ): Promise<StockView> {
    const a = await access.read(db, actor, slug);
    const warehouseId = query.warehouse
      ? (await warehouseOrThrow(db, a.org.org_id, query.warehouse)).warehouse_id
      : undefined;
    const rows = query.on
      ? await q.stockOn(db, a.org.org_id, query.on, warehouseId)
      : await q.stockNow(db, a.org.org_id, warehouseId);
    return {
      on: query.on ?? null,
      items: rows.map((r) => ({
        warehouseCode: r.code,
        warehouseName: r.name,
        warehouseKind: r.kind,
        product: r.product,
        certificationClass: r.certification_class,
        grams: Number(r.grams),
      })),
    };
  }

  async function movements(actor: Actor, slug: string, query: MovementQuery) {
    const a = await access.read(db, actor, slug);
    const orgId = a.org.org_id;
    const warehouseId = query.warehouse
      ? (await warehouseOrThrow(db, orgId, query.warehouse)).warehouse_id
      : undefined;
    let lotId: string | undefined;
    if (query.lot) {
      const lot = await q.findLotByCode(db, orgId, query.lot);
      if (!lot) throw notFound('lots.lot_not_found', { code: query.lot });
      lotId = lot.lot_id;
    }
    const rows = await q.listMovements(db, orgId, {
      limit: query.limit,
      ...(warehouseId && { warehouseId }),
      ...(lotId && { lotId }),
      ...(query.product && { product: query.product }),
      ...(query.kind && { kind: query.kind }),
      ...(query.from && { from: query.from }),
      ...(query.to && { to: query.to }),
    });
    return rows.map(movementView);
  }

  /** Moves a lot (all it holds) or loose product between two warehouses: two movements, one transfer id. */
  async function transfer(actor: Actor, slug: string, input: TransferBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.write(trx, actor, slug);
      const orgId = a.org.org_id;
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'stock.transfer', body: input, at },
        async () => {
          const from = await warehouseOrThrow(trx, orgId, input.from, 'from');
          const to = await warehouseOrThrow(trx, orgId, input.to, 'to');
          if (from.warehouse_id === to.warehouse_id)
            throw invalid('lots.transfer_same_warehouse', [
              { path: 'to', code: 'lots.transfer_same_warehouse' },
            ]);
          let line: {
            product: q.LotRow['product'];
            certificationClass: q.LotRow['certification_class'];
            grams: number;
          };
          let lotId: string | undefined;
          if (input.lot) {
            const lot = await q.findLotByCode(trx, orgId, input.lot);
            if (!lot) throw notFound('lots.lot_not_found', { code: input.lot });
            const locked = (await q.findLot(trx, orgId, lot.lot_id, true))!;
            if (locked.warehouse_id !== from.warehouse_id)
              throw invalid('lots.lot_not_in_warehouse', [
                {
                  path: 'from',
                  code: 'lots.lot_not_in_warehouse',
                  params: { lot: lot.code, warehouse: from.code },
                },
              ]);
            if (locked.available_grams <= 0 || !['open', 'closed'].includes(locked.status))
              throw conflict('lots.lot_not_movable', { code: lot.code });
            line = {
              product: locked.product,
              certificationClass: locked.certification_class,
              grams: locked.available_grams,
            };
            lotId = locked.lot_id;
            await q.setLot(trx, orgId, locked.lot_id, { warehouse_id: to.warehouse_id });
          } else {
            line = {
              product: input.product!,
              certificationClass: input.certificationClass!,
              grams: input.grams!,
            };
          }
          const occurredOn = input.occurredOn ?? today(a);
          const common = {
            orgId,
            product: line.product,
            certificationClass: line.certificationClass,
            occurredOn,
            transferId: input.id,
            recordedAt: at,
            recordedByLabel: auditActor(actor).label,
            ...(lotId && { lotId }),
            ...(input.reason && { reason: input.reason }),
          };
          await q.insertStockMovements(trx, [
            {
              ...common,
              movementId: ids.next(),
              warehouseId: from.warehouse_id,
              grams: -line.grams,
              kind: 'transfer_out',
            },
            {
              ...common,
              movementId: ids.next(),
              warehouseId: to.warehouse_id,
              grams: line.grams,
              kind: 'transfer_in',
            },
          ]);
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'stock.transfer',
            entityType: 'stock_transfer',
            entityId: input.id,
            data: input,
            at,
          });
          return {
            id: input.id,
            movements: (await q.listMovements(trx, orgId, { transferId: input.id, limit: 10 })).map(
              movementView,
            ),
          };
        },
      );
      return result;
    });
  }

  // ---- inventory counts --------------------------------------------------------------------------

  async function countViews(exec: Executor, orgId: string, rows: Awaited<ReturnType<typeof q.listCounts>>) {
    const lines = await q.countLines(
      exec,
      orgId,
      rows.map((r) => r.count_id),
    );
    const warehouses = new Map(
      (await q.warehousesByIds(exec, orgId, [...new Set(rows.map((r) => r.warehouse_id))])).map((w) => [
        w.warehouse_id,
        w,
      ]),
    );
    return rows.map(
      (r): CountView => ({
        id: r.count_id,
        warehouseCode: warehouses.get(r.warehouse_id)?.code ?? '',
        warehouseName: warehouses.get(r.warehouse_id)?.name ?? '',
        countedOn: r.counted_on,
        countedBy: r.counted_by_label,
        approvedBy: r.approved_by_label,
        approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
        note: r.note,
        lines: lines
          .filter((l) => l.count_id === r.count_id)
          .map((l) => ({
            product: l.product,
            certificationClass: l.certification_class,
            bookGrams: l.book_grams,
            countedGrams: l.counted_grams,
            differenceGrams: l.counted_grams - l.book_grams,
          })),
      }),
    );
  }

  /**
   * A person records what they counted; the book figure is the stock at that moment. Lines of the
   * warehouse's stock that were not counted are not touched.
   */
  async function recordCount(actor: Actor, slug: string, input: CountBody) {
    return inTransaction(db, async (trx) => {
      const a = await access.write(trx, actor, slug);
      const orgId = a.org.org_id;
      const userId = actorUserId(actor);
      if (!userId) throw forbidden('lots.count_needs_person');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        { orgId, id: input.id, operation: 'count.create', body: input, at },
        async () => {
          const w = await warehouseOrThrow(trx, orgId, input.warehouse);
          const seen = new Set<string>();
          for (const [i, l] of input.lines.entries()) {
            const key = `${l.product}:${l.certificationClass}`;
            if (seen.has(key))
              throw invalid('lots.count_line_twice', [{ path: `lines.${i}`, code: 'lots.count_line_twice' }]);
            seen.add(key);
          }
          await q.insertCount(trx, {
            org_id: orgId,
            count_id: input.id,
            warehouse_id: w.warehouse_id,
            counted_on: input.countedOn ?? today(a),
            counted_by: userId,
            counted_by_label: auditActor(actor).label,
            counted_at: at,
            approved_by: null,
            approved_by_label: null,
            approved_at: null,
            note: input.note ?? null,
          });
          const lines = [];
          for (const l of input.lines)
            lines.push({
              org_id: orgId,
              count_id: input.id,
              product: l.product,
              certification_class: l.certificationClass,
              book_grams: await q.balanceOf(trx, orgId, w.warehouse_id, l.product, l.certificationClass),
              counted_grams: l.countedGrams,
            });
          await q.insertCountLines(trx, lines);
          await appendAudit(trx, {
            orgId,
            actor: auditActor(actor),
            action: 'count.create',
            entityType: 'inventory_count',
            entityId: input.id,
            data: input,
            at,
          });
          return (await countViews(trx, orgId, [(await q.findCount(trx, orgId, input.id))!]))[0]!;
        },
      );
      return result;
    });
  }

  /** A second person approves: each difference becomes an adjustment movement (the database refuses the counter). */
  async function approveCount(actor: Actor, slug: string, countId: string) {
    return inTransaction(db, async (trx: Trx) => {
      const a = await access.adjust(trx, actor, slug);
      const orgId = a.org.org_id;
      const userId = actorUserId(actor);
      if (!userId) throw forbidden('lots.count_needs_person');
      const count = await q.findCount(trx, orgId, countId, true);
      if (!count) throw notFound('lots.count_not_found');
      if (count.approved_by) throw conflict('lots.count_already_approved');
      const at = clock.now();
      await q.approveCount(trx, orgId, countId, { userId, label: auditActor(actor).label, at });
      const lines = await q.countLines(trx, orgId, [countId]);
      await q.insertStockMovements(
        trx,
        lines
          .filter((l) => l.counted_grams !== l.book_grams)
          .map((l) => ({
            orgId,
            movementId: ids.next(),
            warehouseId: count.warehouse_id,
            product: l.product,
            certificationClass: l.certification_class,
            grams: l.counted_grams - l.book_grams,
            kind: 'adjustment' as const,
            occurredOn: count.counted_on,
            countId,
            reason: `inventory count ${count.counted_on}`,
            recordedAt: at,
            recordedByLabel: auditActor(actor).label,
          })),
      );
      await appendAudit(trx, {
        orgId,
        actor: auditActor(actor),
        action: 'count.approve',
        entityType: 'inventory_count',
        entityId: countId,
        data: { countId },
        at,
      });
      return (await countViews(trx, orgId, [(await q.findCount(trx, orgId, countId))!]))[0]!;
    });
  }

  async function listCounts(actor: Actor, slug: string) {
    const a = await access.read(db, actor, slug);
    return countViews(db, a.org.org_id, await q.listCounts(db, a.org.org_id));
  }

  return {
    listWarehouses,
    createWarehouse,
    stock,
    movements,
    transfer,
    recordCount,
    approveCount,
    listCounts,
  };
}

export type StockService = ReturnType<typeof createStockService>;
