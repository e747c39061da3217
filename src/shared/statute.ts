/**
 * A cooperative's statute as numbers (quorum, majorities, notice, terms, organs, minutes), and the
 * country presets that start one. Peru's law leaves the numbers to each statute (REFERENCE.md §4.1, not
 * verified: they are parameters); Colombia's Ley 79/1988 Art. 31 sets the quorum (§4.2). The server
 * fills a statute's gaps from the preset; the web app's "start from the model" reads the same presets.
 */
import type { DecisionType, MajorityKind, OrganKind, TieBreak } from './enums.js';

export type { DecisionType, MajorityKind };

/** A type, not an interface, so it fits the contract's open (loose) statute schema. */
export type StatuteParams = {
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
  electionTieBreak: TieBreak;
  /** Warn this many days before a term ends. */
  termWarningDays: number;
  /** The ordinary assembly is held within this many months after the fiscal year closes (31 December). */
  ordinaryAssemblyMonths: number;
  /** Who signs the minutes, and within how many days of the assembly. */
  minutes: { signDays: number; president: boolean; secretary: boolean; designatedMembers: number };
  /** Delegates' assemblies: one delegate per this many members in good standing of a zone. */
  delegates: { membersPerDelegate: number };
  oversightReportsPerYear: number;
};

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
