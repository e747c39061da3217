import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/orgs/actor.js';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

let ctx: TestContext;
let manager: Session;
let accountant: Session;
let memberNumbers: string[];
const json = (res: { body: string }) => JSON.parse(res.body);
let n = 0;
const uuid = () => `01900000-0000-7000-8000-${(0x6800_0000 + ++n).toString(16).padStart(12, '0')}`;
const post = (url: string, payload: unknown, s: Session) =>
  ctx.http.inject({
    method: 'POST',
    url,
    headers: s.headers,
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });

beforeAll(async () => {
  ctx = await createTestContext();
  manager = await signIn(ctx.http, 'manager@union-y-fe.example');
  accountant = await signIn(ctx.http, 'accountant@union-y-fe.example');
  const system = systemActor('test');
  await ctx.services.collection.createPoint(system, 'union-y-fe', {
    id: uuid(),
    code: 'MAR',
    name: 'Maranura',
  });
  await ctx.services.collection.createSchedule(system, 'union-y-fe', {
    id: uuid(),
    effectiveFrom: '2026-01-01',
    coffeeState: 'dry_parchment',
    certificationClass: 'conventional',
    basePricePerKg: '10.00',
  });
  const org = (
    await ctx.db
      .selectFrom('organizations')
      .select('org_id')
      .where('slug', '=', 'union-y-fe')
      .executeTakeFirstOrThrow()
  ).org_id;
  memberNumbers = (
    await sql<{
      member_number: string;
    }>`SELECT member_number FROM members WHERE org_id = ${org} AND status = 'active' ORDER BY member_number LIMIT 4`.execute(
      ctx.db,
    )
  ).rows.map((r) => r.member_number);
  // 46 kg net each, twice: 92 kg = 2 qq per member; the first member also owes S/ 100.
  for (const memberNumber of memberNumbers) {
    for (let i = 0; i < 2; i++) {
      await ctx.services.collection.createTicket(system, 'union-y-fe', {
        id: uuid(),
        pointCode: 'MAR',
        memberNumber,
        deliveredAt: '2026-02-10T10:00:00-05:00',
        coffeeState: 'dry_parchment',
        certificationClass: 'conventional',
        sacks: 1,
        grossKg: '47',
        tareKg: '1',
      });
    }
  }
  const first = await ctx.db
    .selectFrom('members')
    .select('member_id')
    .where('org_id', '=', org)
    .where('member_number', '=', memberNumbers[0]!)
    .executeTakeFirstOrThrow();
  await ctx.db.transaction().execute((trx) =>
    ctx.services.ledger.postEntryIn(trx, system, org, {
      entryId: uuid(),
      date: '2026-01-15',
      description: 'Adelanto para cosecha',
      currency: 'PEN',
      source: { type: 'test', id: 'advance' },
      lines: [
        { account: { purpose: 'receivable_members' }, memberId: first.member_id, amountMinor: 10_000 },
        { account: { purpose: 'cash' }, amountMinor: -10_000 },
      ],
    }),
  );
});
afterAll(() => ctx.close());

