import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, goodStanding, ruleOn, type StandingFacts, statusOn } from './standing.js';

const base: StandingFacts = {
  joinDate: '2020-03-01',
  changes: [
    { effectiveDate: '2020-03-01', toStatus: 'applicant' },
    { effectiveDate: '2020-06-01', toStatus: 'active' },
  ],
  shareCapitalSubscribedMinor: 50_000,
  shareCapitalPaidMinor: 25_000,
  lastInspectionResult: 'approved',
};

describe('good standing (socio hábil)', () => {
  it('is active on the date, by default', () => {
    expect(goodStanding(base, [], '2026-01-01').inGoodStanding).toBe(true);
    const early = goodStanding(base, [], '2020-04-01');
    expect(early.inGoodStanding).toBe(false);
    expect(early.reasons).toEqual([{ code: 'standing.status', params: { status: 'applicant' } }]);
    expect(goodStanding(base, [], '2019-12-31').reasons.map((r) => r.code)).toContain(
      'standing.not_yet_member',
    );
  });

  it('follows suspension and its lifting by effective date', () => {
    const facts: StandingFacts = {
      ...base,
      changes: [
        ...base.changes,
        { effectiveDate: '2025-02-01', toStatus: 'suspended' },
        { effectiveDate: '2025-08-01', toStatus: 'active' },
      ],
    };
    expect(goodStanding(facts, [], '2025-05-01').inGoodStanding).toBe(false);
    expect(goodStanding(facts, [], '2025-08-01').inGoodStanding).toBe(true);
  });

  it('applies the statute in force on the date: capital paid, months since joining, inspection', () => {
    const rules = [
      {
        effectiveFrom: '2021-01-01',
        minMonthsSinceJoining: 3,
        minShareCapitalPaidBp: 0,
        excludeRejectedInspection: false,
      },
      {
        effectiveFrom: '2024-01-01',
        minMonthsSinceJoining: 3,
        minShareCapitalPaidBp: 6000,
        excludeRejectedInspection: true,
      },
    ];
    expect(goodStanding(base, rules, '2023-06-01').inGoodStanding).toBe(true);
    const later = goodStanding(base, rules, '2024-06-01');
    expect(later.ruleEffectiveFrom).toBe('2024-01-01');
    expect(later.reasons).toEqual([{ code: 'standing.share_capital', params: { requiredBp: 6000 } }]);
    expect(goodStanding({ ...base, shareCapitalPaidMinor: 30_000 }, rules, '2024-06-01').inGoodStanding).toBe(
      true,
    );
    expect(
      goodStanding(
        { ...base, shareCapitalPaidMinor: 30_000, lastInspectionResult: 'rejected' },
        rules,
        '2024-06-01',
      ).reasons[0]!.code,
    ).toBe('standing.inspection_rejected');
    const recent = {
      ...base,
      joinDate: '2024-05-01',
      changes: [{ effectiveDate: '2024-05-01', toStatus: 'active' as const }],
      shareCapitalPaidMinor: 50_000,
    };
    expect(goodStanding(recent, rules, '2024-06-01').reasons.map((r) => r.code)).toEqual([
      'standing.too_recent',
    ]);
    expect(goodStanding(recent, rules, '2024-08-01').inGoodStanding).toBe(true);
  });

  it('paying more capital never takes good standing away; a withdrawn or deceased member never has it', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.nat(100_000),
        fc.integer({ min: 0, max: 10_000 }),
        (paid, extra, bp) => {
          const rules = [
            {
              effectiveFrom: '2000-01-01',
              minMonthsSinceJoining: 0,
              minShareCapitalPaidBp: bp,
              excludeRejectedInspection: false,
            },
          ];
          const before = goodStanding(
            { ...base, shareCapitalPaidMinor: paid },
            rules,
            '2026-01-01',
          ).inGoodStanding;
          const after = goodStanding(
            { ...base, shareCapitalPaidMinor: paid + extra },
            rules,
            '2026-01-01',
          ).inGoodStanding;
          expect(!before || after).toBe(true);
          for (const toStatus of ['withdrawn', 'deceased'] as const) {
            const gone = {
              ...base,
              shareCapitalPaidMinor: paid + extra,
              changes: [...base.changes, { effectiveDate: '2025-01-01', toStatus }],
            };
            expect(goodStanding(gone, rules, '2026-01-01').inGoodStanding).toBe(false);
          }
        },
      ),
    );
  });

  it('helpers: the rule and status on a date, and month arithmetic', () => {
    expect(ruleOn([], '2026-01-01').effectiveFrom).toBe('1900-01-01');
    expect(statusOn(base.changes, '2020-06-01')).toBe('active');
    expect(statusOn(base.changes, '2020-02-28')).toBeNull();
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(addMonths('2024-05-10', 0)).toBe('2024-05-10');
  });
});
