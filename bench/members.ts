/**
 * Social-base figures for `npm run bench`: member search and list at 100,000 members through the API
 * (p50 and p99), and importing a 10,000-row XLSX, each beside a raw-SQL baseline on the same database
 * in the same run.
 */
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { loadDemo } from '../src/demo/demo.js';
import { writeXlsx } from '../src/members/import/export.js';
import { normalizeForSearch } from '../src/members/members.service.js';
import { connect } from '../src/platform/db/connect.js';
import { migrate } from '../src/platform/db/migrate.js';

type Report = (
  name: string,
  value: number,
  unit: string,
  baseline: number,
  better: 'lower' | 'higher',
) => void;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function timeEach(n: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work(i);
    times.push(performance.now() - start);
  }
  return times;
}

const GIVEN = ['María', 'José', 'Rosa', 'Juan', 'Elena', 'Luis', 'Carmen', 'Segundo', 'Flor', 'Wilmer'];
const FAMILY = [
  'Quispe',
  'Huamán',
  'Nuñez',
  'Tocto',
  'Guevara',
  'Díaz',
  'Rojas',
  'Campos',
  'Chávez',
  'Córdova',
  'Delgado',
  'Tineo',
];

export async function benchMembers(report: Report, log: (line: string) => void, members = 100_000) {
  const handle = await connect({ dataDir: 'memory://' });
  try {
    await migrate(handle.db);
    const { http, services } = await createApp({ db: handle.db });
    await loadDemo(services);
    const org = await handle.db
      .selectFrom('organizations')
      .select(['org_id'])
      .where('slug', '=', 'cedros')
      .executeTakeFirstOrThrow();
    log(`bench: loading ${members.toLocaleString('en')} members into cedros…`);
    const at = new Date();
    for (let start = 0; start < members; start += 2000) {
      const rows = [];
      for (let i = start; i < Math.min(members, start + 2000); i++) {
        const given = GIVEN[i % GIVEN.length]!;
        const family = `${FAMILY[i % FAMILY.length]} ${FAMILY[(i * 7) % FAMILY.length]}`;
        const number = `B${String(i).padStart(6, '0')}`;
        const dni = String(10_000_000 + i);
        rows.push({
          org_id: org.org_id,
          member_id: `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
          member_number: number,
          given_names: given,
          family_names: family,
          national_id_type: 'dni' as const,
          national_id: dni,
          sex: i % 4 === 0 ? ('female' as const) : ('male' as const),
          birth_date: `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
          community: `Caserío ${i % 40}`,
          status: 'active' as const,
          currency: 'PEN',
          search_text: normalizeForSearch(number, given, family, dni),
          created_at: at,
          updated_at: at,
        });
      }
      await handle.db.insertInto('members').values(rows).execute();
    }
    await sql`ANALYZE members`.execute(handle.db);
    await http.ready();
    const signIn = await http.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'manager@cedros.example', password: 'ayni-demo' },
    });
    const cookie = `ayni_session=${signIn.cookies.find((c) => c.name === 'ayni_session')!.value}`;
    const terms = [
      'nunez',
      'quispe tocto',
      'B04',
      '10012',
      'rosa',
      'guevara',
      'maria',
      'chavez',
      'B0999',
      'campos',
    ]; // names, numbers, DNIs

    // Raw-SQL baseline: the same keyset page and count, straight on the database.
    const raw = async (term: string) => {
      const like = `%${term}%`;
      await sql`SELECT member_id, member_number, given_names, family_names FROM members
                 WHERE org_id = ${org.org_id} AND search_text LIKE ${like}
                 ORDER BY family_names, given_names, member_id LIMIT 51`.execute(handle.db);
      await sql`SELECT count(*) FROM members WHERE org_id = ${org.org_id} AND search_text LIKE ${like}`.execute(
        handle.db,
      );
    };
    const api = (url: string) => http.inject({ method: 'GET', url, headers: { cookie } });
    const N = 200;
    await timeEach(20, (i) => raw(terms[i % terms.length]!));
    const rawSearch = await timeEach(N, (i) => raw(terms[i % terms.length]!));
    await timeEach(20, (i) =>
      api(`/api/v1/orgs/cedros/members?q=${encodeURIComponent(terms[i % terms.length]!)}`),
    );
    const apiSearch = await timeEach(N, (i) =>
      api(`/api/v1/orgs/cedros/members?q=${encodeURIComponent(terms[i % terms.length]!)}`),
    );
    report(
      `member search at ${members / 1000}k members via API, p50`,
      percentile(apiSearch, 50),
      'ms',
      percentile(rawSearch, 50),
      'lower',
    );
    report(
      `member search at ${members / 1000}k members via API, p99`,
      percentile(apiSearch, 99),
      'ms',
      percentile(rawSearch, 99),
      'lower',
    );

    // Listing: walking pages with the keyset cursor, against the same page query in SQL.
    const rawList = await timeEach(N, async (i) => {
      const after = `Campos ${FAMILY[i % FAMILY.length]}`;
      await sql`SELECT member_id, member_number, given_names, family_names FROM members
                 WHERE org_id = ${org.org_id} AND (family_names, given_names, member_id) > (${after}, '', '00000000-0000-0000-0000-000000000000')
                 ORDER BY family_names, given_names, member_id LIMIT 51`.execute(handle.db);
    });
    let cursor: string | null = null;
    const apiList = await timeEach(N, async () => {
      const res = await api(`/api/v1/orgs/cedros/members?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = (res.json() as { nextCursor: string | null }).nextCursor;
    });
    report(
      `member list pages at ${members / 1000}k members via API, p50`,
      percentile(apiList, 50),
      'ms',
      percentile(rawList, 50),
      'lower',
    );
    report(
      `member list pages at ${members / 1000}k members via API, p99`,
      percentile(apiList, 99),
      'ms',
      percentile(rawList, 99),
      'lower',
    );

    // Importing 10,000 rows from XLSX through the API, against a raw multi-row INSERT of the same rows.
    const ROWS = 10_000;
    const sheetRows = Array.from({ length: ROWS }, (_, i) => [
      `I${String(i).padStart(5, '0')}`,
      `${FAMILY[i % FAMILY.length]} ${FAMILY[(i * 5) % FAMILY.length]}`,
      GIVEN[i % GIVEN.length]!,
      String(30_000_000 + i),
      i % 3 === 0 ? 'F' : 'M',
      `1${i % 9}/0${1 + (i % 9)}/19${60 + (i % 40)}`,
      `Caserío ${i % 30}`,
    ]);
    const xlsx = await writeXlsx([
      {
        name: 'Socios',
        headers: ['N° socio', 'Apellidos', 'Nombres', 'DNI', 'Sexo', 'Fecha de nacimiento', 'Caserío'],
        rows: sheetRows,
      },
    ]);
    const jumarp = await handle.db
      .selectFrom('organizations')
      .select(['org_id'])
      .where('slug', '=', 'jumarp')
      .executeTakeFirstOrThrow();
    const rawStart = performance.now();
    await handle.db.transaction().execute(async (trx) => {
      for (let s = 0; s < ROWS; s += 500) {
        await trx
          .insertInto('members')
          .values(
            sheetRows.slice(s, s + 500).map((r, k) => ({
              org_id: jumarp.org_id,
              member_id: `00000000-0000-7000-9000-${(s + k).toString(16).padStart(12, '0')}`,
              member_number: `R${r[0]}`,
              given_names: r[2]!,
              family_names: r[1]!,
              status: 'applicant' as const,
              currency: 'PEN',
              search_text: normalizeForSearch(r[0], r[2], r[1]),
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
      }
    });
    const rawImport = performance.now() - rawStart;
    const managerJumarp = await http.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'manager@jumarp.example', password: 'ayni-demo' },
    });
    const body = managerJumarp.json() as { csrfToken: string };
    const jCookie = `ayni_session=${managerJumarp.cookies.find((c) => c.name === 'ayni_session')!.value}`;
    const importStart = performance.now();
    const res = await http.inject({
      method: 'POST',
      url: '/api/v1/orgs/jumarp/imports?kind=members&dryRun=false',
      headers: {
        cookie: jCookie,
        'x-csrf-token': body.csrfToken,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: Buffer.from(xlsx),
    });
    const apiImport = performance.now() - importStart;
    const result = res.json() as { committed: boolean; created: number; errorRows: number };
    if (!result.committed || result.created !== ROWS)
      throw new Error(`import failed: ${res.body.slice(0, 500)}`);
    report(
      'import of a 10,000-row XLSX via API (read, check every row, write all in one transaction)',
      apiImport,
      'ms',
      rawImport,
      'lower',
    );
    await http.close();
  } finally {
    await handle.close();
  }
}
