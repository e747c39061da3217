import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

/**
 * A cooperative's governance from the statute to the signed minutes: organs and terms, an assembly with
 * proxies, an election by secret ballot on phones and one counted from paper, minutes approved, numbered
 * and signed, and the scorecard — for the cooperative and for the program it shares governance with.
 */

let ctx: TestContext;
let board: Session;
let member: Session;
const json = (res: { body: string }) => JSON.parse(res.body);
let n = 0;
const uuid = () => `01900000-0000-7000-8000-${(0x7a00_0000 + ++n).toString(16).padStart(12, '0')}`;
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'GET', url: string, payload?: unknown, s: Session = board) =>
  ctx.http.inject({
    method,
    url,
    headers: s.headers,
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
const post = (url: string, payload: unknown, s: Session = board) => send('POST', url, payload, s);
const get = (url: string, s: Session = board) => send('GET', url, undefined, s);
const base = '/api/v1/orgs/cedros';
const PASSPHRASE = 'escrutadores-cedros-2026';

let assemblyId = '';
/** Members on the roll, by join date (most senior first), without member 0001 (the demo member's account). */
let roll: { number: string; joinDate: string }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  board = await signIn(ctx.http, 'board@cedros.example');
  member = await signIn(ctx.http, 'member@cedros.example');
});
afterAll(() => ctx.close());

