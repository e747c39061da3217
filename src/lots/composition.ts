import { sql } from 'kysely';
import type { Executor } from '../platform/db/transaction.js';

/**
 * The composition of a lot: which weigh tickets its grams come from, and how many grams of the lot each one
 * stands for (ADR 0055).
 *
 * A lot is a homogeneous blend, so what a source gives is spread evenly over everything that source holds:
 * - a ticket (or part of it) put into lot L with x grams stands for x / L.grams_in of L;
 * - a source lot S (the organization's own, or a cooperative's lot delivered to this central) taken into L
 *   with x grams stands for x / L.grams_in of L, and that share is spread over S's own inputs by
 *   (each input's grams ÷ S.grams_in);
 * - a milling order's output put into L with g grams stands for g / L.grams_in of L, spread over the lots
 *   the order drew (`lot_draws` kind 'milling') by (each draw's grams ÷ the order's grams_in).
 *
 * The walk is one recursive query. Every weight is an exact fraction num/den of numeric integers (no float,
 * no rounded division); the sum of the fractions of all tickets is exactly the lot's grams_in because every
 * lot's inputs add up to its grams_in and every milling order's draws to its grams_in (the triggers of
 * migrations/0013_lots.sql keep both). The grams per ticket are then rounded to whole grams by the largest
 * remainder, so they add up to the lot's grams_in to the gram.
 *
 * A ticket's equivalent grams are grams *of the lot* (green after milling, say), not of the ticket's own
 * coffee state: 1 kg of parchment milled into 800 g of green stands for 800 g of a green lot.
 */

/** One path from the lot down to a ticket or to a lot inside it: its weight as an exact fraction. */
interface WalkRow {
  kind: 'ticket' | 'lot' | 'top';
  org_id: string;
  id: string;
  /** numeric integers as text (pg returns numeric as text; platform/db/connect.ts). */
  num: string;
  den: string;
  depth: number;
}

/** A ticket in the lot and the grams of the lot it stands for. */
export interface TicketShare {
  /** The ticket's organization: a central's export lot holds its cooperatives' tickets. */
  orgId: string;
  ticketId: string;
  /** Whole grams of the lot; all tickets' grams add up to the lot's grams_in. */
  grams: bigint;
  /** The exact share before rounding, as a reduced fraction of grams. */
  exact: Fraction;
}

/** A lot inside the lot (a source lot, or a lot drawn into a milling order whose output went in). */
export interface LotShare {
  orgId: string;
  lotId: string;
  /** How far below the lot (1: a direct input). The shallowest when it is reached by several paths. */
  depth: number;
  /** Grams of the top lot it stands for, exact (a lot reached by several paths: their sum). */
  exact: Fraction;
}

export interface LotComposition {
  orgId: string;
  lotId: string;
  gramsIn: bigint;
  tickets: TicketShare[];
  lots: LotShare[];
}

/** An exact non-negative fraction of bigints, reduced, den > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** num/den reduced. */
export function fraction(num: bigint, den: bigint): Fraction {
  if (den <= 0n) throw new RangeError('a fraction needs a positive denominator');
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

/**
 * Whole parts that add up to `total` exactly, from exact shares that add up to `total` (largest remainder,
 * Hamilton's method): each share is rounded down, and the grams left over go one each to the largest
 * remainders; ties go to the earlier key, so the result is deterministic.
 *
 * @example apportion(3n, [{key:'a', share:{num:3n,den:2n}}, {key:'b', share:{num:3n,den:2n}}]) // a: 2, b: 1
 */
export function apportion(
  total: bigint,
  shares: readonly { key: string; share: Fraction }[],
): Map<string, bigint> {
  const rows = shares.map(({ key, share }) => {
    const whole = share.num / share.den;
    return { key, whole, remainder: { num: share.num - whole * share.den, den: share.den } };
  });
  let left = total - rows.reduce((sum, r) => sum + r.whole, 0n);
  if (left < 0n || left > BigInt(rows.length)) {
    throw new RangeError(`shares do not add up to ${total}`);
  }
  const order = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      // a.rem > b.rem  ⇔  a.num * b.den > b.num * a.den
      const diff = b.r.remainder.num * a.r.remainder.den - a.r.remainder.num * b.r.remainder.den;
      if (diff !== 0n) return diff > 0n ? 1 : -1;
      return a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : 0;
    });
  const result = new Map<string, bigint>();
  for (const { r } of order) {
    const extra = left > 0n ? 1n : 0n;
    left -= extra;
    result.set(r.key, r.whole + extra);
  }
  return result;
}

