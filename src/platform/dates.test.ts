import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, yearsBefore } from './dates.js';

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-03-14', '2026-04-13')).toBe(30);
    expect(yearsBefore('2028-02-29', -1)).toBe('2029-02-28');
  });

  it('property: daysBetween undoes addDays', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: -20_000, max: 20_000 }),
        (d, n) => {
          const date = d.toISOString().slice(0, 10);
          expect(daysBetween(date, addDays(date, n))).toBe(n);
        },
      ),
    );
  });
});
