import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CandidateCount, consecutiveTerms, ineligibility, inOffice, rankElection } from './terms.js';

const term = (startsOn: string, endsOn: string, endedOn: string | null = null) => ({
  organ: 'board' as const,
  startsOn,
  endsOn,
  endedOn,
});

describe('consecutive terms', () => {
  it('counts back-to-back terms and stops at a gap of more than a month', () => {
    const terms = [term('2017-04-01', '2020-04-01'), term('2020-04-01', '2023-04-01')];
    expect(consecutiveTerms(terms, 'board', '2023-04-01')).toBe(2);
    expect(consecutiveTerms(terms, 'board', '2023-05-02')).toBe(2); // 31 days later: still consecutive
    expect(consecutiveTerms(terms, 'board', '2023-05-03')).toBe(0); // 32 days: a break
    expect(consecutiveTerms(terms, 'oversight', '2023-04-01')).toBe(0);
  });

  it('a term ended early ends the chain on the day it ended', () => {
    const terms = [term('2020-04-01', '2023-04-01', '2021-01-10')];
    expect(consecutiveTerms(terms, 'board', '2023-04-01')).toBe(0);
  });

  it('re-election limit, electoral committee and incompatible offices make a candidate ineligible', () => {
    const base = {
      organ: 'board' as const,
      startsOn: '2026-04-01',
      electionDate: '2026-03-20',
      inGoodStanding: true,
      maxConsecutiveTerms: 2,
    };
    expect(ineligibility({ ...base, terms: [] })).toEqual([]);
    expect(ineligibility({ ...base, inGoodStanding: false, terms: [] })).toEqual(['not_in_good_standing']);
    expect(
      ineligibility({ ...base, terms: [term('2020-04-01', '2023-04-01'), term('2023-04-01', '2026-04-01')] }),
    ).toEqual(['reelection_limit']);
    expect(
      ineligibility({
        ...base,
        terms: [{ organ: 'electoral', startsOn: '2025-01-01', endsOn: '2028-01-01', endedOn: null }],
      }),
    ).toEqual(['on_electoral_committee']);
    expect(
      ineligibility({
        ...base,
        terms: [{ organ: 'oversight', startsOn: '2025-01-01', endsOn: '2028-01-01', endedOn: null }],
      }),
    ).toEqual(['incompatible_office']);
  });

  it('in office from the first day up to the day before the end', () => {
    expect(inOffice(term('2026-01-01', '2027-01-01'), '2026-01-01')).toBe(true);
    expect(inOffice(term('2026-01-01', '2027-01-01'), '2027-01-01')).toBe(false);
    expect(inOffice(term('2026-01-01', '2027-01-01', '2026-06-01'), '2026-06-01')).toBe(false);
  });
});

const candidate = (memberId: string, votes: number, joinDate: string | null = null): CandidateCount => ({
  memberId,
  votes,
  joinDate,
});

describe('election ranking', () => {
  it('elects the most voted, then alternates, and breaks a tie at the last seat by seniority', () => {
    const ranked = rankElection(
      'e1',
      [
        candidate('a', 10),
        candidate('b', 7, '2015-01-01'),
        candidate('c', 7, '2010-01-01'),
        candidate('d', 2),
      ],
      2,
      1,
      'seniority',
    );
    const by = Object.fromEntries(ranked.map((r) => [r.memberId, r]));
    expect(by.a!.outcome).toBe('elected');
    expect(by.c!.outcome).toBe('elected'); // joined earlier
    expect(by.c!.tieNote).toBe('seniority');
    expect(by.b!.outcome).toBe('alternate');
    expect(by.d!.outcome).toBe('not_elected');
  });

  it('a runoff leaves the tied seat open', () => {
    const ranked = rankElection(
      'e1',
      [candidate('a', 10), candidate('b', 7), candidate('c', 7)],
      2,
      0,
      'runoff',
    );
    expect(ranked.map((r) => r.outcome).sort()).toEqual(['elected', 'tied', 'tied']);
  });

  it('nobody is elected without a vote', () => {
    const ranked = rankElection('e1', [candidate('a', 3), candidate('b', 0)], 2, 0, 'lot');
    expect(ranked.find((r) => r.memberId === 'b')!.outcome).toBe('not_elected');
  });

  it('properties: never more elected than seats; every elected has at least as many votes as anyone not elected', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('seniority' as const, 'lot' as const, 'runoff' as const),
        (votes, seats, alternates, tieBreak) => {
          const ranked = rankElection(
            'e',
            votes.map((v, i) => candidate(`m${i}`, v, `2000-01-${String((i % 28) + 1).padStart(2, '0')}`)),
            seats,
            alternates,
            tieBreak,
          );
          const elected = ranked.filter((r) => r.outcome === 'elected');
          const tied = ranked.filter((r) => r.outcome === 'tied');
          expect(elected.length).toBeLessThanOrEqual(seats);
          if (tieBreak !== 'runoff') expect(tied).toEqual([]);
          const minElected = Math.min(...elected.map((r) => r.votes));
          for (const r of ranked)
            if (r.outcome === 'not_elected' || r.outcome === 'alternate')
              expect(r.votes).toBeLessThanOrEqual(minElected);
          // the same counts give the same result (a draw anyone can recompute)
          expect(rankElection('e', ranked, seats, alternates, tieBreak).map((r) => r.outcome)).toEqual(
            ranked.map((r) => r.outcome),
          );
          // with enough positive-vote candidates and no runoff, every seat is filled
          const positive = votes.filter((v) => v > 0).length;
          if (tieBreak !== 'runoff') expect(elected.length).toBe(Math.min(seats, positive));
        },
      ),
    );
  });
});
