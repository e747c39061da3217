import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFECT_KINDS,
  type DefectCounts,
  fullDefects,
  gradeOf,
  mainScreen,
  outTurnBp,
  SCREENS,
  screenShares,
} from './grading.js';

const counts = fc.record(
  Object.fromEntries(DEFECT_KINDS.map((k) => [k, fc.nat({ max: 400 })])) as Record<
    (typeof DEFECT_KINDS)[number],
    fc.Arbitrary<number>
  >,
);

describe('full defects (SCA equivalents)', () => {
  it('reads the handbook table: 1 full black = 1, 3 partial black = 1, 5 floaters = 1, 10 slight insect = 1', () => {
    expect(fullDefects({ full_black: 1 })).toEqual({ primary: 1, secondary: 0, total: 1 });
    expect(fullDefects({ partial_black: 3 })).toEqual({ primary: 0, secondary: 1, total: 1 });
    expect(fullDefects({ partial_black: 2 })).toEqual({ primary: 0, secondary: 0, total: 0 });
    expect(fullDefects({ floater: 5, slight_insect: 10 })).toEqual({ primary: 0, secondary: 2, total: 2 });
    expect(fullDefects({ severe_insect: 4 }).primary).toBe(0);
    expect(fullDefects({ severe_insect: 5 }).primary).toBe(1);
  });

  it('never decreases when a bean is added, and grows by at most one full defect', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...DEFECT_KINDS), (c: DefectCounts, kind) => {
        const before = fullDefects(c).total;
        const after = fullDefects({ ...c, [kind]: (c[kind] ?? 0) + 1 }).total;
        expect(after - before === 0 || after - before === 1).toBe(true);
      }),
    );
  });

  it('is bounded by the bean count and is the sum of its parts', () => {
    fc.assert(
      fc.property(counts, (c: DefectCounts) => {
        const d = fullDefects(c);
        const beans = DEFECT_KINDS.reduce((s, k) => s + (c[k] ?? 0), 0);
        expect(d.total).toBe(d.primary + d.secondary);
        expect(d.total).toBeLessThanOrEqual(beans);
        expect(Number.isInteger(d.total)).toBe(true);
      }),
    );
  });
});

describe('grade', () => {
  it('draws the lines where the SCA classification does', () => {
    expect(gradeOf({ primary: 0, secondary: 5, total: 5 })).toBe('specialty');
    expect(gradeOf({ primary: 1, secondary: 0, total: 1 })).toBe('premium');
    expect(gradeOf({ primary: 0, secondary: 6, total: 6 })).toBe('premium');
    expect(gradeOf({ primary: 0, secondary: 8, total: 8 })).toBe('premium');
    expect(gradeOf({ primary: 0, secondary: 9, total: 9 })).toBe('exchange');
    expect(gradeOf({ primary: 3, secondary: 20, total: 23 })).toBe('exchange');
    expect(gradeOf({ primary: 3, secondary: 21, total: 24 })).toBe('below_standard');
    expect(gradeOf({ primary: 6, secondary: 80, total: 86 })).toBe('below_standard');
    expect(gradeOf({ primary: 6, secondary: 81, total: 87 })).toBe('off_grade');
  });

  it('more defects never give a better grade', () => {
    const order = ['specialty', 'premium', 'exchange', 'below_standard', 'off_grade'];
    fc.assert(
      fc.property(
        counts,
        fc.constantFrom(...DEFECT_KINDS),
        fc.nat({ max: 50 }),
        (c: DefectCounts, k, more) => {
          const a = gradeOf(fullDefects(c));
          const b = gradeOf(fullDefects({ ...c, [k]: (c[k] ?? 0) + more }));
          expect(order.indexOf(b)).toBeGreaterThanOrEqual(order.indexOf(a));
        },
      ),
    );
  });
});

describe('screens and out-turn', () => {
  it('shares add up exactly to what was weighed, each within one basis point of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 100 }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 1, max: 400 }),
        (grams, extra) => {
          const g = Object.fromEntries(SCREENS.map((s, i) => [s, grams[i]!]));
          const weighed = grams.reduce((a, b) => a + b, 0);
          const portion = weighed + extra - 1 || 1;
          if (weighed > portion) return;
          const shares = screenShares(g, portion);
          const sum = SCREENS.reduce((a, s) => a + shares[s], 0);
          expect(sum).toBe(Math.floor((weighed * 10_000) / portion));
          for (const [i, s] of SCREENS.entries()) {
            expect(Math.abs(shares[s] * portion - grams[i]! * 10_000)).toBeLessThan(portion);
          }
        },
      ),
    );
    expect(screenShares({ '18': 175, '17': 175 }, 350)['18']).toBe(5000);
    expect(mainScreen({ '18': 100, '17': 150 })).toBe('17');
    expect(mainScreen({})).toBeNull();
  });

  it('out-turn in basis points', () => {
    expect(outTurnBp(300, 234)).toBe(7800);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
        const green = Math.floor(p * f);
        const bp = outTurnBp(p, green);
        expect(bp * p).toBeLessThanOrEqual(green * 10_000);
        expect((bp + 1) * p).toBeGreaterThan(green * 10_000);
      }),
    );
  });
});
