/**
 * The price of a weigh ticket (*ticket de acopio*): pure, exact, rounded once.
 *
 * Every figure is an exact rational of bigints; the only rounding is of the ticket's value, half away
 * from zero to the currency's minor unit, at the very end (ARCHITECTURE.md "Data rules"). Rounding the
 * payable mass or the unit price first would move the value by several minor units (see the Peruvian
 * example in pricing.test.ts: 5 céntimos on a 230 kg delivery).
 *
 *   value      = round( payableKg × unitPrice )                                   — the one rounding
 *   payableKg  = netKg × (100 − H) / (100 − Href)   when H > Href, else netKg      — moisture, §1.3
 *   unitPrice  = max(0, base + yieldAdjustment + Σ certification premiums + cup premium)
 *   yieldAdjustment
 *     points:  (Y − Yref) in percentage points × rate per point (rate below Yref may differ)
 *              — Peruvian *rendimiento*; reference, rate and schedule are the cooperative's (§1.3)
 *     factor:  base × (FRref / FR − 1), i.e. the base becomes base × 94 / FR
 *              — Colombian *factor de rendimiento*, FNC pays price × (94 / FR) (§1.3)
 *   base       = a fixed price per kg, or derived from the market (§1.5, §2.1):
 *                max(C + differential, minimum) [US¢/lb of green, FOB]
 *                × exchange rate [local per USD] ÷ 0.45359237 [kg per lb]
 *                × greenKg / purchasedKg [green obtained per kg bought] − costs per kg
 *   cup premium = the premium of the highest tier whose threshold the score reaches (tiers do not add).
 *
 * H, Href, Y, Yref in basis points (1150 = 11.50 %), FR and cup scores in hundredths (9200 = 92.00,
 * 8350 = 83.50), masses in integer grams, money in bigint minor units, prices per kg in *price units*
 * (PRICE_SCALE below). References are to docs/reference.md.
 */
import type { Currency } from '../platform/money.js';
import { divRoundHalfAwayFromZero, formatMoney, parseMoney } from '../platform/money.js';
import type { BasisPoints } from '../platform/units.js';
import { fromGrams } from '../platform/units.js';

/**
 * Prices per kg are integers in ten-thousandths of the currency's minor unit ("price units"), so a
 * cooperative can state S/ 12.3456/kg or an adjustment of S/ 0.0025 per point exactly:
 * S/ 12.3456/kg = 1 234.56 céntimos/kg = 12 345 600 price units. For 2-decimal currencies a price unit
 * is a millionth of the major unit. Use parsePricePerKg / formatPricePerKg at the edges.
 */
export const PRICE_SCALE = 10_000n;

/**
 * The international avoirdupois pound, exactly 0.453 592 37 kg (1959), in micrograms. Not
 * `MASS_UNIT_MILLIGRAMS.lb` of units.ts: that is rounded to 453.592 g (0.8 ppm off), which is fine
 * for weighing and not for converting a US¢/lb price that is then multiplied by tonnes.
 */
export const POUND_MICROGRAMS = 453_592_370n;

/** One "point" of the coffee trade is 0.01 US¢/lb (the Colombian premium "~400 points", §1.5). */
const POINTS_PER_USD = 10_000n;
const MICRO = 1_000_000n;
const BP_PER_POINT = 100n; // basis points in one percentage point
const BP_WHOLE = 10_000n; // 100 % in basis points
const MIN_FACTOR = 7_000; // FR = sample ÷ excelso × 70 ≥ 70.00: excelso cannot outweigh its sample

/** Decimal text of a price per kg ("12.3456") → price units; at most minorUnits + 4 decimals. */
export function parsePricePerKg(text: string, currency: Currency): bigint {
  return parseMoney(text, { code: `${currency.code}/kg`, minorUnits: currency.minorUnits + 4 });
}