/**
 * The recursive walk, bare: every path from the lot to a ticket or a lot inside it with its exact weight.
 * Exported for the bench (the baseline the trace is compared with).
 */
export function walkLotQuery(db: Executor, orgId: string, lotId: string) {
  return sql<WalkRow>`
    WITH RECURSIVE walk (org_id, lot_id, num, den, depth, path) AS (
      SELECT l.org_id, l.lot_id, l.grams_in::numeric, 1::numeric, 0, ARRAY[l.lot_id]
      FROM lots l WHERE l.org_id = ${orgId} AND l.lot_id = ${lotId} AND l.grams_in > 0
      UNION ALL
      SELECT coalesce(i.source_org_id, d.org_id), coalesce(i.source_lot_id, d.lot_id),
             CASE WHEN i.source_lot_id IS NOT NULL THEN w.num * i.grams ELSE w.num * i.grams * d.grams END,
             CASE WHEN i.source_lot_id IS NOT NULL THEN w.den * p.grams_in ELSE w.den * p.grams_in * m.grams_in END,
             w.depth + 1, w.path || coalesce(i.source_lot_id, d.lot_id)
      FROM walk w
      JOIN lots p ON p.org_id = w.org_id AND p.lot_id = w.lot_id
      JOIN lot_inputs i ON i.org_id = w.org_id AND i.lot_id = w.lot_id AND i.ticket_id IS NULL
      LEFT JOIN milling_orders m ON m.org_id = i.org_id AND m.milling_id = i.milling_id
      LEFT JOIN lot_draws d ON d.org_id = m.org_id AND d.milling_id = m.milling_id AND d.kind = 'milling'
      WHERE (i.source_lot_id IS NOT NULL OR d.draw_id IS NOT NULL)
        -- a lot never holds itself; the guard keeps a malformed graph from walking forever
        AND NOT coalesce(i.source_lot_id, d.lot_id) = ANY (w.path) AND w.depth < 32
    )
    SELECT 'ticket' AS kind, w.org_id, i.ticket_id AS id, (w.num * i.grams)::text AS num,
           (w.den * p.grams_in)::text AS den, w.depth + 1 AS depth
    FROM walk w
    JOIN lots p ON p.org_id = w.org_id AND p.lot_id = w.lot_id
    JOIN lot_inputs i ON i.org_id = w.org_id AND i.lot_id = w.lot_id AND i.ticket_id IS NOT NULL
    UNION ALL
    SELECT CASE WHEN w.depth = 0 THEN 'top' ELSE 'lot' END, w.org_id, w.lot_id, w.num::text, w.den::text, w.depth
    FROM walk w`.execute(db);
}

/**
 * The composition of a lot down to its tickets, with each ticket's share of the lot in whole grams adding up
 * to the lot's grams_in. Reads across organizations (a central's export lot holds cooperatives' lots): the
 * caller decides what of it the actor may see.
 */
export async function lotComposition(db: Executor, orgId: string, lotId: string): Promise<LotComposition> {
  const rows = (await walkLotQuery(db, orgId, lotId)).rows;
  const tickets = new Map<string, { orgId: string; ticketId: string; exact: Fraction }>();
  const lots = new Map<string, { orgId: string; lotId: string; depth: number; exact: Fraction }>();
  let gramsIn = 0n;
  for (const row of rows) {
    if (row.kind === 'top') {
      gramsIn = BigInt(row.num);
      continue;
    }
    const share = fraction(BigInt(row.num), BigInt(row.den));
    const key = `${row.org_id}/${row.id}`;
    if (row.kind === 'ticket') {
      const seen = tickets.get(key);
      if (seen) seen.exact = addFractions(seen.exact, share);
      else tickets.set(key, { orgId: row.org_id, ticketId: row.id, exact: share });
    } else {
      const seen = lots.get(key);
      if (seen) {
        seen.exact = addFractions(seen.exact, share);
        seen.depth = Math.min(seen.depth, Number(row.depth));
      } else lots.set(key, { orgId: row.org_id, lotId: row.id, depth: Number(row.depth), exact: share });
    }
  }
  // The exact shares add up to grams_in (apportion refuses them otherwise: a graph the triggers did not keep).
  const grams = apportion(
    gramsIn,
    [...tickets.entries()].map(([key, t]) => ({ key, share: t.exact })),
  );
  return {
    orgId,
    lotId,
    gramsIn,
    tickets: [...tickets.entries()]
      .map(([key, t]) => ({ ...t, grams: grams.get(key) ?? 0n }))
      .sort((a, b) => (b.grams > a.grams ? 1 : b.grams < a.grams ? -1 : a.ticketId < b.ticketId ? -1 : 1)),
    lots: [...lots.values()].sort((a, b) => a.depth - b.depth || (a.lotId < b.lotId ? -1 : 1)),
  };
}

