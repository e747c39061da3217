/**
 * What a green-coffee sales contract is worth: pure, exact, rounded at named points only.
 *
 * Prices are integers in *price units*: ten-thousandths of the currency's minor unit, i.e. millionths of
 * a US dollar (the collection price rules' PRICE_SCALE, read and written with collection's
 * parsePricePerKg/formatPricePerKg). A price is per pound or per kilogram, as the contract states it:
 * US$ 1.85/lb = 1 850 000 units/lb; a differential of −5.25 US¢/lb = −52 500 units/lb; a New York "C"
 * level of 352.45 US¢/lb = 3 524 500 units/lb.
 *
 *   value of g grams at p units/lb = g × p × 10^m / 453 592 370      (minor units, m = 2 for US$)
 *   value of g grams at p units/kg = g × p × 10^m / 10^9
 *
 * The pound is exactly 0.453 592 37 kg (1959), so both are exact rationals. Roundings, half away from
 * zero (ARCHITECTURE.md, Money), and only these:
 *   1. the goods' value of a shipment, once, over all its priced slices (never per slice or per bag);
 *   2. the Fairtrade premium of a shipment, once, on its net grams;
 *   3. a per-lb ↔ per-kg conversion shown to a person or stored, to the price unit (10^-6 US$);
 *   4. a conversion of a US$ amount to the organization's currency, to the minor unit.
 * A per-lb price taken to per-kg and back returns the same price unit: the per-kg figure is 2.2 times
 * finer, so its half-unit rounding error shrinks below half a unit on the way back (price.test.ts).
 *
 * Fairtrade (REFERENCE §2.1, Fairtrade Coffee Standard): on a Fairtrade contract the price is
 *   max(market, minimum) [+ organic differential when the coffee is organic Fairtrade] + premium,
 * where market = the fixed price, or C + differential; the premium goes into the cooperative's premium
 * fund, not its revenue. The figures come from the effective-dated table `fairtrade_price_terms`.
 */
import { divRoundHalfAwayFromZero, parseMoney } from '../platform/money.js';

/** The international avoirdupois pound in micrograms (exact by definition, 1959). */
export const POUND_MICROGRAMS = 453_592_370n;
const KG_MICROGRAMS = 1_000_000_000n;
/** Micrograms per gram. */
const MICRO = 1_000_000n;
/** Price units (millionths of the major unit) per minor unit, for a two-decimal currency. */
export const UNITS_PER_MINOR = 10_000n;

export type PriceBasis = 'lb' | 'kg';

/** An exact amount in minor units: numerator / denominator (denominator > 0). */
export interface Exact {
  n: bigint;
  d: bigint;
}

/** Decimal text in US cents per lb ("-5.25", "352.45") → price units per lb; at most 4 decimals. */
export function parseCentsPerLb(text: string): bigint {
  return parseMoney(text, { code: 'USc/lb', minorUnits: 4 });
}

