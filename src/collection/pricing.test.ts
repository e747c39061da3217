import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Currency } from '../platform/money.js';
import { toGrams } from '../platform/units.js';
import {
  formatPricePerKg,
  type MarketQuote,
  PRICING_ERROR_CODES,
  PRICING_LINE_CODES,
  PricingError,
  type PricingRule,
  parsePricePerKg,
  priceWeighTicket,
  type WeighTicketFacts,
} from './pricing.js';

const PEN: Currency = { code: 'PEN', minorUnits: 2 };
const COP: Currency = { code: 'COP', minorUnits: 2 };
const pen = (text: string) => parsePricePerKg(text, PEN);
const cop = (text: string) => parsePricePerKg(text, COP);

/** "n/d" or "n" → [n, d] */
function parseRatio(text: string): [bigint, bigint] {
  const [n = '', d = '1'] = text.split('/');
  return [BigInt(n), BigInt(d)];
}

function errorOf(fn: () => unknown): PricingError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricingError) return error;
    throw error;
  }
  throw new Error('expected a PricingError');
}

// A northern-Peru cooperative: dry parchment, rendimiento reference 78 %, moisture reference 12 %.
const peruRule: PricingRule = {
  currency: PEN,
  base: { kind: 'fixed', pricePerKg: pen('12.00') },
  yieldRule: { kind: 'points', referenceBp: 7_800, perPointPerKg: pen('0.10') },
  moisture: { referenceBp: 1_200 },
  certificationPremiums: { organic: pen('0.60'), fairtrade: pen('0.20') },
  cupPremiums: [{ minScoreHundredths: 8_300, premiumPerKg: pen('0.30') }],
};

describe('price units', () => {
  it('parse and format prices per kg with four decimals beyond the minor unit', () => {
    expect(pen('12.3456')).toBe(12_345_600n);
    expect(pen('0.10')).toBe(100_000n);
    expect(formatPricePerKg(12_345_600n, PEN)).toBe('12.345600');
    expect(() => pen('0.0000001')).toThrow(RangeError);
  });
});

