import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';
import { type TestOrg, testId } from '../harness/factories.js';

let ctx: TestContext;
let coop: TestOrg;
let other: TestOrg;
let lab: Session;
let manager: Session;
let cashier: Session;
let foreignLab: Session;
const json = (res: { body: string }) => JSON.parse(res.body);
const post = (url: string, payload: unknown, s: Session) =>
  ctx.http.inject({ method: 'POST', url, headers: s.headers, payload: payload as Record<string, unknown> });
const get = (url: string, s: Session) => ctx.http.inject({ method: 'GET', url, headers: s.headers });
const score = (blindCode: string, extra: Record<string, unknown> = {}) => ({
  blindCode,
  fragrance: 800,
  flavor: 825,
  aftertaste: 775,
  acidity: 800,
  body: 800,
  balance: 800,
  overall: 800,
  uniformCups: 5,
  cleanCups: 5,
  sweetCups: 5,
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext();
  coop = await ctx.make.cooperative({ slug: 'quality-coop', roles: ['manager', 'cashier', 'lab'] });
  other = await ctx.make.cooperative({ slug: 'quality-other', roles: ['lab'] });
  const [member] = await ctx.make.members(coop, 1);
  const point = await ctx.make.collectionPoint(coop);
  await ctx.make.priceSchedule(coop);
  const ticket = await ctx.make.weighTicket(coop, { point, member: member! });
  const lotId = testId('lot:quality:L-1');
  await sql`INSERT INTO lots (org_id, lot_id, code, product, certification_class, origin, eudr, warehouse_id,
                              created_at, created_by_label)
            VALUES (${coop.id}, ${lotId}, 'L-1', 'parchment', 'conventional', 'tickets', false, ${point.id}, now(), 'test')`.execute(
    ctx.db,
  );
  await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
            VALUES (${coop.id}, ${lotId}, 1, ${ticket.id}, 50000)`.execute(ctx.db);
  lab = await signIn(ctx.http, coop.staff.lab!.email);
  manager = await signIn(ctx.http, coop.staff.manager!.email);
  cashier = await signIn(ctx.http, coop.staff.cashier!.email);
  foreignLab = await signIn(ctx.http, other.staff.lab!.email);
});
afterAll(() => ctx?.close());

describe('quality lab', () => {
  let sessionId: string;

  it('draws a sample from a lot, analyses it, cups it blind and reveals on closing', async () => {
    const base = '/api/v1/orgs/quality-coop/quality';
    const s1 = await post(
      `${base}/samples`,
      {
        id: testId('s1'),
        source: 'lot',
        lotCode: 'L-1',
        purpose: 'offer',
        grams: 700,
        takenOn: '2026-05-04',
      },
      lab,
    );
    expect(s1.statusCode, s1.body).toBe(201);
    expect(json(s1).code).toBe('M-26-0001');
    const lot = await sql<{
      grams_out: number;
    }>`SELECT grams_out FROM lots WHERE org_id = ${coop.id} AND code = 'L-1'`.execute(ctx.db);
    expect(Number(lot.rows[0]!.grams_out)).toBe(700);
    const s2 = await post(
      `${base}/samples`,
      {
        id: testId('s2'),
        source: 'external',
        receivedFrom: 'Buyer X',
        purpose: 'type',
        grams: 300,
        takenOn: '2026-05-04',
      },
      lab,
    );
    expect(json(s2).code).toBe('M-26-0002');
    const too = await post(
      `${base}/samples`,
      {
        id: testId('s3'),
        source: 'lot',
        lotCode: 'L-1',
        purpose: 'offer',
        grams: 60000,
        takenOn: '2026-05-04',
      },
      lab,
    );
    expect(too.statusCode).toBe(409);

    const d = await post(
      `${base}/samples/M-26-0001/dispatches`,
      {
        id: testId('d1'),
        sentTo: 'Importer GmbH',
        sentOn: '2026-05-05',
        courier: 'DHL',
        courierReference: 'JD0001',
      },
      lab,
    );
    expect(d.statusCode, d.body).toBe(201);

    const a = await post(
      `${base}/samples/M-26-0001/analyses`,
      {
        id: testId('a1'),
        analyzedOn: '2026-05-05',
        portionGrams: 350,
        moistureBp: 1100,
        densityGramsPerLitre: 680,
        screens: { '18': 150, '17': 120, '16': 80 },
        defects: { partial_black: 7, floater: 5, full_black: 0 },
      },
      lab,
    );
    expect(a.statusCode, a.body).toBe(201);
    expect(json(a)).toMatchObject({ grade: 'specialty', secondaryFullDefects: 3, mainScreen: '18' });

    const session = await post(
      `${base}/sessions`,
      {
        id: testId('c1'),
        name: 'Mayo',
        heldOn: '2026-05-06',
        descriptive: true,
        sampleCodes: ['M-26-0001', 'M-26-0002'],
      },
      lab,
    );
    expect(session.statusCode, session.body).toBe(201);
    sessionId = json(session).id;
    const view = json(await get(`${base}/sessions/${sessionId}`, lab));
    expect(JSON.stringify(view)).not.toContain('M-26-0001');
    const code = view.samples[0].blindCode;

    expect((await post(`${base}/sessions/${sessionId}/scores`, score(code), cashier)).statusCode).toBe(403);
    expect((await get(`${base}/sessions/${sessionId}`, foreignLab)).statusCode).toBe(404);
    expect(
      (await get(`/api/v1/orgs/quality-other/quality/sessions/${sessionId}`, foreignLab)).statusCode,
    ).toBe(404);

    const first = await post(
      `${base}/sessions/${sessionId}/scores`,
      score(code, { descriptors: [{ descriptor: 'cocoa', intensity: 8 }] }),
      lab,
    );
    expect(first.statusCode, first.body).toBe(201);
    const mine = json(first).samples.find((x: { blindCode: string }) => x.blindCode === code).mine;
    expect(mine.finalScore).toBe(8600);
    const twice = await post(`${base}/sessions/${sessionId}/scores`, score(code), lab);
    expect(twice.statusCode).toBe(409);
    expect(json(twice).code).toBe('db.constraint.cupping_score_once');
    // The blind codes are random, so which sample is first is too: every sample gets the same scores, and
    // the figures are checked on the sample the reveal names.
    for (const other of view.samples
      .map((x: { blindCode: string }) => x.blindCode)
      .filter((c: string) => c !== code))
      expect(
        (
          await post(
            `${base}/sessions/${sessionId}/scores`,
            score(other, { descriptors: [{ descriptor: 'cocoa', intensity: 8 }] }),
            lab,
          )
        ).statusCode,
      ).toBe(201);
    for (const any of view.samples.map((x: { blindCode: string }) => x.blindCode))
      expect(
        (
          await post(
            `${base}/sessions/${sessionId}/scores`,
            score(any, { flavor: 850, taintCups: 1 }),
            manager,
          )
        ).statusCode,
      ).toBe(201);

    // the manager sees only their own score while open
    const open = json(await get(`${base}/sessions/${sessionId}`, manager));
    expect(open.samples.every((x: { revealed: unknown }) => x.revealed === null)).toBe(true);

    const closed = json(await post(`${base}/sessions/${sessionId}/close`, {}, lab));
    const revealed = closed.samples.find(
      (x: { revealed: { sampleCode: string } }) => x.revealed.sampleCode === 'M-26-0001',
    ).revealed;
    expect(revealed.sampleCode).toBe('M-26-0001');
    expect(revealed.lotCode).toBe('L-1');
    expect(revealed.summary).toMatchObject({ count: 2, mean: 8513, spread: 175 });
    expect(revealed.descriptors).toEqual([{ descriptor: 'cocoa', count: 1, intensity: 8 }]);
    expect(
      (await post(`${base}/sessions/${sessionId}/scores`, score(closed.samples[1].blindCode), lab))
        .statusCode,
    ).toBe(409);

    const history = json(await get(`${base}/lots/L-1`, manager));
    expect(history.analyses).toHaveLength(1);
    expect(history.cuppings[0].summary.mean).toBe(8513);
    expect(history.samples[0].dispatches[0].courierReference).toBe('JD0001');
  });
});
