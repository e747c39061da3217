import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

let ctx: TestContext;
let board: Session;
const json = (res: { body: string }) => JSON.parse(res.body);
let n = 0;
const uuid = () => `01900000-0000-7000-8000-${(0x6900_0000 + ++n).toString(16).padStart(12, '0')}`;
const post = (url: string, payload: unknown, s: Session = board) =>
  ctx.http.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });

beforeAll(async () => {
  ctx = await createTestContext();
  board = await signIn(ctx.http, 'board@jumarp.example');
});
afterAll(() => ctx.close());

describe('an ordinary general assembly', () => {
  let id: string;
  let roll: string[];

  it('is refused when the notice is shorter than the statute asks', async () => {
    const res = await post('/api/v1/orgs/jumarp/assemblies', {
      id: uuid(),
      kind: 'ordinary',
      title: 'Asamblea apurada',
      place: 'Local comunal',
      firstCallAt: '2026-03-06T09:00:00-05:00',
      secondCallAt: '2026-03-06T09:30:00-05:00',
      cutoffDate: '2026-03-01',
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).detail).toMatch(/10 días/);
  });

  it('is convened with the roll of members in good standing frozen at the cut-off', async () => {
    id = uuid();
    const res = await post('/api/v1/orgs/jumarp/assemblies', {
      id,
      kind: 'ordinary',
      title: 'Asamblea General Ordinaria 2026',
      place: 'Local comunal de San José de Lourdes',
      firstCallAt: '2026-03-21T09:00:00-05:00',
      secondCallAt: '2026-03-21T09:30:00-05:00',
      cutoffDate: '2026-03-01',
      agenda: ['Memoria y balance 2025', 'Elección del Consejo de Vigilancia'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const assembly = json(res);
    roll = (
      await sql<{
        member_number: string;
      }>`SELECT m.member_number FROM assembly_roll r JOIN members m USING (org_id, member_id) WHERE r.assembly_id = ${id} ORDER BY m.member_number`.execute(
        ctx.db,
      )
    ).rows.map((r) => r.member_number);
    expect(assembly.eligible).toBe(roll.length);
    expect(roll.length).toBeGreaterThan(300);
    expect(assembly.quorum).toMatchObject({
      call: 'first',
      present: 0,
      met: false,
      required: Math.floor(roll.length / 2) + 1,
    });
  });

  it('checks members in; a member not on the roll is told why; without quorum nothing is decided', async () => {
    const outsider = (
      await sql<{
        member_number: string;
      }>`SELECT m.member_number FROM members m JOIN organizations o USING (org_id) WHERE o.slug = 'jumarp' AND m.status = 'withdrawn' LIMIT 1`.execute(
        ctx.db,
      )
    ).rows[0]!.member_number;
    const refused = await post(`/api/v1/orgs/jumarp/assemblies/${id}/check-in`, { memberNumber: outsider });
    expect(json(refused).code).toBe('governance.not_on_roll');
    for (const memberNumber of roll.slice(0, 20))
      await post(`/api/v1/orgs/jumarp/assemblies/${id}/check-in`, { memberNumber });
    const again = json(
      await post(`/api/v1/orgs/jumarp/assemblies/${id}/check-in`, { memberNumber: roll[0] }),
    );
    expect(again.present).toBe(20);
    const early = await post(`/api/v1/orgs/jumarp/assemblies/${id}/motions`, {
      id: uuid(),
      title: 'Aprobar la memoria',
      decisionType: 'ordinary',
      method: 'hands',
      yes: 15,
      no: 2,
      abstain: 3,
    });
    expect(json(early).code).toBe('governance.no_quorum');
  });

  it('with quorum, motions follow the statute: simple majority, two thirds with abstentions counted', async () => {
    const needed = Math.floor(roll.length / 2) + 1;
    for (const memberNumber of roll.slice(20, needed))
      await post(`/api/v1/orgs/jumarp/assemblies/${id}/check-in`, { memberNumber });
    const ordinary = json(
      await post(`/api/v1/orgs/jumarp/assemblies/${id}/motions`, {
        id: uuid(),
        title: 'Aprobar la memoria y el balance 2025',
        decisionType: 'ordinary',
        method: 'hands',
        yes: 100,
        no: 40,
        abstain: 30,
      }),
    );
    expect(ordinary.quorum.met).toBe(true);
    expect(ordinary.motions[0]).toMatchObject({ passed: true, requiredYes: 41 });
    const reform = json(
      await post(`/api/v1/orgs/jumarp/assemblies/${id}/motions`, {
        id: uuid(),
        title: 'Reforma del estatuto',
        decisionType: 'statute_reform',
        method: 'hands',
        yes: 100,
        no: 40,
        abstain: 20,
      }),
    );
    expect(reform.motions[1]).toMatchObject({ passed: false, requiredYes: 107 });
    const tooMany = await post(`/api/v1/orgs/jumarp/assemblies/${id}/motions`, {
      id: uuid(),
      title: 'x',
      decisionType: 'ordinary',
      method: 'hands',
      yes: needed + 1,
      no: 0,
      abstain: 0,
    });
    expect(json(tooMany).code).toBe('governance.more_votes_than_present');
    const named = await post(`/api/v1/orgs/jumarp/assemblies/${id}/motions`, {
      id: uuid(),
      title: 'Votación nominal',
      decisionType: 'ordinary',
      method: 'named',
      votes: [{ memberNumber: roll[roll.length - 1], choice: 'yes' }],
    });
    expect(json(named).code).toBe('governance.voter_not_present');
  });

  it('a member reads the assembly; a cashier cannot run it', async () => {
    const member = await signIn(ctx.http, 'member@jumarp.example');
    expect(
      (
        await ctx.http.inject({
          method: 'GET',
          url: `/api/v1/orgs/jumarp/assemblies/${id}`,
          headers: member.headers,
        })
      ).statusCode,
    ).toBe(200);
    const cashier = await signIn(ctx.http, 'cashier@jumarp.example');
    expect(
      (await post(`/api/v1/orgs/jumarp/assemblies/${id}/check-in`, { memberNumber: roll[0] }, cashier))
        .statusCode,
    ).toBe(403);
  });
});

describe('a secret electronic vote', () => {
  it('the member votes once from their phone, gets a receipt, and after the tally finds it in the published list; nothing links them to it', async () => {
    const assembly = json(
      await ctx.http.inject({ method: 'GET', url: '/api/v1/orgs/jumarp/assemblies', headers: board.headers }),
    ).items[0];
    const voteId = uuid();
    const opened = await post(`/api/v1/orgs/jumarp/assemblies/${assembly.id}/secret-votes`, {
      id: voteId,
      title: 'Elección del Consejo de Vigilancia: lista 1',
      decisionType: 'election',
      passphrase: 'escrutadores-jumarp-2026',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(
      JSON.stringify(
        await ctx.db.selectFrom('idempotency_keys').select('response').where('key', '=', voteId).execute(),
      ),
    ).not.toContain('escrutadores');

    const member = await signIn(ctx.http, 'member@jumarp.example');
    const cast = await post(`/api/v1/orgs/jumarp/secret-votes/${voteId}/ballot`, { choice: 'yes' }, member);
    expect(cast.statusCode, cast.body).toBe(201);
    const { receiptCode } = json(cast);
    expect(
      json(await post(`/api/v1/orgs/jumarp/secret-votes/${voteId}/ballot`, { choice: 'no' }, member)).code,
    ).toBe('governance.already_voted');

    // What the database holds before the tally: who voted, and sealed envelopes that name nobody.
    const envelopes = await ctx.db
      .selectFrom('vote_envelopes')
      .selectAll()
      .where('vote_id', '=', voteId)
      .execute();
    expect(envelopes).toHaveLength(1);
    expect(envelopes[0]!.sealed).not.toContain('yes');
    expect(envelopes[0]!.sealed).not.toContain(receiptCode);

    expect(
      json(await post(`/api/v1/orgs/jumarp/secret-votes/${voteId}/tally`, { passphrase: 'wrong-passphrase' }))
        .code,
    ).toBe('governance.wrong_passphrase');
    const tallied = json(
      await post(`/api/v1/orgs/jumarp/secret-votes/${voteId}/tally`, {
        passphrase: 'escrutadores-jumarp-2026',
      }),
    );
    expect(tallied).toMatchObject({
      status: 'tallied',
      voted: 1,
      result: { yes: 1, no: 0, abstain: 0, passed: true },
    });
    expect(tallied.ballots).toEqual([{ receiptCode, choice: 'yes' }]);
    expect(
      await ctx.db.selectFrom('vote_envelopes').selectAll().where('vote_id', '=', voteId).execute(),
    ).toEqual([]);
    // The published ballot carries no reference to any member.
    const ballotColumns = Object.keys(
      (await ctx.db
        .selectFrom('vote_ballots')
        .selectAll()
        .where('vote_id', '=', voteId)
        .executeTakeFirstOrThrow()) as object,
    );
    expect(ballotColumns.sort()).toEqual(['choice', 'org_id', 'receipt_code', 'vote_id']);
    expect(
      json(await post(`/api/v1/orgs/jumarp/secret-votes/${voteId}/ballot`, { choice: 'yes' }, member)).code,
    ).toBe('governance.vote_closed');

    const minutes = await ctx.http.inject({
      method: 'GET',
      url: `/api/v1/orgs/jumarp/assemblies/${assembly.id}/minutes.pdf`,
      headers: board.headers,
    });
    expect(minutes.statusCode).toBe(200);
    expect(minutes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
