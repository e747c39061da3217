import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness/context.js';
import type { TestOrg } from '../../test/harness/factories.js';
import { lotGraph } from '../../test/harness/lot-graph.js';
import type { Trx } from '../platform/db/transaction.js';
import {
  addFractions,
  apportion,
  type Fraction,
  fraction,
  lotComposition,
  lotsReachedByTickets,
} from './composition.js';

/**
 * The composition of a lot against graphs the database accepted: tickets into lots, lots blended, a
 * cooperative's lot delivered to its central and blended there, lots milled and the output lotted. Each
 * fast-check run writes its graph inside a transaction that is rolled back, so runs do not use up tickets.
 */
let ctx: TestContext;
let coop: TestOrg;
let central: TestOrg;
let tickets: { id: string; netGrams: number }[];

beforeAll(async () => {
  ctx = await createTestContext();
  coop = await ctx.make.cooperative({ slug: 'compo-coop', roles: ['manager', 'cashier'] });
  central = await ctx.make.organization({ slug: 'compo-central', kind: 'central', roles: ['manager'] });
  const members = await ctx.make.members(coop, 3);
  const point = await ctx.make.collectionPoint(coop);
  await ctx.make.priceSchedule(coop);
  tickets = [];
  for (let i = 0; i < 6; i++) {
    const t = await ctx.make.weighTicket(coop, { point, member: members[i % 3]! });
    tickets.push({ id: t.id, netGrams: 90_500 });
  }
});
afterAll(() => ctx?.close());

class Rollback extends Error {}
async function rolledBack(work: (trx: Trx) => Promise<void>) {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await work(trx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

const ZERO: Fraction = { num: 0n, den: 1n };
const less = (a: Fraction, b: Fraction) => a.num * b.den < b.num * a.den;

describe('apportion (largest remainder)', () => {
  it('gives the leftover grams to the largest remainders and adds up exactly', () => {
    const result = apportion(10n, [
      { key: 'a', share: fraction(10n, 3n) },
      { key: 'b', share: fraction(10n, 3n) },
      { key: 'c', share: fraction(10n, 3n) },
    ]);
    expect([...result.values()].reduce((s, g) => s + g, 0n)).toBe(10n);
    expect(result.get('a')).toBe(4n);
    expect(result.get('b')).toBe(3n);
  });
  it('refuses shares that do not add up to the total', () => {
    expect(() => apportion(10n, [{ key: 'a', share: fraction(5n, 1n) }])).toThrow(RangeError);
  });
  it('keeps every part within a gram of its exact share, for any shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt(0n, 10n ** 9n), fc.bigInt(1n, 10n ** 6n)), { minLength: 1 }),
        (parts) => {
          const shares = parts.map(([n, d], i) => ({
            key: String(i).padStart(4, '0'),
            share: fraction(n, d),
          }));
          // the total: the exact sum rounded up, with the difference given to an extra share
          const sum = shares.reduce((s, x) => addFractions(s, x.share), ZERO);
          const total = (sum.num + sum.den - 1n) / sum.den;
          shares.push({ key: 'zzzz', share: fraction(total * sum.den - sum.num, sum.den) });
          const result = apportion(total, shares);
          expect([...result.values()].reduce((s, g) => s + g, 0n)).toBe(total);
          for (const { key, share } of shares) {
            const g = result.get(key)!;
            expect(g * share.den <= share.num + share.den && g * share.den + share.den > share.num).toBe(
              true,
            );
          }
        },
      ),
    );
  });
});

