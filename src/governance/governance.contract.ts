import { z } from 'zod';
import { ClientId, itemsOf, Slug } from '../shared/contract.js';
import {
  ASSEMBLY_KINDS,
  CANDIDATE_OUTCOMES,
  CHOICES,
  DECISION_TYPES,
  ELECTION_METHODS,
  INDICATOR_STATUSES,
  MAJORITY_KINDS,
  MINUTES_STATUSES,
  ORGAN_KINDS,
  POSITIONS,
  TIE_BREAKS,
} from '../shared/enums.js';

/**
 * The HTTP contract of governance (statutes, assemblies, motions, secret votes, organs and terms,
 * elections, proxies, minutes, oversight reports, the scorecard): the routes validate with these
 * schemas and the web app types its calls with them. Each schema has a type of the same name (its
 * parsed shape).
 */

/**
 * A statute's numbers as the server answers them: always whole (the server fills gaps from the
 * country preset, quorum.ts `withDefaults`), described loosely so nothing stored is dropped.
 */
const MajorityView = z.object({ kind: z.enum(MAJORITY_KINDS), abstentionsCount: z.boolean() });
export const StatuteParamsView = z.looseObject({
  firstCall: z.object({ shareBp: z.number(), strictlyMore: z.boolean() }),
  secondCall: z.object({ waitMinutes: z.number(), shareBp: z.number(), minimumPresent: z.number() }),
  majorities: z.object({
    ordinary: MajorityView,
    statute_reform: MajorityView,
    merger_dissolution: MajorityView,
    election: MajorityView,
  }),
  proxies: z.object({ allowed: z.boolean(), maxPerPerson: z.number() }),
  noticeDays: z.number(),
  termYears: z.number(),
  maxConsecutiveTerms: z.number(),
  organs: z.array(z.object({ organ: z.enum(ORGAN_KINDS), seats: z.number(), alternates: z.number() })),
  electionTieBreak: z.enum(TIE_BREAKS),
  termWarningDays: z.number(),
  ordinaryAssemblyMonths: z.number(),
  minutes: z.object({
    signDays: z.number(),
    president: z.boolean(),
    secretary: z.boolean(),
    designatedMembers: z.number(),
  }),
  delegates: z.object({ membersPerDelegate: z.number() }),
  oversightReportsPerYear: z.number(),
});

