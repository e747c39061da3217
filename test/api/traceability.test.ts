import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';
import { type TestMember, type TestOrg, testId } from '../harness/factories.js';
import { lotGraph } from '../harness/lot-graph.js';

/**
 * The trace through the HTTP API: two cooperatives deliver lots to their central, which blends them into an
 * export lot. The central sees the cooperative that granted it its members by name, the one that granted only
 * its lots by member number, and each cooperative sees where its members' coffee went.
 */
let ctx: TestContext;
let coopA: TestOrg;
let coopB: TestOrg;
let central: TestOrg;
let membersA: TestMember[];
let membersB: TestMember[];
const sessions: Record<string, Session> = {};
const json = (res: { body: string }) => JSON.parse(res.body);
const get = (url: string, who: string, lang = 'es') =>
  ctx.http.inject({ method: 'GET', url, headers: { ...sessions[who]!.headers, 'accept-language': lang } });

async function plot(org: TestOrg, member: TestMember, name: string, lon: number, lat: number) {
  const created = await ctx.services.members.createPlot(org.as('manager'), org.slug, member.memberNumber, {
    id: testId(`plot:${org.slug}:${name}`),
    name,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    declaredAreaM2: 15_000,
  } as never);
  return created.id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  coopA = await ctx.make.cooperative({ slug: 'trace-a', roles: ['admin', 'manager', 'cashier'] });
  coopB = await ctx.make.cooperative({ slug: 'trace-b', roles: ['admin', 'manager', 'cashier'] });
  central = await ctx.make.organization({
    slug: 'trace-central',
    kind: 'central',
    roles: ['admin', 'manager'],
  });
  await ctx.make.grant(coopA, central, ['lots', 'members']);
  await ctx.make.grant(coopB, central, ['lots']);
  membersA = await ctx.make.members(coopA, 2);
  membersB = await ctx.make.members(coopB, 1);
  const pointA = await ctx.make.collectionPoint(coopA);
  const pointB = await ctx.make.collectionPoint(coopB);
  await ctx.make.priceSchedule(coopA);
  await ctx.make.priceSchedule(coopB);
  const plotA1 = await plot(coopA, membersA[0]!, 'La Loma', -78.801234, -5.701234);
  const plotA2 = await plot(coopA, membersA[1]!, 'El Mirador', -78.811234, -5.711234);
  const plotB1 = await plot(coopB, membersB[0]!, 'Santa Rosa', -78.9, -5.8);
  // 90.5 kg net each
  const a1 = await ctx.make.weighTicket(coopA, { point: pointA, member: membersA[0]!, plotIds: [plotA1] });
  const a2 = await ctx.make.weighTicket(coopA, { point: pointA, member: membersA[1]!, plotIds: [plotA2] });
  const b1 = await ctx.make.weighTicket(coopB, { point: pointB, member: membersB[0]!, plotIds: [plotB1] });

  const g = lotGraph(ctx.db, 'trace-api');
  const wA = await g.warehouse(coopA.id, 'ALM');
  const wB = await g.warehouse(coopB.id, 'ALM');
  const wC = await g.warehouse(central.id, 'ALM');
  const lotA = await g.lot(coopA.id, wA, 'A-001', { eudr: true });
  await g.inputs(coopA.id, lotA, [
    { ticketId: a1.id, grams: 90_500 },
    { ticketId: a2.id, grams: 30_500 },
  ]);
  const lotB = await g.lot(coopB.id, wB, 'B-001', { eudr: true });
  await g.inputs(coopB.id, lotB, [{ ticketId: b1.id, grams: 90_500 }]);
  await g.deliver(coopA.id, lotA, central.id);
  await g.deliver(coopB.id, lotB, central.id);
  const export1 = await g.lot(central.id, wC, 'EX-2026-001', { eudr: true, origin: 'delivery' });
  // all of A's lot (121 kg) and 60.5 kg of B's: 181.5 kg
  await g.inputs(central.id, export1, [
    { sourceOrgId: coopA.id, sourceLotId: lotA, grams: 121_000 },
    { sourceOrgId: coopB.id, sourceLotId: lotB, grams: 60_500 },
  ]);
  for (const [name, org] of [
    ['a', coopA],
    ['b', coopB],
    ['c', central],
  ] as const)
    sessions[name] = await signIn(ctx.http, `manager@${org.slug}.test`);
});
afterAll(() => ctx?.close());