/** Price units → US cents as decimal text with up to 4 decimals, trailing zeros trimmed to 2. */
export function formatCents(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / 10_000n;
  let fraction = (abs % 10_000n).toString().padStart(4, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Price units per lb → per kg, rounded half away from zero to the price unit (rounding 3). */
export function perLbToPerKg(unitsPerLb: bigint): bigint {
  return divRoundHalfAwayFromZero(unitsPerLb * KG_MICROGRAMS, POUND_MICROGRAMS);
}

/** Price units per kg → per lb, rounded half away from zero to the price unit (rounding 3). */
export function perKgToPerLb(unitsPerKg: bigint): bigint {
  return divRoundHalfAwayFromZero(unitsPerKg * POUND_MICROGRAMS, KG_MICROGRAMS);
}

/** The exact value in minor units of `grams` at `units` per lb or per kg (not rounded). */
export function exactValue(grams: bigint, units: bigint, basis: PriceBasis): Exact {
  // grams × 10^6 µg/g ÷ (µg per basis) = quantity in the basis; × units ÷ UNITS_PER_MINOR = minor units
  return {
    n: grams * MICRO * units,
    d: (basis === 'lb' ? POUND_MICROGRAMS : KG_MICROGRAMS) * UNITS_PER_MINOR,
  };
}

export function addExact(a: Exact, b: Exact): Exact {
  return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export const roundExact = (x: Exact): bigint => divRoundHalfAwayFromZero(x.n, x.d);

/** The Fairtrade figures in force for a contract, per lb (fairtrade_price_terms). */
export interface FairtradeTerms {
  minimumPerLb: bigint;
  premiumPerLb: bigint;
  organicDifferentialPerLb: bigint;
}

/** Who the Fairtrade terms apply to, from the contract's certification class. */
export function fairtradeApplies(certificationClass: string): { fairtrade: boolean; organic: boolean } {
  return {
    fairtrade: certificationClass === 'fairtrade' || certificationClass === 'organic_fairtrade',
    organic: certificationClass === 'organic_fairtrade',
  };
}

/**
 * The price of the goods per lb on a Fairtrade contract: the market price, floored at the minimum, plus
 * the organic differential for organic Fairtrade coffee. The premium is not in it (it is the fund's).
 * Without Fairtrade terms the market price is the price.
 */
export function goodsPricePerLb(
  marketPerLb: bigint,
  terms: FairtradeTerms | null,
  certificationClass: string,
): bigint {
  const applies = fairtradeApplies(certificationClass);
  if (!terms || !applies.fairtrade) return marketPerLb;
  const floored = marketPerLb < terms.minimumPerLb ? terms.minimumPerLb : marketPerLb;
  return floored + (applies.organic ? terms.organicDifferentialPerLb : 0n);
}

/** A fixation: `grams` of a to-be-fixed contract priced at the "C" `levelPerLb`, in the order given. */
export interface Fixation {
  grams: bigint;
  levelPerLb: bigint;
}

/** A part of a shipment and its market price per lb. */
export interface PricedSlice {
  grams: bigint;
  marketPerLb: bigint;
}

/** The smaller of two bigints (Math.min takes numbers only). */
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);

export class UnfixedError extends Error {
  constructor(readonly missingGrams: bigint) {
    super(`${missingGrams} g of the shipment have no price fixed`);
  }
}

/**
 * The slices of a shipment of a to-be-fixed contract: the contract's shipments take its fixations in
 * order (first fixed, first shipped); `shippedBefore` grams were taken by earlier shipments. Each slice's
 * market price is its fixation's level plus the contract's differential. Throws UnfixedError when the
 * fixations do not cover the shipment.
 */
export function fixedSlices(
  fixations: readonly Fixation[],
  differentialPerLb: bigint,
  shippedBefore: bigint,
  grams: bigint,
): PricedSlice[] {
  const slices: PricedSlice[] = [];
  let skip = shippedBefore;
  let need = grams;
  for (const f of fixations) {
    if (need === 0n) break;
    let available = f.grams;
    if (skip > 0n) {
      const skipped = minOf(skip, available);
      available -= skipped;
      skip -= skipped;
    }
    if (available <= 0n) continue;
    const take = minOf(available, need);
    slices.push({ grams: take, marketPerLb: f.levelPerLb + differentialPerLb });
    need -= take;
  }
  if (need > 0n) throw new UnfixedError(need);
  return slices;
}

export interface ShipmentValue {
  /** Minor units: the goods (revenue), the Fairtrade premium (the fund's), and their sum (receivable). */
  goodsMinor: bigint;
  premiumMinor: bigint;
  totalMinor: bigint;
}

/**
 * The value of a shipment: each slice's goods price (Fairtrade floor and organic differential applied
 * per slice), summed exactly and rounded once; the premium on the shipment's grams, rounded once.
 * `fixedPrice` is a fixed-price contract's price in its own basis; otherwise `slices` come from
 * fixedSlices. A fixed price per kg is valued per kg when no Fairtrade terms apply (no conversion at
 * all); with Fairtrade terms it is compared with the minimum per lb, exactly.
 */
export function shipmentValue(input: {
  grams: bigint;
  certificationClass: string;
  terms: FairtradeTerms | null;
  fixedPrice?: { units: bigint; basis: PriceBasis };
  slices?: readonly PricedSlice[];
}): ShipmentValue {
  const applies = fairtradeApplies(input.certificationClass);
  const terms = applies.fairtrade ? input.terms : null;
  let goods: Exact = { n: 0n, d: 1n };
  if (input.fixedPrice) {
    const { units, basis } = input.fixedPrice;
    if (!terms) goods = exactValue(input.grams, units, basis);
    else {
      // compare exactly: units/kg × 0.45359237 vs the minimum per lb, i.e. units × POUND vs minimum × KG
      const perLbScaled = basis === 'lb' ? units * KG_MICROGRAMS : units * POUND_MICROGRAMS;
      const floorScaled = terms.minimumPerLb * KG_MICROGRAMS;
      if (perLbScaled >= floorScaled) goods = exactValue(input.grams, units, basis);
      else goods = exactValue(input.grams, terms.minimumPerLb, 'lb');
      if (applies.organic)
        goods = addExact(goods, exactValue(input.grams, terms.organicDifferentialPerLb, 'lb'));
    }
  } else {
    for (const s of input.slices ?? [])
      goods = addExact(
        goods,
        exactValue(s.grams, goodsPricePerLb(s.marketPerLb, terms, input.certificationClass), 'lb'),
      );
  }
  const goodsMinor = roundExact(goods);
  const premiumMinor = terms ? roundExact(exactValue(input.grams, terms.premiumPerLb, 'lb')) : 0n;
  return { goodsMinor, premiumMinor, totalMinor: goodsMinor + premiumMinor };
}

/** Exchange rates are decimal text with up to 6 decimals, kept in millionths: "3.7525" → 3 752 500n. */
export function parseRateMicro(text: string): bigint {
  return parseMoney(text, { code: 'rate', minorUnits: 6 });
}

/** An amount in one currency's minor units at a rate (millionths), rounded half away from zero (rounding 4). */
export function convertMinor(minor: bigint, rateMicro: bigint): bigint {
  return divRoundHalfAwayFromZero(minor * rateMicro, 1_000_000n);
}
