import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfAwayFromZero, formatMoney, parseMoney } from './money.js';
import { fromGrams, MASS_UNITS, toGrams } from './units.js';

const PEN = { code: 'PEN', minorUnits: 2 };

describe('divRoundHalfAwayFromZero', () => {
  it('rounds exact halves away from zero', () => {
    expect(divRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divRoundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divRoundHalfAwayFromZero(8n, 3n)).toBe(3n);
  });

  it('is within half a unit of the exact quotient, and symmetric around zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const q = divRoundHalfAwayFromZero(n, d);
          // |n - q·d| ≤ d/2, i.e. 2|n - q·d| ≤ d
          const remainder = n - q * d;
          expect(2n * (remainder < 0n ? -remainder : remainder) <= d).toBe(true);
          expect(divRoundHalfAwayFromZero(-n, d)).toBe(-q);
        },
      ),
    );
  });

  it('refuses division by zero', () => {
    expect(() => divRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('money text', () => {
  it('parses and formats to the cent', () => {
    expect(parseMoney('12.5', PEN)).toBe(1250n);
    expect(parseMoney('-0.07', PEN)).toBe(-7n);
    expect(formatMoney(1250n, PEN)).toBe('12.50');
    expect(formatMoney(-7n, PEN)).toBe('-0.07');
    expect(() => parseMoney('1.005', PEN)).toThrow(/2 decimals/);
    expect(() => parseMoney('1,5', PEN)).toThrow(/not a decimal/);
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (minor) => {
        expect(parseMoney(formatMoney(minor, PEN), PEN)).toBe(minor);
      }),
    );
  });
});

describe('mass units', () => {
  it('converts the Peruvian quintal, the Colombian carga and the pound', () => {
    expect(toGrams('1', 'qq-pe')).toBe(46_000n);
    expect(toGrams('2.5', 'qq-pe')).toBe(115_000n);
    expect(toGrams('1', 'carga-co')).toBe(125_000n);
    expect(toGrams('100', 'lb')).toBe(45_359n);
    expect(fromGrams(115_000n, 'qq-pe')).toBe('2.50');
    expect(fromGrams(45_359n, 'lb', 1)).toBe('100.0');
  });

  it('grams → unit → grams loses less than the display precision', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.constantFrom(...MASS_UNITS), (grams, unit) => {
        const back = toGrams(fromGrams(grams, unit, 6), unit);
        const diff = back > grams ? back - grams : grams - back;
        expect(diff <= 1n).toBe(true);
      }),
    );
  });
});
