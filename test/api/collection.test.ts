import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

let ctx: TestContext;
let manager: Session;
let cashier: Session;
let organicMember: string;
let conventionalMember: string;
let withdrawnMember: string;

const json = (res: { body: string }) => JSON.parse(res.body);
let n = 0;
const uuid = () => `01900000-0000-7000-8000-${(0x6000_0000 + ++n).toString(16).padStart(12, '0')}`;
const post = (url: string, payload: unknown, s: Session) =>
  ctx.http.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });
const get = (url: string, s: Session) => ctx.http.inject({ method: 'GET', url, headers: s.headers });

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await signIn(ctx.http, 'manager@cedros.example');
  cashier = await signIn(ctx.http, 'cashier@cedros.example');
  const org = (
    await ctx.db
      .selectFrom('organizations')
      .select('org_id')
      .where('slug', '=', 'cedros')
      .executeTakeFirstOrThrow()
  ).org_id;
  const pick = async (query: ReturnType<typeof sql<{ member_number: string }>>) =>
    (await query.execute(ctx.db)).rows[0]!.member_number;
  organicMember = await pick(sql<{
    member_number: string;
  }>`SELECT m.member_number FROM members m JOIN certifications c USING (org_id, member_id)
    WHERE m.org_id = ${org} AND m.status = 'active' AND c.scheme = 'organic_eu' AND c.status = 'certified' ORDER BY m.member_number LIMIT 1`);
  conventionalMember = await pick(sql<{
    member_number: string;
  }>`SELECT m.member_number FROM members m WHERE m.org_id = ${org} AND m.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM certifications c WHERE c.org_id = m.org_id AND c.member_id = m.member_id AND c.scheme LIKE 'organic%' AND c.status = 'certified') ORDER BY m.member_number LIMIT 1`);
  withdrawnMember = await pick(
    sql<{
      member_number: string;
    }>`SELECT member_number FROM members WHERE org_id = ${org} AND status = 'withdrawn' LIMIT 1`,
  );

  expect(
    (
      await post(
        '/api/v1/orgs/cedros/collection-points',
        { id: uuid(), code: 'HUA', name: 'Centro de acopio Huabal' },
        manager,
      )
    ).statusCode,
  ).toBe(201);
  for (const certificationClass of ['conventional', 'organic']) {
    const res = await post(
      '/api/v1/orgs/cedros/price-schedules',
      {
        id: uuid(),
        effectiveFrom: '2026-01-01',
        coffeeState: 'dry_parchment',
        certificationClass,
        basePricePerKg: '12.00',
        moistureReferencePercent: '12',
        yield: { kind: 'points', referencePercent: '78', perPoint: '0.10' },
        certificationPremiums: { organic: '0.60' },
        cupPremiums: [{ minScore: '83', perKg: '0.30' }],
      },
      manager,
    );
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => ctx.close());

const ticket = (memberNumber: string, extra: Record<string, unknown> = {}) => ({
  id: uuid(),
  pointCode: 'HUA',
  memberNumber,
  deliveredAt: '2026-03-02T15:30:00-05:00',
  coffeeState: 'dry_parchment',
  certificationClass: 'organic',
  sacks: 5,
  sackType: 'yute',
  grossKg: '235.500',
  tareKg: '5.500',
  moisturePercent: '12.5',
  yieldPercent: '80.5',
  cupScore: '84',
  cupProtocol: 'sca2004',
  ...extra,
});

