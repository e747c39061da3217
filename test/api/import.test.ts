import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src/members/import/export.js';
import { createTestContext, type Session, signIn, type TestContext } from '../harness/context.js';

let ctx: TestContext;
let manager: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  manager = await signIn(ctx.http, 'manager@jumarp.example');
});
afterAll(() => ctx.close());

const json = (res: { body: string }) => JSON.parse(res.body);

/** A register as old Excel in Spanish Windows saves it: Windows-1252, ';', a title row above the header. */
function latin1(text: string): Buffer {
  return Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');
}

const GOOD = `Padrón de socios 2026 - JUMARP
N° socio;Apellidos;Nombres;DNI;Sexo;Fecha de nacimiento;Caserío;Fecha de ingreso;Estado;Capital suscrito
J-001;Nuñez Tocto;María Elena;41234567;F;12/03/1980;La Peña;15/01/2010;activo;500,00
J-002;Guevara Díaz;José;41234568;M;01/07/1975;Chaupe;20/02/2012;hábil;500,00
J-003;Campos Huamán;Rosa;41234569;F;30/11/1992;Chaupe;10/05/2018;activo;S/ 250
`;
const BAD = `${GOOD}J-004;Tineo;Luis;4123;M;31/02/1990;Chaupe;10/05/2018;activo;500,00
;;;;;;;;;
J-005;Cruz Cruz;Ana;41234571;F;01/01/2027;Chaupe;10/05/2018;activo;500,00
`;

async function upload(
  body: Buffer | Uint8Array | string,
  query: string,
  type = 'text/csv',
  s: Session = manager,
) {
  return ctx.http.inject({
    method: 'POST',
    url: `/api/v1/orgs/jumarp/imports?${query}`,
    headers: { ...s.headers, 'content-type': type },
    payload: Buffer.from(body),
  });
}

