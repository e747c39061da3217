import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outliers, type SettlementRule, settleMember, totalsOf } from './compute.js';

const rule: SettlementRule = {
  mode: 'second_payment',
  pricePerKgByClass: { conventional: 500_000n, organic: 800_000n }, // S/ 0.50 and S/ 0.80 per kg (price units: 1/10 000 céntimo)
  deductions: [
    { kind: 'share_capital_per_qq', perQuintalMinor: 500n },
    { kind: 'owed' },
    { kind: 'services' },
  ],
  floorBp: 5000,
};

describe('settlement of one member', () => {
  it('pays the extra price per kg by class and takes the deductions in order, explained', () => {
    const s = settleMember(rule, {
      memberId: 'm',
      payableGramsByClass: { organic: 920_000n, conventional: 460_000n }, // 20 qq + 10 qq
      owedMinor: 20_000n,
      services: [{ code: 'transport', amountMinor: 4_000n }],
    });
    // organic 920 kg × 0.80 = 736.00; conventional 460 kg × 0.50 = 230.00; gross 966.00
    expect(s.grossMinor).toBe(96_600n);
    // share capital: 30 qq × S/ 5 = 150.00; owed 200.00; transport 40.00; the floor (483.00) is not reached
    expect(s.deductions.map((d) => [d.code, d.takenMinor])).toEqual([
      ['share_capital', 15_000n],
      ['owed', 20_000n],
      ['transport', 4_000n],
    ]);
    expect(s.netMinor).toBe(57_600n);
    expect(s.floorApplied).toBe(false);
  });

  it('stops deductions at the floor: the member keeps at least half of what was due', () => {
    const s = settleMember(rule, {
      memberId: 'm',
      payableGramsByClass: { conventional: 460_000n },
      owedMinor: 1_000_000n,
      services: [{ code: 'sacks', amountMinor: 500n }],
    });
    expect(s.grossMinor).toBe(23_000n);
    expect(s.netMinor).toBe(11_500n);
    expect(s.floorApplied).toBe(true);
    // 10 qq of share capital (50.00) first, then what the floor leaves of the debt: 65.00
    expect(s.deductions.find((d) => d.code === 'owed')).toMatchObject({
      requestedMinor: 1_000_000n,
      takenMinor: 6_500n,
    });
    expect(s.deductions.find((d) => d.code === 'sacks')).toMatchObject({ takenMinor: 0n });
  });

  it('properties: net = gross − deductions, net ≥ floor, nothing deducted beyond what was asked', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 50_000_000n }),
        fc.bigInt({ min: 0n, max: 50_000_000n }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.array(fc.bigInt({ min: 0n, max: 100_000n }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 10_000 }),
        (organic, conventional, owed, services, floorBp) => {
          const s = settleMember(
            { ...rule, floorBp },
            {
              memberId: 'm',
              payableGramsByClass: { organic, conventional },
              owedMinor: owed,
              services: services.map((amountMinor, i) => ({ code: `s${i}`, amountMinor })),
            },
          );
          const deducted = s.deductions.reduce((a, d) => a + d.takenMinor, 0n);
          expect(s.netMinor).toBe(s.grossMinor - deducted);
          expect(s.netMinor * 10_000n >= s.grossMinor * BigInt(floorBp)).toBe(true);
          for (const d of s.deductions) {
            expect(d.takenMinor >= 0n && d.takenMinor <= d.requestedMinor).toBe(true);
          }
          if (floorBp === 10_000) expect(deducted).toBe(0n);
        },
      ),
    );
  });

  it('final price: pays the final price less what the tickets were credited at delivery, never below zero', () => {
    const s = settleMember(
      {
        ...rule,
        mode: 'final_price',
        pricePerKgByClass: { conventional: 18_200_000n, organic: 20_000_000n },
      },
      {
        memberId: 'm',
        // 92 kg conventional credited S/ 15.00 per kg at the desk; 46 kg organic credited S/ 21.00 per kg
        payableGramsByClass: { conventional: 92_000n, organic: 46_000n },
        creditedMinorByClass: { conventional: 138_000n, organic: 96_600n },
        owedMinor: 0n,
        services: [],
      },
    );
    // conventional: 92 × 18.20 = 1,674.40 − 1,380.00 = 294.40; organic: 46 × 20.00 = 920.00 < 966.00 → 0
    expect(s.grossByClass).toEqual([
      {
        certificationClass: 'conventional',
        payableGrams: 92_000n,
        pricePerKg: 18_200_000n,
        valueAtPriceMinor: 167_440n,
        alreadyCreditedMinor: 138_000n,
        amountMinor: 29_440n,
      },
      {
        certificationClass: 'organic',
        payableGrams: 46_000n,
        pricePerKg: 20_000_000n,
        valueAtPriceMinor: 92_000n,
        alreadyCreditedMinor: 96_600n,
        amountMinor: 0n,
      },
    ]);
    expect(s.grossMinor).toBe(29_440n);
  });

  it('properties of the final price: credited + paid ≥ value at the final price, and exactly equal when the final price is higher', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 50_000_000n }),
        fc.bigInt({ min: 0n, max: 40_000_000n }),
        fc.bigInt({ min: 0n, max: 100_000_000n }),
        (grams, price, credited) => {
          const s = settleMember(
            { ...rule, mode: 'final_price', pricePerKgByClass: { conventional: price } },
            {
              memberId: 'm',
              payableGramsByClass: { conventional: grams },
              creditedMinorByClass: { conventional: credited },
              owedMinor: 0n,
              services: [],
            },
          );
          const line = s.grossByClass[0];
          if (grams === 0n) {
            expect(line).toBeUndefined();
            return;
          }
          expect(line!.amountMinor >= 0n).toBe(true);
          expect(credited + line!.amountMinor >= line!.valueAtPriceMinor).toBe(true);
          if (line!.valueAtPriceMinor >= credited)
            expect(credited + line!.amountMinor).toBe(line!.valueAtPriceMinor);
          // the second-payment reading of the same number never subtracts anything
          const second = settleMember(
            { ...rule, pricePerKgByClass: { conventional: price } },
            { memberId: 'm', payableGramsByClass: { conventional: grams }, owedMinor: 0n, services: [] },
          );
          expect(second.grossMinor).toBe(line!.valueAtPriceMinor);
        },
      ),
    );
  });

  it('totals add up and outliers are the members far from the median per kg', () => {
    const many = Array.from({ length: 9 }, (_, i) =>
      settleMember(rule, {
        memberId: `m${i}`,
        payableGramsByClass: { conventional: 460_000n },
        owedMinor: 0n,
        services: [],
      }),
    );
    const odd = settleMember(
      { ...rule, floorBp: 0 },
      { memberId: 'odd', payableGramsByClass: { conventional: 460_000n }, owedMinor: 999_999n, services: [] },
    );
    const totals = totalsOf([...many, odd]);
    expect(totals.netMinor).toBe([...many, odd].reduce((a, s) => a + s.netMinor, 0n));
    expect(totals.grossMinor - totals.deductedMinor).toBe(totals.netMinor);
    expect(outliers([...many, odd])).toEqual(['odd']);
  });
});
