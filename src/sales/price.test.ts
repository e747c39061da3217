import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertMinor,
  exactValue,
  type FairtradeTerms,
  fixedSlices,
  formatCents,
  goodsPricePerLb,
  parseCentsPerLb,
  perKgToPerLb,
  perLbToPerKg,
  roundExact,
  shipmentValue,
  UnfixedError,
} from './price.js';

// REFERENCE §2.1, contracts from 1 Aug 2023: minimum 1.80, premium 0.20, organic differential 0.40 US$/lb
const FT: FairtradeTerms = {
  minimumPerLb: 1_800_000n,
  premiumPerLb: 200_000n,
  organicDifferentialPerLb: 400_000n,
};
const BAG_69 = 69_000n; // grams
/** The larger of two bigints (Math.max takes numbers only). */
const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);

describe('price units', () => {
  it('parse US cents per lb exactly', () => {
    expect(parseCentsPerLb('352.45')).toBe(3_524_500n);
    expect(parseCentsPerLb('-5.25')).toBe(-52_500n);
    expect(formatCents(3_524_500n)).toBe('352.45');
    expect(formatCents(-52_525n)).toBe('-5.2525');
    expect(() => parseCentsPerLb('1.00001')).toThrow(RangeError);
  });

  it('worked example: 275 bags of 69 kg at US$ 2.00/lb are US$ 83 665.43', () => {
    // 18 975 kg = 41 832.714 2… lb; × 2.00 = 83 665.428 5… → 83 665.43
    const cents = roundExact(exactValue(275n * BAG_69, 2_000_000n, 'lb'));
    expect(cents).toBe(8_366_543n);
    // the same coffee priced per kg at the rounded per-kg equivalent differs by less than a cent per 10 t
    expect(perLbToPerKg(2_000_000n)).toBe(4_409_245n); // US$ 4.409245/kg
  });
});

describe('per lb ↔ per kg', () => {
  const perLb = fc.bigInt({ min: 1n, max: 20_000_000n }); // up to US$ 20/lb

  it('a per-lb price taken to per kg and back is the same price unit', () => {
    fc.assert(fc.property(perLb, (p) => perKgToPerLb(perLbToPerKg(p)) === p));
  });

  it('the per-kg equivalent is within half a price unit of the exact one', () => {
    fc.assert(
      fc.property(perLb, (p) => {
        const k = perLbToPerKg(p);
        // |k × 0.45359237 − p| ≤ 0.5 × 0.45359237, scaled by 10^9
        const diff = k * 453_592_370n - p * 1_000_000_000n;
        return (diff < 0n ? -diff : diff) * 2n <= 453_592_370n;
      }),
    );
  });

  it('a contract’s value at a per-lb price and at its per-kg equivalent agree to the cent up to 20 t', () => {
    fc.assert(
      fc.property(perLb, fc.bigInt({ min: 1n, max: 20_000_000n }), (p, grams) => {
        const a = roundExact(exactValue(grams, p, 'lb'));
        const b = roundExact(exactValue(grams, perLbToPerKg(p), 'kg'));
        // the per-kg rounding is ≤ 0.5 µUS$/kg: ≤ 1 cent on 20 t, so the two values differ by at most 1
        return a - b <= 1n && b - a <= 1n;
      }),
    );
  });
});