describe('importing the member register', () => {
  it('a dry run shows each bad row with its spreadsheet row number and writes nothing; a commit with errors writes nothing either', async () => {
    const dry = json(await upload(latin1(BAD), 'kind=members&dryRun=true'));
    expect(dry).toMatchObject({
      encoding: 'windows-1252',
      totalRows: 5,
      validRows: 3,
      errorRows: 2,
      toCreate: 3,
      committed: false,
    });
    expect(dry.headers[0]).toBe('N° socio');
    expect(dry.mapping.slice(0, 4)).toEqual(['memberNumber', 'familyNames', 'givenNames', 'nationalId']);
    const byRow = (row: number) =>
      dry.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { code: string }) => e.code)
        .sort();
    expect(byRow(6)).toEqual(['import.invalid_date', 'import.invalid_dni']);
    expect(byRow(8)).toEqual(['import.future_date']);
    expect(dry.errors.find((e: { code: string }) => e.code === 'import.invalid_dni').message).toMatch(/8/);

    const refused = json(await upload(latin1(BAD), 'kind=members&dryRun=false'));
    expect(refused.committed).toBe(false);
    expect(
      (
        await ctx.http.inject({
          method: 'GET',
          url: '/api/v1/orgs/jumarp/members?q=J-00',
          headers: manager.headers,
        })
      ).json().total,
    ).toBe(0);
  });

  it('commits a good file all at once, then a re-import changes nothing and an edited file updates by member number', async () => {
    const done = json(await upload(latin1(GOOD), 'kind=members&dryRun=false'));
    expect(done).toMatchObject({ committed: true, created: 3, updated: 0 });
    const maria = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/jumarp/members/J-001',
        headers: manager.headers,
      }),
    );
    expect(maria).toMatchObject({
      familyNames: 'Nuñez Tocto',
      givenNames: 'María Elena',
      nationalId: '41234567',
      sex: 'female',
      birthDate: '1980-03-12',
      joinDate: '2010-01-15',
      status: 'active',
      shareCapitalSubscribed: '500.00',
      community: 'La Peña',
    });
    const rosa = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/jumarp/members/J-003',
        headers: manager.headers,
      }),
    );
    expect(rosa.shareCapitalSubscribed).toBe('250.00');

    const again = json(await upload(latin1(GOOD), 'kind=members&dryRun=false'));
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 });

    const edited = json(
      await upload(latin1(GOOD.replace('La Peña', 'Nueva Esperanza')), 'kind=members&dryRun=false'),
    );
    expect(edited).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await ctx.http.inject({
      method: 'GET',
      url: '/api/v1/orgs/jumarp/members?q=J-00',
      headers: manager.headers,
    });
    expect(after.json().total).toBe(3);
  });

  it('reads XLSX, lets the user remap a column, and names an ID already held by another member', async () => {
    const xlsx = await writeXlsx([
      {
        name: 'Socios',
        headers: ['Código', 'Apellidos', 'Nombres', 'Documento', 'Observación'],
        rows: [
          ['J-010', 'Delgado Rojas', 'Wilmer', '41234567', 'Chaupe'],
          ['J-011', 'Paucar', 'Hilda', '41234599', 'La Peña'],
        ],
      },
    ]);
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const dry = json(await upload(Buffer.from(xlsx), 'kind=members&dryRun=true', type));
    expect(dry.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'nationalId', code: 'import.national_id_taken' }),
    ]);
    expect(dry.unmapped).toEqual([{ index: 4, header: 'Observación' }]);
    const mapping = encodeURIComponent(JSON.stringify({ 4: 'community' }));
    const remapped = json(
      await upload(Buffer.from(xlsx), `kind=members&dryRun=true&mapping=${mapping}`, type),
    );
    expect(remapped.mapping[4]).toBe('community');
  });

  it('refuses a file that is not a spreadsheet, and a file without the required columns', async () => {
    const pdf = await upload(
      Buffer.from('%PDF-1.4 ...'),
      'kind=members&dryRun=true',
      'application/octet-stream',
    );
    expect(pdf.statusCode).toBe(400);
    expect(json(pdf).code).toBe('import.unsupported_format');
    const missing = json(await upload(Buffer.from('Nombre;Edad\nAna;30\n'), 'kind=members&dryRun=true'));
    expect(missing.missingRequired.sort()).toEqual(['familyNames', 'memberNumber']);
  });

  it('imports plots from a sheet with latitude and longitude, catching swapped coordinates', async () => {
    const csv = `N° socio;Parcela;Área (ha);Latitud;Longitud;Altitud (msnm)
J-001;El Alto;1,5;-5,101234;-78,921234;1650
J-002;La Quebrada;0,8;-78,931234;-5,111234;1500
J-009;Sin socio;1;-5,1;-78,9;1500
`;
    const dry = json(await upload(Buffer.from(csv), 'kind=plots&dryRun=true'));
    const codes = dry.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`);
    expect(codes).toContain('3:geo.outside_country');
    expect(codes).toContain('3:geo.hint.swapped');
    expect(codes).toContain('4:import.unknown_member');
    const good = json(
      await upload(Buffer.from(csv.split('\n').slice(0, 2).join('\n')), 'kind=plots&dryRun=false'),
    );
    expect(good).toMatchObject({ committed: true, created: 1 });
    const plots = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/jumarp/members/J-001/plots',
        headers: manager.headers,
      }),
    );
    expect(plots.items[0]).toMatchObject({
      name: 'El Alto',
      declaredAreaHa: '1.5000',
      altitudeM: 1650,
      geometry: { type: 'Point', coordinates: [-78.921234, -5.101234] },
    });
  });

  it('imports plot polygons from GeoJSON keyed by member number', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { memberNumber: 'J-002', plotName: 'Lindero', declaredAreaHa: '1' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-78.93, -5.11],
                [-78.929, -5.11],
                [-78.929, -5.109],
                [-78.93, -5.109],
                [-78.93, -5.11],
              ],
            ],
          },
        },
      ],
    };
    const res = json(
      await upload(
        Buffer.from(JSON.stringify(fc)),
        'kind=plots-geojson&dryRun=false',
        'application/geo+json',
      ),
    );
    expect(res).toMatchObject({ committed: true, created: 1 });
  });

  it('exports the register as XLSX that the import reads back unchanged', async () => {
    const exported = await ctx.http.inject({
      method: 'GET',
      url: '/api/v1/orgs/jumarp/members/export?format=xlsx',
      headers: manager.headers,
    });
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const back = json(
      await upload(
        exported.rawPayload,
        'kind=members&dryRun=true',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    expect(back.errors).toEqual([]);
    expect(back.toCreate).toBe(0);
    expect(back.unchanged).toBe(back.totalRows);
    const csv = await ctx.http.inject({
      method: 'GET',
      url: '/api/v1/orgs/jumarp/members/export?format=csv',
      headers: { ...manager.headers, 'accept-language': 'en' },
    });
    expect(csv.body.startsWith('\ufeffMember No.;Given names;Family names')).toBe(true);
  });

  it('only admins and managers import; a central with the members grant reads the dashboard but does not import', async () => {
    const cashier = await signIn(ctx.http, 'cashier@jumarp.example');
    expect((await upload(latin1(GOOD), 'kind=members&dryRun=true', 'text/csv', cashier)).statusCode).toBe(
      403,
    );
  });
});

describe('the social-base dashboard', () => {
  it('adds up for a cooperative', async () => {
    const d = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/jumarp/dashboard/social-base',
        headers: manager.headers,
      }),
    );
    expect(d.scope).toBe('cooperative');
    const current = d.byStatus
      .filter((s: { status: string }) => ['applicant', 'active', 'suspended'].includes(s.status))
      .reduce((a: number, s: { count: number }) => a + s.count, 0);
    expect(d.totals.members).toBe(current);
    const pyramid = d.bySexAndAge.reduce(
      (a: number, g: { female: number; male: number; unknown: number }) => a + g.female + g.male + g.unknown,
      0,
    );
    expect(pyramid).toBe(current);
    expect(d.farmSize.reduce((a: number, b: { members: number }) => a + b.members, 0)).toBe(current);
    expect(d.totals.womenShareBp).toBeGreaterThan(1000);
    expect(d.certifications.map((c: { scheme: string }) => c.scheme)).toContain('fairtrade');
    const csv = await ctx.http.inject({
      method: 'GET',
      url: '/api/v1/orgs/jumarp/dashboard/social-base.csv',
      headers: manager.headers,
    });
    expect(csv.body).toContain('totals;members;');
  });

  it('a central sees the cooperatives that granted it their members, together and one by one', async () => {
    const central = await signIn(ctx.http, 'manager@cocla.example');
    const d = json(
      await ctx.http.inject({
        method: 'GET',
        url: '/api/v1/orgs/cocla/dashboard/social-base',
        headers: central.headers,
      }),
    );
    expect(d.scope).toBe('federation');
    expect(d.cooperatives.map((c: { slug: string }) => c.slug).sort()).toEqual([
      'el-milagro',
      'gallito-de-las-rocas',
      'union-y-fe',
    ]);
    expect(d.totals.members).toBe(
      d.cooperatives.reduce((a: number, c: { members: number }) => a + c.members, 0),
    );
    const buyer = await signIn(ctx.http, 'admin@demo-roasters.example');
    expect(
      (
        await ctx.http.inject({
          method: 'GET',
          url: '/api/v1/orgs/demo-roasters/dashboard/social-base',
          headers: buyer.headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});
