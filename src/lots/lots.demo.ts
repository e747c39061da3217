import type { DemoContext, DemoPart } from '../demo/demo.js';
import { demoId, personActor, systemActor } from '../orgs/index.js';
import { todayIn } from '../platform/dates.js';

/**
 * The value chain's first half in the demo: this season's tickets of Gallito de las Rocas and El Milagro
 * (both grant COCLA their lots) made into monthly lots at their collection points, the EUDR ones apart
 * from the few tickets without a plot; the older lots delivered to COCLA; COCLA's export lot built from
 * both cooperatives' lots and milled at its plant, with its outturn; an inventory count approved by a
 * second person and another waiting for approval. Through the services, so every rule is the real one.
 */

const COOPS = ['gallito-de-las-rocas', 'el-milagro'] as const;
const CENTRAL = 'cocla';

function person(ctx: DemoContext, email: string) {
  const userId = ctx.userIds.get(email);
  return userId ? personActor(userId, email) : systemActor('demo');
}

export const lotsDemo: DemoPart = {
  name: 'lots from the season’s tickets, delivered to COCLA, an export lot milled with its outturn',
  async load(ctx) {
    const { services } = ctx;
    const { db, clock } = services.deps;
    const actor = systemActor('demo');
    const today = todayIn('America/Lima', clock.now());

    for (const [code, name, kind] of [
      ['REC', 'Almacén de recepción Quillabamba', 'warehouse'],
      ['PLT', 'Planta de trilla COCLA', 'mill'],
      ['PTO', 'Almacén en puerto del Callao', 'port'],
    ] as const)
      await services.stock.createWarehouse(actor, CENTRAL, {
        id: demoId(`warehouse:${CENTRAL}:${code}`),
        code,
        name,
        kind,
      });

    const delivered: { org: string; code: string }[] = [];
    for (const slug of COOPS) {
      const orgId = ctx.orgIds.get(slug)!;
      const warehouseActor = person(ctx, `warehouse@${slug}.example`);
      const tickets = await db
        .selectFrom('weigh_tickets')
        .select(['ticket_id', 'delivery_date', 'plot_ids'])
        .where('org_id', '=', orgId)
        .orderBy('delivery_date')
        .orderBy('ticket_number')
        .execute();
      // one lot a month of the tickets with plots (EUDR); those without a plot in a lot of their own
      const months = new Map<string, string[]>();
      const noPlot: string[] = [];
      for (const t of tickets) {
        if (t.plot_ids.length === 0) noPlot.push(t.ticket_id);
        else
          months.set(t.delivery_date.slice(0, 7), [
            ...(months.get(t.delivery_date.slice(0, 7)) ?? []),
            t.ticket_id,
          ]);
      }
      const made: string[] = [];
      for (const [month, ids] of months) {
        const lot = await services.lots.createLot(warehouseActor, slug, {
          id: demoId(`lot:${slug}:${month}`),
          tickets: ids.map((ticketId) => ({ ticketId })),
          lots: [],
          note: `Pergamino de ${month}`,
        });
        made.push(lot.code);
      }
      if (noPlot.length > 0)
        await services.lots.createLot(warehouseActor, slug, {
          id: demoId(`lot:${slug}:no-plot`),
          tickets: noPlot.map((ticketId) => ({ ticketId })),
          lots: [],
          note: 'Tickets sin parcela: visitar a los socios antes de venderlo como EUDR',
        });
      // the older lots go to COCLA; the newest stay at the cooperative
      for (const code of made.slice(0, Math.max(1, made.length - 2))) {
        await services.lots.closeLot(warehouseActor, slug, code);
        await services.lots.deliver(warehouseActor, slug, code, { central: CENTRAL, warehouse: 'REC' });
        delivered.push({ org: slug, code });
      }
      ctx.progress(
        `demo: ${slug}: ${made.length + (noPlot.length > 0 ? 1 : 0)} lots, ${delivered.length} delivered so far`,
      );
    }

    // COCLA's export lot: one delivered lot of each cooperative, then milled at its plant
    const centralActor = person(ctx, `warehouse@${CENTRAL}.example`);
    const picks = COOPS.map((slug) => delivered.find((d) => d.org === slug)!).filter(Boolean);
    const exportLot = await services.lots.createLot(centralActor, CENTRAL, {
      id: demoId('lot:cocla:export-1'),
      code: `EXP-${today.slice(2, 4)}-001`,
      lots: picks.map((p) => ({ org: p.org, code: p.code })),
      tickets: [],
      note: 'Lote de exportación: Gallito de las Rocas y El Milagro',
    });
    await services.lots.closeLot(centralActor, CENTRAL, exportLot.code);
    const order = await services.milling.createOrder(centralActor, CENTRAL, {
      id: demoId('milling:cocla:1'),
      warehouse: 'PLT',
      lots: [{ code: exportLot.code }],
      note: 'Trilla del primer lote de exportación',
    });
    const parchment = order.gramsIn;
    // green export a little below the desk's yields, second grade, rejects and husk; the rest is the loss
    const shares = [
      ['green_export', 0.752],
      ['green_second', 0.04],
      ['rejects', 0.018],
      ['husk', 0.17],
    ] as const;
    for (const [product, share] of shares)
      await services.milling.addOutput(centralActor, CENTRAL, order.code, {
        id: demoId(`milling:cocla:1:${product}`),
        ...(product === 'green_export' && { code: `${exportLot.code}-V` }),
        product,
        grams: Math.round(parchment * share),
      });
    const done = await services.milling.finish(centralActor, CENTRAL, order.code, {});
    ctx.progress(
      `demo: cocla: export lot ${exportLot.code} milled, outturn ${((done.outturn.realBp ?? 0) / 100).toFixed(2)} % against ${((done.outturn.intakeYieldBp ?? 0) / 100).toFixed(2)} % at intake`,
    );

    // inventory counts at Gallito's point: one approved by a second person, one waiting
    const slug = COOPS[0];
    const stock = await services.stock.stock(actor, slug, { warehouse: 'CEN' });
    const line = stock.items.find((l) => l.product === 'parchment');
    if (line) {
      const counted = await services.stock.recordCount(person(ctx, `warehouse@${slug}.example`), slug, {
        id: demoId(`count:${slug}:1`),
        warehouse: 'CEN',
        lines: [
          {
            product: 'parchment',
            certificationClass: line.certificationClass,
            countedGrams: line.grams - 2_300,
          },
        ],
        note: 'Conteo mensual (demo)',
      });
      await services.stock.approveCount(person(ctx, `manager@${slug}.example`), slug, counted.id);
      await services.stock.recordCount(person(ctx, `warehouse@${slug}.example`), slug, {
        id: demoId(`count:${slug}:2`),
        warehouse: 'CEN',
        lines: [
          {
            product: 'parchment',
            certificationClass: line.certificationClass,
            countedGrams: line.grams - 2_300 - 800,
          },
        ],
        note: 'Conteo de fin de semana: falta aprobar',
      });
    }
  },
};