/** Price units → decimal text in the major unit with minorUnits + 4 decimals: 12345600n → "12.345600". */
export function formatPricePerKg(units: bigint, currency: Currency): string {
  return formatMoney(units, { code: currency.code, minorUnits: currency.minorUnits + 4 });
}

// ---------------------------------------------------------------------------------------------------
// Configuration (the cooperative's, effective-dated by the caller) and the ticket's facts

export interface FixedBase {
  kind: 'fixed';
  /** Price units per kg of the coffee bought (e.g. dry parchment; Colombia: CPS at the base FR). */
  pricePerKg: bigint;
}

/**
 * Base price from the ICE "C" (REFERENCE §1.5): the FOB value of the green coffee a kg of the bought
 * coffee yields, in local currency, less the costs the cooperative keeps (export, milling, finance,
 * administration). Set greenKg/purchasedKg to the *reference* yield when a points yield rule pays the
 * deviations (e.g. 78/100); to 70/94 for FNC-style CPS (94 kg CPS → 70 kg excelso); 46/55 for the
 * "55 kg parchment ≈ 46 kg green" quintal.
 */
export interface MarketBase {
  kind: 'market';
  /** Quality/origin differential over the "C", in points (0.01 US¢/lb); negative for a discount. */
  differentialPoints: bigint;
  /** kg of green per `purchasedKg` kg of the coffee bought; positive integers, greenKg ≤ purchasedKg. */
  greenKg: number;
  purchasedKg: number;
  /** Price units per kg bought, kept by the cooperative; ≥ 0. */
  costsPerKg: bigint;
  /**
   * A floor on C + differential for coffee of one certification class, e.g. the Fairtrade minimum for
   * washed arabica, 180 US¢/lb FOB for contracts from 1 Aug 2023 (REFERENCE §2.1): 18 000 points.
   */
  minimum?: { points: bigint; certification: string };
}

export type YieldRule =
  | {
      kind: 'points';
      /** Reference *rendimiento* (exportable green per parchment sample), basis points, in (0, 100 %]. */
      referenceBp: BasisPoints;
      /** Price units per kg for each percentage point above the reference (and below, unless set). */
      perPointPerKg: bigint;
      /** Price units per kg taken off for each point below the reference, if it differs. */
      perPointBelowPerKg?: bigint;
    }
  | {
      kind: 'factor';
      /** The base factor of the price, hundredths: 9400 for the FNC's 94. */
      baseFactorHundredths: number;
      /** Highest factor bought, hundredths (FNC purchase guarantee: 100.00 → 10 000). */
      maxFactorHundredths?: number;
    };

export interface CupPremiumTier {
  /** Cup score from which the tier applies, hundredths (8300 = 83.00). */
  minScoreHundredths: number;
  premiumPerKg: bigint;
}

export interface PricingRule {
  currency: Currency;
  base: FixedBase | MarketBase;
  yieldRule: YieldRule | null;
  /** Reference moisture in basis points (1200 = 12 %); null: no moisture discount. */
  moisture: { referenceBp: BasisPoints } | null;
  /** Price units per kg by the cooperative's certification class ('organic', 'fairtrade', …). */
  certificationPremiums: Readonly<Record<string, bigint>>;
  cupPremiums: readonly CupPremiumTier[];
}

export interface WeighTicketFacts {
  netGrams: bigint;
  /** Required when the rule has a moisture reference. */
  moistureBp?: BasisPoints;
  /** Required by a `points` yield rule. */
  yieldBp?: BasisPoints;
  /** Colombian *factor de rendimiento* in hundredths (9200 = 92.00); required by a `factor` rule. */
  factorHundredths?: number;
  /** Absent or null while the sample has not been cupped: no cup premium. */
  cupScoreHundredths?: number | null;
  /** The cooperative's certification classes this delivery qualifies for; each counts once. */
  certifications?: readonly string[];
}