describe('weigh tickets', () => {
  it('prices a delivery exactly, line by line, credits the member and debits the cash paid at the desk', async () => {
    const res = await post(
      '/api/v1/orgs/cedros/tickets',
      ticket(organicMember, { cashPaid: '1000.00' }),
      cashier,
    );
    expect(res.statusCode, res.body).toBe(201);
    const t = json(res);
    // 230 kg at 12.5 % moisture (ref 12 %) → 228.693… kg payable; 12.00 + 0.25 (yield) + 0.60 + 0.30 = 13.15/kg
    expect(t).toMatchObject({
      pointCode: 'HUA',
      number: 1,
      netKg: '230.000',
      unitPricePerKg: '13.15',
      value: '3007.32',
      cashPaid: '1000.00',
      deliveryDate: '2026-03-02',
    });
    expect(t.lines.map((l: { code: string }) => l.code)).toContain('pricing.moisture_discount');
    expect(t.lines.find((l: { code: string }) => l.code === 'pricing.value').message).toContain('3007.32');
    const statement = json(await get(`/api/v1/orgs/cedros/members/${organicMember}/statement`, manager));
    expect(statement.balance).toBe('2007.32');
    expect(statement.lines.map((l: { amount: string }) => l.amount)).toEqual(['3007.32', '-1000.00']);
  });

  it('numbers tickets per point without repeats or gaps, even from desks recording at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        post('/api/v1/orgs/cedros/tickets', ticket(organicMember, { grossKg: '50', tareKg: '1' }), cashier),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(results.map((r) => json(r).number).sort((a: number, b: number) => a - b)).toEqual([
      2, 3, 4, 5, 6, 7,
    ]);
  });

  it('refuses bad input clearly: tare above gross, moisture over 100 %, a withdrawn member, an uncertified class, a day without prices', async () => {
    const tare = json(
      await post(
        '/api/v1/orgs/cedros/tickets',
        ticket(organicMember, { grossKg: '10', tareKg: '12' }),
        cashier,
      ),
    );
    expect(tare.errors).toEqual([
      expect.objectContaining({ path: 'tareKg', code: 'collection.tare_not_below_gross' }),
    ]);
    expect(
      json(
        await post('/api/v1/orgs/cedros/tickets', ticket(organicMember, { moisturePercent: '120' }), cashier),
      ).errors[0].path,
    ).toBe('moisturePercent');
    const withdrawn = json(
      await post(
        '/api/v1/orgs/cedros/tickets',
        ticket(withdrawnMember, { certificationClass: 'conventional' }),
        cashier,
      ),
    );
    expect(withdrawn.code).toBe('collection.member_cannot_deliver');
    const uncertified = json(await post('/api/v1/orgs/cedros/tickets', ticket(conventionalMember), cashier));
    expect(uncertified.code).toBe('collection.not_certified');
    const early = await ctx.http.inject({
      method: 'POST',
      url: '/api/v1/orgs/cedros/tickets',
      headers: { ...cashier.headers, 'accept-language': 'en' },
      payload: ticket(conventionalMember, {
        certificationClass: 'conventional',
        deliveredAt: '2025-12-15T10:00:00-05:00',
      }),
    });
    expect(early.statusCode).toBe(400);
    expect(json(early).detail).toContain('No price is in force on 2025-12-15');
    // nothing was numbered by the refusals
    const ok = json(
      await post(
        '/api/v1/orgs/cedros/tickets',
        ticket(conventionalMember, { certificationClass: 'conventional' }),
        cashier,
      ),
    );
    expect(ok.number).toBe(8);
  });

  it('a repeated create returns the first ticket; the same id with other data is a conflict', async () => {
    const body = ticket(organicMember, { grossKg: '70' });
    const first = json(await post('/api/v1/orgs/cedros/tickets', body, cashier));
    const again = json(await post('/api/v1/orgs/cedros/tickets', body, cashier));
    expect(again.number).toBe(first.number);
    expect((await post('/api/v1/orgs/cedros/tickets', { ...body, grossKg: '71' }, cashier)).statusCode).toBe(
      409,
    );
  });

  it('a correction is a void that keeps the number and reverses the value, then a replacing ticket', async () => {
    const wrong = json(
      await post(
        '/api/v1/orgs/cedros/tickets',
        ticket(organicMember, { grossKg: '100', tareKg: '1' }),
        cashier,
      ),
    );
    const before = json(await get(`/api/v1/orgs/cedros/members/${organicMember}/statement`, manager)).balance;
    expect(
      (await post(`/api/v1/orgs/cedros/tickets/${wrong.id}/void`, { reason: 'Tara mal registrada' }, cashier))
        .statusCode,
    ).toBe(403);
    const voided = json(
      await post(`/api/v1/orgs/cedros/tickets/${wrong.id}/void`, { reason: 'Tara mal registrada' }, manager),
    );
    expect(voided).toMatchObject({ number: wrong.number, voided: { reason: 'Tara mal registrada' } });
    const after = json(await get(`/api/v1/orgs/cedros/members/${organicMember}/statement`, manager)).balance;
    expect(Number(before) - Number(after)).toBeCloseTo(Number(wrong.value), 2);
    expect(
      (await post(`/api/v1/orgs/cedros/tickets/${wrong.id}/void`, { reason: 'otra vez' }, manager))
        .statusCode,
    ).toBe(409);
    const replacement = json(
      await post(
        '/api/v1/orgs/cedros/tickets',
        ticket(organicMember, { grossKg: '100', tareKg: '3', replacesTicketId: wrong.id }),
        cashier,
      ),
    );
    expect(replacement).toMatchObject({ replacesTicketId: wrong.id, netKg: '97.000' });
    await expect(sql`UPDATE weigh_tickets SET gross_grams = 1`.execute(ctx.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('a field device sends a batch; a resend records nothing twice and one bad ticket does not stop the rest', async () => {
    const tickets = [
      ticket(organicMember, { grossKg: '40' }),
      ticket(organicMember, { grossKg: '3', tareKg: '5' }),
      ticket(organicMember, { grossKg: '41' }),
    ];
    const first = json(await post('/api/v1/orgs/cedros/tickets/batch', { tickets }, cashier));
    expect(first.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
    const numbers = first.results
      .filter((r: { ok: boolean }) => r.ok)
      .map((r: { ticket: { number: number } }) => r.ticket.number);
    const again = json(await post('/api/v1/orgs/cedros/tickets/batch', { tickets }, cashier));
    expect(
      again.results
        .filter((r: { ok: boolean }) => r.ok)
        .map((r: { ticket: { number: number } }) => r.ticket.number),
    ).toEqual(numbers);
    const list = json(await get('/api/v1/orgs/cedros/tickets?pointCode=HUA&limit=500', manager));
    const all = list.items.map((t: { number: number }) => t.number).sort((a: number, b: number) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it('the desk sees the member’s classes and how much of the yearly quota is used', async () => {
    const res = await get(`/api/v1/orgs/cedros/members/${organicMember}/delivery-summary`, cashier);
    expect(res.statusCode, res.body).toBe(200);
    const summary = json(res);
    expect(summary.certificationClasses).toContain('organic');
    expect(summary.canDeliver).toBe(true);
    expect(Number(summary.deliveredKg)).toBeGreaterThan(230);
    expect(Number(summary.quotaKg)).toBeGreaterThan(0);
  });

  it('the ledger still balances and the price preview agrees with the ticket', async () => {
    const trial = json(await get('/api/v1/orgs/cedros/ledger/trial-balance', manager));
    expect(trial.balanced).toBe(true);
    const preview = json(
      await post(
        '/api/v1/orgs/cedros/price-preview',
        {
          date: '2026-03-02',
          netKg: '230',
          coffeeState: 'dry_parchment',
          certificationClass: 'organic',
          moisturePercent: '12.5',
          yieldPercent: '80.5',
          cupScore: '84',
        },
        cashier,
      ),
    );
    expect(preview.value).toBe('3007.32');
  });
});
