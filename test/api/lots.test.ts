import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';
import { type TestOrg, type TestTicket, testId } from '../harness/factories.js';

/**
 * Warehouses, stock, lots, delivery to the central, the central's export lot and dry milling, through the
 * HTTP API with organizations made for this file. Refusals are checked to name what is wrong.
 */

let ctx: TestContext;
let coop: TestOrg;
let central: TestOrg;
let tickets: TestTicket[];
const s: Record<string, Session> = {};
let n = 0;
const id = () => testId(`lots-api:${++n}`);

const post = (url: string, payload: unknown, who: Session) =>
  ctx.http.inject({ method: 'POST', url, headers: who.headers, payload: payload as Record<string, unknown> });
const get = (url: string, who: Session) => ctx.http.inject({ method: 'GET', url, headers: who.headers });
const body = (res: { body: string }) => JSON.parse(res.body);

beforeAll(async () => {
  ctx = await createTestContext();
  coop = await ctx.make.cooperative({
    slug: 'lots-coop',
    roles: ['admin', 'manager', 'cashier', 'warehouse'],
  });
  central = await ctx.make.organization({
    kind: 'central',
    slug: 'lots-central',
    roles: ['admin', 'manager', 'warehouse'],
  });
  await ctx.make.cooperative({ slug: 'lots-stranger', roles: ['admin'] });
  await ctx.make.grant(coop, central, ['lots']);
  const point = await ctx.make.collectionPoint(coop);
  await ctx.make.priceSchedule(coop);
  const people = await ctx.make.members(coop, 3);
  tickets = [];
  for (const [i, member] of people.entries())
    tickets.push(
      await ctx.make.weighTicket(coop, {
        point,
        member,
        plotIds: [testId(`lots-api:plot:${i}`)],
        yieldPercent: ['78', '80', '74'][i]!,
      }),
    );
  tickets.push(await ctx.make.weighTicket(coop, { point, member: people[0]!, yieldPercent: '77' }));
  for (const [key, email] of [
    ['coopWarehouse', 'warehouse@lots-coop.test'],
    ['coopManager', 'manager@lots-coop.test'],
    ['coopAdmin', 'admin@lots-coop.test'],
    ['centralManager', 'manager@lots-central.test'],
    ['centralAdmin', 'admin@lots-central.test'],
    ['centralWarehouse', 'warehouse@lots-central.test'],
    ['stranger', 'admin@lots-stranger.test'],
  ] as const)
    s[key] = await signIn(ctx.http, email);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const NET = 90_500; // 92 kg gross − 1.5 kg tare, the factory's default

describe('stock and lots of a cooperative', () => {
  it('receives tickets into the point’s store and offers them for lots', async () => {
    const stock = body(await get('/api/v1/orgs/lots-coop/stock', s.coopWarehouse!));
    expect(stock.items).toEqual([
      expect.objectContaining({
        warehouseCode: 'CEN',
        product: 'parchment',
        certificationClass: 'conventional',
        grams: 4 * NET,
      }),
    ]);
    const candidates = body(
      await get('/api/v1/orgs/lots-coop/lots/ticket-candidates?point=CEN', s.coopWarehouse!),
    );
    expect(candidates.items).toHaveLength(4);
    expect(candidates.items.map((t: { hasPlots: boolean }) => t.hasPlots)).toEqual([true, true, true, false]);
  });

  it('refuses an EUDR lot with a ticket of unknown origin, naming the member to visit', async () => {
    const res = await post(
      '/api/v1/orgs/lots-coop/lots',
      { id: id(), eudr: true, tickets: tickets.map((t) => ({ ticketId: t.id })) },
      s.coopWarehouse!,
    );
    expect(res.statusCode).toBe(400);
    const problem = body(res);
    expect(problem.code).toBe('lots.eudr_unknown_origin');
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: 'tickets.3',
        code: 'lots.ticket_without_plot',
        message: expect.stringContaining('0001'),
      }),
    ]);
  });

  it('makes an EUDR lot from whole tickets and part of one, to the gram, with a suggested code', async () => {
    const res = await post(
      '/api/v1/orgs/lots-coop/lots',
      {
        id: testId('lots-api:lot-1'),
        tickets: [
          { ticketId: tickets[0]!.id },
          { ticketId: tickets[1]!.id },
          { ticketId: tickets[2]!.id, grams: 30_000 },
        ],
      },
      s.coopWarehouse!,
    );
    expect(res.statusCode).toBe(201);
    const lot = body(res);
    expect(lot).toMatchObject({
      code: 'CEN-26-001',
      product: 'parchment',
      certificationClass: 'conventional',
      eudr: true,
      status: 'open',
      gramsIn: 2 * NET + 30_000,
      availableGrams: 2 * NET + 30_000,
      harvestFrom: '2026-03-03',
      members: 3,
    });
    expect(lot.inputs.map((i: { grams: number }) => i.grams)).toEqual([NET, NET, 30_000]);
  });

  it('makes a second lot of what is left; without plots it is not EUDR, and a ticket gives no more than it weighed', async () => {
    const over = await post(
      '/api/v1/orgs/lots-coop/lots',
      { id: id(), tickets: [{ ticketId: tickets[2]!.id, grams: NET }] },
      s.coopWarehouse!,
    );
    expect(over.statusCode).toBe(400);
    expect(body(over).errors[0]).toMatchObject({
      code: 'lots.ticket_used_up',
      message: expect.stringContaining('60.5 kg'),
    });
    const res = await post(
      '/api/v1/orgs/lots-coop/lots',
      { id: testId('lots-api:lot-2'), tickets: [{ ticketId: tickets[2]!.id }, { ticketId: tickets[3]!.id }] },
      s.coopWarehouse!,
    );
    expect(res.statusCode).toBe(201);
    expect(body(res)).toMatchObject({ code: 'CEN-26-002', eudr: false, gramsIn: NET - 30_000 + NET });
    const left = body(await get('/api/v1/orgs/lots-coop/lots/ticket-candidates', s.coopWarehouse!));
    expect(left.items).toEqual([]);
  });

  it('transfers a lot to a warehouse; stock on an earlier date is still where it was', async () => {
    expect(
      (
        await post(
          '/api/v1/orgs/lots-coop/warehouses',
          { id: id(), code: 'ALM', name: 'Almacén central', kind: 'warehouse' },
          s.coopWarehouse!,
        )
      ).statusCode,
    ).toBe(403);
    const created = await post(
      '/api/v1/orgs/lots-coop/warehouses',
      { id: id(), code: 'ALM', name: 'Almacén central', kind: 'warehouse' },
      s.coopManager!,
    );
    expect(created.statusCode).toBe(201);
    const moved = await post(
      '/api/v1/orgs/lots-coop/stock/transfers',
      { id: id(), from: 'CEN', to: 'ALM', lot: 'CEN-26-001', occurredOn: '2026-03-04' },
      s.coopWarehouse!,
    );
    expect(moved.statusCode).toBe(201);
    expect(
      body(moved)
        .movements.map((m: { kind: string; grams: number }) => [m.kind, m.grams])
        .sort(),
    ).toEqual([
      ['transfer_in', 2 * NET + 30_000],
      ['transfer_out', -(2 * NET + 30_000)],
    ]);
    const now = body(await get('/api/v1/orgs/lots-coop/stock', s.coopWarehouse!)).items;
    expect(now.map((l: { warehouseCode: string; grams: number }) => [l.warehouseCode, l.grams])).toEqual([
      ['ALM', 2 * NET + 30_000],
      ['CEN', 2 * NET - 30_000],
    ]);
    const before = body(await get('/api/v1/orgs/lots-coop/stock?on=2026-03-03', s.coopWarehouse!)).items;
    expect(before.map((l: { warehouseCode: string; grams: number }) => [l.warehouseCode, l.grams])).toEqual([
      ['CEN', 4 * NET],
    ]);
    const loose = await post(
      '/api/v1/orgs/lots-coop/stock/transfers',
      { id: id(), from: 'CEN', to: 'ALM', product: 'parchment', certificationClass: 'organic', grams: 1000 },
      s.coopWarehouse!,
    );
    expect(loose.statusCode).toBe(409);
    expect(body(loose).code).toBe('db.constraint.stock_not_negative');
  });

  it('records a loss with its reason and refuses drawing more than the lot holds', async () => {
    const loss = await post(
      '/api/v1/orgs/lots-coop/lots/CEN-26-001/draws',
      { id: id(), kind: 'loss', grams: 1_500, reason: 'Secado en almacén' },
      s.coopWarehouse!,
    );
    expect(loss.statusCode).toBe(200);
    expect(body(loss)).toMatchObject({ availableGrams: 2 * NET + 28_500, gramsOut: 1_500 });
    const tooMuch = await post(
      '/api/v1/orgs/lots-coop/lots/CEN-26-001/draws',
      { id: id(), kind: 'sample', grams: 10_000_000, reason: 'Muestra' },
      s.coopWarehouse!,
    );
    expect(tooMuch.statusCode).toBe(409);
    expect(['db.constraint.lot_mass_balance', 'db.constraint.stock_not_negative']).toContain(
      body(tooMuch).code,
    );
  });

  it('adjusts stock from a count only when a second person approves', async () => {
    const counted = await post(
      '/api/v1/orgs/lots-coop/stock/counts',
      {
        id: testId('lots-api:count'),
        warehouse: 'ALM',
        lines: [{ product: 'parchment', certificationClass: 'conventional', countedGrams: 2 * NET + 29_000 }],
      },
      s.coopManager!,
    );
    expect(counted.statusCode).toBe(201);
    expect(body(counted).lines[0]).toMatchObject({ bookGrams: 2 * NET + 28_500, differenceGrams: 500 });
    const self = await post(
      `/api/v1/orgs/lots-coop/stock/counts/${testId('lots-api:count')}/approve`,
      {},
      s.coopManager!,
    );
    expect(self.statusCode).toBe(409);
    expect(body(self).code).toBe('db.constraint.inventory_count_second_person');
    const approved = await post(
      `/api/v1/orgs/lots-coop/stock/counts/${testId('lots-api:count')}/approve`,
      {},
      s.coopAdmin!,
    );
    expect(approved.statusCode).toBe(200);
    expect(body(approved).approvedBy).toBe('admin@lots-coop.test');
    const adjustments = body(
      await get('/api/v1/orgs/lots-coop/stock/movements?kind=adjustment&warehouse=ALM', s.coopWarehouse!),
    );
    expect(adjustments.items.map((m: { grams: number }) => m.grams).sort()).toEqual([-1_500, 500]);
  });
});