export const Majority = z.strictObject({
  kind: z.enum(MAJORITY_KINDS),
  abstentionsCount: z.boolean(),
});
export const StatuteBody = z.strictObject({
  id: ClientId,
  effectiveFrom: z.iso.date(),
  preset: z.enum(['PE', 'CO']).optional(),
  params: z
    .strictObject({
      firstCall: z
        .strictObject({ shareBp: z.number().int().min(0).max(10_000), strictlyMore: z.boolean() })
        .optional(),
      secondCall: z
        .strictObject({
          waitMinutes: z.number().int().min(0).max(1440),
          shareBp: z.number().int().min(0).max(10_000),
          minimumPresent: z.number().int().min(1),
        })
        .optional(),
      majorities: z
        .strictObject({
          ordinary: Majority,
          statute_reform: Majority,
          merger_dissolution: Majority,
          election: Majority,
        })
        .optional(),
      proxies: z
        .strictObject({ allowed: z.boolean(), maxPerPerson: z.number().int().min(0).max(10) })
        .optional(),
      noticeDays: z.number().int().min(0).max(90).optional(),
      termYears: z.number().int().min(1).max(10).optional(),
      maxConsecutiveTerms: z.number().int().min(1).max(10).optional(),
      organs: z
        .array(
          z.strictObject({
            organ: z.enum(ORGAN_KINDS),
            seats: z.number().int().min(1).max(15),
            alternates: z.number().int().min(0).max(15),
          }),
        )
        .max(6)
        .refine((organs) => new Set(organs.map((o) => o.organ)).size === organs.length, {
          message: 'each organ once',
        })
        .optional(),
      electionTieBreak: z.enum(TIE_BREAKS).optional(),
      termWarningDays: z.number().int().min(0).max(365).optional(),
      ordinaryAssemblyMonths: z.number().int().min(1).max(12).optional(),
      minutes: z
        .strictObject({
          signDays: z.number().int().min(1).max(365),
          president: z.boolean(),
          secretary: z.boolean(),
          designatedMembers: z.number().int().min(0).max(9),
        })
        .optional(),
      delegates: z.strictObject({ membersPerDelegate: z.number().int().min(1).max(10_000) }).optional(),
      oversightReportsPerYear: z.number().int().min(0).max(12).optional(),
    })
    .optional(),
});
export const ConveneBody = z.strictObject({
  id: ClientId,
  kind: z.enum(ASSEMBLY_KINDS),
  title: z.string().trim().min(1).max(200),
  place: z.string().trim().min(1).max(200),
  firstCallAt: z.iso.datetime({ offset: true }),
  secondCallAt: z.iso.datetime({ offset: true }),
  cutoffDate: z.iso.date(),
  agenda: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
});
export const AssemblyParams = z.strictObject({ org: Slug, assemblyId: z.uuid() });
/** The quorum on a call: `required` is the fewest people present that satisfy the statute. */
export const QuorumView = z.object({
  call: z.enum(['first', 'second']),
  eligible: z.number(),
  present: z.number(),
  required: z.number(),
  met: z.boolean(),
});
export const MotionView = z.object({
  id: z.uuid(),
  title: z.string(),
  decisionType: z.string(),
  method: z.string(),
  present: z.number(),
  yes: z.number(),
  no: z.number(),
  abstain: z.number(),
  requiredYes: z.number(),
  passed: z.boolean(),
  /** The agenda item (1 for the first) the motion belongs to. */
  agendaItem: z.number().nullable(),
  /** An amendment names the motion it amends. */
  amendsMotionId: z.uuid().nullable(),
});
/** One of the assembly's secret votes, as the assembly lists them (details from `SecretVote`). */
export const SecretVoteSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  decisionType: z.string(),
  status: z.enum(['open', 'tallied']),
  passed: z.boolean().nullable(),
});
export const Assembly = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  place: z.string(),
  firstCallAt: z.string(),
  secondCallAt: z.string(),
  cutoffDate: z.string(),
  agenda: z.array(z.string()),
  eligible: z.number(),
  present: z.number(),
  inPerson: z.number(),
  represented: z.number(),
  /** The quorum on which the assembly took its first decision, recorded then. */
  quorumEstablished: z
    .object({
      call: z.enum(['first', 'second']),
      eligible: z.number(),
      present: z.number(),
      required: z.number(),
      met: z.boolean(),
      at: z.string(),
    })
    .nullable(),
  quorum: QuorumView,
  motions: z.array(MotionView),
  secretVotes: z.array(SecretVoteSummary),
});
export const MotionBody = z.strictObject({
  id: ClientId,
  title: z.string().trim().min(1).max(300),
  decisionType: z.enum(DECISION_TYPES),
  method: z.enum(['hands', 'named']),
  /** The agenda item (1 for the first) the motion belongs to. */
  agendaItem: z.number().int().min(1).max(50).optional(),
  /** An amendment names the motion it amends. */
  amendsMotionId: z.uuid().optional(),
  yes: z.number().int().min(0).optional(),
  no: z.number().int().min(0).optional(),
  abstain: z.number().int().min(0).optional(),
  votes: z
    .array(z.strictObject({ memberNumber: z.string().min(1).max(30), choice: z.enum(CHOICES) }))
    .max(100_000)
    .optional(),
});

export const Organ = z.enum(ORGAN_KINDS);
export const Position = z.enum(POSITIONS);
export const MemberNumber = z.string().trim().min(1).max(30);
export const TermView = z.object({
  id: z.uuid(),
  organ: z.string(),
  position: z.string(),
  memberNumber: z.string().nullable(),
  holderName: z.string(),
  holderSex: z.string().nullable(),
  zone: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  endedOn: z.string().nullable(),
  endedReason: z.string().nullable(),
  electionId: z.string().nullable(),
});
export const ElectionCandidate = z.object({
  /** The number printed on the ballot (1 for the first nominated). */
  ballotNumber: z.number(),
  memberNumber: z.string(),
  name: z.string(),
  sex: z.string().nullable(),
  votes: z.number().nullable(),
  outcome: z.enum(CANDIDATE_OUTCOMES).nullable(),
  /** How a tie at the last seat was settled: the statute's tie-break, or `runoff` when it must be voted again. */
  tieNote: z.string().nullable(),
});
export const Election = z.object({
  id: z.uuid(),
  assemblyId: z.uuid(),
  organ: z.string(),
  seats: z.number(),
  alternates: z.number(),
  termStartsOn: z.string(),
  termEndsOn: z.string(),
  method: z.enum(ELECTION_METHODS),
  tieBreak: z.enum(TIE_BREAKS),
  /** The seed of the draw, published at the tally: sha256(seed:memberId) orders those tied. */
  drawSeed: z.string().nullable(),
  status: z.enum(['nominating', 'open', 'tallied']),
  /** Ballots cast (secret) or the voters the tellers counted (paper). */
  voted: z.number(),
  blank: z.number().nullable(),
  candidates: z.array(ElectionCandidate),
  /** After a secret tally: every ballot under its receipt code, with the member numbers marked. */
  ballots: z.array(z.object({ receiptCode: z.string(), choices: z.array(z.string()) })),
});
export const ProxyView = z.object({
  grantorNumber: z.string(),
  grantorName: z.string(),
  holderNumber: z.string(),
  holderName: z.string(),
  documentRef: z.string().nullable(),
  registeredAt: z.string(),
});
export const ElectionParams = z.strictObject({ org: Slug, electionId: z.uuid() });
export const Passphrase = z.strictObject({ passphrase: z.string().min(8).max(200) });

