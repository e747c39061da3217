/**
 * Outturn (*rendimiento*) of a dry milling: the green export grade it gave per gram of parchment, in
 * basis points, compared with the yields measured at intake (the sample hulled at the desk, weighed as
 * `yield_bp` on each weigh ticket). Pure: no I/O; integers only (grams and basis points, rounded half up).
 */

export interface OutturnTicket {
  /** whose coffee: the member (a key, and how to show it) */
  memberKey: string;
  memberLabel: string;
  /** grams of this ticket in the milled parchment */
  grams: number;
  yieldBp: number | null;
}

export interface OutturnLot {
  key: string;
  label: string;
  /** grams of this lot drawn into the milling */
  grams: number;
  tickets: readonly OutturnTicket[];
}

export interface OutturnLineResult {
  key: string;
  label: string;
  parchmentGrams: number;
  intakeYieldBp: number | null;
  /** real − intake: negative when the mill gave less than the desk measured */
  deltaBp: number | null;
  outlier: boolean;
}

export interface OutturnResult {
  parchmentGrams: number;
  greenExportGrams: number;
  realBp: number | null;
  intakeYieldBp: number | null;
  outlierBp: number;
  byLot: OutturnLineResult[];
  byMember: OutturnLineResult[];
}

/** a ÷ b in basis points, rounded half up; null when b is 0. */
export function ratioBp(a: number, b: number): number | null {
  if (b <= 0) return null;
  const num = BigInt(a) * 20_000n + BigInt(b);
  return Number(num / (2n * BigInt(b)));
}

/** The grams-weighted mean of the yields measured, over the tickets that have one. */
export function weightedYieldBp(
  tickets: readonly { grams: number; yieldBp: number | null }[],
): number | null {
  let weight = 0n;
  let sum = 0n;
  for (const t of tickets) {
    if (t.yieldBp === null || t.grams <= 0) continue;
    weight += BigInt(t.grams);
    sum += BigInt(t.grams) * BigInt(t.yieldBp);
  }
  if (weight === 0n) return null;
  return Number((sum * 2n + weight) / (2n * weight));
}

function line(
  key: string,
  label: string,
  parchmentGrams: number,
  intake: number | null,
  real: number | null,
  outlierBp: number,
): OutturnLineResult {
  const deltaBp = intake === null || real === null ? null : real - intake;
  return {
    key,
    label,
    parchmentGrams,
    intakeYieldBp: intake,
    deltaBp,
    outlier: deltaBp !== null && Math.abs(deltaBp) > outlierBp,
  };
}

/**
 * The order's real outturn against the intake yields, by lot and by member. A line is an outlier when
 * the real outturn is more than `outlierBp` (default 2 points) off what its tickets measured.
 */
export function computeOutturn(input: {
  parchmentGrams: number;
  greenExportGrams: number;
  lots: readonly OutturnLot[];
  outlierBp?: number;
}): OutturnResult {
  const outlierBp = input.outlierBp ?? 200;
  const realBp = ratioBp(input.greenExportGrams, input.parchmentGrams);
  const all = input.lots.flatMap((l) => l.tickets);
  const byLot = input.lots.map((l) =>
    line(l.key, l.label, l.grams, weightedYieldBp(l.tickets), realBp, outlierBp),
  );
  const members = new Map<string, { label: string; tickets: OutturnTicket[] }>();
  for (const t of all) {
    const m = members.get(t.memberKey) ?? { label: t.memberLabel, tickets: [] };
    m.tickets.push(t);
    members.set(t.memberKey, m);
  }
  const byMember = [...members]
    .map(([key, m]) =>
      line(
        key,
        m.label,
        m.tickets.reduce((s, t) => s + t.grams, 0),
        weightedYieldBp(m.tickets),
        realBp,
        outlierBp,
      ),
    )
    .sort((a, b) => Math.abs(b.deltaBp ?? 0) - Math.abs(a.deltaBp ?? 0) || a.label.localeCompare(b.label));
  return {
    parchmentGrams: input.parchmentGrams,
    greenExportGrams: input.greenExportGrams,
    realBp,
    intakeYieldBp: weightedYieldBp(all),
    outlierBp,
    byLot,
    byMember,
  };
}

/**
 * Splits `total` grams over parts in proportion to their weights, to the gram: the largest remainders
 * get the leftover grams, so the parts always add up to `total` exactly.
 */
export function apportionGrams(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) return weights.map(() => 0);
  const t = BigInt(total);
  const base = weights.map((w) => (t * BigInt(w)) / sum);
  const rest = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = Number(t - base.reduce((s, b) => s + b, 0n));
  rest.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  const out = base.map(Number);
  for (const { i } of rest) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}
