import { apportion, type Fraction } from '../lots/index.js';
import { fromGrams } from '../shared/units.js';

/**
 * Shares by mass, exact: whole grams split to the gram and basis points that add up to 10,000, both by the
 * largest remainder (the same rule as the lot's composition, lots/composition.ts).
 */

/** `grams` split into equal parts, one per key, adding up to `grams` (the first keys get the spare grams). */
export function splitEvenly(grams: bigint, keys: readonly string[]): Map<string, bigint> {
  const n = BigInt(keys.length);
  return apportion(
    grams,
    keys.map((key) => ({ key, share: { num: grams, den: n } })),
  );
}

/**
 * Basis points of `total` for each part, adding up to 10,000 when the parts add up to `total`; a part of an
 * empty total is 0.
 * @example basisPointsOf(3n, [{ key: 'a', grams: 1n }, { key: 'b', grams: 2n }]) // a: 3333, b: 6667
 */
export function basisPointsOf(
  total: bigint,
  parts: readonly { key: string; grams: bigint }[],
): Map<string, number> {
  if (total <= 0n) return new Map(parts.map((p) => [p.key, 0]));
  const sum = parts.reduce((s, p) => s + p.grams, 0n);
  const shares = parts.map((p) => ({ key: p.key, share: { num: p.grams * 10_000n, den: total } }));
  // parts that do not cover the whole (plots, when some tickets named none): the rest is nobody's
  if (sum !== total) shares.push({ key: '\u0000rest', share: { num: (total - sum) * 10_000n, den: total } });
  const bp = apportion(10_000n, shares);
  return new Map(parts.map((p) => [p.key, Number(bp.get(p.key) ?? 0n)]));
}

/** A fraction of grams rounded half up to whole grams. */
export function roundGrams(f: Fraction): bigint {
  return (2n * f.num + f.den) / (2n * f.den);
}

/** Basis points of a fraction of grams in `total`, rounded half up. */
export function basisPoints(f: Fraction, total: bigint): number {
  if (total <= 0n) return 0;
  return Number((2n * f.num * 10_000n + f.den * total) / (2n * f.den * total));
}

/** Kilograms to the gram, as the contract's `Kg` text. */
export const kg = (grams: bigint) => fromGrams(grams, 'kg', 3);
