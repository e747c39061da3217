import type { Services } from '../app.js';
import type { DemoPart } from '../demo/demo.js';
import { demoId, systemActor } from '../orgs/index.js';
import { lotIdsWithGrams } from './sales.queries.js';
import { gramsOf } from './sales.service.js';

/**
 * COCLA's sales: a buyer in Hamburg, a fixed-price contract and a to-be-fixed one with a partial fixation,
 * lots allocated to both, and one shipment of the first shipped with its ICO mark and container. It needs
 * lots with grams (the lots demo); when the organization has none, it creates nothing.
 * Returns what it made, for the test that runs it on its own cooperative.
 */
export async function loadSalesDemo(
  services: Services,
  slug: string,
  orgId: string,
  id: (name: string) => string,
): Promise<{ contracts: number; shipped: boolean }> {
  const actor = systemActor('demo');
  const { sales, shipments } = services;
  if ((await lotIdsWithGrams(services.deps.db, orgId, 'green_export')).length === 0)
    return { contracts: 0, shipped: false };
  const buyer = await sales.createBuyer(actor, slug, {
    id: id('sales:buyer:hamburg'),
    name: 'Hanseatic Green Coffee GmbH',
    country: 'DE',
    contact: 'trading@hanseatic.example',
  });
  const common = {
    buyerId: buyer.id,
    contractDate: '2026-05-04',
    certificationClass: 'conventional' as const,
    incoterm: 'FOB' as const,
    incotermPlace: 'Callao',
    shipmentFrom: '2026-06-01',
    shipmentTo: '2026-08-31',
  };
  const draft = await sales.createContract(actor, slug, {
    ...common,
    id: id('sales:contract:1'),
    number: 'CV-2026-001',
    quantity: { unit: 'bag-69', bags: 4 },
    product: 'green_export',
    grade: 'Grado 1, malla 15+',
    minCupScore: '84',
    maxMoisturePercent: '12',
    price: { kind: 'fixed', basis: 'lb', usd: '3.25' },
  });
  const lots = await sales.availableLots(actor, slug, draft.id);
  await sales.signContract(actor, slug, draft.id);
  const second = await sales.createContract(actor, slug, {
    ...common,
    id: id('sales:contract:2'),
    number: 'CV-2026-002',
    quantity: { unit: 'bag-69', bags: 2 },
    product: 'green_export',
    price: { kind: 'differential', differentialCents: '35', futuresMonth: 'Sep-26' },
  });
  await sales.signContract(actor, slug, second.id);
  await sales.fix(actor, slug, second.id, {
    id: id('sales:fix:1'),
    fixedOn: '2026-05-20',
    levelCents: '298.40',
    bags: 1,
  });

  // allocate what the lots give, first to the first contract, then the rest to the second
  const need = [276_000, 138_000];
  const plan: { lotId: string; grams: number }[][] = [[], []];
  for (const lot of lots) {
    let left = gramsOf(lot.availableKg);
    for (const k of [0, 1]) {
      const take = Math.min(left, need[k]!);
      if (take > 0) {
        plan[k]!.push({ lotId: lot.lotId, grams: take });
        need[k]! -= take;
        left -= take;
      }
    }
  }
  const kg = (g: number) => (g / 1000).toFixed(3);
  for (const k of [0, 1])
    if (plan[k]!.length > 0)
      await sales.allocate(actor, slug, k === 0 ? draft.id : second.id, {
        lots: plan[k]!.map((p) => ({ lotId: p.lotId, kg: kg(p.grams) })),
      });
  if (need[0]! > 0) return { contracts: 2, shipped: false };
  const shipment = await shipments.createShipment(actor, slug, draft.id, {
    id: id('sales:shipment:1'),
    icoMark: '029-0125-00017',
    portOfLoading: 'Callao',
    portOfDischarge: 'Hamburg',
    vessel: 'MSC Alina',
    billOfLading: 'MEDU4471230',
    containers: [
      {
        number: 'MSCU1234565',
        seal: 'PE-0047811',
        grossKg: kg(276_000 + 4 * 700),
        lots: plan[0]!.map((p) => ({
          lotId: p.lotId,
          bags: Math.max(1, Math.round(p.grams / 69_000)),
          netKg: kg(p.grams),
        })),
      },
    ],
  });
  await shipments.ship(actor, slug, shipment.id, { shippedOn: '2026-06-15', exchangeRate: '3.7525' });
  return { contracts: 2, shipped: true };
}

export const salesDemo: DemoPart = {
  name: 'sales: COCLA’s contracts, allocations and a shipment',
  async load(ctx) {
    const orgId = ctx.orgIds.get('cocla');
    if (!orgId) return;
    const made = await loadSalesDemo(ctx.services, 'cocla', orgId, demoId);
    if (made.contracts === 0)
      ctx.progress('demo: sales — COCLA has no lots of green coffee yet: nothing made');
    else if (!made.shipped)
      ctx.progress('demo: sales — COCLA’s lots do not fill a container: nothing shipped');
  },
};