describe('delivery to the central, export lot and milling', () => {
  it('delivers a lot: it leaves the cooperative’s store and arrives at the central’s', async () => {
    await post(
      '/api/v1/orgs/lots-central/warehouses',
      { id: id(), code: 'REC', name: 'Recepción', kind: 'warehouse' },
      s.centralAdmin!,
    );
    await post(
      '/api/v1/orgs/lots-central/warehouses',
      { id: id(), code: 'PLT', name: 'Planta', kind: 'mill' },
      s.centralAdmin!,
    );
    const res = await post(
      '/api/v1/orgs/lots-coop/lots/CEN-26-001/deliver',
      { central: 'lots-central', warehouse: 'REC' },
      s.coopWarehouse!,
    );
    expect(res.statusCode).toBe(200);
    expect(body(res)).toMatchObject({ status: 'delivered', deliveredTo: { slug: 'lots-central' } });
    const again = await post(
      '/api/v1/orgs/lots-coop/lots/CEN-26-001/deliver',
      { central: 'lots-central', warehouse: 'REC' },
      s.coopWarehouse!,
    );
    expect(again.statusCode).toBe(409);
    const centralStock = body(await get('/api/v1/orgs/lots-central/stock', s.centralWarehouse!)).items;
    expect(centralStock).toEqual([
      expect.objectContaining({ warehouseCode: 'REC', grams: 2 * NET + 28_500 }),
    ]);
    const view = body(await get('/api/v1/orgs/lots-central/lots/cooperatives', s.centralManager!));
    expect(view.cooperatives).toEqual([
      expect.objectContaining({
        slug: 'lots-coop',
        granted: true,
        lots: expect.arrayContaining([expect.objectContaining({ code: 'CEN-26-002' })]),
      }),
    ]);
    expect((await get('/api/v1/orgs/lots-coop/lots', s.stranger!)).statusCode).toBe(404);
  });

  it('builds an export lot from the delivered lot and mills it with its outturn', async () => {
    const exportLot = await post(
      '/api/v1/orgs/lots-central/lots',
      { id: testId('lots-api:export'), code: 'EXP-001', lots: [{ org: 'lots-coop', code: 'CEN-26-001' }] },
      s.centralWarehouse!,
    );
    expect(exportLot.statusCode).toBe(201);
    expect(body(exportLot)).toMatchObject({
      origin: 'blend',
      eudr: true,
      gramsIn: 2 * NET + 28_500,
      warehouseCode: 'REC',
    });
    expect(body(exportLot).inputs[0]).toMatchObject({
      kind: 'lot',
      label: 'CEN-26-001',
      org: expect.any(String),
    });
    const coopLot = body(await get('/api/v1/orgs/lots-coop/lots/CEN-26-001', s.coopWarehouse!));
    expect(coopLot).toMatchObject({ status: 'consumed', availableGrams: 0 });
    expect(coopLot.outputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'lot', label: 'EXP-001', grams: 2 * NET + 28_500 }),
      ]),
    );

    const parchment = 2 * NET + 28_500;
    const order = await post(
      '/api/v1/orgs/lots-central/milling-orders',
      { id: id(), code: 'TR-001', warehouse: 'PLT', lots: [{ code: 'EXP-001' }] },
      s.centralWarehouse!,
    );
    expect(order.statusCode).toBe(201);
    expect(body(order)).toMatchObject({ gramsIn: parchment, status: 'open' });
    const early = await post(
      '/api/v1/orgs/lots-central/milling-orders/TR-001/finish',
      {},
      s.centralWarehouse!,
    );
    expect(early.statusCode).toBe(409);
    const green = Math.round(parchment * 0.75);
    await post(
      '/api/v1/orgs/lots-central/milling-orders/TR-001/outputs',
      { id: id(), code: 'EXP-001-V', product: 'green_export', grams: green },
      s.centralWarehouse!,
    );
    await post(
      '/api/v1/orgs/lots-central/milling-orders/TR-001/outputs',
      { id: id(), product: 'husk', grams: 40_000 },
      s.centralWarehouse!,
    );
    const done = await post(
      '/api/v1/orgs/lots-central/milling-orders/TR-001/finish',
      {},
      s.centralWarehouse!,
    );
    expect(done.statusCode).toBe(200);
    const m = body(done);
    expect(m).toMatchObject({
      status: 'done',
      gramsOut: green + 40_000,
      lossGrams: parchment - green - 40_000,
    });
    expect(m.outturn.realBp).toBe(7500);
    // intake: ticket 1 at 78 %, ticket 2 at 80 %, 30 kg of ticket 3 at 74 %; less the loss, in proportion
    expect(m.outturn.intakeYieldBp).toBe(
      Math.round((NET * 7800 + NET * 8000 + 30_000 * 7400) / (2 * NET + 30_000)),
    );
    expect(m.outturn.byMember.find((l: { deltaBp: number }) => l.deltaBp === -500)).toMatchObject({
      outlier: true,
    });
    const greenLot = body(await get('/api/v1/orgs/lots-central/lots/EXP-001-V', s.centralWarehouse!));
    expect(greenLot).toMatchObject({
      product: 'green_export',
      origin: 'milling',
      eudr: true,
      gramsIn: green,
    });
    const late = await post(
      '/api/v1/orgs/lots-central/milling-orders/TR-001/outputs',
      { id: id(), product: 'rejects', grams: 1 },
      s.centralWarehouse!,
    );
    expect(late.statusCode).toBe(409);
    const stock = body(await get('/api/v1/orgs/lots-central/stock?warehouse=PLT', s.centralWarehouse!)).items;
    expect(stock.map((l: { product: string; grams: number }) => [l.product, l.grams])).toEqual([
      ['green_export', green],
      ['husk', 40_000],
    ]);
  });
});