describe('statute, organs and terms', () => {
  it('the statute in force is the preset until one is recorded; a recorded one keeps the preset for what it leaves out', async () => {
    const before = json(await get(`${base}/statute`));
    expect(before.source).toBe('preset');
    expect(before.params.organs.map((o: { organ: string }) => o.organ)).toContain('electoral');
    const saved = await post(`${base}/statutes`, {
      id: uuid(),
      effectiveFrom: '2026-01-01',
      preset: 'PE',
      params: {
        firstCall: { shareBp: 1000, strictlyMore: false },
        proxies: { allowed: true, maxPerPerson: 1 },
        minutes: { signDays: 30, president: true, secretary: true, designatedMembers: 1 },
        electionTieBreak: 'seniority',
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const after = json(await get(`${base}/statute`));
    expect(after).toMatchObject({ source: 'statute', effectiveFrom: '2026-01-01' });
    expect(after.params.termYears).toBe(3);
    expect(after.versions).toHaveLength(1);
  });

  it('convenes an assembly with the roll frozen at the cut-off', async () => {
    assemblyId = uuid();
    const res = await post(`${base}/assemblies`, {
      id: assemblyId,
      kind: 'ordinary',
      title: 'Asamblea General Ordinaria 2026',
      place: 'Auditorio de la cooperativa',
      firstCallAt: '2026-03-20T09:00:00-05:00',
      secondCallAt: '2026-03-20T10:00:00-05:00',
      cutoffDate: '2026-03-01',
      agenda: [
        'Memoria 2025',
        'Elección del Consejo de Administración',
        'Elección del Consejo de Vigilancia',
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    roll = (
      await sql<{ member_number: string; join_date: string }>`
        SELECT m.member_number, m.join_date::text AS join_date FROM assembly_roll r JOIN members m USING (org_id, member_id)
        WHERE r.assembly_id = ${assemblyId} AND m.member_number <> '0001' ORDER BY m.join_date, m.member_number`.execute(
        ctx.db,
      )
    ).rows.map((r) => ({ number: r.member_number, joinDate: r.join_date }));
    expect(json(res).eligible).toBe(roll.length + 1); // member 0001 is on the roll too
  });

  it('records offices; warns of vacancies and of terms about to end; refuses the ineligible with reasons', async () => {
    // roll[0] sits on the electoral committee; roll[1] served two board terms back to back (history).
    const appointed = await post(`${base}/terms`, {
      id: uuid(),
      organ: 'electoral',
      position: 'president',
      memberNumber: roll[0]!.number,
      startsOn: '2026-03-01',
    });
    expect(appointed.statusCode, appointed.body).toBe(201);
    await sql`
      INSERT INTO office_terms (org_id, term_id, organ, position, member_id, holder_name, holder_sex, starts_on, ends_on, recorded_at, recorded_by_label)
      SELECT m.org_id, gen_random_uuid(), 'board', 'member', m.member_id, m.given_names, m.sex, d.s::date, d.e::date, now(), 'history'
      FROM members m JOIN organizations o USING (org_id), (VALUES ('2020-04-01', '2023-04-01'), ('2023-04-01', '2026-04-10')) AS d (s, e)
      WHERE o.slug = 'cedros' AND m.member_number = ${roll[1]!.number}`.execute(ctx.db);

    const organs = json(await get(`${base}/organs?on=2026-03-05`));
    const board = organs.organs.find((o: { organ: string }) => o.organ === 'board');
    expect(board).toMatchObject({ seats: 5, vacancies: 4 });
    expect(organs.warnings).toContainEqual(
      expect.objectContaining({ code: 'governance.term_expiring', organ: 'board', endsOn: '2026-04-10' }),
    );
    expect(organs.warnings).toContainEqual(
      expect.objectContaining({ code: 'governance.vacant_seats', organ: 'oversight' }),
    );

    const refused = await post(`${base}/terms`, {
      id: uuid(),
      organ: 'board',
      position: 'member',
      memberNumber: roll[0]!.number,
      startsOn: '2026-03-10',
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).errors.map((e: { code: string }) => e.code)).toEqual([
      'governance.ineligible.on_electoral_committee',
    ]);
    // the statutory auditor need not be a member; anyone else must be
    expect(
      (
        await post(`${base}/terms`, {
          id: uuid(),
          organ: 'oversight',
          position: 'member',
          holderName: 'Persona externa',
          startsOn: '2026-03-10',
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('an assembly with proxies and elections', () => {
  let required = 0;
  it('checks in enough members for quorum; proxies count for those who are away, within the statute’s limit', async () => {
    const assembly = json(await get(`${base}/assemblies/${assemblyId}`));
    required = assembly.quorum.required;
    expect(required).toBe(Math.ceil(assembly.eligible / 10));
    // everyone from roll[3] on who checks in; roll[0..2] stay away (candidates and a grantor)
    const present = roll.slice(10, 10 + required);
    for (const m of [{ number: '0001' }, ...present])
      expect(
        (await post(`${base}/assemblies/${assemblyId}/check-in`, { memberNumber: m.number })).statusCode,
      ).toBe(200);

    const grantor = roll[5]!.number;
    const proxied = await post(`${base}/assemblies/${assemblyId}/proxies`, {
      grantorNumber: grantor,
      holderNumber: '0001',
      documentRef: 'Carta poder con firma legalizada',
    });
    expect(proxied.statusCode, proxied.body).toBe(201);
    const second = await post(`${base}/assemblies/${assemblyId}/proxies`, {
      grantorNumber: roll[6]!.number,
      holderNumber: '0001',
    });
    expect(json(second)).toMatchObject({ code: 'governance.too_many_proxies' });
    const present2 = await post(`${base}/assemblies/${assemblyId}/proxies`, {
      grantorNumber: roll[10]!.number,
      holderNumber: roll[11]!.number,
    });
    expect(json(present2).code).toBe('governance.grantor_present');

    const after = json(await get(`${base}/assemblies/${assemblyId}`));
    expect(after).toMatchObject({ inPerson: required + 1, represented: 1, present: required + 2 });
    expect(after.quorum.met).toBe(true);
    const mine = json(await get(`${base}/assemblies/${assemblyId}/me`, member));
    expect(mine).toMatchObject({ onRoll: true, checkedIn: true, represents: [{ memberNumber: grantor }] });
  });

  let electionId = '';
  it('refuses ineligible candidates with every reason, then opens a secret election', async () => {
    electionId = uuid();
    const refused = await post(`${base}/assemblies/${assemblyId}/elections`, {
      id: electionId,
      organ: 'board',
      seats: 2,
      alternates: 1,
      termStartsOn: '2026-04-01',
      method: 'secret',
      candidates: [roll[0]!.number, roll[1]!.number, roll[2]!.number],
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).errors).toEqual([
      expect.objectContaining({ path: 'candidates.0', code: 'governance.ineligible.on_electoral_committee' }),
      expect.objectContaining({ path: 'candidates.1', code: 'governance.ineligible.reelection_limit' }),
    ]);
    const created = await post(`${base}/assemblies/${assemblyId}/elections`, {
      id: electionId,
      organ: 'board',
      seats: 2,
      alternates: 1,
      termStartsOn: '2026-04-01',
      method: 'secret',
      candidates: [roll[2]!.number, roll[3]!.number, roll[4]!.number],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created)).toMatchObject({
      status: 'nominating',
      termEndsOn: '2029-04-01',
      tieBreak: 'seniority',
    });
    // a vote before opening is refused
    expect(json(await post(`${base}/elections/${electionId}/ballot`, { choices: [] }, member)).code).toBe(
      'governance.election_not_open',
    );
    const opened = await post(`${base}/elections/${electionId}/open`, { passphrase: PASSPHRASE });
    expect(json(opened).status).toBe('open');
  });

  it('the member votes on their phone for themselves and for the member they represent; once each', async () => {
    const [a, b, c] = [roll[2]!.number, roll[3]!.number, roll[4]!.number];
    const tooMany = await post(`${base}/elections/${electionId}/ballot`, { choices: [a, b, c] }, member);
    expect(json(tooMany).code).toBe('governance.too_many_choices');
    const notCandidate = await post(`${base}/elections/${electionId}/ballot`, { choices: ['0001'] }, member);
    expect(notCandidate.statusCode).toBe(400);
    const own = await post(`${base}/elections/${electionId}/ballot`, { choices: [a, b] }, member);
    expect(own.statusCode, own.body).toBe(201);
    const again = await post(`${base}/elections/${electionId}/ballot`, { choices: [c] }, member);
    expect(json(again).code).toBe('governance.already_voted');
    const forGrantor = await post(
      `${base}/elections/${electionId}/ballot`,
      { choices: [a], forMemberNumber: roll[5]!.number },
      member,
    );
    expect(forGrantor.statusCode, forGrantor.body).toBe(201);
    const mine = json(await get(`${base}/assemblies/${assemblyId}/me`, member));
    expect(mine.openElections[0]).toMatchObject({ votedByMe: true, votedFor: [roll[5]!.number] });
    const notMine = await post(
      `${base}/elections/${electionId}/ballot`,
      { choices: [a], forMemberNumber: roll[6]!.number },
      member,
    );
    expect(json(notMine).code).toBe('governance.no_proxy');

    // nothing stored before the tally holds a member number next to a choice
    const envelopes = await ctx.db
      .selectFrom('election_envelopes')
      .selectAll()
      .where('election_id', '=', electionId)
      .execute();
    expect(envelopes).toHaveLength(2);
    expect(Object.keys(envelopes[0]!).sort()).toEqual(['election_id', 'envelope_id', 'org_id', 'sealed']);

    expect(
      json(await post(`${base}/elections/${electionId}/tally`, { passphrase: 'not-the-passphrase' })).code,
    ).toBe('governance.wrong_passphrase');
    const tallied = json(await post(`${base}/elections/${electionId}/tally`, { passphrase: PASSPHRASE }));
    expect(tallied).toMatchObject({ status: 'tallied', voted: 2, blank: 0 });
    const outcome = Object.fromEntries(
      tallied.candidates.map((x: { memberNumber: string; votes: number; outcome: string }) => [
        x.memberNumber,
        [x.votes, x.outcome],
      ]),
    );
    expect(outcome).toEqual({ [a]: [2, 'elected'], [b]: [1, 'elected'], [c]: [0, 'not_elected'] });
    expect(tallied.ballots.map((x: { receiptCode: string }) => x.receiptCode).sort()).toEqual(
      [json(own).receiptCode, json(forGrantor).receiptCode].sort(),
    );
    expect(
      await ctx.db
        .selectFrom('election_envelopes')
        .selectAll()
        .where('election_id', '=', electionId)
        .execute(),
    ).toEqual([]);
    const ballotColumns = Object.keys(
      (await ctx.db
        .selectFrom('election_ballots')
        .selectAll()
        .where('election_id', '=', electionId)
        .executeTakeFirstOrThrow()) as object,
    );
    expect(ballotColumns.sort()).toEqual(['choices', 'election_id', 'org_id', 'receipt_code']);

    // the elected enter office on the date set, not before
    const before = json(await get(`${base}/organs?on=2026-03-31`)).organs.find(
      (o: { organ: string }) => o.organ === 'board',
    );
    expect(before.current.map((t: { memberNumber: string }) => t.memberNumber)).not.toContain(a);
    const onDay = json(await get(`${base}/organs?on=2026-04-01`)).organs.find(
      (o: { organ: string }) => o.organ === 'board',
    );
    expect(onDay.current.map((t: { memberNumber: string }) => t.memberNumber)).toEqual(
      expect.arrayContaining([a, b]),
    );
  });

  it('an election counted from paper ballots breaks a tie for the last seat by seniority', async () => {
    // two members who joined on different days (roll is ordered by join date), so seniority decides alone
    const juniorAt = roll.findIndex((m, i) => i > 7 && i < 30 && m.joinDate > roll[7]!.joinDate);
    const [senior, junior, third] = [roll[7]!, roll[juniorAt]!, roll[juniorAt + 1]!];
    const id = uuid();
    const created = await post(`${base}/assemblies/${assemblyId}/elections`, {
      id,
      organ: 'oversight',
      seats: 1,
      alternates: 1,
      termStartsOn: '2026-04-01',
      method: 'counted',
      candidates: [junior.number, senior.number, third.number],
    });
    expect(created.statusCode, created.body).toBe(201);
    const tooMany = await post(`${base}/elections/${id}/counts`, {
      voters: 10,
      blank: 0,
      counts: [
        { memberNumber: senior.number, votes: 9 },
        { memberNumber: junior.number, votes: 9 },
      ],
    });
    expect(json(tooMany).errors[0].code).toBe('governance.counts_exceed_ballots');
    const counted = json(
      await post(`${base}/elections/${id}/counts`, {
        voters: 11,
        blank: 1,
        counts: [
          { memberNumber: senior.number, votes: 5 },
          { memberNumber: junior.number, votes: 5 },
          { memberNumber: third.number, votes: 0 },
        ],
      }),
    );
    const by = Object.fromEntries(
      counted.candidates.map((x: { memberNumber: string }) => [x.memberNumber, x]),
    );
    expect(senior.joinDate < junior.joinDate).toBe(true);
    expect(by[senior.number]).toMatchObject({
      outcome: 'elected',
      tieNote: 'seniority',
    });
    expect(by[junior.number]).toMatchObject({
      outcome: 'alternate',
      tieNote: 'seniority',
    });
  });
});

describe('minutes and scorecard', () => {
  it('the draft is written from the record; edits are versioned; approval numbers it; the statute’s signers sign', async () => {
    const draft = json(await get(`${base}/assemblies/${assemblyId}/minutes`));
    expect(draft).toMatchObject({
      status: 'none',
      version: 0,
      required: { president: 1, secretary: 1, designated: 1 },
    });
    expect(draft.body).toContain('Consejo de Administración');
    expect(draft.body).toContain('representados por poder');
    const body = `${draft.body}\n\nSe deja constancia de la participación de la juventud cafetalera.`;
    const saved = await send('PUT', `${base}/assemblies/${assemblyId}/minutes`, { body, baseVersion: 0 });
    expect(json(saved)).toMatchObject({ status: 'draft', version: 1 });
    const stale = await send('PUT', `${base}/assemblies/${assemblyId}/minutes`, {
      body: 'otro texto',
      baseVersion: 0,
    });
    expect(json(stale)).toMatchObject({ code: 'governance.minutes_changed' });
    expect(
      json(
        await post(`${base}/assemblies/${assemblyId}/minutes/signatures`, {
          role: 'president',
          signerName: 'X',
        }),
      ).code,
    ).toBe('governance.minutes_not_approved');
    const notPresent = await post(`${base}/assemblies/${assemblyId}/minutes/approve`, {
      designatedMemberNumbers: [roll[0]!.number],
    });
    expect(json(notPresent).errors[0].code).toBe('governance.signer_not_present');
    const approved = json(
      await post(`${base}/assemblies/${assemblyId}/minutes/approve`, { designatedMemberNumbers: ['0001'] }),
    );
    expect(approved.designated).toEqual([expect.objectContaining({ memberNumber: '0001' })]);
    expect(approved).toMatchObject({ status: 'approved', bookNumber: 1 });
    expect(
      json(await send('PUT', `${base}/assemblies/${assemblyId}/minutes`, { body: 'x', baseVersion: 1 })).code,
    ).toBe('governance.minutes_approved');

    const cashier = await signIn(ctx.http, 'cashier@cedros.example');
    const refused = await post(
      `${base}/assemblies/${assemblyId}/minutes/signatures`,
      { role: 'designated' },
      cashier,
    );
    expect(refused.statusCode).toBe(404);
    // the member signs in the app as a designated member (present at the assembly)
    const own = await post(
      `${base}/assemblies/${assemblyId}/minutes/signatures`,
      { role: 'designated' },
      member,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(json(own).signatures[0]).toMatchObject({ role: 'designated', method: 'in_app' });
    // a member cannot sign as president without holding the office
    expect(
      json(await post(`${base}/assemblies/${assemblyId}/minutes/signatures`, { role: 'president' }, member))
        .code,
    ).toBe('governance.signer_not_in_position');
    await post(`${base}/assemblies/${assemblyId}/minutes/signatures`, {
      role: 'president',
      signerName: 'Presidente del Consejo',
    });
    const signed = json(
      await post(`${base}/assemblies/${assemblyId}/minutes/signatures`, {
        role: 'secretary',
        signerName: 'Secretaria del Consejo',
      }),
    );
    expect(signed.status).toBe('signed');
    expect(signed.signatures).toHaveLength(3);

    const pdf = await get(`${base}/assemblies/${assemblyId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('acta-1.pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // signed minutes stay as they are, even for someone with the database
    await expect(
      sql`UPDATE minutes SET body = 'cambiado' WHERE assembly_id = ${assemblyId}`.execute(ctx.db),
    ).rejects.toThrow();
  });

  it('the scorecard shows the assembly in time, attendance and minutes; the program sees the cooperatives that share it', async () => {
    const card = json(await get(`${base}/governance/scorecard?year=2026`));
    const cedros = card.cooperatives[0];
    const ind = Object.fromEntries(cedros.indicators.map((i: { code: string }) => [i.code, i]));
    expect(ind.ordinary_assembly_in_time).toMatchObject({
      status: 'ok',
      value: '2026-03-20',
      target: '2026-03-31',
    });
    expect(ind.minutes_signed_in_time).toMatchObject({ status: 'ok', value: 10_000 });
    expect(ind.attendance.detail.present).toBeGreaterThan(0);
    expect(ind.oversight_reports.status).toBe('pending');
    const program = await signIn(ctx.http, 'manager@cafe-selva-norte.example');
    const across = json(await get('/api/v1/orgs/cafe-selva-norte/governance/scorecard?year=2026', program));
    expect(across.cooperatives.map((c: { slug: string }) => c.slug)).toEqual(
      expect.arrayContaining(['cedros', 'jumarp', 'cecafe']),
    );
    expect(across.cooperatives.map((c: { slug: string }) => c.slug)).not.toContain('gallito-de-las-rocas');
  });

  it('after the wait the second call’s rule applies; a delegates’ assembly’s roll is the delegates in office', async () => {
    ctx.clock.advance(Date.parse('2026-03-20T15:05:00Z') - ctx.clock.now().getTime());
    board = await signIn(ctx.http, 'board@cedros.example'); // the earlier session expired meanwhile
    expect(json(await get(`${base}/assemblies/${assemblyId}`)).quorum.call).toBe('second');
    for (const m of roll.slice(20, 23))
      await post(`${base}/terms`, {
        id: uuid(),
        organ: 'delegates',
        position: 'member',
        memberNumber: m.number,
        zone: 'Sector San Ignacio',
        startsOn: '2026-03-01',
      });
    const delegates = await post(`${base}/assemblies`, {
      id: uuid(),
      kind: 'delegates',
      title: 'Asamblea de Delegados',
      place: 'Auditorio',
      firstCallAt: '2026-04-20T09:00:00-05:00',
      secondCallAt: '2026-04-20T10:00:00-05:00',
      cutoffDate: '2026-03-20',
    });
    expect(delegates.statusCode, delegates.body).toBe(201);
    expect(json(delegates).eligible).toBe(3);
  });
});

describe('cards, agenda items and amendments', () => {
  it('a member’s card carries a QR code the desk scans to check them in; another cooperative’s card is refused', async () => {
    board = await signIn(ctx.http, 'board@cedros.example');
    const card = await get(`${base}/members/${roll[30]!.number}/card.pdf?paper=a4`);
    expect(card.statusCode).toBe(200);
    expect(card.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const scanned = await post(`${base}/assemblies/${assemblyId}/check-in`, {
      memberNumber: `AYNI:M:cedros:${roll[30]!.number}`,
    });
    expect(scanned.statusCode, scanned.body).toBe(200);
    const foreign = await post(`${base}/assemblies/${assemblyId}/check-in`, {
      memberNumber: `AYNI:M:jumarp:${roll[30]!.number}`,
    });
    expect(json(foreign).errors[0].code).toBe('governance.card_of_other_org');
  });

  it('a motion belongs to an agenda item; an amendment names the motion it amends, and the minutes say so', async () => {
    const motionId = uuid();
    const first = await post(`${base}/assemblies/${assemblyId}/motions`, {
      id: motionId,
      title: 'Aprobar la memoria 2025',
      decisionType: 'ordinary',
      method: 'hands',
      agendaItem: 1,
      yes: 20,
      no: 1,
      abstain: 0,
    });
    expect(first.statusCode, first.body).toBe(200);
    const amendment = json(
      await post(`${base}/assemblies/${assemblyId}/motions`, {
        id: uuid(),
        title: 'Añadir el informe de la juventud',
        decisionType: 'ordinary',
        method: 'hands',
        agendaItem: 1,
        amendsMotionId: motionId,
        yes: 15,
        no: 5,
        abstain: 1,
      }),
    );
    expect(amendment.motions.at(-1)).toMatchObject({ agendaItem: 1, amendsMotionId: motionId, passed: true });
    const wrong = await post(`${base}/assemblies/${assemblyId}/motions`, {
      id: uuid(),
      title: 'x',
      decisionType: 'ordinary',
      method: 'hands',
      agendaItem: 9,
      yes: 1,
      no: 0,
      abstain: 0,
    });
    expect(json(wrong).errors[0].code).toBe('governance.no_such_agenda_item');
  });
});

describe('what a review of the governance code asked for', () => {
  it('a refused term change, a member twice in a named vote, a cut-off still to come: each a clear 400', async () => {
    const term = json(await get(`${base}/organs?on=2026-04-02`)).organs.find(
      (o: { organ: string }) => o.organ === 'board',
    ).current[0];
    const nothing = await send('PATCH', `${base}/terms/${term.id}`, {});
    expect(json(nothing).errors[0].code).toBe('governance.nothing_to_change');
    const twice = await post(`${base}/assemblies/${assemblyId}/motions`, {
      id: uuid(),
      title: 'Nominal',
      decisionType: 'ordinary',
      method: 'named',
      votes: [
        { memberNumber: '0001', choice: 'yes' },
        { memberNumber: '0001', choice: 'no' },
      ],
    });
    expect(json(twice).errors[0].code).toBe('governance.voted_twice');
    const future = await post(`${base}/assemblies`, {
      id: uuid(),
      kind: 'extraordinary',
      title: 'Corte futuro',
      place: 'Auditorio',
      firstCallAt: '2026-05-20T09:00:00-05:00',
      secondCallAt: '2026-05-20T10:00:00-05:00',
      cutoffDate: '2026-05-01',
    });
    expect(json(future).errors[0].code).toBe('governance.cutoff_in_future');
  });

  it('the quorum the assembly began deciding on is recorded; a tie’s draw seed is published; a tallied vote forgets its key', async () => {
    const assembly = json(await get(`${base}/assemblies/${assemblyId}`));
    expect(assembly.quorumEstablished).toMatchObject({ call: 'first', met: true });
    const elections = json(await get(`${base}/assemblies/${assemblyId}/elections`)).items;
    for (const e of elections) expect(e.drawSeed).toMatch(/^[0-9a-f]{32}$/);
    const keys = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM elections WHERE status = 'tallied' AND sealed_private_key IS NOT NULL`.execute(
      ctx.db,
    );
    expect(keys.rows[0]!.n).toBe(0);
  });

  it('the board cannot file the oversight council’s report; one person cannot stand for incompatible organs at one assembly', async () => {
    const report = {
      id: uuid(),
      periodEnd: '2026-02-28',
      filedOn: '2026-03-10',
      title: 'Informe del Consejo de Vigilancia',
    };
    expect((await post(`${base}/oversight-reports`, report)).statusCode).toBe(403);
    const oversight = await signIn(ctx.http, 'oversight@cedros.example');
    expect((await post(`${base}/oversight-reports`, report, oversight)).statusCode).toBe(201);

    const candidate = roll[40]!.number;
    const board2 = uuid();
    expect(
      (
        await post(`${base}/assemblies/${assemblyId}/elections`, {
          id: board2,
          organ: 'education',
          termStartsOn: '2026-04-01',
          method: 'counted',
          candidates: [candidate],
        })
      ).statusCode,
    ).toBe(201);
    const electoral = await post(`${base}/assemblies/${assemblyId}/elections`, {
      id: uuid(),
      organ: 'electoral',
      termStartsOn: '2026-04-01',
      method: 'counted',
      candidates: [candidate],
    });
    expect(json(electoral).errors[0].code).toBe('governance.ineligible.incompatible_candidacy');
  });
});

describe('a runoff', () => {
  it('where the statute settles ties by a runoff, the tied stand again for the places left open', async () => {
    board = await signIn(ctx.http, 'board@cedros.example');
    expect(
      (
        await post(`${base}/statutes`, {
          id: uuid(),
          effectiveFrom: '2026-03-20',
          preset: 'PE',
          params: {
            electionTieBreak: 'runoff',
            noticeDays: 0,
            firstCall: { shareBp: 0, strictlyMore: false },
            secondCall: { waitMinutes: 0, shareBp: 0, minimumPresent: 1 },
          },
        })
      ).statusCode,
    ).toBe(201);
    const id = uuid();
    const convened = await post(`${base}/assemblies`, {
      id,
      kind: 'extraordinary',
      title: 'Asamblea extraordinaria: vacancia en el Consejo',
      place: 'Auditorio',
      firstCallAt: '2026-03-20T15:10:00Z',
      secondCallAt: '2026-03-20T15:10:00Z',
      cutoffDate: '2026-03-20',
    });
    expect(convened.statusCode, convened.body).toBe(201);
    await post(`${base}/assemblies/${id}/check-in`, { memberNumber: '0001' });
    await post(`${base}/assemblies/${id}/check-in`, { memberNumber: roll[60]!.number });
    const [a, b, c] = [roll[50]!.number, roll[51]!.number, roll[52]!.number];
    const electionId = uuid();
    await post(`${base}/assemblies/${id}/elections`, {
      id: electionId,
      organ: 'education',
      seats: 2,
      alternates: 0,
      termStartsOn: '2026-04-01',
      method: 'counted',
      candidates: [a, b, c],
    });
    const first = json(
      await post(`${base}/elections/${electionId}/counts`, {
        voters: 1,
        blank: 0,
        counts: [
          { memberNumber: a, votes: 1 },
          { memberNumber: b, votes: 0 },
          { memberNumber: c, votes: 0 },
        ],
      }),
    );
    // b and c have no vote: nobody is elected without one, so there is no tie to run off
    expect(first.candidates.find((x: { memberNumber: string }) => x.memberNumber === a).outcome).toBe(
      'elected',
    );
    expect(json(await post(`${base}/elections/${electionId}/runoff`, { id: uuid() })).code).toBe(
      'governance.no_tie',
    );

    const second = uuid();
    await post(`${base}/assemblies/${id}/elections`, {
      id: second,
      organ: 'board',
      seats: 1,
      alternates: 0,
      termStartsOn: '2026-04-01',
      method: 'counted',
      candidates: [b, c],
    });
    const tied = json(
      await post(`${base}/elections/${second}/counts`, {
        voters: 2,
        blank: 0,
        counts: [
          { memberNumber: b, votes: 1 },
          { memberNumber: c, votes: 1 },
        ],
      }),
    );
    expect(tied.candidates.map((x: { outcome: string }) => x.outcome)).toEqual(['tied', 'tied']);
    const runoffId = uuid();
    const runoff = await post(`${base}/elections/${second}/runoff`, { id: runoffId });
    expect(runoff.statusCode, runoff.body).toBe(201);
    expect(json(runoff)).toMatchObject({ seats: 1, status: 'nominating', organ: 'board' });
    const settled = json(
      await post(`${base}/elections/${runoffId}/counts`, {
        voters: 1,
        blank: 0,
        counts: [
          { memberNumber: b, votes: 1 },
          { memberNumber: c, votes: 0 },
        ],
      }),
    );
    expect(settled.candidates.find((x: { memberNumber: string }) => x.memberNumber === b).outcome).toBe(
      'elected',
    );
    const boardNow = json(await get(`${base}/organs?on=2026-04-02`)).organs.find(
      (o: { organ: string }) => o.organ === 'board',
    );
    expect(boardNow.current.map((t: { memberNumber: string }) => t.memberNumber)).toContain(b);
    expect(boardNow.current.map((t: { memberNumber: string }) => t.memberNumber)).not.toContain(c);
  });
});
