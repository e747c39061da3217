import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { Role } from '../../shared/enums.js';
import { api } from '../api/client.js';

/** Shapes of the governance API (v1), hand-written from src/governance/governance.routes.ts. */

export const DECISION_TYPES = ['ordinary', 'statute_reform', 'merger_dissolution', 'election'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];
export const MAJORITY_KINDS = ['simple', 'absolute', 'two_thirds'] as const;
export type MajorityKind = (typeof MAJORITY_KINDS)[number];
export const ASSEMBLY_KINDS = ['ordinary', 'extraordinary', 'delegates'] as const;
export type AssemblyKind = (typeof ASSEMBLY_KINDS)[number];
export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export interface StatuteParams {
  firstCall: { shareBp: number; strictlyMore: boolean };
  secondCall: { waitMinutes: number; shareBp: number; minimumPresent: number };
  majorities: Record<DecisionType, { kind: MajorityKind; abstentionsCount: boolean }>;
  proxies: { allowed: boolean; maxPerPerson: number };
  noticeDays: number;
  termYears: number;
  maxConsecutiveTerms: number;
  /** The organs the statute sets up (seats and alternates); read from the server, not edited here. */
  organs?: { organ: string; seats: number; alternates: number }[];
  electionTieBreak?: TieBreak;
}

/**
 * The numbers this app edits of the server's country presets (src/governance/quorum.ts), for "start
 * from the model"; the server fills in the rest of the preset when the statute is saved.
 */
export const PRESETS: Record<'PE' | 'CO', StatuteParams> = {
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
  },
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
  },
};

export interface StatuteInput {
  id: string;
  effectiveFrom: string;
  preset?: 'PE' | 'CO';
  /** The statute's numbers; fields this app does not edit (organs, minutes…) are sent back as read. */
  params?: Partial<StatuteParams> & Record<string, unknown>;
}

/** The statute in force today, or the country's preset when none was recorded, with its versions. */
export interface StatuteView {
  params: StatuteParams & Record<string, unknown>;
  source: 'statute' | 'preset';
  effectiveFrom: string | null;
  country: string;
  versions: { id: string; effectiveFrom: string; recordedAt: string; recordedBy: string }[];
}

export interface AssemblySummary {
  id: string;
  kind: string;
  title: string;
  firstCallAt: string;
  place: string;
}

export interface Quorum {
  call: 'first' | 'second';
  eligible: number;
  present: number;
  required: number;
  met: boolean;
}

export interface Motion {
  id: string;
  title: string;
  decisionType: string;
  method: string;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  requiredYes: number;
  passed: boolean;
  /** The agenda item (1 for the first) the motion belongs to. */
  agendaItem: number | null;
  /** An amendment names the motion it amends. */
  amendsMotionId: string | null;
}

/** One of the assembly's secret votes, as the assembly lists them (details from `SecretVote`). */
export interface SecretVoteSummary {
  id: string;
  title: string;
  decisionType: string;
  status: 'open' | 'tallied';
  passed: boolean | null;
}

export interface Assembly {
  id: string;
  kind: string;
  title: string;
  place: string;
  firstCallAt: string;
  secondCallAt: string;
  cutoffDate: string;
  agenda: string[];
  eligible: number;
  /** present = inPerson + represented (by proxy). */
  present: number;
  inPerson: number;
  represented: number;
  quorum: Quorum;
  motions: Motion[];
  secretVotes: SecretVoteSummary[];
}

/** The answer to a check-in: the assembly, and who was checked in (`already`: counted before). */
export interface CheckInResponse extends Assembly {
  checkedIn: { memberNumber: string; name: string; already: boolean };
}

export interface ConveneInput {
  id: string;
  kind: AssemblyKind;
  title: string;
  place: string;
  firstCallAt: string;
  secondCallAt: string;
  cutoffDate: string;
  agenda: string[];
}

export interface MotionInput {
  id: string;
  title: string;
  decisionType: DecisionType;
  method: 'hands';
  agendaItem?: number;
  amendsMotionId?: string;
  yes: number;
  no: number;
  abstain: number;
}