export const Signature = z.object({
  role: z.string(),
  seq: z.number(),
  name: z.string(),
  method: z.string(),
  signedAt: z.string(),
  recordedBy: z.string(),
});
export const Minutes = z.object({
  assemblyId: z.uuid(),
  status: z.enum(MINUTES_STATUSES),
  body: z.string(),
  version: z.number(),
  bookNumber: z.number().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  signBy: z.string(),
  designated: z.array(z.object({ memberNumber: z.string(), name: z.string() })),
  required: z.object({ president: z.number(), secretary: z.number(), designated: z.number() }),
  signatures: z.array(Signature),
  versions: z.array(z.object({ version: z.number(), savedAt: z.string(), savedBy: z.string() })),
});
export const Indicator = z.object({
  code: z.string(),
  status: z.enum(INDICATOR_STATUSES),
  /** Basis points for shares, a date (YYYY-MM-DD), or a count. */
  value: z.union([z.number(), z.string()]).nullable(),
  target: z.union([z.number(), z.string()]).nullable(),
  detail: z.record(z.string(), z.union([z.number(), z.string()]).nullable()),
});

export const StatuteVersion = z.object({
  id: z.uuid(),
  effectiveFrom: z.string(),
  params: StatuteParamsView,
});
export const StatuteView = z.object({
  params: StatuteParamsView,
  source: z.enum(['statute', 'preset']),
  effectiveFrom: z.string().nullable(),
  country: z.string(),
  versions: z.array(
    z.object({
      id: z.uuid(),
      effectiveFrom: z.string(),
      recordedAt: z.string(),
      recordedBy: z.string(),
    }),
  ),
});
export const AssemblySummary = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  firstCallAt: z.string(),
  place: z.string(),
});
export const AssemblyList = itemsOf(AssemblySummary);
export const CheckInBody = z.strictObject({ memberNumber: z.string().trim().min(1).max(120) });
export const CheckInResponse = Assembly.extend({
  checkedIn: z.object({ memberNumber: z.string(), name: z.string(), already: z.boolean() }),
});
export const OpenSecretVoteBody = z.strictObject({
  id: ClientId,
  title: z.string().trim().min(1).max(300),
  decisionType: z.enum(DECISION_TYPES),
  passphrase: z.string().min(10).max(200),
});
export const CastBallotBody = z.strictObject({
  choice: z.enum(CHOICES),
  /** A member this voter holds the proxy of, who is not in the room. */
  forMemberNumber: z.string().trim().min(1).max(30).optional(),
});
export const TallySecretVoteBody = z.strictObject({ passphrase: z.string().min(1).max(200) });

