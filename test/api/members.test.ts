import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

let ctx: TestContext;
let manager: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await signIn(ctx.http, 'manager@cedros.example');
});
afterAll(() => ctx.close());

const json = (res: { body: string }) => JSON.parse(res.body);
const uuid = (n: number) => `01900000-0000-7000-8000-${(0x5000_0000 + n).toString(16).padStart(12, '0')}`;
const get = (url: string, s: Session = manager) =>
  ctx.http.inject({ method: 'GET', url, headers: s.headers });
const post = (url: string, payload: unknown, s: Session = manager, headers: Record<string, string> = {}) =>
  ctx.http.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, ...headers },
    payload: payload as Record<string, unknown>,
  });

// A polygon of about 1 ha near Huabal (Jaén), longitude first.
const square = (lon: number, lat: number, side = 0.0009) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + side, lat],
      [lon + side, lat + side],
      [lon, lat + side],
      [lon, lat],
    ],
  ],
});

describe('the member register', () => {
  it('lists the cooperative’s members in pages that cover everyone once', async () => {
    const first = json(await get('/api/v1/orgs/cedros/members?limit=120'));
    expect(first.total).toBe(310);
    const seen = new Set<string>(first.items.map((m: { memberNumber: string }) => m.memberNumber));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = json(await get(`/api/v1/orgs/cedros/members?limit=120&cursor=${cursor}`));
      expect(page.total).toBeNull();
      for (const m of page.items) {
        expect(seen.has(m.memberNumber)).toBe(false);
        seen.add(m.memberNumber);
      }
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(310);
  });

  it('searches by name without accents, by number and by DNI; filters by status, sex, age and certification', async () => {
    const all = json(await get('/api/v1/orgs/cedros/members?limit=200&q=nunez'));
    expect(all.total).toBeGreaterThan(0);
    expect(all.items.every((m: { familyNames: string }) => /Nuñez/.test(m.familyNames))).toBe(true);
    const one = json(await get('/api/v1/orgs/cedros/members?q=0007'));
    expect(one.items.map((m: { memberNumber: string }) => m.memberNumber)).toContain('0007');
    const byDni = json(await get(`/api/v1/orgs/cedros/members?q=${one.items[0].nationalId}`));
    expect(byDni.items[0].memberNumber).toBe(one.items[0].memberNumber);

    const women = json(await get('/api/v1/orgs/cedros/members?sex=female&limit=200'));
    expect(women.items.every((m: { sex: string }) => m.sex === 'female')).toBe(true);
    const young = json(await get('/api/v1/orgs/cedros/members?maxAge=29&limit=200'));
    expect(young.items.every((m: { age: number }) => m.age <= 29)).toBe(true);
    const older = json(await get('/api/v1/orgs/cedros/members?minAge=60&limit=200'));
    expect(older.items.every((m: { age: number }) => m.age >= 60)).toBe(true);
    const withdrawn = json(await get('/api/v1/orgs/cedros/members?status=withdrawn&limit=200'));
    expect(withdrawn.items.every((m: { status: string }) => m.status === 'withdrawn')).toBe(true);
    const organic = json(await get('/api/v1/orgs/cedros/members?certification=organic_eu'));
    const fairtrade = json(await get('/api/v1/orgs/cedros/members?certification=fairtrade'));
    expect(organic.total).toBeGreaterThan(0);
    expect(fairtrade.total).toBeGreaterThan(organic.total);
  });

  it('registers a member; a wrong DNI, a taken number and a reused id with other data are refused clearly', async () => {
    const body = {
      id: uuid(1),
      memberNumber: 'N-100',
      givenNames: 'Flor de María',
      familyNames: 'Tocto Guevara',
      nationalId: '4712345',
      sex: 'female',
      birthDate: '1988-04-02',
      joinDate: '2026-01-10',
      community: 'La Palma',
      shareCapitalSubscribed: '500.00',
    };
    const wrongDni = await post('/api/v1/orgs/cedros/members', body);
    expect(wrongDni.statusCode).toBe(400);
    expect(json(wrongDni).errors).toEqual([
      {
        path: 'nationalId',
        code: 'members.invalid_dni',
        message: 'El DNI debe tener exactamente 8 dígitos.',
      },
    ]);

    const created = await post('/api/v1/orgs/cedros/members', { ...body, nationalId: '47123456' });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({
      memberNumber: 'N-100',
      nationalIdType: 'dni',
      status: 'applicant',
      shareCapitalSubscribed: '500.00',
      currency: 'PEN',
    });
    const replay = await post('/api/v1/orgs/cedros/members', { ...body, nationalId: '47123456' });
    expect(json(replay)).toEqual(json(created));

    const taken = await post(
      '/api/v1/orgs/cedros/members',
      { ...body, id: uuid(2), nationalId: '47123457' },
      manager,
      { 'accept-language': 'en' },
    );
    expect(taken.statusCode).toBe(409);
    expect(json(taken).detail).toBe('A member with number N-100 already exists.');
    const sameId = await post('/api/v1/orgs/cedros/members', {
      ...body,
      nationalId: '47123456',
      givenNames: 'Otra',
    });
    expect(sameId.statusCode).toBe(409);
  });

  it('changes status with who, when and why, and good standing follows the statute on each date', async () => {
    const activate = await post('/api/v1/orgs/cedros/members/N-100/status', {
      status: 'active',
      effectiveDate: '2026-01-20',
      reason: 'Aprobada en sesión de consejo N.º 3',
    });
    expect(activate.statusCode).toBe(200);
    const detail = json(activate);
    expect(detail.status).toBe('active');
    // The demo statute asks 3 months of membership and 20 % of the subscribed capital paid.
    expect(detail.standing.inGoodStanding).toBe(false);
    expect(detail.standing.reasons.map((r: { code: string }) => r.code).sort()).toEqual([
      'standing.share_capital',
      'standing.too_recent',
    ]);

    await ctx.http.inject({
      method: 'PATCH',
      url: '/api/v1/orgs/cedros/members/N-100',
      headers: manager.headers,
      payload: { shareCapitalPaid: '100.00' },
    });
    const later = json(await get('/api/v1/orgs/cedros/members/N-100/standing?asOf=2026-06-01'));
    expect(later).toMatchObject({ inGoodStanding: true, statusOnDate: 'active' });
    const before = json(await get('/api/v1/orgs/cedros/members/N-100/standing?asOf=2026-01-15'));
    expect(before).toMatchObject({ inGoodStanding: false, statusOnDate: 'applicant' });

    const history = json(await get('/api/v1/orgs/cedros/members/N-100/history'));
    expect(history.items.map((h: { toStatus: string }) => h.toStatus)).toEqual(['applicant', 'active']);
    expect(history.items[1]).toMatchObject({
      reason: 'Aprobada en sesión de consejo N.º 3',
      recordedBy: 'manager@cedros.example',
      effectiveDate: '2026-01-20',
    });

    const same = await post('/api/v1/orgs/cedros/members/N-100/status', {
      status: 'active',
      effectiveDate: '2026-02-01',
      reason: 'x',
    });
    expect(same.statusCode).toBe(409);
  });

  it('records consents, and the latest of each kind holds', async () => {
    await post('/api/v1/orgs/cedros/members/N-100/consents', {
      id: uuid(10),
      kind: 'geolocation_to_buyers',
      granted: true,
      effectiveDate: '2026-02-01',
    });
    await post('/api/v1/orgs/cedros/members/N-100/consents', {
      id: uuid(11),
      kind: 'geolocation_to_buyers',
      granted: false,
      effectiveDate: '2026-02-15',
      note: 'Lo pidió en asamblea',
    });
    const detail = json(await get('/api/v1/orgs/cedros/members/N-100'));
    expect(detail.consents).toEqual([
      expect.objectContaining({
        kind: 'geolocation_to_buyers',
        granted: false,
        note: 'Lo pidió en asamblea',
      }),
    ]);
  });
});