export interface SecretVote {
  id: string;
  assemblyId: string;
  title: string;
  decisionType: string;
  status: 'open' | 'tallied';
  voted: number;
  result: {
    present: number;
    yes: number;
    no: number;
    abstain: number;
    requiredYes: number;
    passed: boolean;
  } | null;
  ballots: { receiptCode: string; choice: string }[];
}

const orgBase = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;
const assemblyBase = (slug: string, id: string) => `${orgBase(slug)}/assemblies/${encodeURIComponent(id)}`;

export const governanceKeys = {
  statute: (slug: string) => ['orgs', slug, 'statute'] as const,
  assemblies: (slug: string) => ['orgs', slug, 'assemblies'] as const,
  assembly: (slug: string, id: string) => ['orgs', slug, 'assemblies', id] as const,
  secretVotes: (slug: string, id: string) => ['orgs', slug, 'assemblies', id, 'secret-votes'] as const,
  proxies: (slug: string, id: string) => ['orgs', slug, 'assemblies', id, 'proxies'] as const,
  elections: (slug: string, id: string) => ['orgs', slug, 'assemblies', id, 'elections'] as const,
};

/** How often the console, the wall and the member's phone ask again (a room of people, not a stock ticker). */
export const LIVE_MS = 4000;

export function useAssemblies(slug: string) {
  return useQuery({
    queryKey: governanceKeys.assemblies(slug),
    queryFn: () => api<{ items: AssemblySummary[] }>('GET', `${orgBase(slug)}/assemblies`),
    staleTime: 10_000,
  });
}

export function useAssembly(slug: string, id: string, live = false) {
  return useQuery({
    queryKey: governanceKeys.assembly(slug, id),
    queryFn: () => api<Assembly>('GET', assemblyBase(slug, id)),
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: false,
  });
}

export function useStatute(slug: string) {
  return useQuery({
    queryKey: governanceKeys.statute(slug),
    queryFn: () => api<StatuteView>('GET', `${orgBase(slug)}/statute`),
  });
}

export function useSetStatute(slug: string) {
  const client = useQueryClient();
  return useMutation({
    onSuccess: () => void client.invalidateQueries({ queryKey: governanceKeys.statute(slug) }),
    mutationFn: (input: StatuteInput) =>
      api<{ id: string; effectiveFrom: string; params: StatuteParams }>(
        'POST',
        `${orgBase(slug)}/statutes`,
        input,
      ),
  });
}

export function useConvene(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConveneInput) => api<Assembly>('POST', `${orgBase(slug)}/assemblies`, input),
    onSuccess: (a) => {
      client.setQueryData(governanceKeys.assembly(slug, a.id), a);
      void client.invalidateQueries({ queryKey: governanceKeys.assemblies(slug), exact: true });
    },
  });
}

export function useCheckIn(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return useMutation({
    /** A member number, or the code scanned from the member's card (`AYNI:M:<slug>:<number>`). */
    mutationFn: (memberNumber: string) =>
      api<CheckInResponse>('POST', `${assemblyBase(slug, assemblyId)}/check-in`, { memberNumber }),
    onSuccess: (a) => client.setQueryData(governanceKeys.assembly(slug, assemblyId), a),
  });
}

export function useRecordMotion(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MotionInput) =>
      api<Assembly>('POST', `${assemblyBase(slug, assemblyId)}/motions`, input),
    onSuccess: (a) => client.setQueryData(governanceKeys.assembly(slug, assemblyId), a),
  });
}

// ---- secret votes ----------------------------------------------------------------------------------

/** The secret votes with these ids (the assembly lists them in `secretVotes`), in the order given. */
export function useSecretVotes(slug: string, assemblyId: string, ids: readonly string[], live = false) {
  const unique = [...new Set(ids)];
  return useQuery({
    queryKey: [...governanceKeys.secretVotes(slug, assemblyId), unique.join(',')],
    queryFn: () =>
      Promise.all(
        unique.map((id) => api<SecretVote>('GET', `${orgBase(slug)}/secret-votes/${encodeURIComponent(id)}`)),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: false,
  });
}

export function useOpenSecretVote(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return useMutation({
    /** `id` is made by the form (newId) and kept until it succeeds, so a retry is not a second vote. */
    mutationFn: (input: { id: string; title: string; decisionType: DecisionType; passphrase: string }) =>
      api<SecretVote>('POST', `${assemblyBase(slug, assemblyId)}/secret-votes`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: governanceKeys.assembly(slug, assemblyId), exact: true });
      void client.invalidateQueries({ queryKey: governanceKeys.secretVotes(slug, assemblyId) });
    },
  });
}

