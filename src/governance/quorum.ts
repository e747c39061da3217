/**
 * Quorum and majorities, pure, from a cooperative's statute. Peru's law leaves the numbers to each
 * statute (REFERENCE.md §4.1, not verified: they are parameters); Colombia's Ley 79/1988 Art. 31 sets the
 * quorum at half of the members in good standing, and after an hour at least 10 % of them and half the
 * founding minimum (§4.2). Presets give both as starting points; every number is editable.
 */

import type { OrganKind, StoredStatuteParams } from './governance.tables.js';

export type DecisionType = 'ordinary' | 'statute_reform' | 'merger_dissolution' | 'election';
export type MajorityKind = 'simple' | 'absolute' | 'two_thirds';

export interface StatuteParams {
  /** First call: at least this share of the eligible (basis points), strictly more when `strictlyMore`. */
  firstCall: { shareBp: number; strictlyMore: boolean };
  /** Second call, after a wait: at least this share and at least this many people. */
  secondCall: { waitMinutes: number; shareBp: number; minimumPresent: number };
  majorities: Record<DecisionType, { kind: MajorityKind; abstentionsCount: boolean }>;
  proxies: { allowed: boolean; maxPerPerson: number };
  noticeDays: number;
  termYears: number;
  maxConsecutiveTerms: number;
  /** The organs the statute sets up, with their seats and alternates. */
  organs: { organ: OrganKind; seats: number; alternates: number }[];
  /** How a tie for the last seat is broken: the longest-standing member, a verifiable draw, or a runoff. */
  electionTieBreak: 'seniority' | 'lot' | 'runoff';
  /** Warn this many days before a term ends. */
  termWarningDays: number;
  /** The ordinary assembly is held within this many months after the fiscal year closes (31 December). */
  ordinaryAssemblyMonths: number;
  /** Who signs the minutes, and within how many days of the assembly. */
  minutes: { signDays: number; president: boolean; secretary: boolean; designatedMembers: number };
  /** Delegates' assemblies: one delegate per this many members in good standing of a zone. */
  delegates: { membersPerDelegate: number };
  oversightReportsPerYear: number;
}

export const PRESETS: Record<'PE' | 'CO', StatuteParams> = {
  // Common in Peruvian statutes (REFERENCE §4.1, [U]): more than half in first call.
  PE: {
    firstCall: { shareBp: 5000, strictlyMore: true },
    secondCall: { waitMinutes: 30, shareBp: 0, minimumPresent: 1 },
    majorities: {
      ordinary: { kind: 'simple', abstentionsCount: false },
      election: { kind: 'simple', abstentionsCount: false },
      statute_reform: { kind: 'two_thirds', abstentionsCount: true },
      merger_dissolution: { kind: 'two_thirds', abstentionsCount: true },
    },
    proxies: { allowed: true, maxPerPerson: 1 },
    noticeDays: 10,
    termYears: 3,
    maxConsecutiveTerms: 2,
    // SUNARP registers these four organs (§4.1); seats are common values, every one editable.
    organs: [
      { organ: 'board', seats: 5, alternates: 2 },
      { organ: 'oversight', seats: 3, alternates: 1 },
      { organ: 'electoral', seats: 3, alternates: 1 },
      { organ: 'education', seats: 3, alternates: 0 },
    ],
    electionTieBreak: 'seniority',
    termWarningDays: 90,
    ordinaryAssemblyMonths: 3,
    minutes: { signDays: 30, president: true, secretary: true, designatedMembers: 3 },
    delegates: { membersPerDelegate: 50 },
    oversightReportsPerYear: 2,
  },
  // Ley 79/1988 Art. 31 (§4.2): half; after one hour ≥ 10 % and ≥ half the founding minimum (20 → 10).
  CO: {
    firstCall: { shareBp: 5000, strictlyMore: false },
    secondCall: { waitMinutes: 60, shareBp: 1000, minimumPresent: 10 },
    majorities: {
      ordinary: { kind: 'absolute', abstentionsCount: true },
      election: { kind: 'simple', abstentionsCount: false },
      statute_reform: { kind: 'two_thirds', abstentionsCount: true },
      merger_dissolution: { kind: 'two_thirds', abstentionsCount: true },
    },
    proxies: { allowed: false, maxPerPerson: 0 },
    noticeDays: 10,
    termYears: 2,
    maxConsecutiveTerms: 2,
    // Ley 79/1988: Consejo de Administración, Junta de Vigilancia, Revisor Fiscal, Comité de Educación (§4.2).
    organs: [
      { organ: 'board', seats: 5, alternates: 3 },
      { organ: 'oversight', seats: 3, alternates: 3 },
      { organ: 'education', seats: 3, alternates: 0 },
      { organ: 'fiscal_auditor', seats: 1, alternates: 1 },
    ],
    electionTieBreak: 'lot',
    termWarningDays: 90,
    // Art. 28: within the first three months of the year.
    ordinaryAssemblyMonths: 3,
    minutes: { signDays: 30, president: true, secretary: true, designatedMembers: 2 },
    delegates: { membersPerDelegate: 50 },
    oversightReportsPerYear: 2,
  },
};

