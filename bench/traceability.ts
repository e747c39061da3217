/**
 * Traceability figures for `npm run bench` (issue 12): the trace of an export lot of 275 bags (69 kg) built
 * from 500 weigh tickets of 300 members — five cooperative lots delivered to the central and blended there —
 * through the trace service (composition, tickets, members, plots, shares, consent), against the bare
 * recursive walk of lots/composition.ts on the same database. Median of 30 runs each, after 3 warm-ups.
 *
 *   AYNI_BENCH_ONLY=traceability npm run bench
 */
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { walkLotQuery } from '../src/lots/index.js';
import { systemActor } from '../src/orgs/actor.js';
import { connect } from '../src/platform/db/connect.js';
import { migrate } from '../src/platform/db/migrate.js';
import { lotGraph } from '../test/harness/lot-graph.js';

type Report = (
  name: string,
  value: number,
  unit: string,
  baseline: number,
  better: 'lower' | 'higher',
) => void;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function benchTraceability(report: Report, log: (line: string) => void) {
  const handle = await connect({ dataDir: 'memory://' });
  await migrate(handle.db);
  const { services, http } = await createApp({ db: handle.db });
  const system = systemActor('bench');
  const id = (n: number) => `01900000-0000-7000-9000-${n.toString(16).padStart(12, '0')}`;
  let next = 1;
  await services.orgs.createOrg(system, {
    id: id(next++),
    slug: 'bench-coop',
    name: 'Cooperativa Bench',
    kind: 'cooperative',
    country: 'PE',
  });
  const central = await services.orgs.createOrg(system, {
    id: id(next++),
    slug: 'bench-central',
    name: 'Central Bench',
    kind: 'central',
    country: 'PE',
  });
  const coop = (
    await sql<{ org_id: string }>`SELECT org_id FROM organizations WHERE slug = 'bench-coop'`.execute(
      handle.db,
    )
  ).rows[0]!.org_id;
  await services.collection.createPoint(system, 'bench-coop', {
    id: id(next++),
    code: 'CEN',
    name: 'Centro',
  });
  await services.collection.createSchedule(system, 'bench-coop', {
    id: id(next++),
    effectiveFrom: '2026-01-01',
    coffeeState: 'dry_parchment',
    certificationClass: 'conventional',
    basePricePerKg: '10.00',
    moistureReferencePercent: '12',
  } as never);
  log('traceability bench: 300 members, 500 tickets…');
  for (let m = 1; m <= 300; m++)
    await services.members.createMember(system, 'bench-coop', {
      id: id(10_000 + m),
      memberNumber: String(m).padStart(4, '0'),
      status: 'active',
      givenNames: `Socio ${m}`,
      familyNames: 'Bench',
      joinDate: '2020-01-15',
    } as never);
  const tickets: string[] = [];
  for (let k = 0; k < 500; k++) {
    const t = await services.collection.createTicket(system, 'bench-coop', {
      id: id(20_000 + k),
      pointCode: 'CEN',
      memberNumber: String((k % 300) + 1).padStart(4, '0'),
      deliveredAt: '2026-06-01T15:00:00.000Z',
      sacks: 1,
      grossKg: '39.500',
      tareKg: '0.500',
      moisturePercent: '12',
      coffeeState: 'dry_parchment',
      certificationClass: 'conventional',
    } as never);
    tickets.push(t.id);
  }
  // 500 × 39 kg = 19,500 kg in five lots of 100 tickets, delivered; the export lot takes 275 × 69 kg
  const g = lotGraph(handle.db, 'bench');
  const w = await g.warehouse(coop, 'ALM');
  const cw = await g.warehouse(central.id, 'ALM');
  const lots: string[] = [];
  for (let l = 0; l < 5; l++) {
    const lotId = await g.lot(coop, w, `BL-${l + 1}`);
    await g.inputs(
      coop,
      lotId,
      tickets.slice(l * 100, l * 100 + 100).map((ticketId) => ({ ticketId, grams: 39_000 })),
    );
    await g.deliver(coop, lotId, central.id);
    lots.push(lotId);
  }
  const exportLot = await g.lot(central.id, cw, 'EX-275', { origin: 'delivery' });
  const total = 275 * 69_000;
  await g.inputs(
    central.id,
    exportLot,
    lots.map((sourceLotId, i) => ({
      sourceOrgId: coop,
      sourceLotId,
      grams: i < 4 ? Math.floor(total / 5) : total - 4 * Math.floor(total / 5),
    })),
  );

  const bare = await timed(30, () => walkLotQuery(handle.db, central.id, exportLot));
  const traced = await timed(30, () => services.trace.traceLot(system, 'bench-central', 'EX-275'));
  report(
    'trace of an export lot of 275 bags from 500 tickets of 300 members (median)',
    traced,
    'ms',
    bare,
    'lower',
  );
  await http.close();
  await handle.close();
}