describe('worked example, Peru (dry parchment, rendimiento, moisture, organic, cup)', () => {
  // 230 kg dry parchment (five 100-lb sacks, REFERENCE §1.2) at 12.5 % moisture, reference 12 %:
  //   moisture factor = (100 − 12.5) / (100 − 12) = 87.5 / 88 = 175/176 = 0.994 318 18…
  //   payable mass    = 230 kg × 175/176 = 40 250/176 kg = 228.693 181 8… kg (kept exact)
  // base price            S/ 12.00 /kg
  // yield 80.5 % vs 78 %: +2.5 points × S/ 0.10 = +S/ 0.25 /kg
  // organic premium       +S/ 0.60 /kg
  // cup 84.00 ≥ 83.00     +S/ 0.30 /kg
  // unit price = 12.00 + 0.25 + 0.60 + 0.30 = S/ 13.15 /kg (exact)
  // value = 40 250/176 × 13.15 = 529 287.5/176 = 3 007.315 340 9… → S/ 3 007.32 (300 732 céntimos)
  // Rounding on the way would pay something else: 228.69 kg × 13.15 = 3 007.27 (5 céntimos less),
  // 228.693 kg × 13.15 = 3 007.31. Hence one rounding, at the end.
  const ticket: WeighTicketFacts = {
    netGrams: 230_000n,
    moistureBp: 1_250,
    yieldBp: 8_050,
    cupScoreHundredths: 8_400,
    certifications: ['organic'],
  };

  it('pays S/ 3 007.32', () => {
    const price = priceWeighTicket(peruRule, ticket);
    expect(price.valueMinor).toBe(300_732n);
    expect(price.value).toBe('3007.32');
    expect(price.moistureFactor).toBe('8750/8800');
    expect(price.payableGrams).toEqual({ decimal: '228693.182', ratio: '2515625/11', exact: false });
    expect(price.basePricePerKg).toEqual({ decimal: '12.00', ratio: '12', exact: true });
    expect(price.yieldAdjustmentPerKg).toEqual({ decimal: '0.25', ratio: '1/4', exact: true });
    expect(price.certificationPremiumPerKg.decimal).toBe('0.60');
    expect(price.cupPremiumPerKg.decimal).toBe('0.30');
    expect(price.unitPricePerKg).toEqual({ decimal: '13.15', ratio: '263/20', exact: true });
    expect(price.clampedAtZero).toBe(false);
  });

  it('explains itself line by line', () => {
    expect(priceWeighTicket(peruRule, ticket).lines).toEqual([
      { code: 'pricing.net', params: { netKg: '230.000' } },
      {
        code: 'pricing.moisture_discount',
        params: { moisture: '12.50', reference: '12.00', factor: '8750/8800', payableKg: '228.693' },
      },
      { code: 'pricing.base', params: { currency: 'PEN', price: '12.00' } },
      {
        code: 'pricing.yield_adjustment',
        params: {
          yield: '80.50',
          reference: '78.00',
          points: '2.50',
          currency: 'PEN',
          perPoint: '0.10',
          amount: '0.25',
        },
      },
      {
        code: 'pricing.certification_premium',
        params: { certification: 'organic', currency: 'PEN', amount: '0.60' },
      },
      {
        code: 'pricing.cup_premium',
        params: { score: '84.00', threshold: '83.00', currency: 'PEN', amount: '0.30' },
      },
      { code: 'pricing.unit_price', params: { currency: 'PEN', price: '13.15' } },
      {
        code: 'pricing.value',
        params: { payableKg: '228.693', currency: 'PEN', price: '13.15', value: '3007.32' },
      },
    ]);
  });

  it('discounts low yield, ignores dry coffee and unknown classes, and tells why there is no cup premium', () => {
    // 230 kg at 11 % (≤ 12 %: no discount, no bonus), yield 76.25 % → −1.75 points × 0.10 = −S/ 0.175,
    // 'rainforest_alliance' has no premium configured, cup 82.50 < 83.00.
    // unit = 12.00 − 0.175 = S/ 11.825 ; value = 230 × 11.825 = 2 719.75 → S/ 2 719.75
    const price = priceWeighTicket(peruRule, {
      netGrams: 230_000n,
      moistureBp: 1_100,
      yieldBp: 7_625,
      cupScoreHundredths: 8_250,
      certifications: ['rainforest_alliance'],
    });
    expect(price.moistureFactor).toBe('1/1');
    expect(price.yieldAdjustmentPerKg.decimal).toBe('-0.175');
    expect(price.unitPricePerKg.decimal).toBe('11.825');
    expect(price.valueMinor).toBe(271_975n);
    expect(price.lines.map((line) => line.code)).toEqual([
      'pricing.net',
      'pricing.moisture_within_reference',
      'pricing.base',
      'pricing.yield_adjustment',
      'pricing.cup_below_threshold',
      'pricing.unit_price',
      'pricing.value',
    ]);
  });

  it('adds certification classes once each and takes the highest cup tier only', () => {
    const rule: PricingRule = {
      ...peruRule,
      cupPremiums: [
        { minScoreHundredths: 8_300, premiumPerKg: pen('0.30') },
        { minScoreHundredths: 8_600, premiumPerKg: pen('0.80') },
      ],
    };
    // 100 kg at the references; organic 0.60 + fairtrade 0.20; cup 86.25 → tier 86: 0.80
    // unit = 12.00 + 0.60 + 0.20 + 0.80 = 13.60 → S/ 1 360.00
    const price = priceWeighTicket(rule, {
      netGrams: 100_000n,
      moistureBp: 1_200,
      yieldBp: 7_800,
      cupScoreHundredths: 8_625,
      certifications: ['organic', 'fairtrade', 'organic'],
    });
    expect(price.certificationPremiumPerKg.decimal).toBe('0.80');
    expect(price.cupPremiumPerKg.decimal).toBe('0.80');
    expect(price.valueMinor).toBe(136_000n);
  });

  it('may take more per point below the reference than it pays above', () => {
    const rule: PricingRule = {
      ...peruRule,
      yieldRule: {
        kind: 'points',
        referenceBp: 7_800,
        perPointPerKg: pen('0.10'),
        perPointBelowPerKg: pen('0.15'),
      },
    };
    // 77 % → −1 point × 0.15 = −0.15 ; 79 % → +1 point × 0.10 = +0.10
    const at = (yieldBp: number) =>
      priceWeighTicket(rule, { netGrams: 1_000n, moistureBp: 1_200, yieldBp }).yieldAdjustmentPerKg.decimal;
    expect(at(7_700)).toBe('-0.15');
    expect(at(7_900)).toBe('0.10');
  });

  it('rounds an exact half away from zero, once', () => {
    // 1 kg × S/ 12.345 = 1 234.5 céntimos → 1 235
    const rule: PricingRule = { ...peruRule, base: { kind: 'fixed', pricePerKg: pen('12.345') } };
    expect(priceWeighTicket(rule, { netGrams: 1_000n, moistureBp: 1_200, yieldBp: 7_800 }).valueMinor).toBe(
      1_235n,
    );
  });

  it('clamps a unit price below zero at zero and says so', () => {
    // S/ 1.00 base, yield 60 % vs 78 % → −18 points × 0.10 = −1.80 ; unit −0.80 → 0
    const rule: PricingRule = { ...peruRule, base: { kind: 'fixed', pricePerKg: pen('1.00') } };
    const price = priceWeighTicket(rule, { netGrams: 50_000n, moistureBp: 1_200, yieldBp: 6_000 });
    expect(price.clampedAtZero).toBe(true);
    expect(price.unitPricePerKg.decimal).toBe('0.00');
    expect(price.valueMinor).toBe(0n);
    expect(price.lines).toContainEqual({
      code: 'pricing.price_floor',
      params: { currency: 'PEN', computed: '-0.80' },
    });
  });
});