describe('a settlement', () => {
  let id: string;

  it('drafts: S/ 1.50 per kg on the period’s payable mass, less S/ 5 per quintal and what is owed, explained per member', async () => {
    id = uuid();
    const res = await post(
      '/api/v1/orgs/union-y-fe/settlements',
      {
        id,
        name: 'Reintegro campaña 2026 (1)',
        periodFrom: '2026-02-01',
        periodTo: '2026-02-28',
        pricePerKgByClass: { conventional: '1.50' },
        shareCapitalPerQuintal: '5.00',
        deductOwed: true,
        floorPercent: '50',
      },
      manager,
    );
    expect(res.statusCode, res.body).toBe(201);
    const preview = json(res);
    expect(preview.status).toBe('draft');
    expect(preview.totals.members).toBe(4);
    const first = preview.members.find((m: { memberNumber: string }) => m.memberNumber === memberNumbers[0]);
    // 92 kg × 1.50 = 138.00; 2 qq × 5.00 = 10.00; owed 100.00 but the floor keeps 69.00: 59.00 taken
    expect(first).toMatchObject({ payableKg: '92.000', gross: '138.00', net: '69.00', floorApplied: true });
    expect(first.deductions).toEqual([
      { code: 'share_capital', requested: '10.00', taken: '10.00' },
      { code: 'owed', requested: '100.00', taken: '59.00' },
    ]);
    const other = preview.members.find((m: { memberNumber: string }) => m.memberNumber === memberNumbers[1]);
    expect(other).toMatchObject({ gross: '138.00', net: '128.00' });
    expect(preview.totals).toMatchObject({ gross: '552.00', net: '453.00', deducted: '99.00' });
  });

  it('needs a manager and an accountant, two different people, before posting', async () => {
    expect(
      (await post(`/api/v1/orgs/union-y-fe/settlements/${id}/post`, undefined, manager)).statusCode,
    ).toBe(409);
    expect(
      json(await post(`/api/v1/orgs/union-y-fe/settlements/${id}/approve`, undefined, manager)).status,
    ).toBe('draft');
    const twice = await post(`/api/v1/orgs/union-y-fe/settlements/${id}/approve`, undefined, manager);
    expect(json(twice).code).toBe('settlement.same_person');
    const cashier = await signIn(ctx.http, 'cashier@union-y-fe.example');
    expect(
      (await post(`/api/v1/orgs/union-y-fe/settlements/${id}/approve`, undefined, cashier)).statusCode,
    ).toBe(403);
    expect(
      json(await post(`/api/v1/orgs/union-y-fe/settlements/${id}/approve`, undefined, accountant)).status,
    ).toBe('approved');
  });

  it('a crash in the middle of posting leaves nothing posted; posting again completes it once; a third time changes nothing', async () => {
    const before = await ctx.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_type', '=', 'settlement')
      .where('source_id', '=', id)
      .executeTakeFirstOrThrow();
    await expect(
      ctx.services.settlements.post(systemActor('test'), 'union-y-fe', id, { failAfterMembers: 2 }),
    ).rejects.toThrow(/simulated crash/);
    const afterCrash = await ctx.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_type', '=', 'settlement')
      .where('source_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(afterCrash.n)).toBe(Number(before.n));

    const posted = json(await post(`/api/v1/orgs/union-y-fe/settlements/${id}/post`, undefined, accountant));
    expect(posted.status).toBe('posted');
    expect(posted.members.every((m: { posted: boolean }) => m.posted)).toBe(true);
    await post(`/api/v1/orgs/union-y-fe/settlements/${id}/post`, undefined, accountant);
    const entries = await ctx.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_type', '=', 'settlement')
      .where('source_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(4);
  });

  it('the member’s statement shows the settlement and its deductions, and the ledger balances', async () => {
    const statement = json(
      await ctx.http.inject({
        method: 'GET',
        url: `/api/v1/orgs/union-y-fe/members/${memberNumbers[0]}/statement`,
        headers: manager.headers,
      }),
    );
    // deliveries 2 × 460.00, settlement +138.00, then 10.00 and 59.00 taken out
    expect(statement.lines.map((l: { amount: string }) => l.amount)).toEqual([
      '460.00',
      '460.00',
      '138.00',
      '-10.00',
      '-59.00',
    ]);
    expect(statement.balance).toBe('989.00');
    const owed = json(
      await ctx.http.inject({
        method: 'GET',
        url: `/api/v1/orgs/union-y-fe/members/${memberNumbers[0]}/statement?account=receivable_members`,
        headers: manager.headers,
      }),
    );
    expect(owed.balance).toBe('41.00');
    const trial = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/union-y-fe/ledger/trial-balance',
        headers: accountant.headers,
      }),
    );
    expect(trial.balanced).toBe(true);
    expect(
      (await post(`/api/v1/orgs/union-y-fe/settlements/${id}/recompute`, undefined, manager)).statusCode,
    ).toBe(409);
  });
});

