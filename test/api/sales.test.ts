import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDatabaseError } from '../../src/platform/errors.js';
import { contractLots, shipmentLots } from '../../src/sales/index.js';
import { convertMinor, exactValue, roundExact } from '../../src/sales/price.js';
import { loadSalesDemo } from '../../src/sales/sales.demo.js';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';
import { type TestOrg, testId } from '../harness/factories.js';

/**
 * Sales over HTTP: buyers, contracts, fixations, allocations, shipments and their postings, and every
 * refusal in words. Lots are made with plain SQL (as src/lots/lots.db.test.ts does) from weigh tickets the
 * factories record, so their grams are real stock in the collection point's store.
 */
let ctx: TestContext;
let coop: TestOrg;
let manager: Session;
let viewer: Session;
const lots: Record<string, string> = {};
let buyerId: string;
const url = (path: string) => `/api/v1/orgs/sales-coop${path}`;
const post = (path: string, payload: unknown, s: Session = manager) =>
  ctx.http.inject({
    method: 'POST',
    url: url(path),
    headers: s.headers,
    payload: payload as Record<string, unknown>,
  });
const get = (path: string, s: Session = manager) =>
  ctx.http.inject({ method: 'GET', url: url(path), headers: s.headers });

async function lot(code: string, certificationClass: string, tickets: { id: string; grams: number }[]) {
  const id = testId(`lot:sales:${code}`);
  await sql`INSERT INTO lots (org_id, lot_id, code, product, certification_class, origin, eudr, warehouse_id,
                              created_at, created_by_label)
            VALUES (${coop.id}, ${id}, ${code}, 'parchment', ${certificationClass}, 'tickets', false,
                    ${testId('point:sales-coop:CEN')}, now(), 'test')`.execute(ctx.db);
  let n = 0;
  for (const t of tickets)
    await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
              VALUES (${coop.id}, ${id}, ${++n}, ${t.id}, ${t.grams})`.execute(ctx.db);
  lots[code] = id;
  return id;
}

const contractBody = (number: string, extra: Record<string, unknown> = {}) => ({
  id: testId(`contract:${number}`),
  number,
  buyerId,
  contractDate: '2026-05-04',
  quantity: { unit: 'kg', kg: '400' },
  product: 'parchment',
  certificationClass: 'conventional',
  price: { kind: 'fixed', basis: 'lb', usd: '2.10' },
  incoterm: 'FOB',
  incotermPlace: 'Callao',
  shipmentFrom: '2026-06-01',
  shipmentTo: '2026-07-31',
  ...extra,
});

async function refusal(statement: Promise<unknown>) {
  try {
    await statement;
  } catch (error) {
    return fromDatabaseError(error)?.code ?? String(error);
  }
  throw new Error('the statement was accepted');
}

beforeAll(async () => {
  ctx = await createTestContext();
  coop = await ctx.make.cooperative({ slug: 'sales-coop', roles: ['manager', 'cashier', 'viewer'] });
  const members = await ctx.make.members(coop, 3);
  const point = await ctx.make.collectionPoint(coop);
  await ctx.make.priceSchedule(coop);
  await ctx.make.priceSchedule(coop, { certificationClass: 'fairtrade' });
  await ctx.services.members.addCertification(coop.as('manager'), coop.slug, members[2]!.memberNumber, {
    id: testId('cert:sales:ft'),
    scheme: 'fairtrade',
    status: 'certified',
    validFrom: '2025-01-01',
  } as never);
  const conventional = [];
  for (let i = 0; i < 5; i++)
    conventional.push(await ctx.make.weighTicket(coop, { point, member: members[i % 2]! }));
  const fairtrade = [];
  for (let i = 0; i < 2; i++)
    fairtrade.push(
      await ctx.make.weighTicket(coop, { point, member: members[2]!, certificationClass: 'fairtrade' }),
    );
  const net = (t: { id: string }) => ({ id: t.id, grams: 90_500 });
  await lot('SL-1', 'conventional', conventional.slice(0, 3).map(net)); // 271.5 kg
  await lot('SL-2', 'conventional', conventional.slice(3).map(net)); // 181 kg
  await lot('SL-FT', 'fairtrade', fairtrade.map(net)); // 181 kg
  manager = await signIn(ctx.http, coop.staff.manager!.email);
  viewer = await signIn(ctx.http, coop.staff.viewer!.email);
  const buyer = await post('/buyers', {
    id: testId('buyer:sales'),
    name: 'Importadora Hamburgo GmbH',
    country: 'DE',
    contact: 'trade@example.de',
  });
  expect(buyer.statusCode, buyer.body).toBe(201);
  buyerId = buyer.json().id;
});
afterAll(() => ctx?.close());

describe('contracts', () => {
  it('a fixed-price contract in bags of 69 kg is stored in grams and shown with its per-kg price', async () => {
    const res = await post('/contracts', contractBody('SC-001', { quantity: { unit: 'bag-69', bags: 4 } }));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      quantityKg: '276.000',
      quantityBags: 4,
      status: 'draft',
      priceStatus: 'fixed',
    });
    expect(c.fixedPrice).toBe('2.100000');
    expect(c.fixedPriceOtherBasis).toBe('4.629708'); // 2.10 / 0.45359237 = 4.629707 81…
    expect(c.fairtrade).toBeNull();
  });

  it('the same id and body again is the first answer; another body is refused', async () => {
    const again = await post('/contracts', contractBody('SC-001', { quantity: { unit: 'bag-69', bags: 4 } }));
    expect(again.statusCode).toBe(201);
    const other = await post('/contracts', contractBody('SC-001', { quantity: { unit: 'bag-69', bags: 5 } }));
    expect(other.statusCode).toBe(409);
  });

  it('a viewer reads contracts but cannot sign one', async () => {
    const id = testId('contract:SC-001');
    expect((await get('/contracts', viewer)).statusCode).toBe(200);
    const res = await post(`/contracts/${id}/sign`, {}, viewer);
    expect(res.statusCode).toBe(403);
    const signed = await post(`/contracts/${id}/sign`, {}, manager);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('signed');
  });

  it('a Fairtrade contract copies the terms in force on its date', async () => {
    const res = await post(
      '/contracts',
      contractBody('SC-FT', {
        quantity: { unit: 'kg', kg: '181' },
        certificationClass: 'fairtrade',
        price: { kind: 'differential', differentialCents: '-5', futuresMonth: 'Mar-27' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fairtrade).toEqual({
      termsFrom: '2023-08-01',
      minimumUsdPerLb: '1.800000',
      premiumUsdPerLb: '0.200000',
      organicDifferentialUsdPerLb: null,
    });
    expect(res.json().priceStatus).toBe('unfixed');
    expect((await post(`/contracts/${testId('contract:SC-FT')}/sign`, {})).statusCode).toBe(200);
  });
});

describe('fixations', () => {
  const ft = () => testId('contract:SC-FT');

  it('a partial fixation makes the contract partly fixed', async () => {
    const res = await post(`/contracts/${ft()}/fixations`, {
      id: testId('fix:1'),
      fixedOn: '2026-05-20',
      levelCents: '150.00',
      kg: '100',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ priceStatus: 'partly_fixed', fixedKg: '100.000' });
    expect(res.json().fixations[0]).toMatchObject({ levelCents: '150.00', priceUsdPerLb: '1.450000' });
  });

  it('fixing more than the contract is refused, in words', async () => {
    const res = await post(`/contracts/${ft()}/fixations`, {
      id: testId('fix:2'),
      fixedOn: '2026-05-21',
      levelCents: '160',
      kg: '82',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('sales.fix_beyond_quantity');
    expect(res.json().detail ?? res.json().title).toMatch(/81\.000/);
  });

  it('the database refuses it too, whoever writes', async () => {
    const key = await refusal(
      sql`INSERT INTO sales_fixations (org_id, fixation_id, contract_id, fixed_on, level_per_lb, grams, recorded_at, recorded_by_label)
          VALUES (${coop.id}, ${testId('fix:sql')}, ${ft()}, '2026-05-22', 1600000, 81001, now(), 'test')`.execute(
        ctx.db,
      ),
    );
    expect(key).toBe('db.constraint.sales_fixation_quantity');
  });

  it('a fixed-price contract has nothing to fix', async () => {
    const res = await post(`/contracts/${testId('contract:SC-001')}/fixations`, {
      id: testId('fix:3'),
      fixedOn: '2026-05-21',
      levelCents: '160',
      kg: '1',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('sales.fix_fixed_price');
  });
});

describe('allocations', () => {
  const c1 = () => testId('contract:SC-001');

  it('allocates part of a lot, and lists what is left of each lot', async () => {
    const res = await post(`/contracts/${c1()}/allocations`, { lots: [{ lotId: lots['SL-1'], kg: '250' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().allocatedKg).toBe('250.000');
    const available = (await get(`/contracts/${c1()}/available-lots`)).json().items;
    expect(available.find((l: { code: string }) => l.code === 'SL-1')).toMatchObject({
      availableKg: '21.500',
      allocatedHereKg: '250.000',
    });
    // a conventional contract may take Fairtrade coffee as conventional
    expect(available.map((l: { code: string }) => l.code)).toEqual(['SL-1', 'SL-2', 'SL-FT']);
  });

  it('over-allocating a lot across contracts is refused, naming the lot and what is left', async () => {
    await post('/contracts', contractBody('SC-002'));
    const res = await post(`/contracts/${testId('contract:SC-002')}/allocations`, {
      lots: [{ lotId: lots['SL-1'], kg: '21.501' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('sales.allocation_beyond_lot');
    expect(res.json().detail).toMatch(/SL-1.*21\.500/);
  });

  it('the database refuses over-allocation whoever writes', async () => {
    const key = await refusal(
      sql`INSERT INTO sales_allocations (org_id, contract_id, lot_id, grams, allocated_at, allocated_by_label)
          VALUES (${coop.id}, ${testId('contract:SC-002')}, ${lots['SL-1']}, 21501, now(), 'test')`.execute(
        ctx.db,
      ),
    );
    expect(key).toBe('db.constraint.sales_allocation_available');
  });

  it('a lot whose class the contract does not accept is refused, by the service and the database', async () => {
    const res = await post(`/contracts/${testId('contract:SC-FT')}/allocations`, {
      lots: [{ lotId: lots['SL-2'], kg: '10' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('sales.allocation_class');
    const key = await refusal(
      sql`INSERT INTO sales_allocations (org_id, contract_id, lot_id, grams, allocated_at, allocated_by_label)
          VALUES (${coop.id}, ${testId('contract:SC-FT')}, ${lots['SL-2']}, 1000, now(), 'test')`.execute(
        ctx.db,
      ),
    );
    expect(key).toBe('db.constraint.sales_allocation_class');
  });

  it('a viewer cannot allocate', async () => {
    const res = await post(
      `/contracts/${c1()}/allocations`,
      { lots: [{ lotId: lots['SL-2'], kg: '1' }] },
      viewer,
    );
    expect(res.statusCode).toBe(403);
  });
});

const container = (number: string, lotCode: string, bags: number, netKg: string) => ({
  number,
  seal: `S-${number.slice(-4)}`,
  grossKg: (Number(netKg) + bags * 0.5).toFixed(3),
  lots: [{ lotId: lots[lotCode], bags, netKg }],
});

describe('shipments', () => {
  const c1 = () => testId('contract:SC-001');

  it('a shipment whose lots are not allocated as far as it goes is refused', async () => {
    const planned = await post(`/contracts/${c1()}/shipments`, {
      id: testId('shipment:short'),
      icoMark: '029-1234-00001',
      containers: [container('MSCU1234565', 'SL-1', 4, '260')],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const res = await post(`/shipments/${testId('shipment:short')}/ship`, {
      shippedOn: '2026-06-10',
      exchangeRate: '3.75',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('sales.shipment_short');
    expect(res.json().detail).toMatch(/SL-1.*260\.000.*250\.000/);
  });

  it('shipping takes the grams out of the lot and its store, and posts the sale', async () => {
    const before = await sql<{ grams: number }>`SELECT grams FROM stock_balances WHERE org_id = ${coop.id}
      AND warehouse_id = ${testId('point:sales-coop:CEN')} AND product = 'parchment' AND certification_class = 'conventional'`.execute(
      ctx.db,
    );
    const planned = await post(`/contracts/${c1()}/shipments`, {
      id: testId('shipment:ok'),
      icoMark: '029-1234-00002',
      vessel: 'MSC Lima',
      containers: [container('MSCU7654321', 'SL-1', 4, '250')],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const res = await post(`/shipments/${testId('shipment:ok')}/ship`, {
      shippedOn: '2026-06-10',
      exchangeRate: '3.7525',
    });
    expect(res.statusCode, res.body).toBe(200);
    const goods = roundExact(exactValue(250_000n, 2_100_000n, 'lb')); // 250 kg at US$ 2.10/lb
    expect(res.json().earnings).toMatchObject({
      currency: 'USD',
      goods: (Number(goods) / 100).toFixed(2),
      premium: '0.00',
      localCurrency: 'PEN',
      localTotal: (Number(convertMinor(goods, 3_752_500n)) / 100).toFixed(2),
    });
    const lot = await sql<{
      grams_out: number;
    }>`SELECT grams_out FROM lots WHERE org_id = ${coop.id} AND lot_id = ${lots['SL-1']}`.execute(ctx.db);
    expect(Number(lot.rows[0]!.grams_out)).toBe(250_000);
    const after = await sql<{ grams: number }>`SELECT grams FROM stock_balances WHERE org_id = ${coop.id}
      AND warehouse_id = ${testId('point:sales-coop:CEN')} AND product = 'parchment' AND certification_class = 'conventional'`.execute(
      ctx.db,
    );
    expect(Number(before.rows[0]!.grams) - Number(after.rows[0]!.grams)).toBe(250_000);
    const lines = await sql<{ purpose: string; amount_minor: number }>`
      SELECT a.purpose, l.amount_minor FROM journal_lines l JOIN ledger_accounts a USING (org_id, account_id)
       WHERE l.org_id = ${coop.id} AND l.entry_id = ${res.json().earnings.entryId} ORDER BY l.line_no`.execute(
      ctx.db,
    );
    const local = Number(convertMinor(goods, 3_752_500n));
    expect(lines.rows.map((r) => [r.purpose, Number(r.amount_minor)])).toEqual([
      ['receivable_buyers', local],
      ['coffee_sales', -local],
    ]);
    // the contract counts it shipped; what it held of the lot no longer holds the lot
    const contract = (await get(`/contracts/${c1()}`)).json();
    expect(contract).toMatchObject({ shippedKg: '250.000', allocatedKg: '250.000' });
  });

  it('a shipped shipment is a fact: its packing list does not change; the DDS reference is recorded back', async () => {
    const key = await refusal(
      sql`UPDATE sales_packing_lines SET bags = 5 WHERE org_id = ${coop.id} AND shipment_id = ${testId('shipment:ok')}`.execute(
        ctx.db,
      ),
    );
    expect(key).toBe('db.constraint.sales_shipment_frozen');
    const res = await post(`/shipments/${testId('shipment:ok')}/dds`, { ddsReference: '26DEXXXX1234567' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ddsReference).toBe('26DEXXXX1234567');
  });

  it('a Fairtrade shipment is floored at the minimum and its premium goes to the fund; unfixed grams are refused', async () => {
    const ft = testId('contract:SC-FT');
    expect(
      (await post(`/contracts/${ft}/allocations`, { lots: [{ lotId: lots['SL-FT'], kg: '181' }] }))
        .statusCode,
    ).toBe(200);
    await post(`/contracts/${ft}/shipments`, {
      id: testId('shipment:ft'),
      icoMark: '029-1234-00003',
      containers: [container('TGHU1111110', 'SL-FT', 2, '100')],
    });
    const res = await post(`/shipments/${testId('shipment:ft')}/ship`, {
      shippedOn: '2026-06-12',
      exchangeRate: '3.75',
    });
    expect(res.statusCode, res.body).toBe(200);
    // C 150.00 − 5 = 1.45 US$/lb is below the 1.80 minimum: goods at 1.80, premium 0.20 on top
    const goods = roundExact(exactValue(100_000n, 1_800_000n, 'lb'));
    const premium = roundExact(exactValue(100_000n, 200_000n, 'lb'));
    expect(res.json().earnings).toMatchObject({
      goods: (Number(goods) / 100).toFixed(2),
      premium: (Number(premium) / 100).toFixed(2),
    });
    const fund = await sql<{ balance: number }>`
      SELECT b.balance_minor AS balance FROM ledger_balances b JOIN ledger_accounts a USING (org_id, account_id)
       WHERE b.org_id = ${coop.id} AND a.purpose = 'fairtrade_premium_fund'`.execute(ctx.db);
    expect(Number(fund.rows[0]!.balance)).toBe(-Number(convertMinor(premium, 3_750_000n)));

    await post(`/contracts/${ft}/shipments`, {
      id: testId('shipment:ft2'),
      icoMark: '029-1234-00004',
      containers: [container('TGHU2222225', 'SL-FT', 1, '81')],
    });
    const unfixed = await post(`/shipments/${testId('shipment:ft2')}/ship`, {
      shippedOn: '2026-06-20',
      exchangeRate: '3.75',
    });
    expect(unfixed.statusCode).toBe(409);
    expect(unfixed.json().code).toBe('sales.shipment_unfixed');
  });

  it('the packing list prints as a PDF', async () => {
    const res = await get(`/shipments/${testId('shipment:ok')}/packing-list.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('traceability reads a shipment’s and a contract’s lots with grams', async () => {
    const s = await shipmentLots(ctx.db, coop.id, testId('shipment:ok'));
    expect(s).toMatchObject({
      icoMark: '029-1234-00002',
      status: 'shipped',
      netGrams: 250_000,
      buyer: { name: 'Importadora Hamburgo GmbH', country: 'DE', inAyni: false },
      ddsReference: '26DEXXXX1234567',
      lots: [{ lotId: lots['SL-1'], grams: 250_000 }],
    });
    const c = await contractLots(ctx.db, coop.id, testId('contract:SC-FT'));
    expect(c?.lots).toEqual([{ lotId: lots['SL-FT'], grams: 181_000, shippedGrams: 100_000 }]);
  });
});

describe('demo part', () => {
  it('creates nothing where there are no lots of green coffee', async () => {
    const made = await loadSalesDemo(ctx.services, coop.slug, coop.id, (name) => testId(`demo:${name}`));
    expect(made).toEqual({ contracts: 0, shipped: false });
    expect((await get('/buyers')).json().items).toHaveLength(1);
  });
});