describe('lotComposition', () => {
  it('follows tickets through a blend, a delivery to the central and a milling order', async () => {
    await rolledBack(async (trx) => {
      const g = lotGraph(trx, 'compo-fixed');
      const w = await g.warehouse(coop.id, 'CMP1');
      const cw = await g.warehouse(central.id, 'CMP1', 'mill');
      const [a, b, c] = tickets;
      const l1 = await g.lot(coop.id, w, 'FX-L1');
      await g.inputs(coop.id, l1, [
        { ticketId: a!.id, grams: 1000 },
        { ticketId: b!.id, grams: 3000 },
      ]);
      const l2 = await g.lot(coop.id, w, 'FX-L2');
      await g.inputs(coop.id, l2, [
        { sourceOrgId: coop.id, sourceLotId: l1, grams: 2000 },
        { ticketId: c!.id, grams: 500 },
      ]);
      await g.deliver(coop.id, l2, central.id);
      const l3 = await g.lot(central.id, cw, 'FX-L3', { origin: 'delivery' });
      await g.inputs(central.id, l3, [{ sourceOrgId: coop.id, sourceLotId: l2, grams: 2500 }]);
      const m = await g.milling(central.id, cw, 'FX-M1', [{ lotId: l3, grams: 2500 }]);
      const l4 = await g.lot(central.id, cw, 'FX-L4', { product: 'green_export', origin: 'milling' });
      await g.inputs(central.id, l4, [{ millingId: m, grams: 2000 }]);

      const composition = await lotComposition(trx, central.id, l4);
      expect(composition.gramsIn).toBe(2000n);
      const byTicket = Object.fromEntries(composition.tickets.map((t) => [t.ticketId, t.grams]));
      // 2,000 g of green from 2,500 g of parchment: L2 is 2,000 g of L1 (¼ A, ¾ B) and 500 g of C
      expect(byTicket).toEqual({ [a!.id]: 400n, [b!.id]: 1200n, [c!.id]: 400n });
      expect(composition.tickets.every((t) => t.orgId === coop.id)).toBe(true);
      expect(composition.lots.map((l) => [l.lotId, l.depth])).toEqual([
        [l3, 1],
        [l2, 2],
        [l1, 3],
      ]);
      // and the other way, from ticket A up to the export lot
      const up = await lotsReachedByTickets(trx, coop.id, [a!.id]);
      expect(up.map((l) => [l.code, l.depth, l.exact])).toEqual([
        ['FX-L1', 1, fraction(1000n, 1n)],
        ['FX-L2', 2, fraction(500n, 1n)],
        ['FX-L3', 3, fraction(500n, 1n)],
        ['FX-L4', 4, fraction(400n, 1n)],
      ]);
    });
  });

  it('an empty lot has no composition', async () => {
    await rolledBack(async (trx) => {
      const g = lotGraph(trx, 'compo-empty');
      const w = await g.warehouse(coop.id, 'CMP2');
      const l = await g.lot(coop.id, w, 'EMPTY-1');
      expect((await lotComposition(trx, coop.id, l)).tickets).toEqual([]);
    });
  });

  /** A random graph: steps that each make one lot from parts of tickets, of lots, or of a milling order. */
  const step = fc.record({
    kind: fc.constantFrom('tickets', 'blend', 'milling', 'central'),
    picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 4 }),
    outturnPercent: fc.integer({ min: 50, max: 100 }),
  });

  it('for random lot graphs: shares add up to the gram, and no ticket gives more than its net mass', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
        run++;
        await rolledBack(async (trx) => {
          const g = lotGraph(trx, `compo-run-${run}`);
          const w = await g.warehouse(coop.id, 'RND');
          const cw = await g.warehouse(central.id, 'RND', 'mill');
          const left = new Map(tickets.map((t) => [t.id, t.netGrams]));
          // lots with what is still in them, per organization and product
          const lots: { orgId: string; lotId: string; product: string; available: number; used: boolean }[] =
            [];
          let k = 0;
          const take = (available: number, percent: number) =>
            Math.max(1, Math.floor((available * percent) / 100));
          for (const s of steps) {
            k++;
            if (s.kind === 'tickets' || lots.length === 0) {
              const lotId = await g.lot(coop.id, w, `R${k}`);
              const inputs = [];
              for (const [pick, percent] of s.picks) {
                const t = tickets[pick % tickets.length]!;
                const grams = Math.min(left.get(t.id)!, take(t.netGrams, percent));
                if (grams <= 0) continue;
                left.set(t.id, left.get(t.id)! - grams);
                inputs.push({ ticketId: t.id, grams });
              }
              if (inputs.length === 0) continue;
              await g.inputs(coop.id, lotId, inputs);
              lots.push({ orgId: coop.id, lotId, product: 'parchment', available: sum(inputs), used: false });
              continue;
            }
            const orgId = s.kind === 'central' ? central.id : coop.id;
            const sources = s.picks
              .map(([pick, percent]) => ({ source: lots[pick % lots.length]!, percent }))
              .filter(
                ({ source }) => source.available > 0 && (s.kind === 'central' || source.orgId === coop.id),
              );
            const product = sources[0]?.source.product;
            const chosen = [
              ...new Map(
                sources.filter((x) => x.source.product === product).map((x) => [x.source.lotId, x]),
              ).values(),
            ];
            if (chosen.length === 0) continue;
            if (s.kind === 'milling') {
              const draws = chosen.map(({ source, percent }) => ({
                source,
                grams: take(source.available, percent),
              }));
              const millingId = await g.milling(
                coop.id,
                w,
                `RM${k}`,
                draws.map((d) => ({ lotId: d.source.lotId, grams: d.grams })),
              );
              for (const d of draws) {
                d.source.available -= d.grams;
                d.source.used = true;
              }
              const out = Math.max(1, Math.floor((sum(draws) * s.outturnPercent) / 100));
              const lotId = await g.lot(coop.id, w, `R${k}`, { product: 'green_export', origin: 'milling' });
              await g.inputs(coop.id, lotId, [{ millingId, grams: out }]);
              lots.push({ orgId: coop.id, lotId, product: 'green_export', available: out, used: false });
              continue;
            }
            const inputs = [];
            for (const { source, percent } of chosen) {
              if (source.orgId !== orgId) await g.deliver(source.orgId, source.lotId, orgId);
              const grams = take(source.available, percent);
              source.available -= grams;
              source.used = true;
              inputs.push({ sourceOrgId: source.orgId, sourceLotId: source.lotId, grams });
            }
            const lotId = await g.lot(orgId, orgId === coop.id ? w : cw, `R${k}`, {
              product: product!,
              origin: orgId === coop.id ? 'blend' : 'delivery',
            });
            await g.inputs(orgId, lotId, inputs);
            lots.push({ orgId, lotId, product: product!, available: sum(inputs), used: false });
          }

          const given = new Map<string, Fraction>();
          const probe = tickets[run % tickets.length]!.id;
          const reached = new Map(
            (await lotsReachedByTickets(trx, coop.id, [probe])).map((l) => [
              `${l.orgId}/${l.lotId}`,
              l.exact,
            ]),
          );
          for (const lot of lots) {
            const composition = await lotComposition(trx, lot.orgId, lot.lotId);
            // walking up from a ticket finds the same share as walking down from the lot
            const down = composition.tickets.find((t) => t.ticketId === probe)?.exact;
            expect(reached.get(`${lot.orgId}/${lot.lotId}`)).toEqual(down);
            const gramsIn = (
              await sql<{
                g: number;
              }>`SELECT grams_in AS g FROM lots WHERE org_id = ${lot.orgId} AND lot_id = ${lot.lotId}`.execute(
                trx,
              )
            ).rows[0]!.g;
            expect(composition.gramsIn).toBe(BigInt(gramsIn));
            expect(composition.tickets.reduce((s, t) => s + t.grams, 0n)).toBe(BigInt(gramsIn));
            for (const t of composition.tickets) {
              expect(t.grams >= 0n).toBe(true);
              // within a gram of the exact share
              expect(
                t.grams * t.exact.den <= t.exact.num + t.exact.den &&
                  (t.grams + 1n) * t.exact.den > t.exact.num,
              ).toBe(true);
            }
            // the top lots (nothing of them taken into another lot or a milling order) share out the tickets
            if (!lot.used)
              for (const t of composition.tickets)
                given.set(t.ticketId, addFractions(given.get(t.ticketId) ?? ZERO, t.exact));
          }
          for (const t of tickets) {
            const share = given.get(t.id) ?? ZERO;
            expect(less(fraction(BigInt(t.netGrams), 1n), share)).toBe(false);
          }
        });
      }),
      { numRuns: 40 },
    );
  });
});

function sum(list: readonly { grams: number }[]) {
  return list.reduce((s, x) => s + x.grams, 0);
}
