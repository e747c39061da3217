/**
 * Lots figures for `npm run bench` (issue 12): stock on a date over 1,000,000 stock movements, through the
 * stock service (authorization, the sums, the warehouses' names), against a bare
 * `SELECT … SUM(grams) … GROUP BY` over the same rows in the same run (goal ≤ 1.5×).
 *
 * The movements are written set-based (INSERT … SELECT generate_series) in statements of 100,000 with the
 * balance trigger on, over 20 warehouses, 3 products, 4 classes and a year of days. Size:
 * AYNI_BENCH_MOVEMENTS (default 1,000,000). Only these figures: AYNI_BENCH_ONLY=lots npm run bench
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchLots(report: Report, log: (line: string) => void, movements = 1_000_000) {
  const handle = await connect({ dataDir: 'memory://' });
  try {
    await migrate(handle.db);
    const { services } = await createApp({ db: handle.db });
    const system = systemActor('bench');
    const org = await services.orgs.createOrg(system, {
      id: randomUUID(),
      slug: 'bench-lots',
      name: 'Bench lots',
      kind: 'cooperative',
      country: 'PE',
    });
    for (let w = 0; w < 20; w++)
      await services.stock.createWarehouse(system, 'bench-lots', {
        id: randomUUID(),
        code: `W${w}`,
        name: `Almacén ${w}`,
        kind: 'warehouse',
      });
    log(`bench: ${movements} stock movements…`);
    for (let start = 0; start < movements; start += 100_000) {
      const count = Math.min(100_000, movements - start);
      await sql`
        INSERT INTO stock_movements (org_id, movement_id, warehouse_id, product, certification_class, grams, kind,
                                     occurred_on, recorded_at, recorded_by_label)
        SELECT ${org.id}::uuid, gen_random_uuid(), w.warehouse_id,
               (ARRAY['parchment','green_export','husk'])[1 + i % 3],
               (ARRAY['conventional','organic','fairtrade','organic_fairtrade'])[1 + (i / 3) % 4],
               1000 + i % 50000, 'reception', DATE '2026-01-01' + (i % 365), now(), 'bench'
        FROM generate_series(${start}::int, ${start + count - 1}::int) AS i
        JOIN (SELECT warehouse_id, row_number() OVER (ORDER BY code) - 1 AS n FROM warehouses
              WHERE org_id = ${org.id}::uuid) w ON w.n = i % 20`.execute(handle.db);
    }
    await sql`ANALYZE stock_movements`.execute(handle.db);
    const on = '2026-09-30';
    const bare = sql`SELECT warehouse_id, product, certification_class, sum(grams) AS grams FROM stock_movements
                     WHERE org_id = ${org.id}::uuid AND occurred_on <= ${on}::date
                     GROUP BY warehouse_id, product, certification_class`;
    const service: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < 7; round++) {
      let t = performance.now();
      const lines = await services.stock.stock(system, 'bench-lots', { on });
      service.push(performance.now() - t);
      t = performance.now();
      const rows = await bare.execute(handle.db);
      raw.push(performance.now() - t);
      if (round === 0) log(`bench: stock on ${on}: ${lines.items.length} lines (bare: ${rows.rows.length})`);
    }
    report(
      `stock on a date over ${movements} movements (service)`,
      median(service),
      'ms',
      median(raw),
      'lower',
    );
  } finally {
    await handle.close();
  }
}
