import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionGrams, computeOutturn, ratioBp, weightedYieldBp } from './outturn.js';

describe('outturn', () => {
  it('is green export grams per parchment gram in basis points, rounded half up', () => {
    expect(ratioBp(780, 1000)).toBe(7800);
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(5, 0)).toBeNull();
  });

  it('weighs intake yields by grams and skips tickets without one', () => {
    expect(
      weightedYieldBp([
        { grams: 100, yieldBp: 8000 },
        { grams: 300, yieldBp: 7600 },
        { grams: 50, yieldBp: null },
      ]),
    ).toBe(7700);
    expect(weightedYieldBp([{ grams: 10, yieldBp: null }])).toBeNull();
  });

  it('marks lots and members more than two points off the real outturn', () => {
    const result = computeOutturn({
      parchmentGrams: 1_000_000,
      greenExportGrams: 770_000,
      lots: [
        {
          key: 'a',
          label: 'A',
          grams: 1_000_000,
          tickets: [
            { memberKey: 'm1', memberLabel: '0001', grams: 500_000, yieldBp: 7750 },
            { memberKey: 'm2', memberLabel: '0002', grams: 500_000, yieldBp: 8000 },
          ],
        },
      ],
    });
    expect(result.realBp).toBe(7700);
    expect(result.intakeYieldBp).toBe(7875);
    expect(result.byLot[0]).toMatchObject({ deltaBp: -175, outlier: false });
    expect(result.byMember.map((m) => [m.label, m.deltaBp, m.outlier])).toEqual([
      ['0002', -300, true],
      ['0001', -50, false],
    ]);
  });

  it('apportions grams to the gram, never more nor less than the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const parts = apportionGrams(total, weights);
          const sum = weights.reduce((s, w) => s + w, 0);
          if (sum === 0) return parts.every((p) => p === 0);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          parts.forEach((p, i) => {
            const exact = (total * weights[i]!) / sum;
            expect(Math.abs(p - exact)).toBeLessThan(1.000001);
          });
          return true;
        },
      ),
    );
  });

  it('weighted yield lies between the smallest and largest yield measured', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ grams: fc.integer({ min: 1, max: 1e9 }), yieldBp: fc.integer({ min: 0, max: 10000 }) }),
          {
            minLength: 1,
          },
        ),
        (tickets) => {
          const y = weightedYieldBp(tickets)!;
          const ys = tickets.map((t) => t.yieldBp);
          return y >= Math.min(...ys) && y <= Math.max(...ys);
        },
      ),
    );
  });
});
