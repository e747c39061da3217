/**
 * Green coffee grading, pure: defect counts → full defects → grade; the screen distribution; the out-turn.
 * Integers only (counts, grams, basis points). The database computes the same full defects and grade in
 * generated columns (migrations/0014_quality.sql); the quality domain and the web both use this file; test/api/quality.test.ts checks they agree.
 *
 * Source: SCAA Arabica Green Coffee Defect Handbook (2004, revised 2013) and the SCA Washed Arabica Green
 * Coffee Defect poster (2018): in a 350 g sample, category 1 (primary) defects — full black 1, full sour 1,
 * dried cherry/pod 1, fungus damaged 1, foreign matter 1, severe insect damage 5 — and category 2
 * (secondary) — partial black 3, partial sour 3, parchment 5, floater 5, immature 5, withered 5, shell 5,
 * broken/chipped/cut 5, hull/husk 5, slight insect damage 10 — beans (or items) make one full defect.
 * Each kind's count is divided by its equivalent and rounded down, as the handbook's table reads.
 */

export const PRIMARY_DEFECTS = {
  full_black: 1,
  full_sour: 1,
  dried_cherry: 1,
  fungus_damaged: 1,
  foreign_matter: 1,
  severe_insect: 5,
} as const;
export const SECONDARY_DEFECTS = {
  partial_black: 3,
  partial_sour: 3,
  parchment: 5,
  floater: 5,
  immature: 5,
  withered: 5,
  shell: 5,
  broken: 5,
  hull_husk: 5,
  slight_insect: 10,
} as const;
export type PrimaryDefect = keyof typeof PRIMARY_DEFECTS;
export type SecondaryDefect = keyof typeof SECONDARY_DEFECTS;
export type DefectKind = PrimaryDefect | SecondaryDefect;
export const DEFECT_KINDS = [
  ...Object.keys(PRIMARY_DEFECTS),
  ...Object.keys(SECONDARY_DEFECTS),
] as DefectKind[];
export type DefectCounts = Partial<Record<DefectKind, number>>;

export const GRADES = ['specialty', 'premium', 'exchange', 'below_standard', 'off_grade'] as const;
export type Grade = (typeof GRADES)[number];

export interface FullDefects {
  primary: number;
  secondary: number;
  total: number;
}

function sumEquivalents(counts: DefectCounts, table: Record<string, number>): number {
  let sum = 0;
  for (const [kind, beansPerDefect] of Object.entries(table)) {
    const count = counts[kind as DefectKind] ?? 0;
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`${kind}: a count of beans`);
    sum += Math.floor(count / beansPerDefect);
  }
  return sum;
}

/** @example fullDefects({ partial_black: 7, floater: 5 }) → { primary: 0, secondary: 3, total: 3 } */
export function fullDefects(counts: DefectCounts): FullDefects {
  const primary = sumEquivalents(counts, PRIMARY_DEFECTS);
  const secondary = sumEquivalents(counts, SECONDARY_DEFECTS);
  return { primary, secondary, total: primary + secondary };
}

/**
 * The grade of a 350 g sample from its full defects: specialty with no primary defect and at most 5 full
 * defects; premium up to 8; exchange 9–23; below standard 24–86; off grade above 86.
 */
export function gradeOf(defects: FullDefects): Grade {
  if (defects.primary === 0 && defects.total <= 5) return 'specialty';
  if (defects.total <= 8) return 'premium';
  if (defects.total <= 23) return 'exchange';
  if (defects.total <= 86) return 'below_standard';
  return 'off_grade';
}

export const SCREENS = ['19', '18', '17', '16', '15', '14', 'under_14'] as const;
export type Screen = (typeof SCREENS)[number];
export type ScreenGrams = Partial<Record<Screen, number>>;

/**
 * Each screen's share of the portion in basis points, by largest remainders so the shares of the screens
 * weighed add up exactly to their share of the portion (what fell through a lost screen is not invented).
 * @example screenShares({ '18': 175, '17': 175 }, 350) → { '18': 5000, '17': 5000, … 0 }
 */
export function screenShares(grams: ScreenGrams, portionGrams: number): Record<Screen, number> {
  if (!Number.isSafeInteger(portionGrams) || portionGrams <= 0) throw new RangeError('portion');
  const weighed = SCREENS.reduce((sum, s) => sum + (grams[s] ?? 0), 0);
  if (weighed > portionGrams) throw new RangeError('the screens hold more than the portion');
  const target = Math.floor((weighed * 10_000) / portionGrams);
  const exact = SCREENS.map((s) => (grams[s] ?? 0) * 10_000);
  const shares = exact.map((x) => Math.floor(x / portionGrams));
  let left = target - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x % portionGrams }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return Object.fromEntries(SCREENS.map((s, i) => [s, shares[i]!])) as Record<Screen, number>;
}

/** The screen most of the portion rests on (ties to the larger screen), or null when nothing was weighed. */
export function mainScreen(grams: ScreenGrams): Screen | null {
  let best: Screen | null = null;
  for (const s of SCREENS) if ((grams[s] ?? 0) > 0 && (best === null || grams[s]! > grams[best]!)) best = s;
  return best;
}

/**
 * Out-turn (rendimiento) of husked parchment: green grams per parchment gram in basis points, rounded
 * down. @example outTurnBp(300, 234) → 7800
 */
export function outTurnBp(parchmentGrams: number, greenGrams: number): number {
  if (parchmentGrams <= 0 || greenGrams < 0 || greenGrams > parchmentGrams) throw new RangeError('out-turn');
  return Math.floor((greenGrams * 10_000) / parchmentGrams);
}