describe('Fairtrade floor, organic differential and premium', () => {
  const market = fc.bigInt({ min: 0n, max: 6_000_000n });

  it('the goods price is never below the minimum, and equals the market above it', () => {
    fc.assert(
      fc.property(market, (m) => {
        const price = goodsPricePerLb(m, FT, 'fairtrade');
        return price >= FT.minimumPerLb && (m < FT.minimumPerLb || price === m);
      }),
    );
  });

  it('organic Fairtrade adds the organic differential on top of the floored price', () => {
    fc.assert(
      fc.property(
        market,
        (m) =>
          goodsPricePerLb(m, FT, 'organic_fairtrade') ===
          goodsPricePerLb(m, FT, 'fairtrade') + FT.organicDifferentialPerLb,
      ),
    );
  });

  it('conventional and organic-only coffee take no Fairtrade terms', () => {
    fc.assert(
      fc.property(
        market,
        (m) => goodsPricePerLb(m, FT, 'conventional') === m && goodsPricePerLb(m, FT, 'organic') === m,
      ),
    );
  });

  it('REFERENCE totals: a low market pays 2.00 conventional Fairtrade and 2.40 organic per lb', () => {
    const lb = 45_359_237n; // 100 lb in grams ÷ 1000 … use exactly 100 000 lb = 45 359 237 g
    const ft = shipmentValue({
      grams: lb,
      certificationClass: 'fairtrade',
      terms: FT,
      slices: [{ grams: lb, marketPerLb: 1_500_000n }],
    });
    expect(ft).toEqual({ goodsMinor: 18_000_000n, premiumMinor: 2_000_000n, totalMinor: 20_000_000n });
    const fto = shipmentValue({
      grams: lb,
      certificationClass: 'organic_fairtrade',
      terms: FT,
      fixedPrice: { units: 1_500_000n, basis: 'lb' },
    });
    expect(fto.totalMinor).toBe(24_000_000n);
  });

  it('the premium is the grams at the premium per lb, rounded once, apart from the goods', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 25_000_000n }), market, (grams, m) => {
        const v = shipmentValue({
          grams,
          certificationClass: 'fairtrade',
          terms: FT,
          slices: [{ grams, marketPerLb: m }],
        });
        return (
          v.premiumMinor === roundExact(exactValue(grams, FT.premiumPerLb, 'lb')) &&
          v.totalMinor === v.goodsMinor + v.premiumMinor
        );
      }),
    );
  });

  it('a fixed price per kg is floored exactly against the per-lb minimum', () => {
    // US$ 3.968/kg = 1.7998…/lb: below the floor; US$ 3.9684/kg = 1.80002…/lb: above
    const below = shipmentValue({
      grams: 1_000_000n,
      certificationClass: 'fairtrade',
      terms: FT,
      fixedPrice: { units: 3_968_000n, basis: 'kg' },
    });
    expect(below.goodsMinor).toBe(roundExact(exactValue(1_000_000n, FT.minimumPerLb, 'lb')));
    const above = shipmentValue({
      grams: 1_000_000n,
      certificationClass: 'fairtrade',
      terms: FT,
      fixedPrice: { units: 3_968_400n, basis: 'kg' },
    });
    expect(above.goodsMinor).toBe(396_840n);
  });
});

describe('differential + C price, fixations', () => {
  it('C 352.45 ¢/lb + differential −5.25 ¢/lb on 69 kg is US$ 528.16', () => {
    const [slice] = fixedSlices(
      [{ grams: BAG_69, levelPerLb: parseCentsPerLb('352.45') }],
      parseCentsPerLb('-5.25'),
      0n,
      BAG_69,
    );
    expect(slice!.marketPerLb).toBe(3_472_000n);
    // 69 000 g = 152.119… lb × 3.472 = 528.158… → 528.16
    expect(
      shipmentValue({ grams: BAG_69, certificationClass: 'conventional', terms: null, slices: [slice!] })
        .goodsMinor,
    ).toBe(52_816n);
  });

  it('shipments take the fixations in order; the slices cover the shipment exactly', () => {
    const fixation = fc.record({
      grams: fc.bigInt({ min: 1n, max: 5_000_000n }),
      levelPerLb: fc.bigInt({ min: 500_000n, max: 5_000_000n }),
    });
    fc.assert(
      fc.property(
        fc.array(fixation, { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: 0n, max: 30_000_000n }),
        fc.bigInt({ min: 1n, max: 30_000_000n }),
        (fixations, before, grams) => {
          const total = fixations.reduce((s, f) => s + f.grams, 0n);
          if (before + grams > total) {
            try {
              fixedSlices(fixations, 0n, before, grams);
              return false;
            } catch (error) {
              return (
                error instanceof UnfixedError && error.missingGrams === before + grams - maxOf(before, total)
              );
            }
          }
          const slices = fixedSlices(fixations, 0n, before, grams);
          return slices.reduce((s, x) => s + x.grams, 0n) === grams && slices.every((s) => s.grams > 0n);
        },
      ),
    );
  });

  it('splitting a shipment into two never moves its value by more than a cent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 2n, max: 20_000_000n }),
        fc.bigInt({ min: 500_000n, max: 5_000_000n }),
        (grams, price) => {
          const whole = roundExact(exactValue(grams, price, 'lb'));
          const half = grams / 2n;
          const parts =
            roundExact(exactValue(half, price, 'lb')) + roundExact(exactValue(grams - half, price, 'lb'));
          return parts - whole <= 1n && whole - parts <= 1n;
        },
      ),
    );
  });
});

describe('exchange', () => {
  it('converts to the minor unit half away from zero', () => {
    expect(convertMinor(8_366_543n, 3_752_500n)).toBe(31_395_453n); // 83 665.43 × 3.7525 = 313 954.526…
    expect(convertMinor(1n, 500_000n)).toBe(1n);
  });
});
