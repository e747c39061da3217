/**
 * A settlement (*liquidación*, second payment, *reintegro*), pure: what each member is due for the
 * payable mass they delivered in a period, and the deductions taken from it in the order the
 * cooperative sets, with a floor so a member always receives at least a set share of what was due
 * (REFERENCE.md §1.6, §5.4). Money in integer minor units (bigint); prices per kg in price units
 * (1/10 000 of the minor unit, as in collection/pricing.ts); mass in grams. Each member's amounts are
 * rounded once, half away from zero, then every deduction is a whole number of minor units.
 */
import { divRoundHalfAwayFromZero } from '../platform/money.js';

export const PRICE_SCALE = 10_000n;
/** The Peruvian quintal: 46 kg (REFERENCE.md §1.1). */
export const QUINTAL_GRAMS = 46_000n;

export type Deduction =
  /** Share-capital contribution per quintal of payable mass, e.g. S/ 5 per 46 kg. */
  | { kind: 'share_capital_per_qq'; perQuintalMinor: bigint }
  /** What the member owes the cooperative (advances, credit instalments), up to the balance owed. */
  | { kind: 'owed' }
  /** Services (transport, sacks): per member, as the cooperative charged them. */
  | { kind: 'services' };

/**
 * What the price per kg means. `second_payment`: an extra amount per kg on top of what each ticket
 * already paid (*reintegro*). `final_price`: the season's final price per kg, from which the value each
 * ticket was credited at delivery is subtracted; a member whose tickets were credited more than the final
 * price receives nothing for that class and is not asked to return the difference.
 */
export type PriceMode = 'second_payment' | 'final_price';

/**
 * The code a fixed deduction carries on the slip (`settlement.deduction.<code>` in the catalogue words
 * it); a service carries the code the cooperative gave it.
 */
export const DEDUCTION_CODE = {
  share_capital_per_qq: 'share_capital',
  owed: 'owed',
} as const satisfies Partial<Record<Deduction['kind'], string>>;

export interface SettlementRule {
  mode: PriceMode;
  /** Price per kg of payable mass by certification class (price units), read as `mode` says. */
  pricePerKgByClass: Readonly<Record<string, bigint>>;
  /** Applied in this order until the floor is reached. */
  deductions: readonly Deduction[];
  /** The member receives at least this share of the gross amount due, in basis points (e.g. 5000 = 50 %). */
  floorBp: number;
}

export interface MemberFacts {
  memberId: string;
  /** Payable grams delivered in the period, by certification class. */
  payableGramsByClass: Readonly<Record<string, bigint>>;
  /** What the settled tickets were credited at delivery, by class (minor units); used in `final_price`. */
  creditedMinorByClass?: Readonly<Record<string, bigint>>;
  /** Owed to the cooperative, minor units (≥ 0). */
  owedMinor: bigint;
  services: readonly { code: string; amountMinor: bigint }[];
}

export interface DeductionLine {
  kind: Deduction['kind'];
  code: string;
  /** What the rule asked for. */
  requestedMinor: bigint;
  /** What was taken, after the floor. */
  takenMinor: bigint;
}

export interface MemberSettlement {
  memberId: string;
  payableGrams: bigint;
  grossMinor: bigint;
  grossByClass: {
    certificationClass: string;
    payableGrams: bigint;
    pricePerKg: bigint;
    /** payable kg × price per kg, rounded once. */
    valueAtPriceMinor: bigint;
    /** Subtracted in `final_price`: what the tickets were credited at delivery (0 in `second_payment`). */
    alreadyCreditedMinor: bigint;
    /** What the settlement pays for the class: the value, less what was credited, never below 0. */
    amountMinor: bigint;
  }[];
  deductions: DeductionLine[];
  netMinor: bigint;
  /** The floor stopped a deduction short. */
  floorApplied: boolean;
}