describe('worked example, Colombia (carga of CPS, factor de rendimiento)', () => {
  // FNC reference price 22 Jul 2024: COP 1 915 000 per carga of 125 kg CPS at factor 94 (REFERENCE §1.5);
  //   base = 1 915 000 / 125 = COP 15 320 /kg CPS
  // FR 92 (better than 94): price × 94/92 = 15 320 × 94/92 = COP 15 653.043 478 26… /kg,
  //   i.e. an adjustment of 15 320 × 2/92 = +COP 333.043 478 26… /kg
  //   value = 125 × 15 320 × 94/92 = 1 915 000 × 47/46 = 90 005 000/46 = 1 956 630.434 78… → COP 1 956 630.43
  // FR 94 → exactly COP 1 915 000.00 ; FR 96 → 1 915 000 × 94/96 = 1 875 104.166… → COP 1 875 104.17
  const colombiaRule: PricingRule = {
    currency: COP,
    base: { kind: 'fixed', pricePerKg: cop('15320') },
    yieldRule: { kind: 'factor', baseFactorHundredths: 9_400, maxFactorHundredths: 10_000 },
    moisture: { referenceBp: 1_200 },
    certificationPremiums: {},
    cupPremiums: [],
  };
  const carga = toGrams('1', 'carga-co');
  const at = (factorHundredths: number) =>
    priceWeighTicket(colombiaRule, { netGrams: carga, moistureBp: 1_110, factorHundredths });

  it('pays price × 94 / FR', () => {
    expect(carga).toBe(125_000n);
    const price = at(9_200);
    expect(price.valueMinor).toBe(195_663_043n);
    expect(price.value).toBe('1956630.43');
    expect(price.yieldAdjustmentPerKg).toEqual({ decimal: '333.04347826', ratio: '7660/23', exact: false });
    expect(price.unitPricePerKg).toEqual({ decimal: '15653.04347826', ratio: '360020/23', exact: false });
    expect(price.lines).toContainEqual({
      code: 'pricing.yield_factor',
      params: { factor: '92.00', reference: '94.00', currency: 'COP', amount: '333.04347826' },
    });
    expect(at(9_400).valueMinor).toBe(191_500_000n);
    expect(at(9_600).valueMinor).toBe(187_510_417n);
  });

  it('refuses a factor above the maximum bought, or below 70 (more excelso than sample)', () => {
    expect(errorOf(() => at(10_100)).issues).toEqual([
      {
        path: 'ticket.factorHundredths',
        code: 'pricing.factor_above_maximum',
        params: { factor: '101.00', maximum: '100.00' },
      },
    ]);
    expect(errorOf(() => at(6_999)).code).toBe('pricing.invalid_factor');
    expect(errorOf(() => priceWeighTicket(colombiaRule, { netGrams: carga, moistureBp: 1_100 })).code).toBe(
      'pricing.missing_factor',
    );
  });
});