describe('payments and the slip', () => {
  it('a batch pays each member what is owed, the bank gets a file, and marking paid posts once', async () => {
    const settlementId = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/union-y-fe/settlements',
        headers: manager.headers,
      }),
    ).items[0].id;
    const batch = json(
      await post(
        '/api/v1/orgs/union-y-fe/payment-batches',
        { id: uuid(), method: 'bank', memberNumbers: memberNumbers },
        accountant,
      ),
    );
    const first = batch.payments.find((p: { memberNumber: string }) => p.memberNumber === memberNumbers[0]);
    expect(first).toMatchObject({ amount: '989.00', status: 'pending' });
    expect(batch.payments).toHaveLength(4);
    const again = await post(
      '/api/v1/orgs/union-y-fe/payment-batches',
      { id: uuid(), method: 'bank', memberNumbers: memberNumbers },
      accountant,
    );
    expect(json(again).code).toBe('payments.nothing_to_pay');

    const file = await ctx.http.inject({
      method: 'GET',
      url: `/api/v1/orgs/union-y-fe/payment-batches/${batch.id}/bank-file.csv`,
      headers: accountant.headers,
    });
    expect(file.body).toContain('989.00');

    const paid = await post(
      `/api/v1/orgs/union-y-fe/payments/${first.id}/paid`,
      { reference: 'BCP-000123', paidOn: '2026-03-03' },
      accountant,
    );
    expect(paid.statusCode, paid.body).toBe(200);
    expect(
      (
        await post(
          `/api/v1/orgs/union-y-fe/payments/${first.id}/paid`,
          { reference: 'BCP-000123', paidOn: '2026-03-03' },
          accountant,
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post(
          `/api/v1/orgs/union-y-fe/payments/${first.id}/paid`,
          { reference: 'OTRA', paidOn: '2026-03-03' },
          accountant,
        )
      ).statusCode,
    ).toBe(409);
    const statement = json(
      await ctx.http.inject({
        method: 'GET',
        url: `/api/v1/orgs/union-y-fe/members/${memberNumbers[0]}/statement`,
        headers: manager.headers,
      }),
    );
    expect(statement.balance).toBe('0.00');

    const slip = json(
      await ctx.http.inject({
        method: 'GET',
        url: `/api/v1/orgs/union-y-fe/members/${memberNumbers[0]}/slip?settlementId=${settlementId}`,
        headers: accountant.headers,
      }),
    );
    expect(slip.tickets).toHaveLength(2);
    expect(slip.tickets[0]).toMatchObject({ netKg: '46.000', value: '460.00' });
    expect(slip.settlementLine).toMatchObject({ gross: '138.00', net: '69.00' });
    expect(slip.payments).toEqual([
      expect.objectContaining({ amount: '989.00', reference: 'BCP-000123', status: 'paid' }),
    ]);
    const html = await ctx.http.inject({
      method: 'GET',
      url: `/api/v1/orgs/union-y-fe/members/${memberNumbers[0]}/slip.html?settlementId=${settlementId}`,
      headers: { ...accountant.headers, 'accept-language': 'en' },
    });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Settlement slip');
    expect(html.body).toContain('BCP-000123');
    const trial = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/union-y-fe/ledger/trial-balance',
        headers: accountant.headers,
      }),
    );
    expect(trial.balanced).toBe(true);
  });
});

describe('printable documents', () => {
  it('the statement, the slip and a ticket receipt come as PDF files', async () => {
    const settlementId = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/union-y-fe/settlements',
        headers: manager.headers,
      }),
    ).items[0].id;
    const ticketId = json(
      await ctx.http.inject({
        method: 'GET',
        url: `/api/v1/orgs/union-y-fe/tickets?memberNumber=${memberNumbers[0]}`,
        headers: manager.headers,
      }),
    ).items[0].id;
    for (const url of [
      `/api/v1/orgs/union-y-fe/members/${memberNumbers[0]}/statement.pdf`,
      `/api/v1/orgs/union-y-fe/members/${memberNumbers[0]}/slip.pdf?settlementId=${settlementId}`,
      `/api/v1/orgs/union-y-fe/tickets/${ticketId}/receipt.pdf?paper=80mm`,
      `/api/v1/orgs/union-y-fe/tickets/${ticketId}/receipt.pdf?paper=58mm`,
      `/api/v1/orgs/union-y-fe/tickets/${ticketId}/receipt.pdf?paper=a4`,
    ]) {
      const res = await ctx.http.inject({ method: 'GET', url, headers: accountant.headers });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(1000);
    }
  });
});

