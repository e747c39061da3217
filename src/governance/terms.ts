import { createHash } from 'node:crypto';
import { daysBetween } from '../platform/dates.js';
import type { OrganKind } from './governance.tables.js';

/**
 * Terms of office and elections, pure: how many consecutive terms a member has served in an organ,
 * whether a candidate may stand, and who an election's counts put in office under the statute's
 * tie-break rule.
 */

export interface TermFacts {
  organ: OrganKind;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
}

/** A term that ended up to this many days before the next began is consecutive with it. */
export const CONSECUTIVE_GAP_DAYS = 31;

/**
 * The terms in `organ` served back to back up to a new term starting on `newStart`: the chain of terms
 * each ending (or ended) no more than a month before the next begins.
 */
export function consecutiveTerms(terms: TermFacts[], organ: OrganKind, newStart: string): number {
  const earlier = terms
    .filter((t) => t.organ === organ && t.startsOn < newStart)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
  let count = 0;
  let nextStart = newStart;
  for (const term of earlier) {
    const end = term.endedOn ?? term.endsOn;
    if (daysBetween(end, nextStart) > CONSECUTIVE_GAP_DAYS) break;
    count++;
    nextStart = term.startsOn;
  }
  return count;
}

/** Whether a term is in office on a date: started, and neither ended early nor over. */
export function inOffice(term: { startsOn: string; endsOn: string; endedOn: string | null }, on: string) {
  return term.startsOn <= on && on < (term.endedOn ?? term.endsOn);
}

export type IneligibleReason =
  | 'not_in_good_standing'
  | 'reelection_limit'
  | 'on_electoral_committee'
  | 'incompatible_office';

/** Organs whose members may not sit on the other at the same time (the overseer is not the overseen). */
const INCOMPATIBLE: Partial<Record<OrganKind, OrganKind[]>> = {
  board: ['oversight'],
  oversight: ['board'],
};

/**
 * The organs a candidate for `organ` may not also stand for at the same assembly: the incompatible one,
 * and the electoral committee against every other (it runs the election).
 */
export function conflictingCandidacies(organ: OrganKind): OrganKind[] {
  const all: OrganKind[] = ['board', 'oversight', 'electoral', 'education', 'fiscal_auditor', 'delegates'];
  if (organ === 'electoral') return all.filter((o) => o !== 'electoral');
  return [...(INCOMPATIBLE[organ] ?? []), 'electoral'];
}

/**
 * Why a member may not stand for `organ` with a term starting on `startsOn`, or an empty list. The
 * electoral committee runs the election, so its members in office stand for nothing but it.
 */
export function ineligibility(input: {
  organ: OrganKind;
  startsOn: string;
  electionDate: string;
  inGoodStanding: boolean;
  terms: TermFacts[];
  maxConsecutiveTerms: number;
}): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (!input.inGoodStanding) reasons.push('not_in_good_standing');
  if (consecutiveTerms(input.terms, input.organ, input.startsOn) >= input.maxConsecutiveTerms)
    reasons.push('reelection_limit');
  if (
    input.organ !== 'electoral' &&
    input.terms.some((t) => t.organ === 'electoral' && inOffice(t, input.electionDate))
  )
    reasons.push('on_electoral_committee');
  const incompatible = INCOMPATIBLE[input.organ] ?? [];
  if (input.terms.some((t) => incompatible.includes(t.organ) && inOffice(t, input.startsOn)))
    reasons.push('incompatible_office');
  return reasons;
}

export interface CandidateCount {
  memberId: string;
  votes: number;
  /** Join date, for the seniority tie-break (earlier is more senior); null sorts last. */
  joinDate: string | null;
}

export type Outcome = 'elected' | 'alternate' | 'not_elected' | 'tied';

export interface RankedCandidate extends CandidateCount {
  rank: number;
  outcome: Outcome;
  /** Set when the outcome depended on the tie-break: how it was decided. */
  tieNote: 'seniority' | 'lot' | 'runoff' | null;
}

/**
 * The draw's order: a hash of a seed drawn when the tally runs (stored and published) and the member id,
 * so anyone can recompute it afterwards and nobody could steer it beforehand.
 */
export function lotKey(seed: string, memberId: string): string {
  return createHash('sha256').update(`${seed}:${memberId}`).digest('hex');
}

/**
 * The outcome of an election: the `seats` most voted are elected, the next `alternates` are alternates.
 * A candidate needs at least one vote. Where equal counts straddle the last seat (or the last alternate
 * place), the statute decides: seniority (then the draw), the draw, or a runoff (those tied are marked
 * `tied` and the seats stay open for a second round).
 */
export function rankElection(
  drawSeed: string,
  candidates: CandidateCount[],
  seats: number,
  alternates: number,
  tieBreak: 'seniority' | 'lot' | 'runoff',
): RankedCandidate[] {
  const byLot = (a: CandidateCount, b: CandidateCount) =>
    lotKey(drawSeed, a.memberId) < lotKey(drawSeed, b.memberId) ? -1 : 1;
  const bySeniority = (a: CandidateCount, b: CandidateCount) => {
    if (a.joinDate === b.joinDate) return byLot(a, b);
    if (a.joinDate === null) return 1;
    if (b.joinDate === null) return -1;
    return a.joinDate < b.joinDate ? -1 : 1;
  };
  const order = [...candidates].sort((a, b) => {
    if (a.votes !== b.votes) return b.votes - a.votes;
    return tieBreak === 'seniority' ? bySeniority(a, b) : byLot(a, b);
  });
  const boundaries = [seats, seats + alternates];
  const outcomeAt = (i: number): Outcome =>
    order[i]!.votes === 0
      ? 'not_elected'
      : i < seats
        ? 'elected'
        : i < seats + alternates
          ? 'alternate'
          : 'not_elected';
  const result: RankedCandidate[] = order.map((c, i) => ({
    ...c,
    rank: i + 1,
    outcome: outcomeAt(i),
    tieNote: null,
  }));
  for (const boundary of boundaries) {
    if (boundary <= 0 || boundary >= order.length) continue;
    const votesAtEdge = order[boundary - 1]!.votes;
    if (votesAtEdge === 0 || order[boundary]!.votes !== votesAtEdge) continue;
    // everyone with the edge's count straddles it: their places were decided by the tie-break
    for (const r of result) {
      if (r.votes !== votesAtEdge) continue;
      if (tieBreak === 'runoff') {
        r.outcome = 'tied';
        r.tieNote = 'runoff';
      } else r.tieNote = tieBreak;
    }
  }
  return result;
}
