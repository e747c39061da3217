import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiProblem } from '../api/client.js';
import type { Org, Role } from '../api/types.js';

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
  present: number;
  quorum: Quorum;
  motions: Motion[];
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
    mutationFn: (memberNumber: string) =>
      api<Assembly>('POST', `${assemblyBase(slug, assemblyId)}/check-in`, { memberNumber }),
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

/**
 * The id of an assembly's n-th secret vote (n from 1), derived from the assembly's id.
 *
 * Why: the API has no list of an assembly's secret votes yet, and a member's phone must find the open
 * vote without anyone typing an id. The console opens votes under these ids (a client-made id is what
 * the API asks for anyway), and every screen finds them by asking for vote 1, 2, … until one is not
 * found. A UUID of version 8 ("custom"): the assembly's first 20 hex digits, the number in the last 8.
 * Once the server lists an assembly's votes, `fetchSecretVotes` asks it instead and this goes away.
 */
export function secretVoteId(assemblyId: string, n: number): string {
  const hex = assemblyId.replace(/-/g, '').toLowerCase();
  const variant = ((Number.parseInt(hex[16] ?? '8', 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    `${hex.slice(20, 24)}${n.toString(16).padStart(8, '0')}`,
  ].join('-');
}

const MAX_SECRET_VOTES = 60;

async function fetchSecretVotes(
  slug: string,
  assemblyId: string,
  extraIds: string[] = [],
): Promise<SecretVote[]> {
  const votes: SecretVote[] = [];
  for (let n = 1; n <= MAX_SECRET_VOTES; n++) {
    try {
      votes.push(
        await api<SecretVote>('GET', `${orgBase(slug)}/secret-votes/${secretVoteId(assemblyId, n)}`),
      );
    } catch (error) {
      if (isApiProblem(error, 404) && error.code === 'governance.vote_not_found') break;
      throw error;
    }
  }
  // votes the server listed elsewhere (a member's open votes) but opened under other ids
  for (const id of extraIds) {
    if (votes.some((v) => v.id === id)) continue;
    votes.push(await api<SecretVote>('GET', `${orgBase(slug)}/secret-votes/${encodeURIComponent(id)}`));
  }
  return votes;
}

/** The assembly's secret votes, in the order they were opened (see `secretVoteId`). */
export function useSecretVotes(slug: string, assemblyId: string, live = false, extraIds: string[] = []) {
  return useQuery({
    queryKey: [...governanceKeys.secretVotes(slug, assemblyId), [...extraIds].sort().join(',')],
    queryFn: () => fetchSecretVotes(slug, assemblyId, extraIds),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: false,
  });
}

export function useOpenSecretVote(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { title: string; decisionType: DecisionType; passphrase: string }) => {
      // The next free number; a second console that opened one meanwhile makes the id clash: try the next.
      const known = await fetchSecretVotes(slug, assemblyId);
      let n = known.length + 1;
      for (;;) {
        try {
          return await api<SecretVote>('POST', `${assemblyBase(slug, assemblyId)}/secret-votes`, {
            id: secretVoteId(assemblyId, n),
            ...input,
          });
        } catch (error) {
          if (isApiProblem(error, 409) && error.code === 'idempotency.mismatch' && n < MAX_SECRET_VOTES) {
            const again = await fetchSecretVotes(slug, assemblyId);
            if (again.length >= n) {
              n = again.length + 1;
              continue;
            }
          }
          throw error;
        }
      }
    },
    onSuccess: () =>
      void client.invalidateQueries({ queryKey: governanceKeys.secretVotes(slug, assemblyId) }),
  });
}

/** For the member signed in: on the roll, checked in, and the assembly's open votes (`voted` by me). */
export interface MyAssembly {
  assemblyId: string;
  title: string;
  onRoll: boolean;
  checkedIn: boolean;
  openVotes: { id: string; title: string; voted: boolean }[];
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

export function useCastBallot(slug: string, assemblyId: string, voteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (choice: Choice) =>
      api<{ receiptCode: string }>(
        'POST',
        `${orgBase(slug)}/secret-votes/${encodeURIComponent(voteId)}/ballot`,
        {
          choice,
        },
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
    onSuccess: () =>
      void client.invalidateQueries({ queryKey: governanceKeys.secretVotes(slug, assemblyId) }),
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
export function storedReceipt(voteId: string): string | null {
  try {
    return window.sessionStorage.getItem(`ayni.receipt.${voteId}`);
  } catch {
    return null;
  }
}

export function storeReceipt(voteId: string, code: string): void {
  try {
    window.sessionStorage.setItem(`ayni.receipt.${voteId}`, code);
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
