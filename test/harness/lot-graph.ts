import { sql } from 'kysely';
import type { Executor } from '../../src/platform/db/transaction.js';
import { testId } from './factories.js';

/**
 * Lots written with plain SQL, for the traceability tests and bench: a lot, its inputs, a delivery to a
 * central, a milling order and its draws. The triggers of migrations/0013_lots.sql keep the balances, so
 * whatever these write is a graph the lots service could have written.
 */
export function lotGraph(db: Executor, tag: string) {
  let n = 0;
  const id = (what: string) => testId(`${what}:${tag}:${++n}`);

  async function warehouse(orgId: string, code: string, kind: 'warehouse' | 'mill' = 'warehouse') {
    const warehouseId = testId(`warehouse:${tag}:${orgId}:${code}`);
    await sql`INSERT INTO warehouses (org_id, warehouse_id, code, name, kind, created_at)
              VALUES (${orgId}, ${warehouseId}, ${code}, ${`Almacén ${code}`}, ${kind}, now())
              ON CONFLICT DO NOTHING`.execute(db);
    return warehouseId;
  }

  async function lot(
    orgId: string,
    warehouseId: string,
    code: string,
    options: { product?: string; eudr?: boolean; origin?: string; harvest?: [string, string] } = {},
  ) {
    const lotId = id('lot');
    await sql`INSERT INTO lots (org_id, lot_id, code, product, certification_class, origin, eudr, warehouse_id,
                                harvest_from, harvest_to, created_at, created_by_label)
              VALUES (${orgId}, ${lotId}, ${code}, ${options.product ?? 'parchment'}, 'conventional',
                      ${options.origin ?? 'tickets'}, ${options.eudr ?? false}, ${warehouseId},
                      ${options.harvest?.[0] ?? null}, ${options.harvest?.[1] ?? null}, now(), 'test')`.execute(
      db,
    );
    return lotId;
  }

  type Input =
    | { ticketId: string; grams: number }
    | { sourceOrgId: string; sourceLotId: string; grams: number }
    | { millingId: string; grams: number };

  async function inputs(orgId: string, lotId: string, list: readonly Input[]) {
    if (list.length === 0) return;
    const next = await sql<{ n: number }>`SELECT coalesce(max(input_no), 0)::int AS n FROM lot_inputs
                                           WHERE org_id = ${orgId} AND lot_id = ${lotId}`.execute(db);
    const first = next.rows[0]!.n + 1;
    const values = list.map(
      (input, i) =>
        sql`(${orgId}, ${lotId}, ${first + i}, ${'ticketId' in input ? input.ticketId : null},
             ${'sourceOrgId' in input ? input.sourceOrgId : null}, ${'sourceLotId' in input ? input.sourceLotId : null},
             ${'millingId' in input ? input.millingId : null}, ${input.grams})`,
    );
    await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, source_org_id, source_lot_id, milling_id, grams)
              VALUES ${sql.join(values)}`.execute(db);
  }

  async function deliver(orgId: string, lotId: string, centralId: string) {
    await sql`UPDATE lots SET status = 'delivered', delivered_to_org_id = ${centralId}
              WHERE org_id = ${orgId} AND lot_id = ${lotId}`.execute(db);
  }

  async function milling(
    orgId: string,
    warehouseId: string,
    code: string,
    draws: readonly { lotId: string; grams: number }[],
  ) {
    const millingId = id('milling');
    await sql`INSERT INTO milling_orders (org_id, milling_id, code, warehouse_id, created_at, created_by_label)
              VALUES (${orgId}, ${millingId}, ${code}, ${warehouseId}, now(), 'test')`.execute(db);
    for (const draw of draws)
      await sql`INSERT INTO lot_draws (org_id, lot_id, draw_id, kind, grams, milling_id, drawn_on, recorded_at, recorded_by_label)
                VALUES (${orgId}, ${draw.lotId}, ${id('draw')}, 'milling', ${draw.grams}, ${millingId}, '2026-06-01', now(), 'test')`.execute(
        db,
      );
    return millingId;
  }

  return { warehouse, lot, inputs, deliver, milling };
}