export interface QuorumState {
  call: 'first' | 'second';
  eligible: number;
  present: number;
  /** The fewest people present for a quorum on this call. */
  required: number;
  met: boolean;
}

/** The quorum on a call: `required` is the smallest whole number of people that satisfies the rule. */
export function quorum(
  params: StatuteParams,
  call: 'first' | 'second',
  eligible: number,
  present: number,
): QuorumState {
  let required: number;
  if (call === 'first') {
    // share of eligible, as integers: present × 10000 ≥ eligible × bp (or > when strictly more)
    const exact = eligible * params.firstCall.shareBp;
    required = params.firstCall.strictlyMore ? Math.floor(exact / 10_000) + 1 : Math.ceil(exact / 10_000);
  } else {
    required = Math.max(
      Math.ceil((eligible * params.secondCall.shareBp) / 10_000),
      params.secondCall.minimumPresent,
    );
  }
  required = Math.max(required, 1);
  return { call, eligible, present, required, met: present >= required };
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

export interface Decision {
  passed: boolean;
  /** Yes votes needed to pass with these counts. */
  requiredYes: number;
  base: number;
  kind: MajorityKind;
}

/**
 * Whether a motion passes. Simple: more yes than no. Absolute: more than half of the base. Two
 * thirds: at least two thirds of the base. The base is yes + no, plus abstentions when the statute
 * counts them (then an abstention weighs like a no).
 */
export function decide(params: StatuteParams, type: DecisionType, tally: Tally): Decision {
  const rule = params.majorities[type];
  const base = tally.yes + tally.no + (rule.abstentionsCount ? tally.abstain : 0);
  let requiredYes: number;
  if (rule.kind === 'simple') requiredYes = tally.no + (rule.abstentionsCount ? tally.abstain : 0) + 1;
  else if (rule.kind === 'absolute') requiredYes = Math.floor(base / 2) + 1;
  else requiredYes = Math.ceil((2 * base) / 3);
  requiredYes = Math.max(requiredYes, 1);
  return { passed: tally.yes >= requiredYes, requiredYes, base, kind: rule.kind };
}

/**
 * A statute's parameters with the ones it does not mention taken from its country's preset: statutes
 * recorded before a parameter existed keep working, and a partial edit never leaves a rule undefined.
 */
export function withDefaults(params: StoredStatuteParams, country: string): StatuteParams {
  const preset = PRESETS[country === 'CO' ? 'CO' : 'PE'];
  const given = params;
  return {
    ...preset,
    ...given,
    firstCall: { ...preset.firstCall, ...given.firstCall },
    secondCall: { ...preset.secondCall, ...given.secondCall },
    majorities: { ...preset.majorities, ...given.majorities },
    proxies: { ...preset.proxies, ...given.proxies },
    minutes: { ...preset.minutes, ...given.minutes },
    delegates: { ...preset.delegates, ...given.delegates },
    organs: given.organs ?? preset.organs,
  };
}
