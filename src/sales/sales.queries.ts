import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';
import type {
  SalesBuyersTable,
  SalesContainersTable,
  SalesContractsTable,
  SalesFixationsTable,
  SalesPackingLinesTable,
  SalesShipmentsTable,
} from './sales.tables.js';

/** The only place that builds SQL for buyers, contracts, fixations, allocations and shipments. */

export function insertBuyer(db: Executor, row: Insertable<SalesBuyersTable>) {
  return db.insertInto('sales_buyers').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listBuyers(db: Executor, orgId: string) {
  return db.selectFrom('sales_buyers').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

export function findBuyer(db: Executor, orgId: string, buyerId: string) {
  return db
    .selectFrom('sales_buyers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('buyer_id', '=', buyerId)
    .executeTakeFirst();
}

/** The Fairtrade terms in force on a date: the latest row that took effect on or before it. */
export function fairtradeTermsOn(db: Executor, date: string) {
  return db
    .selectFrom('fairtrade_price_terms')
    .selectAll()
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertContract(db: Executor, row: Insertable<SalesContractsTable>) {
  return db.insertInto('sales_contracts').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findContract(db: Executor, orgId: string, contractId: string, lock = false) {
  let query = db
    .selectFrom('sales_contracts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findContractByNumber(db: Executor, orgId: string, number: string) {
  return db
    .selectFrom('sales_contracts')
    .select('contract_id')
    .where('org_id', '=', orgId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Contracts with their buyer and the grams allocated, shipped and fixed, newest first. */
export function listContracts(db: Executor, orgId: string) {
  return db
    .selectFrom('sales_contracts as c')
    .innerJoin('sales_buyers as b', (j) =>
      j.onRef('b.org_id', '=', 'c.org_id').onRef('b.buyer_id', '=', 'c.buyer_id'),
    )
    .selectAll('c')
    .select(['b.name as buyer_name', 'b.country as buyer_country'])
    .select((eb) => [
      eb
        .selectFrom('sales_allocations as a')
        .select(sql<number>`coalesce(sum(a.grams), 0)::bigint`.as('g'))
        .whereRef('a.org_id', '=', 'c.org_id')
        .whereRef('a.contract_id', '=', 'c.contract_id')
        .as('allocated_grams'),
      eb
        .selectFrom('sales_allocations as a')
        .select(sql<number>`coalesce(sum(a.shipped_grams), 0)::bigint`.as('g'))
        .whereRef('a.org_id', '=', 'c.org_id')
        .whereRef('a.contract_id', '=', 'c.contract_id')
        .as('shipped_grams'),
      eb
        .selectFrom('sales_fixations as f')
        .select(sql<number>`coalesce(sum(f.grams), 0)::bigint`.as('g'))
        .whereRef('f.org_id', '=', 'c.org_id')
        .whereRef('f.contract_id', '=', 'c.contract_id')
        .as('fixed_grams'),
    ])
    .where('c.org_id', '=', orgId)
    .orderBy('c.contract_date', 'desc')
    .orderBy('c.number')
    .execute();
}

export function signContract(db: Executor, orgId: string, contractId: string, at: Date, label: string) {
  return db
    .updateTable('sales_contracts')
    .set({ status: 'signed', signed_at: at, signed_by_label: label })
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId)
    .execute();
}

export function insertFixation(db: Executor, row: Insertable<SalesFixationsTable>) {
  return db.insertInto('sales_fixations').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A contract's fixations in the order shipments take them: first fixed, first shipped. */
export function fixationsOf(db: Executor, orgId: string, contractId: string) {
  return db
    .selectFrom('sales_fixations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId)
    .orderBy('fixed_on')
    .orderBy('recorded_at')
    .orderBy('fixation_id')
    .execute();
}

export function allocationsOf(db: Executor, orgId: string, contractId: string) {
  return db
    .selectFrom('sales_allocations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId)
    .orderBy('allocated_at')
    .orderBy('lot_id')
    .execute();
}

/** Grams of each lot held by contracts and not shipped yet, over every contract. */
export function heldByLot(db: Executor, orgId: string, lotIds: readonly string[]) {
  if (lotIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sales_allocations')
    .select(['lot_id', sql<number>`sum(grams - shipped_grams)::bigint`.as('held')])
    .where('org_id', '=', orgId)
    .where('lot_id', 'in', lotIds)
    .groupBy('lot_id')
    .execute();
}

/** Adds grams to a contract's allocation of a lot (one row per contract and lot). */
export function addAllocation(
  db: Executor,
  row: {
    org_id: string;
    contract_id: string;
    lot_id: string;
    grams: number;
    allocated_at: Date;
    allocated_by_label: string;
  },
) {
  return db
    .insertInto('sales_allocations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'contract_id', 'lot_id']).doUpdateSet((eb) => ({
        grams: sql<number>`${eb.ref('sales_allocations.grams')} + ${eb.ref('excluded.grams')}`,
      })),
    )
    .execute();
}

export function markShipped(db: Executor, orgId: string, contractId: string, lotId: string, grams: number) {
  return db
    .updateTable('sales_allocations')
    .set((eb) => ({ shipped_grams: eb('shipped_grams', '+', grams) }))
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId)
    .where('lot_id', '=', lotId)
    .executeTakeFirst();
}

/** Lots of the organization that could go to a contract of this product: those with grams left. */
export function lotIdsWithGrams(db: Executor, orgId: string, product: string) {
  return db
    .selectFrom('lots')
    .select('lot_id')
    .where('org_id', '=', orgId)
    .where('product', '=', product as never)
    .where('status', 'not in', ['delivered', 'consumed', 'shipped'])
    .where(sql<boolean>`grams_in > grams_out`)
    .orderBy('code')
    .execute();
}

export function insertShipment(db: Executor, row: Insertable<SalesShipmentsTable>) {
  return db.insertInto('sales_shipments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function insertContainers(db: Executor, rows: Insertable<SalesContainersTable>[]) {
  return db.insertInto('sales_containers').values(rows).execute();
}

export function insertPackingLines(db: Executor, rows: Insertable<SalesPackingLinesTable>[]) {
  return db.insertInto('sales_packing_lines').values(rows).execute();
}

export function findShipment(db: Executor, orgId: string, shipmentId: string, lock = false) {
  let query = db
    .selectFrom('sales_shipments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('shipment_id', '=', shipmentId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function shipmentsOf(db: Executor, orgId: string, contractId: string) {
  return db
    .selectFrom('sales_shipments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId)
    .orderBy('created_at')
    .execute();
}

export function containersOf(db: Executor, orgId: string, shipmentId: string) {
  return db
    .selectFrom('sales_containers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('shipment_id', '=', shipmentId)
    .orderBy('container_no')
    .execute();
}

export function packingLinesOf(db: Executor, orgId: string, shipmentId: string) {
  return db
    .selectFrom('sales_packing_lines')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('shipment_id', '=', shipmentId)
    .orderBy('container_no')
    .orderBy('lot_id')
    .execute();
}

/** Grams of a contract shipped by shipments already shipped. */
export async function shippedGramsOf(db: Executor, orgId: string, contractId: string): Promise<number> {
  const row = await db
    .selectFrom('sales_shipments')
    .select(sql<number>`coalesce(sum(net_grams), 0)::bigint`.as('g'))
    .where('org_id', '=', orgId)
    .where('contract_id', '=', contractId)
    .where('status', '=', 'shipped')
    .executeTakeFirstOrThrow();
  return Number(row.g);
}

export function recordShipped(
  db: Executor,
  orgId: string,
  shipmentId: string,
  values: {
    shipped_on: string;
    goods_minor: number;
    premium_minor: number;
    exchange_rate_micro: number;
    local_total_minor: number;
    local_premium_minor: number;
    entry_id: string;
  },
) {
  return db
    .updateTable('sales_shipments')
    .set({ status: 'shipped', ...values })
    .where('org_id', '=', orgId)
    .where('shipment_id', '=', shipmentId)
    .execute();
}

export function recordDds(db: Executor, orgId: string, shipmentId: string, reference: string) {
  return db
    .updateTable('sales_shipments')
    .set({ dds_reference: reference })
    .where('org_id', '=', orgId)
    .where('shipment_id', '=', shipmentId)
    .execute();
}