describe('the member’s own documents', () => {
  it('a member downloads their own slip and nobody else’s', async () => {
    const settlementId = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/union-y-fe/settlements',
        headers: manager.headers,
      }),
    ).items[0].id;
    const member = await signIn(ctx.http, 'member@union-y-fe.example');
    const own = await ctx.http.inject({
      method: 'GET',
      url: `/api/v1/orgs/union-y-fe/me/slip.pdf?settlementId=${settlementId}`,
      headers: member.headers,
    });
    // the demo's member user is member 0001, active and in good standing, so it is in this settlement
    expect(memberNumbers).toContain('0001');
    expect(own.statusCode, own.body.slice(0, 200)).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await ctx.http.inject({
      method: 'GET',
      url: `/api/v1/orgs/union-y-fe/members/${memberNumbers[1]}/slip.pdf?settlementId=${settlementId}`,
      headers: member.headers,
    });
    expect(other.statusCode).toBe(403);
  });
});

describe('a ticket is settled at most once', () => {
  const base = '/api/v1/orgs/union-y-fe/settlements';
  const draft = async (body: Record<string, unknown>) => {
    const res = await post(
      base,
      {
        id: uuid(),
        periodFrom: '2026-01-01',
        periodTo: '2026-03-02',
        deductOwed: false,
        floorPercent: '0',
        ...body,
      },
      manager,
    );
    expect(res.statusCode, res.body).toBe(201);
    return json(res);
  };
  const approveBoth = async (id: string) => {
    await post(`${base}/${id}/approve`, undefined, manager);
    return post(`${base}/${id}/approve`, undefined, accountant);
  };
  const newTicket = async (memberNumber: string, grossKg: string) =>
    ctx.services.collection.createTicket(systemActor('test'), 'union-y-fe', {
      id: uuid(),
      pointCode: 'MAR',
      memberNumber,
      deliveredAt: '2026-02-27T10:00:00-05:00',
      coffeeState: 'dry_parchment',
      certificationClass: 'conventional',
      sacks: 1,
      grossKg,
      tareKg: '1',
    });

  it('a draft over a period already settled takes none of its settled tickets, and says so', async () => {
    const preview = await draft({ name: 'Segundo reintegro', pricePerKgByClass: { conventional: '0.50' } });
    expect(preview.tickets).toBe(0);
    expect(preview.totals.members).toBe(0);
    expect(preview.settledElsewhere).toEqual([
      expect.objectContaining({ name: 'Reintegro campaña 2026 (1)', tickets: 8 }),
    ]);
    const approve = await post(`${base}/${preview.id}/approve`, undefined, manager);
    expect(approve.statusCode).toBe(409);
    expect(json(approve).code).toBe('settlement.nothing_to_settle');
  });

  it('an overlapping settlement pays only the tickets delivered since; two drafts over the same tickets: the second is refused, named, and recomputing leaves them out', async () => {
    const ticket = await newTicket(memberNumbers[1]!, '47');
    const first = await draft({ name: 'Reintegro tardío A', pricePerKgByClass: { conventional: '1.00' } });
    const second = await draft({ name: 'Reintegro tardío B', pricePerKgByClass: { conventional: '2.00' } });
    for (const p of [first, second]) {
      expect(p.tickets).toBe(1);
      expect(p.members).toHaveLength(1);
      expect(p.members[0]).toMatchObject({ memberNumber: memberNumbers[1], tickets: 1, payableKg: '46.000' });
    }
    const listed = json(
      await ctx.http.inject({ method: 'GET', url: `${base}/${first.id}/tickets`, headers: manager.headers }),
    );
    expect(listed.items).toEqual([
      expect.objectContaining({
        ticket: `${ticket.pointCode}-${String(ticket.number).padStart(6, '0')}`,
        memberNumber: memberNumbers[1],
      }),
    ]);
    expect(json(await approveBoth(first.id)).status).toBe('approved');
    expect(json(await post(`${base}/${first.id}/post`, undefined, accountant)).status).toBe('posted');

    const refused = await post(`${base}/${second.id}/approve`, undefined, manager);
    expect(refused.statusCode).toBe(409);
    expect(json(refused).code).toBe('settlement.stale_tickets');
    expect(json(refused).detail).toContain(listed.items[0].ticket);
    const stale = json(
      await ctx.http.inject({ method: 'GET', url: `${base}/${second.id}`, headers: manager.headers }),
    );
    expect(stale.staleTickets).toEqual([
      { ticket: listed.items[0].ticket, reason: 'settled', settledBy: 'Reintegro tardío A' },
    ]);
    const recomputed = json(await post(`${base}/${second.id}/recompute`, undefined, manager));
    expect(recomputed.tickets).toBe(0);
    expect(recomputed.staleTickets).toEqual([]);
  });

  it('the database itself refuses a second posting of a ticket, even past the service', async () => {
    await newTicket(memberNumbers[2]!, '47');
    const a = await draft({ name: 'Reintegro C', pricePerKgByClass: { conventional: '1.00' } });
    const b = await draft({ name: 'Reintegro D', pricePerKgByClass: { conventional: '1.00' } });
    await approveBoth(a.id);
    await post(`${base}/${a.id}/post`, undefined, accountant);
    // b still holds the same ticket in its draft: marking it posted behind the service's back fails whole
    await expect(
      sql`UPDATE settlements SET status = 'posted', posted_at = now(), posted_by_label = 'x' WHERE settlement_id = ${b.id}`.execute(
        ctx.db,
      ),
    ).rejects.toMatchObject({ code: '23505' });
    const settledTwice = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT ticket_id FROM settled_tickets GROUP BY org_id, ticket_id HAVING count(*) > 1) d`.execute(
      ctx.db,
    );
    expect(settledTwice.rows[0]!.n).toBe(0);
    // and a posted settlement's tickets are frozen: its settled rows hold them (23503), and a statement
    // trigger refuses any other change (23514)
    await expect(
      sql`DELETE FROM settlement_tickets WHERE settlement_id = ${a.id}`.execute(ctx.db),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^235(03|14)$/) });
    await expect(
      sql`INSERT INTO settlement_tickets (org_id, settlement_id, ticket_id, member_id)
        SELECT t.org_id, ${a.id}::uuid, t.ticket_id, t.member_id FROM weigh_tickets t
        WHERE t.org_id = (SELECT org_id FROM settlements WHERE settlement_id = ${a.id})
          AND NOT EXISTS (SELECT 1 FROM settlement_tickets x WHERE x.settlement_id = ${a.id} AND x.ticket_id = t.ticket_id)
        LIMIT 1`.execute(ctx.db),
    ).rejects.toMatchObject({ code: '23514', constraint: 'settlement_tickets_frozen' });
  });

  it('a settled ticket cannot be voided, with the reason in the user’s language', async () => {
    const settled = json(
      await ctx.http.inject({ method: 'GET', url: `${base}`, headers: manager.headers }),
    ).items.find((s: { name: string }) => s.name === 'Reintegro campaña 2026 (1)');
    const tickets = json(
      await ctx.http.inject({
        method: 'GET',
        url: `${base}/${settled.id}/tickets`,
        headers: manager.headers,
      }),
    ).items;
    expect(tickets).toHaveLength(8);
    const res = await post(
      `/api/v1/orgs/union-y-fe/tickets/${tickets[0].ticketId}/void`,
      { reason: 'Peso mal digitado' },
      manager,
    );
    expect(res.statusCode).toBe(409);
    expect(json(res).code).toBe('db.constraint.settled_ticket_not_voided');
    expect(json(res).detail).toContain('no se puede anular');
  });

  it('a final price pays the price less what each ticket was credited at delivery, with the arithmetic shown', async () => {
    // 46 kg payable, credited S/ 10.00 per kg at the desk (460.00); final price S/ 12.35 → 568.10 − 460.00 = 108.10
    await newTicket(memberNumbers[3]!, '47');
    const preview = await draft({
      name: 'Precio final',
      priceMode: 'final_price',
      pricePerKgByClass: { conventional: '12.35' },
    });
    expect(preview.priceMode).toBe('final_price');
    expect(preview.members.map((m: { memberNumber: string }) => m.memberNumber)).toEqual([memberNumbers[3]]);
    expect(preview.members[0].byClass).toEqual([
      {
        certificationClass: 'conventional',
        payableKg: '46.000',
        pricePerKg: '12.35',
        valueAtPrice: '568.10',
        alreadyCredited: '460.00',
        amount: '108.10',
      },
    ]);
    expect(preview.totals.gross).toBe('108.10');
  });
});