/** For the member signed in: on the roll, checked in, proxies held, open votes and elections. */
export interface MyAssembly {
  assemblyId: string;
  title: string;
  onRoll: boolean;
  checkedIn: boolean;
  proxiesAllowed: boolean;
  /** The members whose proxy I hold: I cast a separate ballot for each. */
  represents: { memberNumber: string; name: string }[];
  /** `votedFor`: the represented members whose ballot was already cast. */
  openVotes: { id: string; title: string; voted: boolean; votedFor: string[] }[];
  openElections: (Election & { votedByMe: boolean; votedFor: string[] })[];
}

export function useMyAssembly(slug: string, assemblyId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...governanceKeys.assembly(slug, assemblyId), 'me'],
    queryFn: () => api<MyAssembly>('GET', `${assemblyBase(slug, assemblyId)}/me`),
    enabled,
    refetchInterval: LIVE_MS,
    refetchIntervalInBackground: false,
  });
}

export function useCastBallot(slug: string, assemblyId: string, voteId: string, forMemberNumber?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (choice: Choice) =>
      api<{ receiptCode: string }>(
        'POST',
        `${orgBase(slug)}/secret-votes/${encodeURIComponent(voteId)}/ballot`,
        forMemberNumber ? { choice, forMemberNumber } : { choice },
      ),
    onSuccess: () =>
      void client.invalidateQueries({ queryKey: governanceKeys.secretVotes(slug, assemblyId) }),
    onSettled: () =>
      void client.invalidateQueries({ queryKey: [...governanceKeys.assembly(slug, assemblyId), 'me'] }),
  });
}

export function useTally(slug: string, assemblyId: string, voteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (passphrase: string) =>
      api<SecretVote>('POST', `${orgBase(slug)}/secret-votes/${encodeURIComponent(voteId)}/tally`, {
        passphrase,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: governanceKeys.assembly(slug, assemblyId), exact: true });
      void client.invalidateQueries({ queryKey: governanceKeys.secretVotes(slug, assemblyId) });
    },
  });
}

// ---- proxies (src/governance/organs.routes.ts) -----------------------------------------------------

export interface ProxyView {
  grantorNumber: string;
  grantorName: string;
  holderNumber: string;
  holderName: string;
  documentRef: string | null;
  registeredAt: string;
}

export interface ProxyInput {
  grantorNumber: string;
  holderNumber: string;
  documentRef?: string;
}

export function useProxies(slug: string, assemblyId: string) {
  return useQuery({
    queryKey: governanceKeys.proxies(slug, assemblyId),
    queryFn: () => api<{ items: ProxyView[] }>('GET', `${assemblyBase(slug, assemblyId)}/proxies`),
  });
}

export function useRegisterProxy(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProxyInput) =>
      api<{ items: ProxyView[] }>('POST', `${assemblyBase(slug, assemblyId)}/proxies`, input),
    onSuccess: (list) => {
      client.setQueryData(governanceKeys.proxies(slug, assemblyId), list);
      // a represented member counts as present
      void client.invalidateQueries({ queryKey: governanceKeys.assembly(slug, assemblyId), exact: true });
    },
  });
}

// ---- elections (src/governance/organs.routes.ts) ---------------------------------------------------

export const ORGANS = [
  'board',
  'oversight',
  'electoral',
  'education',
  'fiscal_auditor',
  'delegates',
] as const;
export type Organ = (typeof ORGANS)[number];
export type TieBreak = 'seniority' | 'lot' | 'runoff';
export type ElectionMethod = 'secret' | 'counted';
export type CandidateOutcome = 'elected' | 'alternate' | 'not_elected' | 'tied';