describe('base price from the ICE "C"', () => {
  // C 243.05 US¢/lb (22 Jul 2024, REFERENCE §1.5) + differential 25.00 ¢/lb = 268.05 ¢/lb FOB green
  //   = US$ 2.6805 /lb ÷ 0.453 592 37 kg/lb = US$ 5.909 490 94 /kg green
  //   × 3.745 PEN per US$                   = S/ 22.131 043 56 /kg green
  //   × 80/100 kg green per kg parchment    = S/ 17.704 834 85 /kg parchment
  //   − costs S/ 1.50 /kg                   = S/ 16.204 834 85 /kg (exactly 210 011 127/12 959 782)
  // 100 kg at the reference moisture: 1 620.483 484 98… → S/ 1 620.48
  const marketRule: PricingRule = {
    currency: PEN,
    base: {
      kind: 'market',
      differentialPoints: 2_500n,
      greenKg: 80,
      purchasedKg: 100,
      costsPerKg: pen('1.50'),
      minimum: { points: 18_000n, certification: 'fairtrade' },
    },
    yieldRule: null,
    moisture: { referenceBp: 1_200 },
    certificationPremiums: {},
    cupPremiums: [],
  };
  const quote: MarketQuote = { cPricePoints: 24_305n, exchangeRateMicro: 3_745_000n };
  const ticket: WeighTicketFacts = { netGrams: 100_000n, moistureBp: 1_200 };

  it('converts US¢/lb of green to soles per kg of parchment', () => {
    const price = priceWeighTicket(marketRule, ticket, quote);
    expect(price.basePricePerKg).toEqual({
      decimal: '16.20483485',
      ratio: '210011127/12959782',
      exact: false,
    });
    expect(price.valueMinor).toBe(162_048n);
    expect(price.lines).toContainEqual({
      code: 'pricing.base_from_market',
      params: {
        cPrice: '243.05',
        differential: '25.00',
        fob: '268.05',
        exchangeRate: '3.745000',
        greenKg: '80',
        purchasedKg: '100',
        currency: 'PEN',
        costs: '1.50',
        price: '16.20483485',
      },
    });
  });

  it('applies the Fairtrade minimum to Fairtrade coffee only, when the market is below it', () => {
    // C 150.00 + 25.00 = 175.00 < 180.00 (minimum since 1 Aug 2023, REFERENCE §2.1)
    // fairtrade:    1.80 ÷ 0.45359237 × 3.745 × 0.8 − 1.50 = S/ 10.389 088 88 /kg → 100 kg: S/ 1 038.91
    // conventional: 1.75 ÷ 0.45359237 × 3.745 × 0.8 − 1.50 = S/ 10.058 836 41 /kg → 100 kg: S/ 1 005.88
    const low: MarketQuote = { cPricePoints: 15_000n, exchangeRateMicro: 3_745_000n };
    const fairtrade = priceWeighTicket(marketRule, { ...ticket, certifications: ['fairtrade'] }, low);
    expect(fairtrade.valueMinor).toBe(103_891n);
    expect(fairtrade.lines).toContainEqual({
      code: 'pricing.market_minimum',
      params: { certification: 'fairtrade', market: '175.00', minimum: '180.00' },
    });
    expect(priceWeighTicket(marketRule, ticket, low).valueMinor).toBe(100_588n);
    // Above the minimum the market price applies to Fairtrade coffee too.
    expect(priceWeighTicket(marketRule, { ...ticket, certifications: ['fairtrade'] }, quote).valueMinor).toBe(
      162_048n,
    );
  });

  it('needs the day’s quote', () => {
    expect(errorOf(() => priceWeighTicket(marketRule, ticket)).code).toBe('pricing.missing_market_quote');
    expect(
      errorOf(() =>
        priceWeighTicket(marketRule, ticket, { cPricePoints: 0n, exchangeRateMicro: 0n }),
      ).issues.map((issue) => issue.code),
    ).toEqual(['pricing.invalid_market_price', 'pricing.invalid_exchange_rate']);
  });

  it('is non-decreasing in the C price and in the exchange rate', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 100_000n }),
        fc.bigInt({ min: 0n, max: 50_000n }),
        fc.bigInt({ min: 1n, max: 10_000_000_000n }),
        fc.bigInt({ min: 0n, max: 10_000_000_000n }),
        (c, dc, fx, dfx) => {
          const value = (q: MarketQuote) => priceWeighTicket(marketRule, ticket, q).valueMinor;
          const low = value({ cPricePoints: c, exchangeRateMicro: fx });
          expect(value({ cPricePoints: c + dc, exchangeRateMicro: fx })).toBeGreaterThanOrEqual(low);
          expect(value({ cPricePoints: c, exchangeRateMicro: fx + dfx })).toBeGreaterThanOrEqual(low);
        },
      ),
    );
  });
});