describe('plots and the EUDR geolocation rules', () => {
  it('accepts a valid polygon and computes its geodesic area', async () => {
    const res = await post('/api/v1/orgs/cedros/members/N-100/plots', {
      id: uuid(20),
      name: 'El Mirador',
      declaredAreaHa: '1.0',
      geometry: square(-78.95, -5.95),
      altitudeM: 1650,
      varieties: ['Caturra'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const plot = json(res);
    expect(Number(plot.computedAreaHa)).toBeGreaterThan(0.9);
    expect(Number(plot.computedAreaHa)).toBeLessThan(1.1);
    expect(plot.flags).toEqual([]);
  });

  it('refuses swapped coordinates, saying so, and a point for a plot over 4 ha', async () => {
    const swapped = await post('/api/v1/orgs/cedros/members/N-100/plots', {
      id: uuid(21),
      name: 'Al revés',
      geometry: { type: 'Point', coordinates: [-5.95, -78.95] },
    });
    expect(swapped.statusCode).toBe(400);
    const error = json(swapped).errors[0];
    expect(error.code).toBe('geo.outside_country');
    const big = await post('/api/v1/orgs/cedros/members/N-100/plots', {
      id: uuid(22),
      name: 'Grande',
      declaredAreaHa: '6.5',
      geometry: { type: 'Point', coordinates: [-78.951, -5.951] },
    });
    expect(big.statusCode).toBe(400);
    expect(json(big).errors.map((e: { code: string }) => e.code)).toContain('geo.polygon_required_over_4ha');
    const bowtie = await post('/api/v1/orgs/cedros/members/N-100/plots', {
      id: uuid(23),
      name: 'Lazo',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-78.96, -5.96],
            [-78.959, -5.959],
            [-78.96, -5.959],
            [-78.959, -5.96],
            [-78.96, -5.96],
          ],
        ],
      },
    });
    expect(bowtie.statusCode).toBe(400);
    expect(json(bowtie).errors.map((e: { code: string }) => e.code)).toContain('geo.self_intersection');
  });

  it('flags declared and computed areas that differ by more than 20 %, and overlaps with another member’s plot', async () => {
    const mismatch = json(
      await post('/api/v1/orgs/cedros/members/N-100/plots', {
        id: uuid(24),
        name: 'La Loma',
        declaredAreaHa: '3.0',
        geometry: square(-78.97, -5.97),
      }),
    );
    expect(mismatch.flags).toContain('area_mismatch');
    expect(mismatch.warnings.map((w: { code: string }) => w.code)).toContain('geo.area_mismatch');

    const neighbour = await post('/api/v1/orgs/cedros/members/0002/plots', {
      id: uuid(25),
      name: 'Lindero',
      geometry: square(-78.9495, -5.9495),
    });
    expect(neighbour.statusCode, neighbour.body).toBe(201);
    expect(json(neighbour).flags).toContain('overlap');
    expect(json(neighbour).overlapsWith).toEqual([
      expect.objectContaining({ memberNumber: 'N-100', name: 'El Mirador' }),
    ]);
    const mine = json(await get('/api/v1/orgs/cedros/members/N-100/plots')).items.find(
      (p: { name: string }) => p.name === 'El Mirador',
    );
    expect(mine.flags).toContain('overlap');

    // Moving the neighbour's plot away clears both flags.
    await ctx.http.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/cedros/plots/${uuid(25)}`,
      headers: manager.headers,
      payload: { geometry: square(-78.9, -5.98) },
    });
    const after = json(await get('/api/v1/orgs/cedros/members/N-100/plots')).items.find(
      (p: { name: string }) => p.name === 'El Mirador',
    );
    expect(after.flags).not.toContain('overlap');
  });

  it('exports every plot as a GeoJSON FeatureCollection keyed by member number', async () => {
    const res = await get('/api/v1/orgs/cedros/plots.geojson');
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    const fc = json(res);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(310);
    expect(
      fc.features.find((f: { properties: { plotName: string } }) => f.properties.plotName === 'El Mirador')
        .properties.memberNumber,
    ).toBe('N-100');
  });
});

describe('certifications and the internal control system', () => {
  it('records certifications and inspections, and lists members whose yearly inspection is due', async () => {
    const cert = await post('/api/v1/orgs/cedros/members/N-100/certifications', {
      id: uuid(30),
      scheme: 'organic_eu',
      status: 'in_conversion',
      conversionYear: 1,
      validFrom: '2026-01-01',
    });
    expect(cert.statusCode, cert.body).toBe(201);
    const noYear = await post('/api/v1/orgs/cedros/members/N-100/certifications', {
      id: uuid(31),
      scheme: 'organic_usda',
      status: 'in_conversion',
      validFrom: '2026-01-01',
    });
    expect(noYear.statusCode).toBe(400);

    let due = json(await get('/api/v1/orgs/cedros/inspections/due'));
    expect(due.items.map((d: { memberNumber: string }) => d.memberNumber)).toContain('N-100');
    expect(
      due.items.find((d: { memberNumber: string }) => d.memberNumber === 'N-100').lastInspectedOn,
    ).toBeNull();
    const inspection = await post('/api/v1/orgs/cedros/members/N-100/inspections', {
      id: uuid(32),
      inspectedOn: '2026-02-20',
      inspector: 'Téc. Rosa Luna',
      result: 'approved_with_conditions',
      nonConformities: [{ code: 'ORG-2.1', description: 'Falta registro de abonamiento', severity: 'minor' }],
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    due = json(await get('/api/v1/orgs/cedros/inspections/due'));
    expect(due.items.map((d: { memberNumber: string }) => d.memberNumber)).not.toContain('N-100');
    // The demo inspected members 9–15 months ago, so some are due.
    expect(due.items.length).toBeGreaterThan(5);
  });
});

describe('who sees the register', () => {
  it('a member sees only their own record, plots and certifications', async () => {
    const member = await signIn(ctx.http, 'member@cedros.example');
    const own = await get('/api/v1/orgs/cedros/me/member', member);
    expect(own.statusCode).toBe(200);
    expect(json(own).member.memberNumber).toBe('0001');
    expect(json(own).plots.length).toBeGreaterThan(0);
    expect((await get('/api/v1/orgs/cedros/members', member)).statusCode).toBe(403);
    expect((await get('/api/v1/orgs/cedros/members/0002', member)).statusCode).toBe(403);
    expect((await get('/api/v1/orgs/cedros/plots.geojson', member)).statusCode).toBe(403);
    expect((await get('/api/v1/orgs/jumarp/me/member', member)).statusCode).toBe(404);
  });

  it('a central reads the members of cooperatives that granted it, and cannot write; a program without the grant cannot read', async () => {
    const central = await signIn(ctx.http, 'manager@cocla.example');
    const list = await get('/api/v1/orgs/el-milagro/members?limit=5', central);
    expect(list.statusCode).toBe(200);
    expect(json(list).total).toBe(720);
    const write = await post(
      '/api/v1/orgs/el-milagro/members',
      { id: uuid(40), memberNumber: 'X', givenNames: 'A', familyNames: 'B' },
      central,
    );
    expect(write.statusCode).toBe(403);
    const program = await signIn(ctx.http, 'viewer@cafe-selva-norte.example');
    expect((await get('/api/v1/orgs/union-y-fe/members', program)).statusCode).toBe(403);
    expect((await get('/api/v1/orgs/cedros/members', program)).statusCode).toBe(200);
    expect((await get('/api/v1/orgs/cocla/members', central)).statusCode).toBe(404);
  });
});

describe('messages a person can act on', () => {
  it('a national ID held by another member is a field error; standing reasons and history read in the caller’s language', async () => {
    const other = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/cedros/members/0005',
        headers: manager.headers,
      }),
    );
    const res = await post(
      '/api/v1/orgs/cedros/members',
      {
        id: uuid(90),
        memberNumber: 'N-200',
        givenNames: 'Ana',
        familyNames: 'Duplicada',
        nationalId: other.nationalId,
      },
      manager,
    );
    expect(res.statusCode).toBe(409);
    expect(json(res).errors).toEqual([
      expect.objectContaining({ path: 'nationalId', code: 'members.national_id_taken' }),
    ]);
    await post(
      '/api/v1/orgs/cedros/members/N-100/status',
      { status: 'suspended', effectiveDate: '2026-02-25', reason: 'Prueba' },
      manager,
    );
    const standing = json(await get('/api/v1/orgs/cedros/members/N-100/standing?asOf=2026-02-26'));
    expect(standing.reasons[0].message).toContain('«suspendido»');
    const history = json(await get('/api/v1/orgs/cedros/members/N-100/history'));
    expect(history.items[0].reason).toBe('Registro en el padrón');
  });
});
