/**
 * Collection and accounts figures for `npm run bench` (issue 4), each against a baseline measured on the
 * same database in the same run:
 *
 *  (a) weigh-ticket intake through the API, one per request and 100 per batch, against raw inserts of
 *      the same rows (ticket and its balanced two-line entry, one transaction each);
 *  (b) a settlement draft (compute, store, preview) over 1,000,000 tickets of 100,000 members, against a
 *      bare `SELECT … GROUP BY member` over the same rows;
 *  (c) a member statement through the API, p99, with 1,000,000 postings on the members' payable
 *      account, against the statement's own query of that member's lines run raw.
 *
 * The bulk rows are written with set-based SQL (INSERT … SELECT generate_series), not through the API:
 * members straight into `members`; for every ticket a real journal entry (stock debit, the member's
 * payable credit) and the ticket pointing at it, written in transactions of 2,000 tickets with every
 * trigger and constraint on, so the database keeps `ledger_balances` and checks each entry balances,
 * exactly as for a ticket recorded at the desk. Only the measured parts go through the services and API.
 *
 * Sizes: AYNI_BENCH_TICKETS (default 1,000,000) and AYNI_BENCH_MEMBERS (default 100,000; the same
 * variable sizes the members bench) shrink it. Engine: the embedded one (PGlite, in memory) unless
 * AYNI_BENCH_PG=1, which uses PostgreSQL: a fresh database created (and dropped afterwards) on the server
 * of AYNI_BENCH_DATABASE_URL (never DATABASE_URL, which may be production; the role needs CREATEDB), or, without it, a throwaway
 * cluster made with the machine's initdb/pg_ctl as `AYNI_TEST_PG=1 npm test` does. Only these figures:
 *
 *   AYNI_BENCH_ONLY=collection npm run bench
 *   AYNI_BENCH_ONLY=collection AYNI_BENCH_PG=1 npm run bench
 *   AYNI_BENCH_ONLY=collection AYNI_BENCH_TICKETS=100000 AYNI_BENCH_MEMBERS=10000 npm run bench
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { loadDemo } from '../src/demo/demo.js';
import { normalizeForSearch } from '../src/members/members.service.js';
import { systemActor } from '../src/orgs/actor.js';
import { connect, type DatabaseHandle } from '../src/platform/db/connect.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { Database } from '../src/platform/db/schema.js';
import { postgresVersion, startThrowawayCluster } from '../test/harness/postgres.js';

type Report = (
  name: string,
  value: number,
  unit: string,
  baseline: number,
  better: 'lower' | 'higher',
) => void;

export interface CollectionBenchOptions {
  /** Tickets in the settlement's period (and postings on the members' payable account). */
  tickets: number;
  /** Members the tickets are spread over. */
  members: number;
  /** AYNI_BENCH_PG=1: run on PostgreSQL rather than the embedded engine. */
  postgres: boolean;
  /** A server to create the bench's database on; without it, a throwaway cluster. */
  databaseUrl?: string | undefined;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const median = (values: number[]) => percentile(values, 50);
const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
/** The same ids as `uuid`, made in SQL from an integer expression. */
const uuidSql = (prefix: number, n: RawBuilder<unknown>) =>
  sql`(${`${prefix.toString(16).padStart(8, '0')}-0000-7000-8000-`} || lpad(to_hex(${n}), 12, '0'))::uuid`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const fmt = (n: number) => n.toLocaleString('en');

// Generated members, tickets, and the tickets' entries: id prefixes no other row uses.
const MEMBER = 0xb0;
const TICKET = 0xb1;
const ENTRY = 0xb2;
const CHUNK = 2_000; // tickets per transaction: the balance trigger's row for stock stays short-lived

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
  'Tineo',
];

interface BenchDatabase {
  handle: DatabaseHandle;
  label: string;
  dispose(): Promise<void>;
}