const sumKg = (rows: { kg: string }[]) => rows.reduce((s, r) => s + Math.round(Number(r.kg) * 1000), 0);
const sumBp = (rows: { shareBp: number }[]) => rows.reduce((s, r) => s + r.shareBp, 0);

describe('the trace of a lot', () => {
  it('goes down to the tickets, members and plots, with shares that add up to the lot', async () => {
    const res = await get('/api/v1/orgs/trace-central/lots/EX-2026-001/trace', 'c');
    expect(res.statusCode).toBe(200);
    const trace = json(res);
    expect(trace.lot.kg).toBe('181.500');
    expect(trace.lots.map((l: { code: string; kg: string }) => [l.code, l.kg])).toEqual([
      ['A-001', '121.000'],
      ['B-001', '60.500'],
    ]);
    // 121 kg of A: 90.5 from member 1, 30.5 from member 2; 60.5 of B's 90.5 kg, all member 1's
    expect(
      trace.members.map((m: { orgSlug: string; memberNumber: string; kg: string }) => [
        m.orgSlug,
        m.memberNumber,
        m.kg,
      ]),
    ).toEqual([
      ['trace-a', '0001', '90.500'],
      ['trace-b', '0001', '60.500'],
      ['trace-a', '0002', '30.500'],
    ]);
    expect(sumKg(trace.members)).toBe(181_500);
    expect(sumBp(trace.members)).toBe(10_000);
    expect(sumKg(trace.tickets)).toBe(181_500);
    expect(sumBp(trace.plots)).toBe(10_000);
    expect(trace.plots).toHaveLength(3);
  });

  it('shows a cooperative’s members by name only when it granted them to the central', async () => {
    const trace = json(await get('/api/v1/orgs/trace-central/lots/EX-2026-001/trace', 'c'));
    const byOrg = Object.fromEntries(
      trace.organizations.map((o: { slug: string; visibility: string }) => [o.slug, o.visibility]),
    );
    expect(byOrg).toEqual({ 'trace-a': 'full', 'trace-b': 'numbers' });
    const names = trace.members.map((m: { orgSlug: string; name: string | null }) => [m.orgSlug, m.name]);
    expect(names).toContainEqual(['trace-a', `${membersA[0]!.givenNames} ${membersA[0]!.familyNames}`]);
    expect(names).toContainEqual(['trace-b', null]);
  });

  it('gives a cooperative’s total only when it granted nothing', async () => {
    await ctx.services.orgs.revokeGrant(
      coopB.as('admin'),
      coopB.slug,
      testId(`grant:${coopB.slug}:${central.slug}:lots`),
    );
    const trace = json(await get('/api/v1/orgs/trace-central/lots/EX-2026-001/trace', 'c'));
    expect(trace.organizations.find((o: { slug: string }) => o.slug === 'trace-b')).toMatchObject({
      visibility: 'aggregate',
      kg: '60.500',
      members: 1,
    });
    expect(trace.members.every((m: { orgSlug: string }) => m.orgSlug === 'trace-a')).toBe(true);
    expect(trace.tickets.every((t: { orgSlug: string }) => t.orgSlug === 'trace-a')).toBe(true);
    await ctx.make.grant(coopB, central, ['lots']).catch(() => undefined);
  });

  it('prints the traceability report', async () => {
    const res = await get('/api/v1/orgs/trace-central/lots/EX-2026-001/trace.pdf', 'c');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an unknown lot in the caller’s language, and another organization’s lot', async () => {
    const es = await get('/api/v1/orgs/trace-central/lots/NO-SUCH/trace', 'c');
    expect(es.statusCode).toBe(404);
    expect(json(es).detail).toBe('No hay un lote con el código NO-SUCH en esta organización.');
    const en = await get('/api/v1/orgs/trace-central/lots/NO-SUCH/trace', 'c', 'en');
    expect(json(en).detail).toBe('There is no lot with the code NO-SUCH in this organization.');
    // a cooperative does not read its central's lots by their code
    expect((await get('/api/v1/orgs/trace-central/lots/EX-2026-001/trace', 'a')).statusCode).toBe(404);
  });
});