/** The day's market, required by a `market` base. */
export interface MarketQuote {
  /** ICE "C" in points (0.01 US¢/lb): 243.05 ¢/lb → 24 305n. */
  cPricePoints: bigint;
  /** Local currency (major unit) per US$, in millionths: 3.745 → 3 745 000n. */
  exchangeRateMicro: bigint;
}

// ---------------------------------------------------------------------------------------------------
// Result

/** An exact figure: `ratio` is exact ("n/d" in lowest terms, or "n"); `decimal` is exact when `exact`. */
export interface ExactFigure {
  decimal: string;
  ratio: string;
  exact: boolean;
}

export interface PricingLine {
  /** Message key (i18n), e.g. `pricing.moisture_discount`. */
  code: string;
  /** Locale-neutral decimal text, filled into the message's `{name}` placeholders. */
  params: Record<string, string>;
}

export interface TicketPrice {
  currency: string;
  netGrams: bigint;
  /** In grams; decimal to the milligram. */
  payableGrams: ExactFigure;
  /** (10 000 − H) / (10 000 − Href) in basis points, not reduced ("8750/8800"); "1/1" without discount. */
  moistureFactor: string;
  /** Per kg amounts in the major unit; decimal exact or rounded to minorUnits + 6 places. */
  basePricePerKg: ExactFigure;
  yieldAdjustmentPerKg: ExactFigure;
  certificationPremiumPerKg: ExactFigure;
  cupPremiumPerKg: ExactFigure;
  unitPricePerKg: ExactFigure;
  /** The components added up to less than zero and the unit price was set to 0. */
  clampedAtZero: boolean;
  valueMinor: bigint;
  /** valueMinor as decimal text in the major unit ("3007.32"). */
  value: string;
  lines: PricingLine[];
}

export interface PricingIssue {
  /** Path of the offending input: `ticket.moistureBp`, `rule.cupPremiums.1.premiumPerKg`, … */
  path: string;
  code: string;
  params: Record<string, string | number>;
}

/**
 * Refused input. `code` is the first issue's; `issues` lists all of them in the shape of the app's
 * FieldError, so the caller maps it to AppError('invalid', code, { fields: issues }).
 */
export class PricingError extends RangeError {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly issues: PricingIssue[];