/** The embedded engine in memory, or a fresh PostgreSQL database (AYNI_BENCH_PG=1). */
async function openDatabase(
  options: CollectionBenchOptions,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  if (!options.postgres) {
    const handle = await connect({ dataDir: 'memory://' });
    return { handle, label: 'PGlite', dispose: () => handle.close() };
  }
  if (options.databaseUrl) {
    const name = `ayni_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: options.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!;
    await admin.end();
    const url = new URL(options.databaseUrl);
    url.pathname = `/${name}`;
    log(`bench: collection on PostgreSQL ${version.server_version}, database ${name} on ${url.host}`);
    const handle = await connect({ databaseUrl: url.toString() });
    return {
      handle,
      label: `PostgreSQL ${version.server_version.split(' ')[0]}`,
      async dispose() {
        await handle.close();
        const drop = new pg.Client({ connectionString: options.databaseUrl });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name}`);
        await drop.end();
      },
    };
  }
  const cluster = await startThrowawayCluster();
  log(`bench: collection on a throwaway cluster (${postgresVersion()})`);
  try {
    const handle = await connect({ databaseUrl: cluster.url });
    const version = await sql<{ server_version: string }>`SHOW server_version`.execute(handle.db);
    return {
      handle,
      label: `PostgreSQL ${version.rows[0]!.server_version.split(' ')[0]}`,
      async dispose() {
        try {
          await handle.close();
        } finally {
          cluster.stop();
        }
      },
    };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

/**
 * `members` active members in the organization, numbered BN000000…, with ids from `uuid(MEMBER, i)`;
 * the search text is made as the service makes it.
 */
async function generateMembers(
  db: Kysely<Database>,
  org: { org_id: string; currency: string },
  members: number,
  log: (line: string) => void,
) {
  const given = GIVEN.map((g) => normalizeForSearch(g));
  const family = FAMILY.map((f) => normalizeForSearch(f));
  const started = performance.now();
  for (let s = 0; s < members; s += 20_000) {
    const e = Math.min(members, s + 20_000) - 1;
    await sql`
      INSERT INTO members (org_id, member_id, member_number, given_names, family_names, sex, community,
                           join_date, status, currency, search_text, created_at, updated_at)
      SELECT ${org.org_id}::uuid, ${uuidSql(MEMBER, sql`i`)}, 'BN' || lpad(i::text, 6, '0'),
             (${GIVEN}::text[])[1 + i % 10], (${FAMILY}::text[])[1 + i % 10] || ' ' || (${FAMILY}::text[])[1 + (i * 7) % 10],
             CASE WHEN i % 4 = 0 THEN 'female' ELSE 'male' END, 'Caserío ' || (i % 40), date '2015-01-01', 'active',
             ${org.currency}, 'bn' || lpad(i::text, 6, '0') || ' ' || (${given}::text[])[1 + i % 10] || ' '
               || (${family}::text[])[1 + i % 10] || ' ' || (${family}::text[])[1 + (i * 7) % 10],
             now(), now()
      FROM generate_series(${s}::int, ${e}::int) i`.execute(db);
  }
  log(`bench: ${fmt(members)} members generated (${seconds(started)})`);
}

/**
 * `tickets` weigh tickets at one point, in February 2026, ticket i delivered by member i mod `members`,
 * each with its own journal entry: stock debited, the member's payable account credited with the value.
 * Mass and value follow the bench's price schedule (S/ 12.10 per kg payable at 12.5 % moisture and 79 %
 * yield); every ticket carries the pricing breakdown of a real ticket so rows are their real width.
 */
async function generateTickets(
  db: Kysely<Database>,
  ctx: {
    orgId: string;
    currency: string;
    pointId: string;
    scheduleId: string;
    stockAccount: string;
    payableAccount: string;
    pricing: unknown;
  },
  tickets: number,
  members: number,
  log: (line: string) => void,
) {
  const started = performance.now();
  const pricing = JSON.stringify(ctx.pricing);
  // one row per ticket: number, member, date, net mass; payable mass discounted for 0.5 % moisture
  // above the 12 % reference ((100 − 12.5) / (100 − 12)); value rounded half up once, as pricing.ts does
  const rows = (s: number, e: number) => sql`(
    SELECT i, i % ${members} AS m, date '2026-02-01' + i % 28 AS d, net,
           net * 875 / 880 AS payable, (net * 875 * 1210 + 440000) / 880000 AS value
    FROM (SELECT i, (120000 + (i::bigint * 7919) % 180000) AS net FROM generate_series(${s}::int, ${e}::int) i) r
  ) g`;
  const label = sql`'BN2-' || lpad((i + 1)::text, 7, '0')`;
  for (let s = 0; s < tickets; s += CHUNK) {
    const e = Math.min(tickets, s + CHUNK) - 1;
    await db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO journal_entries (org_id, entry_id, entry_date, description, currency, source_type, source_id,
                                     reverses_entry_id, recorded_at, recorded_by_label)
        SELECT ${ctx.orgId}::uuid, ${uuidSql(ENTRY, sql`i`)}, d,
               'Ticket ' || ${label} || ' — BN' || lpad(m::text, 6, '0') || ' ' || to_char(net / 1000.0, 'FM999990.0') || ' kg',
               ${ctx.currency}, 'weigh_ticket', ${uuidSql(TICKET, sql`i`)}::text, NULL, now(), 'bench'
        FROM ${rows(s, e)}`.execute(trx);
      await sql`
        INSERT INTO journal_lines (org_id, entry_id, line_no, account_id, member_id, amount_minor, memo)
        SELECT ${ctx.orgId}::uuid, ${uuidSql(ENTRY, sql`i`)}, 1, ${ctx.stockAccount}::uuid, NULL, value, NULL FROM ${rows(s, e)}
        UNION ALL
        SELECT ${ctx.orgId}::uuid, ${uuidSql(ENTRY, sql`i`)}, 2, ${ctx.payableAccount}::uuid, ${uuidSql(MEMBER, sql`m`)},
               -value, 'ticket ' || ${label} FROM ${rows(s, e)}`.execute(trx);
      await sql`
        INSERT INTO weigh_tickets (org_id, ticket_id, point_id, ticket_number, member_id, delivered_at, delivery_date,
                                   coffee_state, certification_class, sacks, sack_type, gross_grams, tare_grams,
                                   net_grams, moisture_bp, yield_bp, schedule_id, payable_grams, unit_price,
                                   value_minor, currency, pricing, entry_id, recorded_at, recorded_by_label)
        SELECT ${ctx.orgId}::uuid, ${uuidSql(TICKET, sql`i`)}, ${ctx.pointId}::uuid, i + 1, ${uuidSql(MEMBER, sql`m`)},
               d + time '15:00', d, 'dry_parchment', 'conventional', greatest(1, net / 46000), 'yute', net + 1500,
               1500, net, 1250, 7900, ${ctx.scheduleId}::uuid, payable, '12.10', value, ${ctx.currency},
               ${pricing}::jsonb, ${uuidSql(ENTRY, sql`i`)}, now(), 'bench'
        FROM ${rows(s, e)}`.execute(trx);
      await trx
        .updateTable('collection_points')
        .set({ last_ticket_number: e + 1 })
        .where('org_id', '=', ctx.orgId)
        .where('point_id', '=', ctx.pointId)
        .execute();
    });
    if ((e + 1) % 100_000 === 0 || e + 1 === tickets)
      log(`bench: ${fmt(e + 1)} / ${fmt(tickets)} tickets with their entries (${seconds(started)})`);
  }
}

export async function benchCollection(
  report: Report,
  log: (line: string) => void,
  options: CollectionBenchOptions,
) {
  const wallStart = performance.now();
  const tickets = options.tickets;
  const members = Math.min(options.members, tickets);
  const database = await openDatabase(options, log);
  const { handle, label: engine } = database;
  try {
    await migrate(handle.db);
    const { http, services } = await createApp({ db: handle.db });
    await loadDemo(services);
    const system = systemActor('bench');
    const org = await handle.db
      .selectFrom('organizations')
      .select(['org_id', 'currency'])
      .where('slug', '=', 'jumarp')
      .executeTakeFirstOrThrow();
    await services.collection.createPoint(system, 'jumarp', { id: uuid(1, 1), code: 'B1', name: 'Bench' });
    await services.collection.createPoint(system, 'jumarp', {
      id: uuid(1, 3),
      code: 'BN2',
      name: 'Bench (generated)',
    });
    await services.collection.createSchedule(system, 'jumarp', {
      id: uuid(1, 2),
      effectiveFrom: '2026-01-01',
      coffeeState: 'dry_parchment',
      certificationClass: 'conventional',
      basePricePerKg: '12.00',
      moistureReferencePercent: '12',
      yield: { kind: 'points', referencePercent: '78', perPoint: '0.10' },
    });
    const activeMembers = await handle.db
      .selectFrom('members')
      .select(['member_number', 'member_id'])
      .where('org_id', '=', org.org_id)
      .where('status', '=', 'active')
      .orderBy('member_number')
      .execute();
    await http.ready();
    const signIn = async (email: string) => {
      const res = await http.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email, password: 'ayni-demo' },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.body}`);
      return {
        cookie: `ayni_session=${res.cookies.find((c) => c.name === 'ayni_session')!.value}`,
        'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
      };
    };
    const headers = await signIn('cashier@jumarp.example');
    const body = (i: number) => ({
      id: uuid(2, i),
      pointCode: 'B1',
      memberNumber: activeMembers[i % activeMembers.length]!.member_number,
      deliveredAt: '2026-03-02T10:00:00-05:00',
      coffeeState: 'dry_parchment',
      certificationClass: 'conventional',
      sacks: 5,
      grossKg: `${200 + (i % 50)}.5`,
      tareKg: '2.5',
      moisturePercent: '12.5',
      yieldPercent: '79',
    });

    // (a) Intake, one ticket per request, after a few unmeasured ones (JIT, caches, prepared plans).
    const WARM_TICKETS = 20;
    for (let i = 0; i < WARM_TICKETS; i++) {
      const res = await http.inject({
        method: 'POST',
        url: '/api/v1/orgs/jumarp/tickets',
        headers,
        payload: body(10_000 + i),
      });
      if (res.statusCode !== 201) throw new Error(`ticket failed: ${res.body}`);
    }
    const SINGLE = 300;
    const singleStart = performance.now();
    for (let i = 0; i < SINGLE; i++) {
      const res = await http.inject({
        method: 'POST',
        url: '/api/v1/orgs/jumarp/tickets',
        headers,
        payload: body(i),
      });
      if (res.statusCode !== 201) throw new Error(`ticket failed: ${res.body}`);
    }
    const singleMs = (performance.now() - singleStart) / SINGLE;
    // Intake, 100 per batch.
    const BATCHES = 5;
    const batchStart = performance.now();
    for (let b = 0; b < BATCHES; b++) {
      const res = await http.inject({
        method: 'POST',
        url: '/api/v1/orgs/jumarp/tickets/batch',
        headers,
        payload: { tickets: Array.from({ length: 100 }, (_, k) => body(SINGLE + b * 100 + k)) },
      });
      if (res.statusCode !== 200) throw new Error(`batch failed: ${res.body}`);
    }
    const batchMs = (performance.now() - batchStart) / (BATCHES * 100);
    // Baseline: raw inserts of the same rows (ticket + its balanced two-line entry), one transaction each.
    const point = await handle.db
      .selectFrom('collection_points')
      .select(['point_id'])
      .where('org_id', '=', org.org_id)
      .where('code', '=', 'B1')
      .executeTakeFirstOrThrow();
    const generatedPoint = await handle.db
      .selectFrom('collection_points')
      .select(['point_id'])
      .where('org_id', '=', org.org_id)
      .where('code', '=', 'BN2')
      .executeTakeFirstOrThrow();
    const schedule = await handle.db
      .selectFrom('price_schedules')
      .select(['schedule_id'])
      .where('org_id', '=', org.org_id)
      .executeTakeFirstOrThrow();
    const accounts = await handle.db
      .selectFrom('ledger_accounts')
      .select(['account_id', 'purpose'])
      .where('org_id', '=', org.org_id)
      .execute();
    const account = (purpose: string) => accounts.find((a) => a.purpose === purpose)!.account_id;
    const rawRow = (i: number, entryId: string) => ({
      org_id: org.org_id,
      ticket_id: uuid(3, i),
      point_id: point.point_id,
      ticket_number: 100_000 + i,
      member_id: activeMembers[i % activeMembers.length]!.member_id,
      delivered_at: new Date('2026-03-02T15:00:00Z'),
      delivery_date: '2026-03-02',
      coffee_state: 'dry_parchment',
      certification_class: 'conventional',
      sacks: 5,
      sack_type: null,
      gross_grams: 200_500,
      tare_grams: 2_500,
      net_grams: 198_000,
      moisture_bp: 1250,
      yield_bp: 7900,
      factor_hundredths: null,
      defects: null,
      cup_score_hundredths: null,
      cup_protocol: null,
      schedule_id: schedule.schedule_id,
      payable_grams: 196_875,
      unit_price: '12.10',
      value_minor: 238_219,
      currency: 'PEN',
      pricing: '{}',
      entry_id: entryId,
      replaces_ticket_id: null,
      recorded_at: new Date(),
      recorded_by: null,
      recorded_by_label: 'bench',
    });
    const rawEntry = (i: number) => ({
      org_id: org.org_id,
      entry_id: uuid(4, i),
      entry_date: '2026-03-02',
      description: 'bench',
      currency: 'PEN',
      source_type: 'bench',
      source_id: String(i),
      reverses_entry_id: null,
      recorded_at: new Date(),
      recorded_by_label: 'bench',
    });
    // the same number of unmeasured ones first, as for the API
    const RAW = 300;
    let rawStart = performance.now();
    for (let i = 0; i < WARM_TICKETS + RAW; i++) {
      if (i === WARM_TICKETS) rawStart = performance.now();
      await handle.db.transaction().execute(async (trx) => {
        const e = rawEntry(i);
        await trx.insertInto('journal_entries').values(e).execute();
        await trx
          .insertInto('journal_lines')
          .values([
            {
              org_id: org.org_id,
              entry_id: e.entry_id,
              line_no: 1,
              account_id: account('coffee_stock'),
              member_id: null,
              amount_minor: 238_219,
              memo: null,
            },
            {
              org_id: org.org_id,
              entry_id: e.entry_id,
              line_no: 2,
              account_id: account('payable_members'),
              member_id: rawRow(i, e.entry_id).member_id,
              amount_minor: -238_219,
              memo: null,
            },
          ])
          .execute();
        await trx.insertInto('weigh_tickets').values(rawRow(i, e.entry_id)).execute();
      });
    }
    const rawMs = (performance.now() - rawStart) / RAW;
    report(
      `[${engine}] ticket intake via API, one per request (checks, price, posting, audit)`,
      singleMs,
      'ms/ticket',
      rawMs,
      'lower',
    );
    report(`[${engine}] ticket intake via API, 100 per batch`, batchMs, 'ms/ticket', rawMs, 'lower');

    // The bulk: members, then tickets each with its real entry, written set-based with every check on.
    const generationStart = performance.now();
    log(
      `bench: generating ${fmt(members)} members and ${fmt(tickets)} tickets with their entries on ${engine}…`,
    );
    await generateMembers(handle.db, org, members, log);
    const template = await handle.db
      .selectFrom('weigh_tickets')
      .select(['pricing'])
      .where('org_id', '=', org.org_id)
      .where('ticket_id', '=', uuid(2, 0))
      .executeTakeFirstOrThrow();
    await generateTickets(
      handle.db,
      {
        orgId: org.org_id,
        currency: org.currency,
        pointId: generatedPoint.point_id,
        scheduleId: schedule.schedule_id,
        stockAccount: account('coffee_stock'),
        payableAccount: account('payable_members'),
        pricing: template.pricing,
      },
      tickets,
      members,
      log,
    );
    // What autovacuum would have done on a server by now (PGlite has none): statistics and visibility.
    await sql`VACUUM ANALYZE members, weigh_tickets, journal_entries, journal_lines, ledger_balances`.execute(
      handle.db,
    );
    // …and the load's dirty pages written out now rather than during the measurements (needs a superuser
    // or pg_checkpoint on a server; without it the checkpointer does it in its own time)
    await sql`CHECKPOINT`.execute(handle.db).catch(() => undefined);
    const postings = await sql<{ n: number }>`SELECT count(*)::int AS n FROM journal_lines
      WHERE org_id = ${org.org_id} AND account_id = ${account('payable_members')}`.execute(handle.db);
    log(
      `bench: generation done in ${seconds(generationStart)}; ${fmt(postings.rows[0]!.n)} postings on the members' payable account`,
    );

    // (c) Statement p99 over generated members, spread through the register; the baseline is the
    // statement's own query of the same member's lines, run raw. Measured before the settlement, whose
    // writes (and the 100,000-member preview in memory) would otherwise disturb it.
    const reader = await signIn('accountant@jumarp.example');
    const payable = account('payable_members');
    const SAMPLES = 1_000;
    const WARM = 50;
    const sample = (i: number) => (i * Math.max(1, Math.floor(members / SAMPLES)) + (i % 7)) % members;
    const apiTimes: number[] = [];
    const rawTimes: number[] = [];
    let linesSeen = 0;
    for (let i = 0; i < WARM + SAMPLES; i++) {
      const n = sample(i);
      const memberNumber = `BN${String(n).padStart(6, '0')}`;
      let start = performance.now();
      const res = await http.inject({
        method: 'GET',
        url: `/api/v1/orgs/jumarp/members/${memberNumber}/statement`,
        headers: { cookie: reader.cookie },
      });
      const apiMs = performance.now() - start;
      if (res.statusCode !== 200) throw new Error(`statement failed: ${res.statusCode} ${res.body}`);
      start = performance.now();
      const raw = await sql`SELECT e.entry_id, e.entry_date, e.description, e.source_type, e.source_id,
          e.reverses_entry_id, e.recorded_at, l.line_no, l.amount_minor, l.memo
        FROM journal_lines l JOIN journal_entries e ON e.org_id = l.org_id AND e.entry_id = l.entry_id
        WHERE l.org_id = ${org.org_id} AND l.member_id = ${uuid(MEMBER, n)} AND l.account_id = ${payable}
        ORDER BY e.entry_date, e.recorded_at, l.entry_id, l.line_no`.execute(handle.db);
      const rawMs = performance.now() - start;
      if (i < WARM) continue;
      apiTimes.push(apiMs);
      rawTimes.push(rawMs);
      linesSeen += raw.rows.length;
    }
    log(
      `bench: statement p50 ${percentile(apiTimes, 50).toFixed(1)} ms via API, ${percentile(rawTimes, 50).toFixed(1)} ms raw`,
    );
    report(
      `[${engine}] member statement via API, p99 of ${SAMPLES} (${(linesSeen / SAMPLES).toFixed(1)} lines each, ${fmt(postings.rows[0]!.n)} postings) vs raw query`,
      percentile(apiTimes, 99),
      'ms',
      percentile(rawTimes, 99),
      'lower',
    );
    // (b) Settlement over the period's tickets against a bare GROUP BY over the same rows.
    const groupBy = () =>
      sql<{ member_id: string }>`SELECT member_id, certification_class, sum(payable_grams) FROM weigh_tickets
        WHERE org_id = ${org.org_id} AND delivery_date BETWEEN '2026-02-01' AND '2026-02-28'
        GROUP BY member_id, certification_class`.execute(handle.db);
    const warm = await groupBy(); // both read the same pages: warm them once for both
    if (warm.rows.length !== members)
      throw new Error(`GROUP BY found ${warm.rows.length} members, expected ${members}`);
    const groupTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await groupBy();
      groupTimes.push(performance.now() - start);
    }
    const groupMs = median(groupTimes);
    const draftStart = performance.now();
    const draft = await services.settlements.createDraft(system, 'jumarp', {
      id: uuid(5, 1),
      name: 'Bench',
      periodFrom: '2026-02-01',
      periodTo: '2026-02-28',
      pricePerKgByClass: { conventional: '1.50' },
      shareCapitalPerQuintal: '5.00',
      deductOwed: true,
      floorPercent: '50',
    });
    const draftMs = performance.now() - draftStart;
    if (draft.totals.members !== members)
      throw new Error(`settlement covered ${draft.totals.members} members, expected ${members}`);
    report(
      `[${engine}] settlement draft over ${fmt(tickets)} tickets of ${fmt(members)} members (compute, store, preview) vs bare GROUP BY (median of 3)`,
      draftMs,
      'ms',
      groupMs,
      'lower',
    );

    await http.close();
    log(`bench: collection figures on ${engine} took ${seconds(wallStart)} in all`);
  } finally {
    await database.dispose();
  }
}
