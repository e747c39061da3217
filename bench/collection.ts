/**
 * Collection and accounts figures for `npm run bench`: weigh-ticket intake through the API (one per
 * request, and 100 per batch) against raw inserts of the same rows; a settlement over many tickets
 * against a bare GROUP BY member over the same rows; a member statement's p99 against the raw query
 * of that member's lines. Sizes are set by AYNI_BENCH_TICKETS (default 100 000) on the embedded engine.
 */
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { loadDemo } from '../src/demo/demo.js';
import { systemActor } from '../src/orgs/actor.js';
import { connect } from '../src/platform/db/connect.js';
import { migrate } from '../src/platform/db/migrate.js';

type Report = (
  name: string,
  value: number,
  unit: string,
  baseline: number,
  better: 'lower' | 'higher',
) => void;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export async function benchCollection(report: Report, log: (line: string) => void, tickets = 100_000) {
  const handle = await connect({ dataDir: 'memory://' });
  try {
    await migrate(handle.db);
    const { http, services } = await createApp({ db: handle.db });
    await loadDemo(services);
    const system = systemActor('bench');
    const org = await handle.db
      .selectFrom('organizations')
      .select(['org_id'])
      .where('slug', '=', 'jumarp')
      .executeTakeFirstOrThrow();
    await services.collection.createPoint(system, 'jumarp', { id: uuid(1, 1), code: 'B1', name: 'Bench' });
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
    const signIn = await http.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'cashier@jumarp.example', password: 'ayni-demo' },
    });
    const headers = {
      cookie: `ayni_session=${signIn.cookies.find((c) => c.name === 'ayni_session')!.value}`,
      'x-csrf-token': (signIn.json() as { csrfToken: string }).csrfToken,
    };
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

    // Intake, one ticket per request.
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
    const RAW = 300;
    const rawStart = performance.now();
    for (let i = 0; i < RAW; i++) {
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
      'ticket intake via API, one per request (checks, price, posting, audit)',
      singleMs,
      'ms/ticket',
      rawMs,
      'lower',
    );
    report('ticket intake via API, 100 per batch', batchMs, 'ms/ticket', rawMs, 'lower');

    // Settlement over many tickets: generate them raw (one shared entry keeps the set-up short).
    log(`bench: generating ${tickets.toLocaleString('en')} tickets for the settlement…`);
    const shared = rawEntry(999_999);
    await handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('journal_entries').values(shared).execute();
      await trx
        .insertInto('journal_lines')
        .values([
          {
            org_id: org.org_id,
            entry_id: shared.entry_id,
            line_no: 1,
            account_id: account('coffee_stock'),
            member_id: null,
            amount_minor: 1,
            memo: null,
          },
          {
            org_id: org.org_id,
            entry_id: shared.entry_id,
            line_no: 2,
            account_id: account('cash'),
            member_id: null,
            amount_minor: -1,
            memo: null,
          },
        ])
        .execute();
      for (let s = 0; s < tickets; s += 1000) {
        await trx
          .insertInto('weigh_tickets')
          .values(
            Array.from({ length: Math.min(1000, tickets - s) }, (_, k) => ({
              ...rawRow(1_000_000 + s + k, shared.entry_id),
              delivery_date: '2026-02-15',
            })),
          )
          .execute();
      }
    });
    await sql`ANALYZE weigh_tickets`.execute(handle.db);
    const groupStart = performance.now();
    await sql`SELECT member_id, certification_class, sum(payable_grams) FROM weigh_tickets WHERE org_id = ${org.org_id} AND delivery_date BETWEEN '2026-02-01' AND '2026-02-28' GROUP BY member_id, certification_class`.execute(
      handle.db,
    );
    const groupMs = performance.now() - groupStart;
    const draftStart = performance.now();
    await services.settlements.createDraft(system, 'jumarp', {
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
    report(
      `settlement draft over ${tickets.toLocaleString('en')} tickets of ${activeMembers.length} members (compute, store, preview)`,
      draftMs,
      'ms',
      groupMs,
      'lower',
    );

    // Statement p99: members with many lines; the raw query of the same member's lines is the baseline.
    const statementMembers = activeMembers.slice(0, 50).map((m) => m.member_number);
    const apiTimes: number[] = [];
    const rawTimes: number[] = [];
    const payable = account('payable_members');
    for (let i = 0; i < 100; i++) {
      const m = activeMembers[i % 50]!;
      let start = performance.now();
      await http
        .inject({
          method: 'GET',
          url: `/api/v1/orgs/jumarp/members/${statementMembers[i % 50]}/statement`,
          headers: { cookie: headers.cookie },
        })
        .catch(() => undefined);
      apiTimes.push(performance.now() - start);
      start = performance.now();
      await sql`SELECT l.entry_id, e.entry_date, e.description, l.amount_minor FROM journal_lines l JOIN journal_entries e USING (org_id, entry_id)
                 WHERE l.org_id = ${org.org_id} AND l.member_id = ${m.member_id} AND l.account_id = ${payable} ORDER BY e.entry_date, e.recorded_at`.execute(
        handle.db,
      );
      rawTimes.push(performance.now() - start);
    }
    report(
      'member statement via API, p99',
      percentile(apiTimes, 99),
      'ms',
      percentile(rawTimes, 99),
      'lower',
    );
    await http.close();
  } finally {
    await handle.close();
  }
}