export function settleMember(rule: SettlementRule, facts: MemberFacts): MemberSettlement {
  if (rule.floorBp < 0 || rule.floorBp > 10_000) throw new RangeError('floorBp must be 0–10000');
  const grossByClass = Object.entries(facts.payableGramsByClass)
    .filter(([, grams]) => grams > 0n)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([certificationClass, payableGrams]) => {
      const pricePerKg = rule.pricePerKgByClass[certificationClass] ?? 0n;
      // grams × price units per kg / (1000 g per kg × 10 000 price units per minor unit), rounded once
      const valueAtPriceMinor = divRoundHalfAwayFromZero(payableGrams * pricePerKg, 1000n * PRICE_SCALE);
      const alreadyCreditedMinor =
        rule.mode === 'final_price' ? (facts.creditedMinorByClass?.[certificationClass] ?? 0n) : 0n;
      const difference = valueAtPriceMinor - alreadyCreditedMinor;
      return {
        certificationClass,
        payableGrams,
        pricePerKg,
        valueAtPriceMinor,
        alreadyCreditedMinor,
        amountMinor: difference > 0n ? difference : 0n,
      };
    });
  const grossMinor = grossByClass.reduce((s, g) => s + g.amountMinor, 0n);
  const payableGrams = grossByClass.reduce((s, g) => s + g.payableGrams, 0n);
  // At most gross − floor can be deducted; the floor is rounded up so the member never gets less.
  const floorMinor = (grossMinor * BigInt(rule.floorBp) + 9_999n) / 10_000n;
  let room = grossMinor - floorMinor;
  let floorApplied = false;
  const deductions: DeductionLine[] = [];
  const take = (kind: Deduction['kind'], code: string, requested: bigint) => {
    const taken = requested <= room ? requested : room < 0n ? 0n : room;
    if (taken < requested) floorApplied = true;
    room -= taken;
    deductions.push({ kind, code, requestedMinor: requested, takenMinor: taken });
  };
  for (const deduction of rule.deductions) {
    if (deduction.kind === 'share_capital_per_qq') {
      take(
        'share_capital_per_qq',
        DEDUCTION_CODE.share_capital_per_qq,
        divRoundHalfAwayFromZero(payableGrams * deduction.perQuintalMinor, QUINTAL_GRAMS),
      );
    } else if (deduction.kind === 'owed') {
      if (facts.owedMinor > 0n) take('owed', DEDUCTION_CODE.owed, facts.owedMinor);
    } else {
      for (const service of facts.services)
        if (service.amountMinor > 0n) take('services', service.code, service.amountMinor);
    }
  }
  const netMinor = grossMinor - deductions.reduce((s, d) => s + d.takenMinor, 0n);
  return {
    memberId: facts.memberId,
    payableGrams,
    grossMinor,
    grossByClass,
    deductions,
    netMinor,
    floorApplied,
  };
}

export interface SettlementTotals {
  members: number;
  payableGrams: bigint;
  grossMinor: bigint;
  deductedMinor: bigint;
  netMinor: bigint;
  byDeduction: Record<string, bigint>;
}

export function totalsOf(settlements: readonly MemberSettlement[]): SettlementTotals {
  const byDeduction: Record<string, bigint> = {};
  let payableGrams = 0n;
  let grossMinor = 0n;
  let netMinor = 0n;
  for (const s of settlements) {
    payableGrams += s.payableGrams;
    grossMinor += s.grossMinor;
    netMinor += s.netMinor;
    for (const d of s.deductions) byDeduction[d.code] = (byDeduction[d.code] ?? 0n) + d.takenMinor;
  }
  return {
    members: settlements.length,
    payableGrams,
    grossMinor,
    deductedMinor: grossMinor - netMinor,
    netMinor,
    byDeduction,
  };
}

/**
 * Members whose net is far from the others' (more than `factor` times the median per kg, or nothing at
 * all after deductions): what the preview asks a person to look at before approving.
 */
export function outliers(settlements: readonly MemberSettlement[], factor = 3n): string[] {
  const perKg = settlements
    .filter((s) => s.payableGrams > 0n)
    .map((s) => ({ id: s.memberId, v: (s.netMinor * 1000n) / s.payableGrams }));
  if (perKg.length === 0) return [];
  const sorted = [...perKg].sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
  const median = sorted[Math.floor(sorted.length / 2)]!.v;
  return perKg.filter((p) => p.v === 0n || p.v > median * factor || p.v * factor < median).map((p) => p.id);
}
