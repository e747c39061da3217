import { divRoundHalfAwayFromZero } from './money.js';

/**
 * Mass is stored in integer grams; display units are converted only at the edges. Unit sizes are in
 * milligrams so the pound (453.59237 g, here 453 592 mg) stays an integer. Values mirror the
 * `mass_units` reference table (migrations/0001_foundation.sql; sources in REFERENCE.md §1.1).
 */
export const MASS_UNIT_MILLIGRAMS = {
  g: 1_000n,
  kg: 1_000_000n,
  t: 1_000_000_000n,
  lb: 453_592n,
  'qq-pe': 46_000_000n,
  'arroba-pe': 11_500_000n,
  'arroba-co': 12_500_000n,
  'carga-co': 125_000_000n,
  'bag-69': 69_000_000n,
  'bag-70': 70_000_000n,
  'bag-60': 60_000_000n,
} as const;

export type MassUnit = keyof typeof MASS_UNIT_MILLIGRAMS;
export const MASS_UNITS = Object.keys(MASS_UNIT_MILLIGRAMS) as MassUnit[];

/** Basis points: 1 % = 100 bp, so 11.5 % moisture is 1150. */
export type BasisPoints = number;

/**
 * Converts a quantity given as decimal text in a display unit to whole grams, rounding half away from
 * zero to the gram. @example toGrams('2.5', 'qq-pe') // 115000n
 */
export function toGrams(quantity: string, unit: MassUnit): bigint {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(quantity.trim());
  if (!match) throw new RangeError(`not a quantity: ${quantity}`);
  const [, whole = '0', fraction = ''] = match;
  const scaled = BigInt(whole + fraction.padEnd(6, '0')); // millionths of a unit
  return divRoundHalfAwayFromZero(scaled * MASS_UNIT_MILLIGRAMS[unit], 1_000_000n * 1_000n);
}

/** Grams to a display unit with `decimals` places, as text: 115000n, 'qq-pe', 2 → "2.50". */
export function fromGrams(grams: bigint, unit: MassUnit, decimals = 2): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = divRoundHalfAwayFromZero(grams * 1_000n * scale, MASS_UNIT_MILLIGRAMS[unit]);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const text =
    decimals === 0 ? `${abs}` : `${abs / scale}.${(abs % scale).toString().padStart(decimals, '0')}`;
  return negative ? `-${text}` : text;
}

/** Hectares as decimal text (up to 4 decimals) to whole square metres: '1.25' → 12500. */
export function hectaresToM2(text: string): number {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not an area in hectares: ${text}`);
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}

/** Square metres to hectares with 4 decimals: 12500 → '1.2500'. */
export function m2ToHectares(m2: number): string {
  return `${Math.floor(m2 / 10_000)}.${String(m2 % 10_000).padStart(4, '0')}`;
}