  constructor(issues: PricingIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.code}`).join('; '));
    this.name = 'PricingError';
    const first = issues[0];
    this.code = first?.code ?? 'pricing.invalid';
    this.params = first?.params ?? {};
    this.issues = issues;
  }
}

export const PRICING_LINE_CODES = [
  'pricing.net',
  'pricing.moisture_discount',
  'pricing.moisture_within_reference',
  'pricing.market_minimum',
  'pricing.base',
  'pricing.base_from_market',
  'pricing.yield_adjustment',
  'pricing.yield_factor',
  'pricing.certification_premium',
  'pricing.cup_premium',
  'pricing.cup_below_threshold',
  'pricing.price_floor',
  'pricing.unit_price',
  'pricing.value',
] as const;

export const PRICING_ERROR_CODES = [
  'pricing.invalid_currency',
  'pricing.invalid_net_mass',
  'pricing.missing_moisture',
  'pricing.invalid_moisture',
  'pricing.invalid_reference_moisture',
  'pricing.missing_yield',
  'pricing.invalid_yield',
  'pricing.invalid_reference_yield',
  'pricing.missing_factor',
  'pricing.invalid_factor',
  'pricing.factor_above_maximum',
  'pricing.invalid_reference_factor',
  'pricing.invalid_cup_score',
  'pricing.invalid_cup_threshold',
  'pricing.negative_price',
  'pricing.missing_market_quote',
  'pricing.invalid_market_price',
  'pricing.invalid_exchange_rate',
  'pricing.invalid_conversion',
] as const;

// ---------------------------------------------------------------------------------------------------
// Exact rationals (denominator > 0, lowest terms)

interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function ratio(numerator: bigint, denominator = 1n): Ratio {
  if (denominator === 0n) throw new RangeError('division by zero');
  const sign = denominator < 0n ? -1n : 1n;
  const n = numerator * sign;
  const d = denominator * sign;
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

const ZERO = ratio(0n);
const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);

function ratioText(r: Ratio): string {
  return r.d === 1n ? `${r.n}` : `${r.n}/${r.d}`;
}

/** Decimal text with the fewest digits ≥ minDigits that is exact, else rounded at maxDigits. */
function figure(r: Ratio, minDigits: number, maxDigits: number): ExactFigure {
  for (let digits = minDigits; digits <= maxDigits; digits++) {
    const scaled = r.n * 10n ** BigInt(digits);
    if (scaled % r.d === 0n)
      return { decimal: decimalText(scaled / r.d, digits), ratio: ratioText(r), exact: true };
  }
  const rounded = divRoundHalfAwayFromZero(r.n * 10n ** BigInt(maxDigits), r.d);
  return { decimal: decimalText(rounded, maxDigits), ratio: ratioText(r), exact: false };
}

const decimalText = (scaled: bigint, digits: number): string =>
  formatMoney(scaled, { code: '', minorUnits: digits });

/** Basis points or hundredths as "12.50". */
const hundredths = (value: number | bigint): string => decimalText(BigInt(value), 2);

// ---------------------------------------------------------------------------------------------------
// Validation

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function validate(rule: PricingRule, ticket: WeighTicketFacts, market: MarketQuote | undefined): void {
  const issues: PricingIssue[] = [];
  const refuse = (path: string, code: string, params: Record<string, string | number> = {}) =>
    issues.push({ path, code, params });
  const price = (path: string, value: bigint | undefined) => {
    if (value !== undefined && value < 0n) refuse(path, 'pricing.negative_price');
  };
  const inRange = (value: number, min: number, max: number) => isInt(value) && value >= min && value <= max;

  if (!inRange(rule.currency.minorUnits, 0, 6))
    refuse('rule.currency.minorUnits', 'pricing.invalid_currency');
  if (ticket.netGrams <= 0n) refuse('ticket.netGrams', 'pricing.invalid_net_mass');

  if (rule.moisture) {
    if (!inRange(rule.moisture.referenceBp, 0, 9_999)) {
      refuse('rule.moisture.referenceBp', 'pricing.invalid_reference_moisture');
    }
    if (ticket.moistureBp === undefined) refuse('ticket.moistureBp', 'pricing.missing_moisture');
  }
  if (ticket.moistureBp !== undefined && !inRange(ticket.moistureBp, 0, 9_999)) {
    refuse('ticket.moistureBp', 'pricing.invalid_moisture');
  }

  const yieldRule = rule.yieldRule;
  if (yieldRule?.kind === 'points') {
    if (!inRange(yieldRule.referenceBp, 1, 10_000)) {
      refuse('rule.yieldRule.referenceBp', 'pricing.invalid_reference_yield');
    }
    price('rule.yieldRule.perPointPerKg', yieldRule.perPointPerKg);
    price('rule.yieldRule.perPointBelowPerKg', yieldRule.perPointBelowPerKg);
    if (ticket.yieldBp === undefined) refuse('ticket.yieldBp', 'pricing.missing_yield');
  }
  if (ticket.yieldBp !== undefined && !inRange(ticket.yieldBp, 0, 10_000)) {
    refuse('ticket.yieldBp', 'pricing.invalid_yield');
  }
  if (yieldRule?.kind === 'factor') {
    const max = yieldRule.maxFactorHundredths;
    if (!inRange(yieldRule.baseFactorHundredths, MIN_FACTOR, Number.MAX_SAFE_INTEGER)) {
      refuse('rule.yieldRule.baseFactorHundredths', 'pricing.invalid_reference_factor');
    }
    if (max !== undefined && !inRange(max, MIN_FACTOR, Number.MAX_SAFE_INTEGER)) {
      refuse('rule.yieldRule.maxFactorHundredths', 'pricing.invalid_reference_factor');
    }
    const factor = ticket.factorHundredths;
    if (factor === undefined) refuse('ticket.factorHundredths', 'pricing.missing_factor');
    else if (!inRange(factor, MIN_FACTOR, Number.MAX_SAFE_INTEGER)) {
      refuse('ticket.factorHundredths', 'pricing.invalid_factor');
    } else if (max !== undefined && factor > max) {
      refuse('ticket.factorHundredths', 'pricing.factor_above_maximum', {
        factor: hundredths(factor),
        maximum: hundredths(max),
      });
    }
  }

  const score = ticket.cupScoreHundredths;
  if (score !== undefined && score !== null && !inRange(score, 0, 10_000)) {
    refuse('ticket.cupScoreHundredths', 'pricing.invalid_cup_score');
  }
  const thresholds = new Set<number>();
  rule.cupPremiums.forEach((tier, i) => {
    if (!inRange(tier.minScoreHundredths, 0, 10_000) || thresholds.has(tier.minScoreHundredths)) {
      refuse(`rule.cupPremiums.${i}.minScoreHundredths`, 'pricing.invalid_cup_threshold');
    }
    thresholds.add(tier.minScoreHundredths);
    price(`rule.cupPremiums.${i}.premiumPerKg`, tier.premiumPerKg);
  });
  for (const [certification, premium] of Object.entries(rule.certificationPremiums)) {
    price(`rule.certificationPremiums.${certification}`, premium);
  }

  const base = rule.base;
  if (base.kind === 'fixed') price('rule.base.pricePerKg', base.pricePerKg);
  else {
    price('rule.base.costsPerKg', base.costsPerKg);
    price('rule.base.minimum.points', base.minimum?.points);
    if (
      !inRange(base.greenKg, 1, Number.MAX_SAFE_INTEGER) ||
      !inRange(base.purchasedKg, base.greenKg, Number.MAX_SAFE_INTEGER)
    ) {
      refuse('rule.base.greenKg', 'pricing.invalid_conversion');
    }
    if (!market) refuse('market', 'pricing.missing_market_quote');
    else {
      if (market.cPricePoints <= 0n) refuse('market.cPricePoints', 'pricing.invalid_market_price');
      if (market.exchangeRateMicro <= 0n) refuse('market.exchangeRateMicro', 'pricing.invalid_exchange_rate');
    }
  }

  if (issues.length > 0) throw new PricingError(issues);
}

// ---------------------------------------------------------------------------------------------------
// The computation

/**
 * Prices one weigh ticket. Pure; throws PricingError on refused input. The unit price never goes below
 * zero (a cooperative does not charge a member for delivering coffee): it is clamped at 0 and
 * `clampedAtZero` tells the caller, who may refuse the delivery instead.
 * @example priceWeighTicket(rule, { netGrams: 230_000n, moistureBp: 1250, yieldBp: 8050,
 *   cupScoreHundredths: 8400, certifications: ['organic'] }).valueMinor // 300732n (see the tests)
 */
export function priceWeighTicket(
  rule: PricingRule,
  ticket: WeighTicketFacts,
  market?: MarketQuote,
): TicketPrice {
  validate(rule, ticket, market);
  const { currency } = rule;
  const code = currency.code;
  const minorScale = 10n ** BigInt(currency.minorUnits);
  const certifications = [...new Set(ticket.certifications ?? [])];
  const lines: PricingLine[] = [];
  /** minor units per kg → the major unit, exact or to minorUnits + 6 places */
  const perKg = (r: Ratio) =>
    figure(ratio(r.n, r.d * minorScale), currency.minorUnits, currency.minorUnits + 6);
  const priceUnits = (units: bigint) => ratio(units, PRICE_SCALE); // → minor units per kg
  const kgText = (grams: Ratio) => figure(ratio(grams.n, grams.d * 1000n), 3, 3).decimal;

  // Mass: net, then the moisture discount.
  const net = ticket.netGrams;
  lines.push({ code: 'pricing.net', params: { netKg: fromGrams(net, 'kg', 3) } });
  let moistureFactor = '1/1';
  let payable = ratio(net);
  if (rule.moisture && ticket.moistureBp !== undefined) {
    const moisture = BigInt(ticket.moistureBp);
    const reference = BigInt(rule.moisture.referenceBp);
    const params = { moisture: hundredths(moisture), reference: hundredths(reference) };
    if (moisture > reference) {
      moistureFactor = `${BP_WHOLE - moisture}/${BP_WHOLE - reference}`;
      payable = ratio(net * (BP_WHOLE - moisture), BP_WHOLE - reference);
      lines.push({
        code: 'pricing.moisture_discount',
        params: { ...params, factor: moistureFactor, payableKg: kgText(payable) },
      });
    } else {
      lines.push({ code: 'pricing.moisture_within_reference', params });
    }
  }

  // Base price per kg.
  let base: Ratio;
  if (rule.base.kind === 'fixed') {
    base = priceUnits(rule.base.pricePerKg);
    lines.push({ code: 'pricing.base', params: { currency: code, price: perKg(base).decimal } });
  } else {
    const quote = market as MarketQuote; // validated
    const { minimum } = rule.base;
    const marketPoints = quote.cPricePoints + rule.base.differentialPoints;
    let fobPoints = marketPoints;
    if (minimum && certifications.includes(minimum.certification) && minimum.points > marketPoints) {
      fobPoints = minimum.points;
      lines.push({
        code: 'pricing.market_minimum',
        params: {
          certification: minimum.certification,
          market: hundredths(marketPoints),
          minimum: hundredths(minimum.points),
        },
      });
    }
    // points → US$/lb (÷ 10 000) → US$/kg (× 10⁹ µg/kg ÷ µg/lb) → local (× FX ÷ 10⁶) → minor units
    // → per kg bought (× green ÷ purchased)
    const fobPerKgGreen = ratio(
      fobPoints * 1_000_000_000n * quote.exchangeRateMicro * minorScale,
      POINTS_PER_USD * POUND_MICROGRAMS * MICRO,
    );
    const costs = priceUnits(rule.base.costsPerKg);
    base = add(
      mul(fobPerKgGreen, ratio(BigInt(rule.base.greenKg), BigInt(rule.base.purchasedKg))),
      ratio(-costs.n, costs.d),
    );
    lines.push({
      code: 'pricing.base_from_market',
      params: {
        cPrice: hundredths(quote.cPricePoints),
        differential: hundredths(rule.base.differentialPoints),
        fob: hundredths(fobPoints),
        exchangeRate: decimalText(quote.exchangeRateMicro, 6),
        greenKg: `${rule.base.greenKg}`,
        purchasedKg: `${rule.base.purchasedKg}`,
        currency: code,
        costs: perKg(costs).decimal,
        price: perKg(base).decimal,
      },
    });
  }

  // Yield.
  let yieldAdjustment = ZERO;
  const yieldRule = rule.yieldRule;
  if (yieldRule?.kind === 'points' && ticket.yieldBp !== undefined) {
    const diffBp = BigInt(ticket.yieldBp) - BigInt(yieldRule.referenceBp);
    const rate =
      diffBp < 0n ? (yieldRule.perPointBelowPerKg ?? yieldRule.perPointPerKg) : yieldRule.perPointPerKg;
    yieldAdjustment = ratio(diffBp * rate, BP_PER_POINT * PRICE_SCALE);
    lines.push({
      code: 'pricing.yield_adjustment',
      params: {
        yield: hundredths(ticket.yieldBp),
        reference: hundredths(yieldRule.referenceBp),
        points: hundredths(diffBp),
        currency: code,
        perPoint: perKg(priceUnits(rate)).decimal,
        amount: perKg(yieldAdjustment).decimal,
      },
    });
  } else if (yieldRule?.kind === 'factor' && ticket.factorHundredths !== undefined) {
    const reference = BigInt(yieldRule.baseFactorHundredths);
    const factor = BigInt(ticket.factorHundredths);
    yieldAdjustment = mul(base, ratio(reference - factor, factor));
    lines.push({
      code: 'pricing.yield_factor',
      params: {
        factor: hundredths(factor),
        reference: hundredths(reference),
        currency: code,
        amount: perKg(yieldAdjustment).decimal,
      },
    });
  }

  // Certification premiums, in the ticket's order; classes without a configured premium add nothing.
  let certificationPremium = ZERO;
  for (const certification of certifications) {
    const premium = rule.certificationPremiums[certification];
    if (premium === undefined) continue;
    certificationPremium = add(certificationPremium, priceUnits(premium));
    lines.push({
      code: 'pricing.certification_premium',
      params: { certification, currency: code, amount: perKg(priceUnits(premium)).decimal },
    });
  }

  // Cup: the highest tier reached.
  let cupPremium = ZERO;
  const score = ticket.cupScoreHundredths;
  if (score !== undefined && score !== null && rule.cupPremiums.length > 0) {
    let reached: CupPremiumTier | undefined;
    let lowest: CupPremiumTier | undefined;
    for (const tier of rule.cupPremiums) {
      if (
        tier.minScoreHundredths <= score &&
        (!reached || tier.minScoreHundredths > reached.minScoreHundredths)
      ) {
        reached = tier;
      }
      if (!lowest || tier.minScoreHundredths < lowest.minScoreHundredths) lowest = tier;
    }
    if (reached) {
      cupPremium = priceUnits(reached.premiumPerKg);
      lines.push({
        code: 'pricing.cup_premium',
        params: {
          score: hundredths(score),
          threshold: hundredths(reached.minScoreHundredths),
          currency: code,
          amount: perKg(cupPremium).decimal,
        },
      });
    } else if (lowest) {
      lines.push({
        code: 'pricing.cup_below_threshold',
        params: { score: hundredths(score), threshold: hundredths(lowest.minScoreHundredths) },
      });
    }
  }

  // Unit price, never below zero.
  const computed = add(add(base, yieldAdjustment), add(certificationPremium, cupPremium));
  const clampedAtZero = computed.n < 0n;
  const unitPrice = clampedAtZero ? ZERO : computed;
  if (clampedAtZero) {
    lines.push({
      code: 'pricing.price_floor',
      params: { currency: code, computed: perKg(computed).decimal },
    });
  }
  const unitPriceFigure = perKg(unitPrice);
  lines.push({ code: 'pricing.unit_price', params: { currency: code, price: unitPriceFigure.decimal } });

  // Value: payable kg × unit price, rounded once, half away from zero, to the minor unit.
  const exactValue = mul(ratio(payable.n, payable.d * 1000n), unitPrice); // minor units
  const valueMinor = divRoundHalfAwayFromZero(exactValue.n, exactValue.d);
  const value = formatMoney(valueMinor, currency);
  lines.push({
    code: 'pricing.value',
    params: { payableKg: kgText(payable), currency: code, price: unitPriceFigure.decimal, value },
  });

  return {
    currency: code,
    netGrams: net,
    payableGrams: figure(payable, 0, 3),
    moistureFactor,
    basePricePerKg: perKg(base),
    yieldAdjustmentPerKg: perKg(yieldAdjustment),
    certificationPremiumPerKg: perKg(certificationPremium),
    cupPremiumPerKg: perKg(cupPremium),
    unitPricePerKg: unitPriceFigure,
    clampedAtZero,
    valueMinor,
    value,
    lines,
  };
}
