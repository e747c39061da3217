/**
 * Cupping arithmetic, pure, in integer hundredths of a point.
 *
 * SCA cupping form (SCAA Protocols, Cupping Specialty Coffee, 2004; revised 2015): fragrance/aroma,
 * flavor, aftertaste, acidity, body, balance and overall from 6.00 to 10.00 in quarter points;
 * uniformity, clean cup and sweetness 2 points per cup over 5 cups; the total is their sum (at most 100);
 * defects subtract 2 points per tainted cup and 4 per faulty cup; final = total − defects.
 */

export const QUARTER_ATTRIBUTES = [
  'fragrance',
  'flavor',
  'aftertaste',
  'acidity',
  'body',
  'balance',
  'overall',
] as const;
export type QuarterAttribute = (typeof QUARTER_ATTRIBUTES)[number];
export const CUP_ATTRIBUTES = ['uniformCups', 'cleanCups', 'sweetCups'] as const;
export type CupAttribute = (typeof CUP_ATTRIBUTES)[number];

export const MIN_SCORE = 600;
export const MAX_SCORE = 1000;
export const STEP = 25;
export const CUPS = 5;

export type CuppingScore = Record<QuarterAttribute, number> &
  Record<CupAttribute, number> & { taintCups: number; faultCups: number };

/** What is wrong with a score, as field names; empty when it is a valid SCA 2004 score. */
export function scoreProblems(s: CuppingScore): string[] {
  const problems: string[] = [];
  for (const a of QUARTER_ATTRIBUTES) {
    const v = s[a];
    if (!Number.isSafeInteger(v) || v < MIN_SCORE || v > MAX_SCORE || v % STEP !== 0) problems.push(a);
  }
  for (const a of [...CUP_ATTRIBUTES, 'taintCups', 'faultCups'] as const) {
    const v = s[a];
    if (!Number.isSafeInteger(v) || v < 0 || v > CUPS) problems.push(a);
  }
  if (s.taintCups + s.faultCups > CUPS) problems.push('faultCups');
  return problems;
}

/** The total before defects, in hundredths. */
export function totalScore(s: CuppingScore): number {
  const quarters = QUARTER_ATTRIBUTES.reduce((sum, a) => sum + s[a], 0);
  return quarters + 200 * (s.uniformCups + s.cleanCups + s.sweetCups);
}

/** Defect points, in hundredths: a taint 2 points per cup, a fault 4. */
export const defectPoints = (s: Pick<CuppingScore, 'taintCups' | 'faultCups'>) =>
  200 * s.taintCups + 400 * s.faultCups;

/** @example finalScore(all 8.00, 5 cups each, no defects) → 8600 (86.00) */
export const finalScore = (s: CuppingScore) => totalScore(s) - defectPoints(s);

/** One step up or down in quarter points, kept within 6.00–10.00 (the tablet's arrow keys and +/-). */
export function stepQuarter(value: number, direction: 1 | -1): number {
  const snapped = Math.round(value / STEP) * STEP;
  return Math.min(MAX_SCORE, Math.max(MIN_SCORE, snapped + direction * STEP));
}

export interface ScoreSummary {
  count: number;
  /** Mean in hundredths, rounded half up. */
  mean: number;
  min: number;
  max: number;
  spread: number;
  /**
   * Population standard deviation in hundredths, rounded down: floor(sqrt(n·Σx² − (Σx)²) / n), computed
   * with BigInt and an integer square root, so it is exact to the hundredth (no float).
   */
  stdDev: number;
}

function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('negative');
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

/** The cuppers' final scores of one sample or lot: mean, spread and standard deviation, all integers. */
export function summarize(scores: readonly number[]): ScoreSummary | null {
  if (scores.length === 0) return null;
  const n = BigInt(scores.length);
  let sum = 0n;
  let squares = 0n;
  for (const s of scores) {
    sum += BigInt(s);
    squares += BigInt(s) * BigInt(s);
  }
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  // sd = sqrt(n Σx² − (Σx)²) / n; floor(floor(sqrt(v)) / n) = floor(sqrt(v) / n)
  const stdDev = Number(isqrt(n * squares - sum * sum) / n);
  const mean = Number((2n * sum + n) / (2n * n));
  return { count: scores.length, mean, min, max, spread: max - min, stdDev };
}

/**
 * Three distinct random codes 101–999 for a session's samples (cuppers see only these). `random` is
 * injected so tests are deterministic.
 */
export function blindCodes(count: number, random: () => number): string[] {
  if (count > 899) throw new RangeError('at most 899 samples in a session');
  const codes = new Set<string>();
  while (codes.size < count) codes.add(String(101 + Math.floor(random() * 899)));
  return [...codes];
}