export interface ElectionCandidate {
  /** The number printed on the ballot (1 for the first nominated). */
  ballotNumber: number;
  memberNumber: string;
  name: string;
  sex: string | null;
  votes: number | null;
  outcome: CandidateOutcome | null;
  /** How a tie at the last seat was settled: the statute's tie-break, or `runoff` when it must be voted again. */
  tieNote: TieBreak | null;
}

export interface Election {
  id: string;
  assemblyId: string;
  organ: string;
  seats: number;
  alternates: number;
  termStartsOn: string;
  termEndsOn: string;
  method: ElectionMethod;
  tieBreak: TieBreak;
  status: 'nominating' | 'open' | 'tallied';
  /** Ballots cast (secret) or the voters the tellers counted (paper). */
  voted: number;
  blank: number | null;
  candidates: ElectionCandidate[];
  /** After a secret tally: every ballot under its receipt code, with the member numbers marked. */
  ballots: { receiptCode: string; choices: string[] }[];
}

export interface ElectionInput {
  id: string;
  organ: Organ;
  seats?: number;
  alternates?: number;
  termStartsOn: string;
  method: ElectionMethod;
  candidates: string[];
}

/** Why a member may not stand (`not_in_good_standing`, `reelection_limit`…); empty when they may. */
export interface Eligibility {
  memberNumber: string;
  reasons: string[];
}

export function useElections(slug: string, assemblyId: string, live = false) {
  return useQuery({
    queryKey: governanceKeys.elections(slug, assemblyId),
    queryFn: () => api<{ items: Election[] }>('GET', `${assemblyBase(slug, assemblyId)}/elections`),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: false,
  });
}

/** After a change to an election: the list (and the member's view) again. */
function useElectionSaved(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return (election: Election) => {
    client.setQueryData<{ items: Election[] }>(governanceKeys.elections(slug, assemblyId), (old) =>
      old
        ? {
            items: old.items.some((e) => e.id === election.id)
              ? old.items.map((e) => (e.id === election.id ? election : e))
              : [...old.items, election],
          }
        : old,
    );
    void client.invalidateQueries({ queryKey: governanceKeys.elections(slug, assemblyId) });
  };
}

export function useCreateElection(slug: string, assemblyId: string) {
  const saved = useElectionSaved(slug, assemblyId);
  return useMutation({
    mutationFn: (input: ElectionInput) =>
      api<Election>('POST', `${assemblyBase(slug, assemblyId)}/elections`, input),
    onSuccess: saved,
  });
}

export function useCheckEligibility(slug: string, assemblyId: string) {
  return useMutation({
    mutationFn: (input: { organ: Organ; termStartsOn: string; memberNumbers: string[] }) =>
      api<{ items: Eligibility[] }>('POST', `${assemblyBase(slug, assemblyId)}/eligibility`, input),
  });
}

const electionBase = (slug: string, id: string) => `${orgBase(slug)}/elections/${encodeURIComponent(id)}`;

export function useAddCandidates(slug: string, assemblyId: string, electionId: string) {
  const saved = useElectionSaved(slug, assemblyId);
  return useMutation({
    mutationFn: (memberNumbers: string[]) =>
      api<Election>('POST', `${electionBase(slug, electionId)}/candidates`, { memberNumbers }),
    onSuccess: saved,
  });
}

export function useOpenElection(slug: string, assemblyId: string, electionId: string) {
  const saved = useElectionSaved(slug, assemblyId);
  return useMutation({
    mutationFn: (passphrase: string) =>
      api<Election>('POST', `${electionBase(slug, electionId)}/open`, { passphrase }),
    onSuccess: saved,
  });
}

export function useTallyElection(slug: string, assemblyId: string, electionId: string) {
  const saved = useElectionSaved(slug, assemblyId);
  return useMutation({
    mutationFn: (passphrase: string) =>
      api<Election>('POST', `${electionBase(slug, electionId)}/tally`, { passphrase }),
    onSuccess: saved,
  });
}

