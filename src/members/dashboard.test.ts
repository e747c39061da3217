import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaBucket, buildDashboard, shareBp } from './dashboard.js';

describe('dashboard arithmetic', () => {
  it('shares are basis points rounded half up, and never exceed 10 000 for a part of a whole', () => {
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(2, 3)).toBe(6667);
    expect(shareBp(1, 8)).toBe(1250);
    expect(shareBp(5, 0)).toBe(0);
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100_000 }), (a, b) => {
        const part = Math.min(a, b);
        const bp = shareBp(part, b);
        expect(bp).toBeGreaterThanOrEqual(0);
        expect(bp).toBeLessThanOrEqual(10_000);
        // within half a basis point of the exact share
        expect(Math.abs(bp * b - part * 10_000) * 2).toBeLessThanOrEqual(b);
      }),
    );
  });

  it('buckets areas at the hectare boundaries', () => {
    expect(areaBucket(0)).toBe('0');
    expect(areaBucket(9_999)).toBe('<1');
    expect(areaBucket(10_000)).toBe('1-3');
    expect(areaBucket(100_000)).toBe('>=10');
  });

  it('adds up: totals from statuses, pyramid from sex × age, coverage per scheme', () => {
    const org = { org_id: 'a', slug: 'a', name: 'A' };
    const d = buildDashboard({
      orgs: [org],
      byStatus: [
        { org_id: 'a', status: 'active', n: 8 },
        { org_id: 'a', status: 'applicant', n: 2 },
        { org_id: 'a', status: 'withdrawn', n: 5 },
      ],
      bySexAndAge: [
        { org_id: 'a', sex: 'female', age_group: '<30', n: 1 },
        { org_id: 'a', sex: 'female', age_group: '45-59', n: 2 },
        { org_id: 'a', sex: 'male', age_group: '<30', n: 3 },
        { org_id: 'a', sex: 'male', age_group: '60+', n: 4 },
      ],
      joins: [{ year: '2024', n: 3 }],
      withdrawals: [{ year: '2025', n: 5 }],
      areas: [
        { org_id: 'a', farm_m2: 5_000, coffee_m2: 4_000 },
        { org_id: 'a', farm_m2: 25_000, coffee_m2: 20_000 },
      ],
      certifications: [{ org_id: 'a', scheme: 'organic_eu', certified: 4, in_conversion: 1 }],
      inspectionsDue: 2,
    });
    expect(d.totals).toMatchObject({
      members: 10,
      active: 8,
      women: 3,
      youngUnder30: 4,
      womenShareBp: 3000,
      youthShareBp: 4000,
    });
    expect(d.bySexAndAge.find((g) => g.ageGroup === '<30')).toEqual({
      ageGroup: '<30',
      female: 1,
      male: 3,
      unknown: 0,
    });
    expect(d.joinsAndWithdrawals).toEqual([
      { year: 2024, joins: 3, withdrawals: 0 },
      { year: 2025, joins: 0, withdrawals: 5 },
    ]);
    expect(d.farmSize.find((b) => b.bucket === '<1')?.members).toBe(1);
    expect(d.certifications).toEqual([
      { scheme: 'organic_eu', certified: 4, inConversion: 1, coverageBp: 5000 },
    ]);
    expect(d.cooperatives[0]).toMatchObject({ members: 10, certifiedShareBp: 5000 });
  });
});
