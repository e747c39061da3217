import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness/context.js';
import { type TestOrg, type TestPoint, testId } from '../../test/harness/factories.js';
import { fromDatabaseError } from '../platform/errors.js';

/**
 * The value chain's invariants as the database keeps them (migrations/0013_lots.sql), written to with
 * plain SQL on purpose: whatever writes — the service, a script, a hand-typed statement — meets the same
 * refusals. The services' own tests build on these.
 */
let ctx: TestContext;
let coop: TestOrg;
let point: TestPoint;
let tickets: { id: string; netGrams: number }[];
let plotted: { id: string; netGrams: number };
const WAREHOUSE = testId('warehouse:lots-db:MAIN');

beforeAll(async () => {
  ctx = await createTestContext();
  coop = await ctx.make.cooperative({ slug: 'lots-db', roles: ['manager', 'cashier'] });
  const members = await ctx.make.members(coop, 2);
  point = await ctx.make.collectionPoint(coop);
  await ctx.make.priceSchedule(coop);
  tickets = [];
  for (let i = 0; i < 3; i++) {
    const t = await ctx.make.weighTicket(coop, { point, member: members[i % 2]! });
    tickets.push({ id: t.id, netGrams: 90_500 });
  }
  const plot = await ctx.services.members.createPlot(
    coop.as('manager'),
    coop.slug,
    members[0]!.memberNumber,
    {
      id: testId('plot:lots-db:1'),
      name: 'La Loma',
      geometry: { type: 'Point', coordinates: [-78.801234, -5.701234] },
      declaredAreaM2: 20_000,
    } as never,
  );
  const t = await ctx.make.weighTicket(coop, { point, member: members[0]!, plotIds: [plot.id] });
  plotted = { id: t.id, netGrams: 90_500 };
  await sql`INSERT INTO warehouses (org_id, warehouse_id, code, name, kind, created_at)
            VALUES (${coop.id}, ${WAREHOUSE}, 'MAIN', 'Almacén principal', 'warehouse', now())`.execute(
    ctx.db,
  );
});
afterAll(() => ctx?.close());

async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return fromDatabaseError(error)?.code ?? String(error);
  }
  throw new Error('the statement was accepted');
}

async function lot(code: string, options: { eudr?: boolean; certificationClass?: string } = {}) {
  const id = testId(`lot:lots-db:${code}`);
  await sql`INSERT INTO lots (org_id, lot_id, code, product, certification_class, origin, eudr, warehouse_id,
                              created_at, created_by_label)
            VALUES (${coop.id}, ${id}, ${code}, 'parchment', ${options.certificationClass ?? 'conventional'},
                    'tickets', ${options.eudr ?? false}, ${point.id}, now(), 'test')`.execute(ctx.db);
  return id;
}
const grams = async (lotId: string) =>
  (
    await sql<{ grams_in: number; grams_out: number }>`
      SELECT grams_in, grams_out FROM lots WHERE org_id = ${coop.id} AND lot_id = ${lotId}`.execute(ctx.db)
  ).rows[0]!;
const stock = async (warehouseId: string) =>
  Number(
    (
      await sql<{ grams: number }>`SELECT grams FROM stock_balances WHERE org_id = ${coop.id}
        AND warehouse_id = ${warehouseId} AND product = 'parchment' AND certification_class = 'conventional'`.execute(
        ctx.db,
      )
    ).rows[0]?.grams ?? 0,
  );

describe('stock', () => {
  it('a weigh ticket is received into its collection point’s store, to the gram', async () => {
    expect(await stock(point.id)).toBe(tickets.length * 90_500 + plotted.netGrams);
  });

  it('a movement that would make stock negative is refused, and nothing of it stays', async () => {
    const before = await stock(point.id);
    const key = await refusal(
      sql`INSERT INTO stock_movements (org_id, movement_id, warehouse_id, product, certification_class, grams,
                                       kind, occurred_on, recorded_at, recorded_by_label)
          VALUES (${coop.id}, ${testId('move:too-much')}, ${point.id}, 'parchment', 'conventional',
                  ${-(before + 1)}, 'dispatch', '2026-06-02', now(), 'test')`.execute(ctx.db),
    );
    expect(key).toBe('db.constraint.stock_not_negative');
    expect(await stock(point.id)).toBe(before);
  });

  it('movements are facts: never changed, never deleted', async () => {
    await expect(
      sql`DELETE FROM stock_movements WHERE org_id = ${coop.id}`.execute(ctx.db),
    ).rejects.toThrow();
  });
});

