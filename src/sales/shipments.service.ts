import type { LedgerService } from '../ledger/index.js';
import { findLot, insertLotDraw, insertStockMovements, lotsByIds } from '../lots/index.js';
import type { OrgAccess } from '../orgs/index.js';
import { type Actor, auditActor } from '../orgs/index.js';
import { appendAudit } from '../platform/audit.js';
import { type Executor, inTransaction } from '../platform/db/transaction.js';
import type { ServiceDeps } from '../platform/deps.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { idempotentCreate } from '../platform/idempotency.js';
import { currencyOf, formatMoney } from '../platform/money.js';
import {
  convertMinor,
  type FairtradeTerms,
  fixedSlices,
  parseRateMicro,
  shipmentValue,
  UnfixedError,
} from './price.js';
import type { CreateShipmentBody, ShipmentView } from './sales.contract.js';
import * as q from './sales.queries.js';
import { gramsOf, kgText, type SalesService } from './sales.service.js';

/**
 * Shipments: ICO mark, containers and the packing list (bags of each lot in each container), then shipping —
 * the lots' grams leave them and their warehouses, and what the shipment earns is posted to the ledger, in one
 * transaction (ADR 0054).
 */
export function createShipmentsService(deps: ServiceDeps, sales: SalesService, ledger: LedgerService) {
  const { db, clock, ids } = deps;

  async function shipmentRow(exec: Executor, a: OrgAccess, shipmentId: string, lock = false) {
    const row = await q.findShipment(exec, a.org.org_id, shipmentId, lock);
    if (!row) throw notFound('sales.shipment_not_found');
    return row;
  }

  async function shipmentView(exec: Executor, a: OrgAccess, shipmentId: string): Promise<ShipmentView> {
    const s = await shipmentRow(exec, a, shipmentId);
    const c = await sales.contractRow(exec, a, s.contract_id);
    const buyer = (await q.findBuyer(exec, a.org.org_id, c.buyer_id))!;
    const containers = await q.containersOf(exec, a.org.org_id, shipmentId);
    const lines = await q.packingLinesOf(exec, a.org.org_id, shipmentId);
    const codes = new Map(
      (await lotsByIds(exec, a.org.org_id, [...new Set(lines.map((l) => l.lot_id))])).map((l) => [
        l.lot_id,
        l.code,
      ]),
    );
    const usd = currencyOf(c.currency);
    const local = currencyOf(a.org.currency);
    return {
      id: s.shipment_id,
      contractId: c.contract_id,
      contractNumber: c.number,
      buyer: buyer.name,
      icoMark: s.ico_mark,
      status: s.status,
      portOfLoading: s.port_of_loading,
      portOfDischarge: s.port_of_discharge,
      vessel: s.vessel,
      billOfLading: s.bill_of_lading,
      netKg: kgText(s.net_grams),
      bags: containers.reduce((sum, x) => sum + x.bags, 0),
      shippedOn: s.shipped_on,
      ddsReference: s.dds_reference,
      containers: containers.map((x) => ({
        number: x.container_no,
        seal: x.seal,
        bags: x.bags,
        grossKg: kgText(x.gross_grams),
        netKg: kgText(x.net_grams),
        lots: lines
          .filter((l) => l.container_no === x.container_no)
          .map((l) => ({
            lotId: l.lot_id,
            lotCode: codes.get(l.lot_id) ?? '?',
            bags: l.bags,
            netKg: kgText(l.net_grams),
          })),
      })),
      earnings:
        s.status !== 'shipped'
          ? null
          : {
              currency: c.currency,
              goods: formatMoney(BigInt(s.goods_minor!), usd),
              premium: formatMoney(BigInt(s.premium_minor!), usd),
              total: formatMoney(BigInt(s.goods_minor! + s.premium_minor!), usd),
              exchangeRate: formatMoney(BigInt(s.exchange_rate_micro!), { code: 'rate', minorUnits: 6 }),
              localCurrency: a.org.currency,
              localTotal: formatMoney(BigInt(s.local_total_minor!), local),
              localPremium: formatMoney(BigInt(s.local_premium_minor!), local),
              entryId: s.entry_id!,
            },
    };
  }

  /** A planned shipment: its ICO mark, containers and packing list. Nothing leaves a lot yet. */
  async function createShipment(actor: Actor, slug: string, contractId: string, input: CreateShipmentBody) {
    return inTransaction(db, async (trx) => {
      const a = await sales.access(trx, actor, slug, 'sales.manage');
      const at = clock.now();
      const { result } = await idempotentCreate(
        trx,
        {
          orgId: a.org.org_id,
          id: input.id,
          operation: 'sales.shipment.create',
          body: { contractId, ...input },
          at,
        },
        async () => {
          const c = await sales.contractRow(trx, a, contractId, true);
          if (c.status !== 'signed') throw conflict('sales.contract_not_signed', { number: c.number });
          const numbers = input.containers.map((x) => x.number);
          if (new Set(numbers).size !== numbers.length)
            throw invalid('sales.container_twice', [{ path: 'containers', code: 'sales.container_twice' }]);
          const containers = input.containers.map((x) => {
            const lotIds = x.lots.map((l) => l.lotId);
            if (new Set(lotIds).size !== lotIds.length)
              throw invalid(
                'sales.packing_lot_twice',
                [{ path: 'containers', code: 'sales.packing_lot_twice' }],
                {
                  container: x.number,
                },
              );
            const net = x.lots.reduce((s, l) => s + gramsOf(l.netKg), 0);
            const gross = gramsOf(x.grossKg);
            if (net > gross)
              throw invalid(
                'sales.container_net_over_gross',
                [{ path: 'containers', code: 'sales.container_net_over_gross' }],
                {
                  container: x.number,
                },
              );
            return { ...x, net, gross, bags: x.lots.reduce((s, l) => s + l.bags, 0) };
          });
          const net = containers.reduce((s, x) => s + x.net, 0);
          await q.insertShipment(trx, {
            org_id: a.org.org_id,
            shipment_id: input.id,
            contract_id: contractId,
            ico_mark: input.icoMark,
            port_of_loading: input.portOfLoading ?? null,
            port_of_discharge: input.portOfDischarge ?? null,
            vessel: input.vessel ?? null,
            bill_of_lading: input.billOfLading ?? null,
            net_grams: net,
            shipped_on: null,
            goods_minor: null,
            premium_minor: null,
            exchange_rate_micro: null,
            local_total_minor: null,
            local_premium_minor: null,
            entry_id: null,
            dds_reference: null,
            created_at: at,
            created_by_label: auditActor(actor).label,
          });
          await q.insertContainers(
            trx,
            containers.map((x) => ({
              org_id: a.org.org_id,
              shipment_id: input.id,
              container_no: x.number,
              seal: x.seal,
              bags: x.bags,
              gross_grams: x.gross,
              net_grams: x.net,
            })),
          );
          await q.insertPackingLines(
            trx,
            containers.flatMap((x) =>
              x.lots.map((l) => ({
                org_id: a.org.org_id,
                shipment_id: input.id,
                container_no: x.number,
                lot_id: l.lotId,
                bags: l.bags,
                net_grams: gramsOf(l.netKg),
              })),
            ),
          );
          await appendAudit(trx, {
            orgId: a.org.org_id,
            actor: auditActor(actor),
            action: 'sales.shipment.create',
            entityType: 'sales_shipment',
            entityId: input.id,
            data: { contractId, ...input },
            at,
          });
          return shipmentView(trx, a, input.id);
        },
      );
      return result;
    });
  }

  /**
   * Ships: refused when the lots allocated to the contract do not reach what the packing list takes of
   * each, when the contract would ship beyond its quantity, or when a to-be-fixed contract has no price
   * fixed for these grams. Then the grams leave the lots (a draw each) and their warehouses (a dispatch
   * each), the allocations count them shipped, and the sale is posted: receivable from the buyer =
   * sales revenue + the Fairtrade Premium fund, in the organization's currency at the rate given.
   */
  async function ship(
    actor: Actor,
    slug: string,
    shipmentId: string,
    input: { shippedOn: string; exchangeRate: string },
  ) {
    return inTransaction(db, async (trx) => {
      const a = await sales.access(trx, actor, slug, 'sales.manage');
      const s = await shipmentRow(trx, a, shipmentId, true);
      if (s.status === 'shipped') return shipmentView(trx, a, shipmentId);
      const c = await sales.contractRow(trx, a, s.contract_id, true);
      if (c.status !== 'signed') throw conflict('sales.contract_not_signed', { number: c.number });
      const orgId = a.org.org_id;
      const at = clock.now();
      const label = auditActor(actor).label;

      // what the packing list takes of each lot, against what the contract holds of it
      const lines = await q.packingLinesOf(trx, orgId, shipmentId);
      const perLot = new Map<string, number>();
      for (const l of lines) perLot.set(l.lot_id, (perLot.get(l.lot_id) ?? 0) + l.net_grams);
      const allocations = new Map(
        (await q.allocationsOf(trx, orgId, c.contract_id)).map((x) => [x.lot_id, x]),
      );
      const lots = new Map((await lotsByIds(trx, orgId, [...perLot.keys()])).map((l) => [l.lot_id, l]));
      let held = 0;
      for (const x of allocations.values()) held += x.grams - x.shipped_grams;
      for (const [lotId, grams] of perLot) {
        const x = allocations.get(lotId);
        const left = x ? x.grams - x.shipped_grams : 0;
        if (grams > left)
          throw conflict('sales.shipment_short', {
            number: c.number,
            lot: lots.get(lotId)?.code ?? lotId,
            kg: kgText(grams),
            left: kgText(left),
            allocated: kgText(held),
            shipment: kgText(s.net_grams),
          });
      }
      const shippedBefore = await q.shippedGramsOf(trx, orgId, c.contract_id);
      if (shippedBefore + s.net_grams > c.quantity_grams)
        throw conflict('sales.shipment_over_quantity', {
          number: c.number,
          kg: kgText(s.net_grams),
          left: kgText(c.quantity_grams - shippedBefore),
        });

      // what it earns
      const terms: FairtradeTerms | null =
        c.ft_minimum_per_lb === null
          ? null
          : {
              minimumPerLb: BigInt(c.ft_minimum_per_lb),
              premiumPerLb: BigInt(c.ft_premium_per_lb!),
              organicDifferentialPerLb: BigInt(c.ft_organic_differential_per_lb!),
            };
      const grams = BigInt(s.net_grams);
      let value: ReturnType<typeof shipmentValue>;
      if (c.price_kind === 'fixed') {
        value = shipmentValue({
          grams,
          certificationClass: c.certification_class,
          terms,
          fixedPrice: { units: BigInt(c.fixed_price!), basis: c.price_basis },
        });
      } else {
        const fixations = (await q.fixationsOf(trx, orgId, c.contract_id)).map((f) => ({
          grams: BigInt(f.grams),
          levelPerLb: BigInt(f.level_per_lb),
        }));
        try {
          const slices = fixedSlices(fixations, BigInt(c.differential_per_lb!), BigInt(shippedBefore), grams);
          value = shipmentValue({ grams, certificationClass: c.certification_class, terms, slices });
        } catch (error) {
          if (error instanceof UnfixedError)
            throw conflict('sales.shipment_unfixed', { number: c.number, kg: kgText(error.missingGrams) });
          throw error;
        }
      }
      const rate = parseRateMicro(input.exchangeRate);
      if (rate <= 0n)
        throw invalid('sales.exchange_rate', [{ path: 'exchangeRate', code: 'sales.exchange_rate' }]);
      if (a.org.currency === c.currency && rate !== 1_000_000n)
        throw invalid('sales.exchange_rate_same', [
          { path: 'exchangeRate', code: 'sales.exchange_rate_same' },
        ]);
      const localTotal = convertMinor(value.totalMinor, rate);
      const localPremium = convertMinor(value.premiumMinor, rate);
      const usd = currencyOf(c.currency);
      const memo = `${c.currency} ${formatMoney(value.totalMinor, usd)} × ${input.exchangeRate}`;

      await ledger.ensureAccountsIn(trx, orgId, a.org.locale === 'en' ? 'en' : 'es', [
        'receivable_buyers',
        'coffee_sales',
        'fairtrade_premium_fund',
      ]);
      const entryId = ids.next();
      const buyer = (await q.findBuyer(trx, orgId, c.buyer_id))!;
      await ledger.postEntryIn(trx, actor, orgId, {
        entryId,
        date: input.shippedOn,
        description: `${c.number} · ${s.ico_mark} · ${buyer.name}`.slice(0, 300),
        currency: a.org.currency,
        source: { type: 'sales_shipment', id: shipmentId },
        lines: [
          { account: { purpose: 'receivable_buyers' }, amountMinor: Number(localTotal), memo },
          {
            account: { purpose: 'coffee_sales' },
            amountMinor: -Number(localTotal - localPremium),
            memo: `${c.currency} ${formatMoney(value.goodsMinor, usd)} × ${input.exchangeRate}`,
          },
          ...(localPremium > 0n
            ? [
                {
                  account: { purpose: 'fairtrade_premium_fund' },
                  amountMinor: -Number(localPremium),
                  memo: `${c.currency} ${formatMoney(value.premiumMinor, usd)} × ${input.exchangeRate}`,
                },
              ]
            : []),
        ],
      });

      // the grams leave the lots and their warehouses
      for (const [lotId, lotGrams] of perLot) {
        const lot = await findLot(trx, orgId, lotId, true);
        if (!lot) throw notFound('sales.lot_not_found');
        await insertLotDraw(trx, {
          orgId,
          lotId,
          drawId: ids.next(),
          kind: 'shipment',
          grams: lotGrams,
          shipmentId,
          drawnOn: input.shippedOn,
          recordedAt: at,
          recordedByLabel: label,
        });
        await insertStockMovements(trx, [
          {
            orgId,
            movementId: ids.next(),
            warehouseId: lot.warehouse_id,
            product: lot.product,
            certificationClass: lot.certification_class,
            grams: -lotGrams,
            kind: 'dispatch',
            occurredOn: input.shippedOn,
            lotId,
            reason: `${c.number} ${s.ico_mark}`,
            recordedAt: at,
            recordedByLabel: label,
          },
        ]);
        await q.markShipped(trx, orgId, c.contract_id, lotId, lotGrams);
      }
      await q.recordShipped(trx, orgId, shipmentId, {
        shipped_on: input.shippedOn,
        goods_minor: Number(value.goodsMinor),
        premium_minor: Number(value.premiumMinor),
        exchange_rate_micro: Number(rate),
        local_total_minor: Number(localTotal),
        local_premium_minor: Number(localPremium),
        entry_id: entryId,
      });
      await appendAudit(trx, {
        orgId,
        actor: auditActor(actor),
        action: 'sales.shipment.ship',
        entityType: 'sales_shipment',
        entityId: shipmentId,
        data: {
          ...input,
          goodsMinor: Number(value.goodsMinor),
          premiumMinor: Number(value.premiumMinor),
          entryId,
        },
        at,
      });
      return shipmentView(trx, a, shipmentId);
    });
  }

  /** The buyer's due-diligence statement reference (EUDR), recorded back on the shipment. */
  async function recordDds(actor: Actor, slug: string, shipmentId: string, ddsReference: string) {
    return inTransaction(db, async (trx) => {
      const a = await sales.access(trx, actor, slug, 'sales.manage');
      await shipmentRow(trx, a, shipmentId, true);
      await q.recordDds(trx, a.org.org_id, shipmentId, ddsReference);
      const at = clock.now();
      await appendAudit(trx, {
        orgId: a.org.org_id,
        actor: auditActor(actor),
        action: 'sales.shipment.dds',
        entityType: 'sales_shipment',
        entityId: shipmentId,
        data: { ddsReference },
        at,
      });
      return shipmentView(trx, a, shipmentId);
    });
  }

  async function getShipment(actor: Actor, slug: string, shipmentId: string) {
    const a = await sales.access(db, actor, slug, 'sales.read');
    const view = await shipmentView(db, a, shipmentId);
    const c = await sales.contractRow(db, a, view.contractId);
    return {
      view,
      context: {
        organization: a.org.name,
        product: c.product,
        certificationClass: c.certification_class,
        grade: c.grade,
      },
    };
  }

  return { createShipment, ship, recordDds, getShipment };
}

export type ShipmentsService = ReturnType<typeof createShipmentsService>;