export const OrgansQuery = z.strictObject({ on: z.iso.date().optional() });
export const OrganView = z.object({
  organ: z.string(),
  seats: z.number(),
  alternates: z.number(),
  vacancies: z.number(),
  current: z.array(TermView),
  history: z.array(TermView),
});
/** A term ending soon, an organ short of seats…: `code` names it, the other fields fill the sentence. */
export const OrgansWarning = z.object({
  code: z.string(),
  organ: z.string(),
  holderName: z.string().optional(),
  endsOn: z.string().optional(),
  days: z.number().optional(),
  seats: z.number().optional(),
});
export const OrgansView = z.object({
  date: z.string(),
  organs: z.array(OrganView),
  warnings: z.array(OrgansWarning),
});
export const AppointTermBody = z.strictObject({
  id: ClientId,
  organ: Organ,
  position: Position,
  memberNumber: MemberNumber.optional(),
  holderName: z.string().trim().min(1).max(200).optional(),
  holderSex: z.enum(['female', 'male']).optional(),
  zone: z.string().trim().min(1).max(120).optional(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date().optional(),
});
export const ChangeTermBody = z.strictObject({
  position: Position.optional(),
  endedOn: z.iso.date().optional(),
  endedReason: z.string().trim().min(1).max(300).optional(),
});
export const ChangeTermParams = z.strictObject({ org: Slug, termId: z.uuid() });
export const CreateElectionBody = z.strictObject({
  id: ClientId,
  organ: Organ,
  seats: z.number().int().min(1).max(15).optional(),
  alternates: z.number().int().min(0).max(15).optional(),
  termStartsOn: z.iso.date(),
  termEndsOn: z.iso.date().optional(),
  method: z.enum(ELECTION_METHODS),
  candidates: z.array(MemberNumber).max(60).default([]),
});
export const CheckCandidatesBody = z.strictObject({
  organ: Organ,
  termStartsOn: z.iso.date(),
  memberNumbers: z.array(MemberNumber).min(1).max(60),
});
/** Why a member may not stand (`not_in_good_standing`, `reelection_limit`…); empty when they may. */
export const Eligibility = z.object({ memberNumber: z.string(), reasons: z.array(z.string()) });
export const CheckCandidatesResponse = itemsOf(Eligibility);
export const StartRunoffBody = z.strictObject({
  id: ClientId,
  method: z.enum(ELECTION_METHODS).optional(),
});
export const AddCandidatesBody = z.strictObject({ memberNumbers: z.array(MemberNumber).min(1).max(60) });
export const CastElectionBallotBody = z.strictObject({
  choices: z.array(MemberNumber).max(15),
  forMemberNumber: MemberNumber.optional(),
});
export const RecordElectionCountsBody = z.strictObject({
  voters: z.number().int().min(0),
  blank: z.number().int().min(0).default(0),
  counts: z.array(z.strictObject({ memberNumber: MemberNumber, votes: z.number().int().min(0) })).max(60),
});
export const RegisterProxyBody = z.strictObject({
  grantorNumber: MemberNumber,
  holderNumber: MemberNumber,
  documentRef: z.string().trim().min(1).max(120).optional(),
});
export const MyAssembly = z.object({
  assemblyId: z.uuid(),
  title: z.string(),
  onRoll: z.boolean(),
  checkedIn: z.boolean(),
  proxiesAllowed: z.boolean(),
  represents: z.array(z.object({ memberNumber: z.string(), name: z.string() })),
  /** `votedFor`: the represented members (numbers) whose ballot was already cast. */
  openVotes: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      voted: z.boolean(),
      votedFor: z.array(z.string()),
    }),
  ),
  openElections: z.array(Election.extend({ votedByMe: z.boolean(), votedFor: z.array(z.string()) })),
});

export const SaveMinutesBody = z.strictObject({
  body: z.string().min(1).max(200_000),
  baseVersion: z.number().int().min(0),
});
export const SignMinutesBody = z.strictObject({
  role: z.enum(['president', 'secretary', 'designated']),
  signerName: z.string().trim().min(1).max(200).optional(),
  memberNumber: z.string().trim().min(1).max(30).optional(),
});
export const OversightReportView = z.object({
  id: z.uuid(),
  periodEnd: z.string(),
  filedOn: z.string(),
  title: z.string(),
  summary: z.string(),
});
export const OversightReportList = itemsOf(OversightReportView);
export const FileOversightReportBody = z.strictObject({
  id: ClientId,
  periodEnd: z.iso.date(),
  filedOn: z.iso.date(),
  title: z.string().trim().min(1).max(200),
  summary: z.string().max(20_000).optional(),
});
export const FiledOversightReport = z.object({
  id: z.uuid(),
  periodEnd: z.string(),
  filedOn: z.string(),
  title: z.string(),
});
export const ScorecardQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const Scorecard = z.object({
  year: z.number(),
  asOf: z.string(),
  cooperatives: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      year: z.number(),
      indicators: z.array(Indicator),
    }),
  ),
});

export const SecretVote = z.object({
  id: z.uuid(),
  assemblyId: z.uuid(),
  title: z.string(),
  decisionType: z.string(),
  status: z.enum(['open', 'tallied']),
  voted: z.number(),
  result: z
    .object({
      present: z.number(),
      yes: z.number(),
      no: z.number(),
      abstain: z.number(),
      requiredYes: z.number(),
      passed: z.boolean(),
    })
    .nullable(),
  ballots: z.array(z.object({ receiptCode: z.string(), choice: z.string() })),
});
export const VoteParams = z.strictObject({ org: Slug, voteId: z.uuid() });
/** The receipt code a voter keeps to find their ballot in the published list. */
export const BallotReceipt = z.object({ receiptCode: z.string() });
export const AppointTermResponse = z.object({ id: z.uuid() });
export const ElectionList = itemsOf(Election);
export const ProxyList = itemsOf(ProxyView);
/** A POST without a body approves with nobody designated. */
export const ApproveMinutesBody = z
  .strictObject({
    designatedMemberNumbers: z.array(z.string().trim().min(1).max(30)).max(9).default([]),
  })
  .nullish();

