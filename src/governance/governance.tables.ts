import type { ColumnType } from 'kysely';
import { z } from 'zod';
import type { Timestamp } from '../platform/db/schema.js';

/**
 * Kysely row types of the tables the governance domain owns (created by migrations/0007_governance.sql to 0011). Only this
 * domain's queries read and write them; other domains ask through governance/index.ts. src/database.ts adds
 * `GovernanceTables` to the one Database type. Keep in step with the migrations: test/catalog.test.ts
 * compares the two.
 */
export interface StatutesTable {
  org_id: string;
  statute_id: string;
  effective_from: string;
  params: ColumnType<unknown, string, string>;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface AssembliesTable {
  org_id: string;
  assembly_id: string;
  kind: 'ordinary' | 'extraordinary' | 'delegates';
  title: string;
  place: string;
  first_call_at: Timestamp;
  second_call_at: Timestamp;
  cutoff_date: string;
  agenda: ColumnType<unknown, string | undefined, string>;
  params: ColumnType<unknown, string, string>;
  convened_at: Timestamp;
  convened_by_label: string;
  quorum_established: ColumnType<unknown, never, string>;
}
export interface AssemblyRollTable {
  org_id: string;
  assembly_id: string;
  member_id: string;
  checked_in_at: Timestamp | null;
  checked_in_by_label: string | null;
}
export interface MotionsTable {
  org_id: string;
  motion_id: string;
  assembly_id: string;
  title: string;
  decision_type: string;
  method: 'hands' | 'named';
  present: number;
  yes: number;
  no: number;
  abstain: number;
  required_yes: number;
  passed: boolean;
  recorded_at: Timestamp;
  recorded_by_label: string;
  agenda_item: ColumnType<number | null, number | null | undefined, never>;
  amends_motion_id: ColumnType<string | null, string | null | undefined, never>;
}
export interface NamedVotesTable {
  org_id: string;
  motion_id: string;
  member_id: string;
  choice: 'yes' | 'no' | 'abstain';
}

export interface SecretVotesTable {
  org_id: string;
  vote_id: string;
  assembly_id: string;
  title: string;
  decision_type: string;
  status: 'open' | 'tallied';
  public_key: string;
  sealed_private_key: string | null;
  opened_at: Timestamp;
  opened_by_label: string;
  tallied_at: Timestamp | null;
  present: number | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  required_yes: number | null;
  passed: boolean | null;
}
export interface VoteParticipationTable {
  org_id: string;
  vote_id: string;
  member_id: string;
}
export interface VoteEnvelopesTable {
  org_id: string;
  vote_id: string;
  envelope_id: string;
  sealed: string;
}
export interface VoteBallotsTable {
  org_id: string;
  vote_id: string;
  receipt_code: string;
  choice: 'yes' | 'no' | 'abstain';
}

export type OrganKind = 'board' | 'oversight' | 'electoral' | 'education' | 'fiscal_auditor' | 'delegates';
export type OfficePosition =
  | 'president'
  | 'vice_president'
  | 'secretary'
  | 'treasurer'
  | 'member'
  | 'alternate';
export interface OfficeTermsTable {
  org_id: string;
  term_id: string;
  organ: OrganKind;
  position: OfficePosition;
  member_id: string | null;
  holder_name: string;
  holder_sex: 'female' | 'male' | null;
  zone: string | null;
  starts_on: string;
  ends_on: string;
  ended_on: string | null;
  ended_reason: string | null;
  election_id: string | null;
  recorded_at: Timestamp;
  recorded_by_label: string;
}
export interface ElectionsTable {
  org_id: string;
  election_id: string;
  assembly_id: string;
  organ: OrganKind;
  seats: number;
  alternates: number;
  term_starts_on: string;
  term_ends_on: string;
  method: 'secret' | 'counted';
  tie_break: 'seniority' | 'lot' | 'runoff';
  status: 'nominating' | 'open' | 'tallied';
  public_key: string | null;
  sealed_private_key: string | null;
  created_at: Timestamp;
  created_by_label: string;
  opened_at: Timestamp | null;
  tallied_at: Timestamp | null;
  voters: number | null;
  blank: number | null;
  draw_seed: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface ElectionCandidatesTable {
  org_id: string;
  election_id: string;
  member_id: string;
  ballot_index: number;
  nominated_at: Timestamp;
  votes: number | null;
  outcome: 'elected' | 'alternate' | 'not_elected' | 'tied' | null;
  tie_note: string | null;
}
export interface ElectionParticipationTable {
  org_id: string;
  election_id: string;
  member_id: string;
}
export interface ElectionEnvelopesTable {
  org_id: string;
  election_id: string;
  envelope_id: string;
  sealed: string;
}
export interface ElectionBallotsTable {
  org_id: string;
  election_id: string;
  receipt_code: string;
  choices: number[];
}
export interface AssemblyProxiesTable {
  org_id: string;
  assembly_id: string;
  grantor_member_id: string;
  holder_member_id: string;
  document_ref: string | null;
  registered_at: Timestamp;
  registered_by_label: string;
}
export interface MinutesTable {
  org_id: string;
  assembly_id: string;
  status: 'draft' | 'approved' | 'signed';
  body: string;
  version: number;
  book_number: number | null;
  approved_at: Timestamp | null;
  approved_by_label: string | null;
  signed_at: Timestamp | null;
  designated_member_ids: ColumnType<string[], string[] | undefined, string[]>;
}
export interface MinutesVersionsTable {
  org_id: string;
  assembly_id: string;
  version: number;
  body: string;
  saved_at: Timestamp;
  saved_by_label: string;
}
export interface MinutesSignaturesTable {
  org_id: string;
  assembly_id: string;
  role: 'president' | 'secretary' | 'designated';
  seq: number;
  signer_name: string;
  member_id: string | null;
  method: 'in_app' | 'on_paper';
  signed_at: Timestamp;
  recorded_by_label: string;
}
export interface OversightReportsTable {
  org_id: string;
  report_id: string;
  period_end: string;
  filed_on: string;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  recorded_at: Timestamp;
  recorded_by_label: string;
}

/** The governance domain's tables by name, as src/database.ts merges them into Database. */
export interface GovernanceTables {
  statutes: StatutesTable;
  assemblies: AssembliesTable;
  assembly_roll: AssemblyRollTable;
  motions: MotionsTable;
  named_votes: NamedVotesTable;
  secret_votes: SecretVotesTable;
  vote_participation: VoteParticipationTable;
  vote_envelopes: VoteEnvelopesTable;
  vote_ballots: VoteBallotsTable;
  office_terms: OfficeTermsTable;
  elections: ElectionsTable;
  election_candidates: ElectionCandidatesTable;
  election_participation: ElectionParticipationTable;
  election_envelopes: ElectionEnvelopesTable;
  election_ballots: ElectionBallotsTable;
  assembly_proxies: AssemblyProxiesTable;
  minutes: MinutesTable;
  minutes_versions: MinutesVersionsTable;
  minutes_signatures: MinutesSignaturesTable;
  oversight_reports: OversightReportsTable;
}

// ---- JSON columns: the shape of what is stored, parsed where it is read -----------------------------

const StoredMajority = z.object({
  kind: z.enum(['simple', 'absolute', 'two_thirds']),
  abstentionsCount: z.boolean(),
});

/**
 * `statutes.params` and `assemblies.params` (the statute in force when the assembly was convened): the
 * statute's parameters as recorded. A statute recorded before a parameter existed lacks it, so every
 * part is optional here and quorum.ts `withDefaults` fills the gaps from the country's preset. Ranges are
 * checked when a statute is written (the request schema), not again on reading.
 */
export const StatuteParamsColumn = z.object({
  firstCall: z.object({ shareBp: z.number(), strictlyMore: z.boolean() }).partial().optional(),
  secondCall: z
    .object({ waitMinutes: z.number(), shareBp: z.number(), minimumPresent: z.number() })
    .partial()
    .optional(),
  majorities: z
    .object({
      ordinary: StoredMajority,
      statute_reform: StoredMajority,
      merger_dissolution: StoredMajority,
      election: StoredMajority,
    })
    .partial()
    .optional(),
  proxies: z.object({ allowed: z.boolean(), maxPerPerson: z.number() }).partial().optional(),
  noticeDays: z.number().optional(),
  termYears: z.number().optional(),
  maxConsecutiveTerms: z.number().optional(),
  organs: z
    .array(
      z.object({
        organ: z.enum(['board', 'oversight', 'electoral', 'education', 'fiscal_auditor', 'delegates']),
        seats: z.number(),
        alternates: z.number(),
      }),
    )
    .optional(),
  electionTieBreak: z.enum(['seniority', 'lot', 'runoff']).optional(),
  termWarningDays: z.number().optional(),
  ordinaryAssemblyMonths: z.number().optional(),
  minutes: z
    .object({
      signDays: z.number(),
      president: z.boolean(),
      secretary: z.boolean(),
      designatedMembers: z.number(),
    })
    .partial()
    .optional(),
  delegates: z.object({ membersPerDelegate: z.number() }).partial().optional(),
  oversightReportsPerYear: z.number().optional(),
});
export type StoredStatuteParams = z.infer<typeof StatuteParamsColumn>;

/** `assemblies.agenda`: the agenda's items in order. */
export const AgendaColumn = z.array(z.string());

/** `assemblies.quorum_established`: the quorum on which the first decision was taken, and when. */
export const QuorumEstablishedColumn = z
  .object({
    call: z.enum(['first', 'second']),
    eligible: z.number(),
    present: z.number(),
    required: z.number(),
    met: z.boolean(),
    at: z.string(),
  })
  .nullable();