describe('where a member’s coffee went', () => {
  it('lists every lot, the central’s export lot too, with the kilograms from the member', async () => {
    const res = await get('/api/v1/orgs/trace-a/members/0002/lots', 'a');
    expect(res.statusCode).toBe(200);
    const view = json(res);
    expect(
      view.lots.map((l: { orgSlug: string; code: string; kg: string }) => [l.orgSlug, l.code, l.kg]),
    ).toEqual([
      ['trace-a', 'A-001', '30.500'],
      ['trace-central', 'EX-2026-001', '30.500'],
    ]);
  });
  it('and for one plot of a member of the other cooperative: the part of the lot taken', async () => {
    const plotId = testId(`plot:${coopB.slug}:Santa Rosa`);
    const view = json(await get(`/api/v1/orgs/trace-b/members/0001/lots?plot=${plotId}`, 'b'));
    expect(view.plot.name).toBe('Santa Rosa');
    expect(view.lots.map((l: { code: string; kg: string }) => [l.code, l.kg])).toEqual([
      ['B-001', '90.500'],
      ['EX-2026-001', '60.500'],
    ]);
  });
});

describe('a lot’s public page', () => {
  const put = (url: string, who: string, payload: unknown) =>
    ctx.http.inject({
      method: 'PUT',
      url,
      headers: sessions[who]!.headers,
      payload: payload as Record<string, unknown>,
    });

  it('is not there until published', async () => {
    const res = await ctx.http.inject({ method: 'GET', url: '/l/trace-a/A-001' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(
      (await ctx.http.inject({ method: 'GET', url: '/api/v1/public/lots/trace-a/A-001' })).statusCode,
    ).toBe(404);
  });

  it('shows the origin in aggregate, and a plot only of a member who consented', async () => {
    const published = await put('/api/v1/orgs/trace-a/lots/A-001/public-page', 'a', {
      process: 'washed',
      storyEs: 'Café de altura de la cuenca del Marañón.',
    });
    expect(published.statusCode).toBe(200);
    expect(json(published).url).toBe('/l/trace-a/A-001');
    await ctx.services.members.recordConsent(coopA.as('manager'), coopA.slug, membersA[1]!.memberNumber, {
      id: testId('consent:trace-a:0002'),
      kind: 'geolocation_to_buyers',
      granted: true,
      effectiveDate: '2025-01-01',
    } as never);

    const view = json(await ctx.http.inject({ method: 'GET', url: '/api/v1/public/lots/trace-a/A-001' }));
    expect(view).toMatchObject({
      orgName: coopA.name,
      producers: 2,
      process: 'washed',
      certificationClass: 'conventional',
    });
    // the box around both plots, rounded outward to 0.1°
    expect(view.area).toEqual({ west: -78.9, south: -5.8, east: -78.8, north: -5.7 });
    expect(view.consentedPlots).toEqual([
      {
        producer: `${membersA[1]!.givenNames} ${membersA[1]!.familyNames}`,
        plot: 'El Mirador',
        lon: -78.81123,
        lat: -5.71123,
      },
    ]);
    expect(JSON.stringify(view)).not.toContain(membersA[0]!.familyNames);
    expect(JSON.stringify(view)).not.toContain('La Loma');
  });

  it('is a server-rendered page with link-preview tags, in Spanish or English', async () => {
    const es = await ctx.http.inject({ method: 'GET', url: '/l/trace-a/A-001' });
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('<html lang="es">');
    expect(es.body).toMatch(/<meta property="og:title" content="A-001 · [^"]+">/);
    expect(es.body).toContain('og:description');
    expect(es.body).toContain('Café pergamino');
    expect(es.body).toContain('<svg');
    const en = await ctx.http.inject({ method: 'GET', url: '/l/trace-a/A-001?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Parchment coffee');
    const qr = await ctx.http.inject({ method: 'GET', url: '/l/trace-a/A-001/qr.svg' });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
  });

  it('is published only by people who write lots', async () => {
    const viewer = await ctx.make.cooperative({ slug: 'trace-other', roles: ['manager'] });
    const s = await signIn(ctx.http, `manager@${viewer.slug}.test`);
    const res = await ctx.http.inject({
      method: 'PUT',
      url: '/api/v1/orgs/trace-a/lots/A-001/public-page',
      headers: s.headers,
      payload: { process: 'washed' },
    });
    expect(res.statusCode).toBe(404);
  });
});
