import type { Executor } from '../platform/db/transaction.js';
import type { CertClass, Product } from '../shared/enums.js';
import * as q from './sales.queries.js';

/**
 * Reads for the traceability domain (the EUDR package of a shipment, the trace from a contract back to
 * members' plots): a shipment's or a contract's lots with their grams, and the identity fields a due
 * diligence statement needs. The caller has checked the actor's rights in `orgId`; use inside or outside
 * a transaction (pass the executor).
 */
export interface SalesIdentity {
  contractId: string;
  contractNumber: string;
  buyer: { name: string; country: string; inAyni: boolean };
  /** Net mass in grams: the shipment's packing list, or the contract's quantity. */
  netGrams: number;
  shipmentPeriod: { from: string; to: string };
  goods: {
    product: Product;
    certificationClass: CertClass;
    grade: string | null;
    /** Harmonized System heading of coffee, not roasted, not decaffeinated (EUDR Annex I: 0901). */
    hsCode: '090111';
  };
}

export interface ShipmentLots extends SalesIdentity {
  shipmentId: string;
  icoMark: string;
  status: 'planned' | 'shipped';
  shippedOn: string | null;
  ddsReference: string | null;
  /** Each lot in the packing list with its net grams (summed over containers). */
  lots: { lotId: string; grams: number }[];
}

export interface ContractLots extends SalesIdentity {
  /** Each lot allocated to the contract: grams allocated, and of them shipped. */
  lots: { lotId: string; grams: number; shippedGrams: number }[];
}

async function identity(db: Executor, orgId: string, contractId: string) {
  const c = await q.findContract(db, orgId, contractId);
  if (!c) return undefined;
  const b = (await q.findBuyer(db, orgId, c.buyer_id))!;
  return {
    contractId: c.contract_id,
    contractNumber: c.number,
    buyer: { name: b.name, country: b.country, inAyni: b.buyer_org_id !== null },
    netGrams: c.quantity_grams,
    shipmentPeriod: { from: c.shipment_from, to: c.shipment_to },
    goods: {
      product: c.product,
      certificationClass: c.certification_class,
      grade: c.grade,
      hsCode: '090111' as const,
    },
  };
}

/** A shipment's lots and grams (its packing list) and identity; undefined when there is no such shipment. */
export async function shipmentLots(
  db: Executor,
  orgId: string,
  shipmentId: string,
): Promise<ShipmentLots | undefined> {
  const s = await q.findShipment(db, orgId, shipmentId);
  if (!s) return undefined;
  const id = (await identity(db, orgId, s.contract_id))!;
  const perLot = new Map<string, number>();
  for (const l of await q.packingLinesOf(db, orgId, shipmentId))
    perLot.set(l.lot_id, (perLot.get(l.lot_id) ?? 0) + l.net_grams);
  return {
    ...id,
    netGrams: s.net_grams,
    shipmentId: s.shipment_id,
    icoMark: s.ico_mark,
    status: s.status,
    shippedOn: s.shipped_on,
    ddsReference: s.dds_reference,
    lots: [...perLot].map(([lotId, grams]) => ({ lotId, grams })),
  };
}

/** A contract's allocated lots and grams and identity; undefined when there is no such contract. */
export async function contractLots(
  db: Executor,
  orgId: string,
  contractId: string,
): Promise<ContractLots | undefined> {
  const id = await identity(db, orgId, contractId);
  if (!id) return undefined;
  const allocations = await q.allocationsOf(db, orgId, contractId);
  return {
    ...id,
    lots: allocations
      .filter((x) => x.grams > 0)
      .map((x) => ({ lotId: x.lot_id, grams: x.grams, shippedGrams: x.shipped_grams })),
  };
}