describe('lots', () => {
  it('a ticket gives lots at most its net mass, in parts too', async () => {
    const a = await lot('LDB-A');
    const b = await lot('LDB-B');
    await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
              VALUES (${coop.id}, ${a}, 1, ${tickets[0]!.id}, 50000)`.execute(ctx.db);
    const key = await refusal(
      sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
          VALUES (${coop.id}, ${b}, 1, ${tickets[0]!.id}, 40501)`.execute(ctx.db),
    );
    expect(key).toBe('db.constraint.lot_input_ticket_mass');
    await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
              VALUES (${coop.id}, ${b}, 1, ${tickets[0]!.id}, 40500)`.execute(ctx.db);
    expect(await grams(a)).toEqual({ grams_in: 50_000, grams_out: 0 });
    expect(await grams(b)).toEqual({ grams_in: 40_500, grams_out: 0 });
  });

  it('nothing leaves a lot beyond what went in (the mass balance)', async () => {
    const a = testId('lot:lots-db:LDB-A');
    const blend = await lot('LDB-BLEND');
    const key = await refusal(
      sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, source_org_id, source_lot_id, grams)
          VALUES (${coop.id}, ${blend}, 1, ${coop.id}, ${a}, 50001)`.execute(ctx.db),
    );
    expect(key).toBe('db.constraint.lot_mass_balance');
    await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, source_org_id, source_lot_id, grams)
              VALUES (${coop.id}, ${blend}, 1, ${coop.id}, ${a}, 30000)`.execute(ctx.db);
    const lossKey = await refusal(
      sql`INSERT INTO lot_draws (org_id, lot_id, draw_id, kind, grams, reason, drawn_on, recorded_at, recorded_by_label)
          VALUES (${coop.id}, ${a}, ${testId('draw:too-much')}, 'loss', 20001, 'merma', '2026-06-02', now(), 'test')`.execute(
        ctx.db,
      ),
    );
    expect(lossKey).toBe('db.constraint.lot_mass_balance');
    expect(await grams(a)).toEqual({ grams_in: 50_000, grams_out: 30_000 });
  });

  it('conventional coffee never goes into an organic lot', async () => {
    const organic = await lot('LDB-ORG', { certificationClass: 'organic' });
    const key = await refusal(
      sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
          VALUES (${coop.id}, ${organic}, 1, ${tickets[1]!.id}, 1000)`.execute(ctx.db),
    );
    expect(key).toBe('db.constraint.lot_input_class');
  });

  it('an EUDR lot takes only tickets with a plot', async () => {
    const eudr = await lot('LDB-EUDR', { eudr: true });
    const key = await refusal(
      sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
          VALUES (${coop.id}, ${eudr}, 1, ${tickets[1]!.id}, 1000)`.execute(ctx.db),
    );
    expect(key).toBe('db.constraint.lot_input_eudr_origin');
    await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, ticket_id, grams)
              VALUES (${coop.id}, ${eudr}, 1, ${plotted.id}, ${plotted.netGrams})`.execute(ctx.db);
    expect((await grams(eudr)).grams_in).toBe(plotted.netGrams);
  });

  it('a ticket in a lot cannot be voided', async () => {
    const manager = coop.as('manager');
    const error = await ctx.services.collection
      .voidTicket(manager, coop.slug, tickets[0]!.id, 'peso mal registrado')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(fromDatabaseError(error)?.code).toBe('db.constraint.lotted_ticket_not_voided');
  });

  it('a ticket not in a lot is voided and leaves the store', async () => {
    const before = await stock(point.id);
    await ctx.services.collection.voidTicket(
      coop.as('manager'),
      coop.slug,
      tickets[2]!.id,
      'ticket duplicado',
    );
    expect(await stock(point.id)).toBe(before - tickets[2]!.netGrams);
  });
});

describe('milling', () => {
  it('a finished milling order balances to the gram: in = out + loss', async () => {
    const milling = testId('milling:lots-db:1');
    await sql`INSERT INTO milling_orders (org_id, milling_id, code, warehouse_id, created_at, created_by_label)
              VALUES (${coop.id}, ${milling}, 'TR-1', ${WAREHOUSE}, now(), 'test')`.execute(ctx.db);
    await sql`INSERT INTO lot_draws (org_id, lot_id, draw_id, kind, grams, milling_id, drawn_on, recorded_at, recorded_by_label)
              VALUES (${coop.id}, ${testId('lot:lots-db:LDB-B')}, ${testId('draw:mill')}, 'milling', 40500, ${milling},
                      '2026-06-03', now(), 'test')`.execute(ctx.db);
    const green = testId('lot:lots-db:LDB-GREEN');
    await sql`INSERT INTO lots (org_id, lot_id, code, product, certification_class, origin, eudr, warehouse_id,
                                created_at, created_by_label)
              VALUES (${coop.id}, ${green}, 'LDB-GREEN', 'green_export', 'conventional', 'milling', false,
                      ${WAREHOUSE}, now(), 'test')`.execute(ctx.db);
    await sql`INSERT INTO lot_inputs (org_id, lot_id, input_no, milling_id, grams)
              VALUES (${coop.id}, ${green}, 1, ${milling}, 31000)`.execute(ctx.db);
    const wrong = await refusal(
      sql`UPDATE milling_orders SET status = 'done', loss_grams = 9000
          WHERE org_id = ${coop.id} AND milling_id = ${milling}`.execute(ctx.db),
    );
    expect(wrong).toBe('db.constraint.milling_mass_balance');
    await sql`UPDATE milling_orders SET status = 'done', loss_grams = 9500, milled_on = '2026-06-03'
              WHERE org_id = ${coop.id} AND milling_id = ${milling}`.execute(ctx.db);
    const more = await refusal(
      sql`INSERT INTO lot_draws (org_id, lot_id, draw_id, kind, grams, milling_id, drawn_on, recorded_at, recorded_by_label)
          VALUES (${coop.id}, ${testId('lot:lots-db:LDB-A')}, ${testId('draw:late')}, 'milling', 1000, ${milling},
                  '2026-06-04', now(), 'test')`.execute(ctx.db),
    );
    expect(more).toMatch(/milling/);
  });
});