/** A runoff among those tied, for the places the tie left open. */
export function useStartRunoff(slug: string, assemblyId: string, electionId: string) {
  const saved = useElectionSaved(slug, assemblyId);
  return useMutation({
    mutationFn: (id: string) => api<Election>('POST', `${electionBase(slug, electionId)}/runoff`, { id }),
    onSuccess: saved,
  });
}

/** Paper ballots: the tellers' counts, per candidate. */
export function useRecordCounts(slug: string, assemblyId: string, electionId: string) {
  const saved = useElectionSaved(slug, assemblyId);
  return useMutation({
    mutationFn: (input: {
      voters: number;
      blank: number;
      counts: { memberNumber: string; votes: number }[];
    }) => api<Election>('POST', `${electionBase(slug, electionId)}/counts`, input),
    onSuccess: saved,
  });
}

/** A member's ballot (none chosen = blank), their own or for the member whose proxy they hold. */
export function useCastElectionBallot(
  slug: string,
  assemblyId: string,
  electionId: string,
  forMemberNumber?: string,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (choices: string[]) =>
      api<{ receiptCode: string }>(
        'POST',
        `${electionBase(slug, electionId)}/ballot`,
        forMemberNumber ? { choices, forMemberNumber } : { choices },
      ),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: [...governanceKeys.assembly(slug, assemblyId), 'me'] });
      void client.invalidateQueries({ queryKey: governanceKeys.elections(slug, assemblyId) });
    },
  });
}

export function minutesPath(slug: string, assemblyId: string): string {
  return `${assemblyBase(slug, assemblyId)}/minutes.pdf`;
}

// ---- receipts kept on this device ------------------------------------------------------------------

/**
 * A member's receipt code, kept for this browser tab only (sessionStorage): enough to check it in the
 * published list after the tally, without leaving on a shared phone a code that reveals the vote.
 */
/** A vote's or an election's receipt, one per ballot: mine, and one per member whose proxy I hold. */
const receiptKey = (id: string, forMemberNumber?: string) =>
  forMemberNumber ? `ayni.receipt.${id}.for.${forMemberNumber}` : `ayni.receipt.${id}`;

export function storedReceipt(voteId: string, forMemberNumber?: string): string | null {
  try {
    return window.sessionStorage.getItem(receiptKey(voteId, forMemberNumber));
  } catch {
    return null;
  }
}

export function storeReceipt(voteId: string, code: string, forMemberNumber?: string): void {
  try {
    window.sessionStorage.setItem(receiptKey(voteId, forMemberNumber), code);
  } catch {
    // private mode: the member has the code on screen to write down
  }
}

// ---- who may do what (src/orgs/permissions.ts) -----------------------------------------------------

const MANAGE_ROLES: readonly Role[] = ['admin', 'manager', 'board'];

/** The board (its secretary), the manager and admins run assemblies and set the statute. */
export function canManageGovernance(org: Pick<Org, 'kind' | 'access' | 'myRoles'>): boolean {
  if (org.kind !== 'cooperative') return false;
  if (org.access === 'platform') return true;
  return org.access === 'member' && org.myRoles.some((r) => MANAGE_ROLES.includes(r));
}

/** The oversight council files its own reports (and admins); the board it oversees does not. */
export function canFileOversightReports(org: Pick<Org, 'kind' | 'access' | 'myRoles'>): boolean {
  if (org.kind !== 'cooperative') return false;
  if (org.access === 'platform') return true;
  return org.access === 'member' && org.myRoles.some((r) => r === 'admin' || r === 'oversight');
}

/** A member of the cooperative who can cast their own ballot. */
export function isVotingMember(org: Pick<Org, 'kind' | 'access' | 'myRoles'>): boolean {
  return org.kind === 'cooperative' && org.access === 'member' && org.myRoles.includes('member');
}

// ---- dates -----------------------------------------------------------------------------------------

/** `YYYY-MM-DDTHH:mm` (a datetime-local input, in the browser's zone) as ISO with the zone's offset. */
export function localToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const date = new Date(`${local}:00`);
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${local}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** A moment as a datetime-local value, in the browser's zone. */
export function isoToLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