/** A lot some of the given tickets' coffee went into, and the grams of that lot it stands for. */
export interface LotReached {
  orgId: string;
  lotId: string;
  code: string;
  product: string;
  status: string;
  /** How far above the tickets (1: the tickets went straight in). The shallowest when reached by several paths. */
  depth: number;
  /** Grams of that lot that come from the tickets, exact. */
  exact: Fraction;
}

/**
 * The other way: every lot the tickets' coffee went into, walking up from the tickets through blends,
 * deliveries to a central and milling orders, with the grams of each lot that come from them (the same
 * homogeneous-blend shares as `lotComposition`).
 */
export async function lotsReachedByTickets(
  db: Executor,
  orgId: string,
  ticketIds: readonly string[],
): Promise<LotReached[]> {
  if (ticketIds.length === 0) return [];
  const rows = await sql<{
    org_id: string;
    lot_id: string;
    code: string;
    product: string;
    status: string;
    num: string;
    den: string;
    depth: number;
  }>`
    WITH RECURSIVE up (org_id, lot_id, num, den, depth) AS (
      SELECT i.org_id, i.lot_id, sum(i.grams)::numeric, 1::numeric, 1
      FROM lot_inputs i WHERE i.org_id = ${orgId} AND i.ticket_id = ANY (${[...ticketIds]}::uuid[])
      GROUP BY i.org_id, i.lot_id
      UNION ALL
      SELECT s.org_id, s.lot_id, u.num * s.num, u.den * s.den, u.depth + 1
      FROM up u
      JOIN lots l ON l.org_id = u.org_id AND l.lot_id = u.lot_id
      -- taken into another lot (x grams of L: x / L.grams_in of it), or drawn into a milling order whose
      -- output went into a lot (d grams of L into the order, g of its output into the lot)
      CROSS JOIN LATERAL (
        SELECT n.org_id, n.lot_id, n.grams::numeric AS num, l.grams_in::numeric AS den
        FROM lot_inputs n WHERE n.source_org_id = u.org_id AND n.source_lot_id = u.lot_id
        UNION ALL
        SELECT n.org_id, n.lot_id, d.grams::numeric * n.grams, l.grams_in::numeric * m.grams_in
        FROM lot_draws d
        JOIN milling_orders m ON m.org_id = d.org_id AND m.milling_id = d.milling_id
        JOIN lot_inputs n ON n.org_id = m.org_id AND n.milling_id = m.milling_id
        WHERE d.org_id = u.org_id AND d.lot_id = u.lot_id AND d.kind = 'milling'
      ) s
      WHERE u.depth < 32
    )
    SELECT u.org_id, u.lot_id, l.code, l.product, l.status, u.num::text AS num, u.den::text AS den, u.depth
    FROM up u JOIN lots l ON l.org_id = u.org_id AND l.lot_id = u.lot_id`.execute(db);
  const reached = new Map<string, LotReached>();
  for (const row of rows.rows) {
    const key = `${row.org_id}/${row.lot_id}`;
    const share = fraction(BigInt(row.num), BigInt(row.den));
    const seen = reached.get(key);
    if (seen) {
      seen.exact = addFractions(seen.exact, share);
      seen.depth = Math.min(seen.depth, Number(row.depth));
    } else
      reached.set(key, {
        orgId: row.org_id,
        lotId: row.lot_id,
        code: row.code,
        product: row.product,
        status: row.status,
        depth: Number(row.depth),
        exact: share,
      });
  }
  return [...reached.values()].sort((a, b) => a.depth - b.depth || a.code.localeCompare(b.code));
}