describe('validation', () => {
  it('refuses impossible masses, moistures, yields, scores and negative prices, all at once', () => {
    const rule: PricingRule = {
      ...peruRule,
      base: { kind: 'fixed', pricePerKg: -1n },
      moisture: { referenceBp: 10_000 },
      certificationPremiums: { organic: -5n },
      cupPremiums: [{ minScoreHundredths: 10_001, premiumPerKg: 0n }],
    };
    const error = errorOf(() =>
      priceWeighTicket(rule, { netGrams: 0n, moistureBp: 10_000, yieldBp: 10_001, cupScoreHundredths: -1 }),
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(error.code).toBe('pricing.invalid_net_mass');
    expect(error.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['ticket.netGrams', 'pricing.invalid_net_mass'],
      ['rule.moisture.referenceBp', 'pricing.invalid_reference_moisture'],
      ['ticket.moistureBp', 'pricing.invalid_moisture'],
      ['ticket.yieldBp', 'pricing.invalid_yield'],
      ['ticket.cupScoreHundredths', 'pricing.invalid_cup_score'],
      ['rule.cupPremiums.0.minScoreHundredths', 'pricing.invalid_cup_threshold'],
      ['rule.certificationPremiums.organic', 'pricing.negative_price'],
      ['rule.base.pricePerKg', 'pricing.negative_price'],
    ]);
  });

  it('asks for the measurements the rule needs', () => {
    expect(errorOf(() => priceWeighTicket(peruRule, { netGrams: 1n })).issues.map((i) => i.code)).toEqual([
      'pricing.missing_moisture',
      'pricing.missing_yield',
    ]);
    expect(
      errorOf(() => priceWeighTicket(peruRule, { netGrams: 1n, moistureBp: 1_200, yieldBp: 80.5 })).code,
    ).toBe('pricing.invalid_yield');
  });

  it('uses only codes it declares', () => {
    const codes = new Set<string>(PRICING_ERROR_CODES);
    expect(codes.has('pricing.invalid_moisture')).toBe(true);
    expect(new Set<string>(PRICING_LINE_CODES).has('pricing.value')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties, against an oracle written independently: all integers on one common denominator.

interface Case {
  netGrams: bigint;
  moistureBp: number;
  referenceMoistureBp: number;
  basePerKg: bigint;
  yieldBp: number;
  referenceYieldBp: number;
  perPoint: bigint;
  perPointBelow: bigint;
  certification: bigint;
  cup: bigint;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  netGrams: fc.bigInt({ min: 1n, max: 100_000_000n }), // up to 100 t
  moistureBp: fc.integer({ min: 0, max: 9_999 }),
  referenceMoistureBp: fc.integer({ min: 0, max: 9_999 }),
  basePerKg: fc.bigInt({ min: 0n, max: 1_000_000_000_000n }),
  yieldBp: fc.integer({ min: 0, max: 10_000 }),
  referenceYieldBp: fc.integer({ min: 1, max: 10_000 }),
  perPoint: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
  perPointBelow: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
  certification: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
  cup: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
});

function ruleOf(c: Case, currency: Currency = PEN): PricingRule {
  return {
    currency,
    base: { kind: 'fixed', pricePerKg: c.basePerKg },
    yieldRule: {
      kind: 'points',
      referenceBp: c.referenceYieldBp,
      perPointPerKg: c.perPoint,
      perPointBelowPerKg: c.perPointBelow,
    },
    moisture: { referenceBp: c.referenceMoistureBp },
    certificationPremiums: { organic: c.certification },
    cupPremiums: [{ minScoreHundredths: 8_000, premiumPerKg: c.cup }],
  };
}

function ticketOf(c: Case): WeighTicketFacts {
  return {
    netGrams: c.netGrams,
    moistureBp: c.moistureBp,
    yieldBp: c.yieldBp,
    cupScoreHundredths: 8_500,
    certifications: ['organic'],
  };
}

const ticketValue = (c: Case) => priceWeighTicket(ruleOf(c), ticketOf(c)).valueMinor;

/** Non-negative n/d to the nearest integer, halves up: ⌊(2n + d) / 2d⌋. */
const roundHalfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

/**
 * value (minor units) = net g / 1000 × moisture factor × unit price (price units / 10⁴), with the unit
 * price ×100 so that basis points of yield are whole: U100 = 100·base + Δbp·rate + 100·(cert + cup).
 */
function oracle(c: Case): bigint {
  const deltaBp = BigInt(c.yieldBp - c.referenceYieldBp);
  const rate = deltaBp < 0n ? c.perPointBelow : c.perPoint;
  let u100 = 100n * c.basePerKg + deltaBp * rate + 100n * (c.certification + c.cup);
  if (u100 < 0n) u100 = 0n;
  const wet = c.moistureBp > c.referenceMoistureBp;
  const mNum = wet ? BigInt(10_000 - c.moistureBp) : 1n;
  const mDen = wet ? BigInt(10_000 - c.referenceMoistureBp) : 1n;
  return roundHalfUp(c.netGrams * mNum * u100, 1_000n * mDen * 100n * 10_000n);
}

describe('properties', () => {
  it('value = round(payable kg × unit price), computed independently', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(ticketValue(c)).toBe(oracle(c));
      }),
      { numRuns: 500 },
    );
  });

  it('the factor rule matches price × base factor / FR, computed independently', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 1_000_000_000_000n }),
        fc.integer({ min: 7_000, max: 20_000 }),
        fc.integer({ min: 7_000, max: 20_000 }),
        fc.bigInt({ min: 0n, max: 10_000_000_000n }),
        (net, base, factor, reference, premium) => {
          const rule: PricingRule = {
            currency: COP,
            base: { kind: 'fixed', pricePerKg: base },
            yieldRule: { kind: 'factor', baseFactorHundredths: reference },
            moisture: null,
            certificationPremiums: { organic: premium },
            cupPremiums: [],
          };
          const price = priceWeighTicket(rule, {
            netGrams: net,
            factorHundredths: factor,
            certifications: ['organic'],
          });
          // unit (price units) = (base × reference + premium × factor) / factor
          const f = BigInt(factor);
          const expected = roundHalfUp(net * (base * BigInt(reference) + premium * f), 1_000n * 10_000n * f);
          expect(price.valueMinor).toBe(expected);
        },
      ),
    );
  });

  it('the unit price is the sum of its parts, or zero when that sum is negative', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const price = priceWeighTicket(ruleOf(c), ticketOf(c));
        const parts = [
          price.basePricePerKg,
          price.yieldAdjustmentPerKg,
          price.certificationPremiumPerKg,
          price.cupPremiumPerKg,
        ].map((figure) => parseRatio(figure.ratio));
        let [n, d] = [0n, 1n];
        for (const [pn, pd] of parts) [n, d] = [n * pd + pn * d, d * pd];
        const [un, ud] = parseRatio(price.unitPricePerKg.ratio);
        expect(price.clampedAtZero).toBe(n < 0n);
        if (n < 0n) expect(un).toBe(0n);
        else expect(un * d).toBe(n * ud);
        expect(price.valueMinor >= 0n).toBe(true);
      }),
    );
  });

  it('is non-decreasing in net mass', () => {
    fc.assert(
      fc.property(caseArb, fc.bigInt({ min: 0n, max: 10_000_000n }), (c, more) => {
        expect(ticketValue({ ...c, netGrams: c.netGrams + more })).toBeGreaterThanOrEqual(ticketValue(c));
      }),
    );
  });

  it('is non-decreasing in the base price', () => {
    fc.assert(
      fc.property(caseArb, fc.bigInt({ min: 0n, max: 1_000_000_000n }), (c, more) => {
        expect(ticketValue({ ...c, basePerKg: c.basePerKg + more })).toBeGreaterThanOrEqual(ticketValue(c));
      }),
    );
  });

  it('moisture above the reference never raises the value', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 9_999 }), (c, other) => {
        const [drier, wetter] = c.moistureBp <= other ? [c.moistureBp, other] : [other, c.moistureBp];
        expect(ticketValue({ ...c, moistureBp: wetter })).toBeLessThanOrEqual(
          ticketValue({ ...c, moistureBp: drier }),
        );
        // and at or below the reference it makes no difference
        const atReference = ticketValue({ ...c, moistureBp: c.referenceMoistureBp });
        expect(ticketValue({ ...c, moistureBp: Math.min(drier, c.referenceMoistureBp) })).toBe(atReference);
        expect(ticketValue(c)).toBeLessThanOrEqual(atReference);
      }),
    );
  });

  it('two tickets differ from one by at most one minor unit (each is rounded once)', () => {
    fc.assert(
      fc.property(caseArb, fc.bigInt({ min: 1n, max: 100_000_000n }), (c, second) => {
        const whole = ticketValue({ ...c, netGrams: c.netGrams + second });
        const split = ticketValue(c) + ticketValue({ ...c, netGrams: second });
        const gap = whole - split;
        expect(gap >= -1n && gap <= 1n).toBe(true);
      }),
    );
  });

  it('with reference values and no premiums it is exactly base price × net mass', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 9_999 }), fc.boolean(), (c, moisture, colombia) => {
        const reference = {
          ...c,
          moistureBp: Math.min(moisture, c.referenceMoistureBp),
          yieldBp: c.referenceYieldBp,
          certification: 0n,
          cup: 0n,
        };
        const price = priceWeighTicket(ruleOf(reference, colombia ? COP : PEN), ticketOf(reference));
        expect(price.valueMinor).toBe(roundHalfUp(c.netGrams * c.basePerKg, 1_000n * 10_000n));
        expect(price.unitPricePerKg.exact).toBe(true);
        expect(parsePricePerKg(price.unitPricePerKg.decimal, colombia ? COP : PEN)).toBe(c.basePerKg);
        expect(price.payableGrams).toEqual({ decimal: `${c.netGrams}`, ratio: `${c.netGrams}`, exact: true });
      }),
    );
  });
});
