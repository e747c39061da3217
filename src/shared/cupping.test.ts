import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blindCodes,
  type CuppingScore,
  finalScore,
  scoreProblems,
  stepQuarter,
  summarize,
  totalScore,
} from './cupping.js';

const quarter = fc.integer({ min: 24, max: 40 }).map((q) => q * 25);
const cups = fc.integer({ min: 0, max: 5 });
const score: fc.Arbitrary<CuppingScore> = fc
  .record({
    fragrance: quarter,
    flavor: quarter,
    aftertaste: quarter,
    acidity: quarter,
    body: quarter,
    balance: quarter,
    overall: quarter,
    uniformCups: cups,
    cleanCups: cups,
    sweetCups: cups,
    taintCups: cups,
  })
  .chain((s) => fc.integer({ min: 0, max: 5 - s.taintCups }).map((faultCups) => ({ ...s, faultCups })));

describe('SCA 2004 score arithmetic', () => {
  it('a typical specialty cup: seven 8.00s and perfect cups make 86.00', () => {
    const s: CuppingScore = {
      fragrance: 800,
      flavor: 800,
      aftertaste: 800,
      acidity: 800,
      body: 800,
      balance: 800,
      overall: 800,
      uniformCups: 5,
      cleanCups: 5,
      sweetCups: 5,
      taintCups: 0,
      faultCups: 0,
    };
    expect(totalScore(s)).toBe(8600);
    expect(finalScore({ ...s, taintCups: 1, faultCups: 1 })).toBe(8000);
    expect(scoreProblems({ ...s, flavor: 810 })).toEqual(['flavor']);
    expect(scoreProblems({ ...s, taintCups: 3, faultCups: 3 })).toEqual(['faultCups']);
  });

  it('every valid score is 42.00–100.00 before defects, in quarter points, and the final subtracts 2 or 4 per cup', () => {
    fc.assert(
      fc.property(score, (s) => {
        expect(scoreProblems(s)).toEqual([]);
        const total = totalScore(s);
        expect(total).toBeGreaterThanOrEqual(4200);
        expect(total).toBeLessThanOrEqual(10_000);
        expect(total % 25).toBe(0);
        expect(total - finalScore(s)).toBe(200 * s.taintCups + 400 * s.faultCups);
      }),
    );
  });

  it('stepping a quarter stays in 6.00–10.00 and moves one step', () => {
    fc.assert(
      fc.property(quarter, fc.constantFrom(1 as const, -1 as const), (v, d) => {
        const next = stepQuarter(v, d);
        expect(next).toBeGreaterThanOrEqual(600);
        expect(next).toBeLessThanOrEqual(1000);
        expect(Math.abs(next - v) === 25 || next === v).toBe(true);
      }),
    );
  });
});

describe('summary of scores', () => {
  it('mean, spread and standard deviation, exact integers', () => {
    expect(summarize([])).toBeNull();
    expect(summarize([8600, 8400, 8500])).toEqual({
      count: 3,
      mean: 8500,
      min: 8400,
      max: 8600,
      spread: 200,
      stdDev: 81, // sqrt(20000/3) = 81.65
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const s = summarize(xs)!;
        expect(s.mean).toBeGreaterThanOrEqual(s.min);
        expect(s.mean).toBeLessThanOrEqual(s.max);
        expect(s.stdDev * 2).toBeLessThanOrEqual(s.spread);
        const n = xs.length;
        const sum = xs.reduce((a, b) => a + b, 0);
        const v = n * xs.reduce((a, b) => a + b * b, 0) - sum * sum; // n²·variance, exact below 2^53
        expect((s.stdDev * n) ** 2).toBeLessThanOrEqual(v);
        expect(((s.stdDev + 1) * n) ** 2).toBeGreaterThan(v);
      }),
    );
  });

  it('blind codes are distinct three-digit numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (count, seed) => {
        let x = seed >>> 0 || 1;
        const random = () => {
          x = (x * 1103515245 + 12345) % 2 ** 31;
          return x / 2 ** 31;
        };
        const codes = blindCodes(count, random);
        expect(new Set(codes).size).toBe(count);
        for (const c of codes) expect(c).toMatch(/^[1-9][0-9]{2}$/);
      }),
    );
  });
});