// ---- types: each schema's parsed shape, under the schema's name ----
export type StatuteParamsView = z.infer<typeof StatuteParamsView>;
export type Majority = z.infer<typeof Majority>;
export type StatuteBody = z.infer<typeof StatuteBody>;
export type ConveneBody = z.infer<typeof ConveneBody>;
export type AssemblyParams = z.infer<typeof AssemblyParams>;
export type QuorumView = z.infer<typeof QuorumView>;
export type MotionView = z.infer<typeof MotionView>;
export type SecretVoteSummary = z.infer<typeof SecretVoteSummary>;
export type Assembly = z.infer<typeof Assembly>;
export type MotionBody = z.infer<typeof MotionBody>;
export type Organ = z.infer<typeof Organ>;
export type Position = z.infer<typeof Position>;
export type MemberNumber = z.infer<typeof MemberNumber>;
export type TermView = z.infer<typeof TermView>;
export type ElectionCandidate = z.infer<typeof ElectionCandidate>;
export type Election = z.infer<typeof Election>;
export type ProxyView = z.infer<typeof ProxyView>;
export type ElectionParams = z.infer<typeof ElectionParams>;
export type Passphrase = z.infer<typeof Passphrase>;
export type Signature = z.infer<typeof Signature>;
export type Minutes = z.infer<typeof Minutes>;
export type Indicator = z.infer<typeof Indicator>;
export type StatuteVersion = z.infer<typeof StatuteVersion>;
export type StatuteView = z.infer<typeof StatuteView>;
export type AssemblySummary = z.infer<typeof AssemblySummary>;
export type AssemblyList = z.infer<typeof AssemblyList>;
export type CheckInBody = z.infer<typeof CheckInBody>;
export type CheckInResponse = z.infer<typeof CheckInResponse>;
export type OpenSecretVoteBody = z.infer<typeof OpenSecretVoteBody>;
export type CastBallotBody = z.infer<typeof CastBallotBody>;
export type TallySecretVoteBody = z.infer<typeof TallySecretVoteBody>;
export type OrgansQuery = z.infer<typeof OrgansQuery>;
export type OrganView = z.infer<typeof OrganView>;
export type OrgansWarning = z.infer<typeof OrgansWarning>;
export type OrgansView = z.infer<typeof OrgansView>;
export type AppointTermBody = z.infer<typeof AppointTermBody>;
export type ChangeTermBody = z.infer<typeof ChangeTermBody>;
export type ChangeTermParams = z.infer<typeof ChangeTermParams>;
export type CreateElectionBody = z.infer<typeof CreateElectionBody>;
export type CheckCandidatesBody = z.infer<typeof CheckCandidatesBody>;
export type Eligibility = z.infer<typeof Eligibility>;
export type CheckCandidatesResponse = z.infer<typeof CheckCandidatesResponse>;
export type StartRunoffBody = z.infer<typeof StartRunoffBody>;
export type AddCandidatesBody = z.infer<typeof AddCandidatesBody>;
export type CastElectionBallotBody = z.infer<typeof CastElectionBallotBody>;
export type RecordElectionCountsBody = z.infer<typeof RecordElectionCountsBody>;
export type RegisterProxyBody = z.infer<typeof RegisterProxyBody>;
export type MyAssembly = z.infer<typeof MyAssembly>;
export type SaveMinutesBody = z.infer<typeof SaveMinutesBody>;
export type SignMinutesBody = z.infer<typeof SignMinutesBody>;
export type OversightReportView = z.infer<typeof OversightReportView>;
export type OversightReportList = z.infer<typeof OversightReportList>;
export type FileOversightReportBody = z.infer<typeof FileOversightReportBody>;
export type FiledOversightReport = z.infer<typeof FiledOversightReport>;
export type ScorecardQuery = z.infer<typeof ScorecardQuery>;
export type Scorecard = z.infer<typeof Scorecard>;
export type SecretVote = z.infer<typeof SecretVote>;
export type VoteParams = z.infer<typeof VoteParams>;
export type BallotReceipt = z.infer<typeof BallotReceipt>;
export type AppointTermResponse = z.infer<typeof AppointTermResponse>;
export type ElectionList = z.infer<typeof ElectionList>;
export type ProxyList = z.infer<typeof ProxyList>;
export type ApproveMinutesBody = z.infer<typeof ApproveMinutesBody>;
