import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Assembly,
  AssemblyList,
  BallotReceipt,
  CheckCandidatesBody,
  CheckCandidatesResponse,
  CheckInResponse,
  ConveneBody,
  CreateElectionBody,
  Election,
  ElectionList,
  MotionBody,
  MyAssembly,
  OpenSecretVoteBody,
  ProxyList,
  RecordElectionCountsBody,
  RegisterProxyBody,
  SecretVote,
  StatuteBody,
  StatuteVersion,
  StatuteView,
} from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { Choice, Role } from '../../shared/enums.js';
import { api } from '../api/client.js';

/** Request bodies as the web app builds them (before the server's defaults and trimming). */
export type StatuteInput = z.input<typeof StatuteBody>;
export type ConveneInput = z.input<typeof ConveneBody>;
export type MotionInput = z.input<typeof MotionBody>;
export type ProxyInput = z.input<typeof RegisterProxyBody>;
export type ElectionInput = z.input<typeof CreateElectionBody>;

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
    queryFn: () => api<AssemblyList>('GET', `${orgBase(slug)}/assemblies`),
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
    mutationFn: (input: StatuteInput) => api<StatuteVersion>('POST', `${orgBase(slug)}/statutes`, input),
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
    mutationFn: (input: z.input<typeof OpenSecretVoteBody>) =>
      api<SecretVote>('POST', `${assemblyBase(slug, assemblyId)}/secret-votes`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: governanceKeys.assembly(slug, assemblyId), exact: true });
      void client.invalidateQueries({ queryKey: governanceKeys.secretVotes(slug, assemblyId) });
    },
  });
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
      api<BallotReceipt>(
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

export function useProxies(slug: string, assemblyId: string) {
  return useQuery({
    queryKey: governanceKeys.proxies(slug, assemblyId),
    queryFn: () => api<ProxyList>('GET', `${assemblyBase(slug, assemblyId)}/proxies`),
  });
}

export function useRegisterProxy(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProxyInput) =>
      api<ProxyList>('POST', `${assemblyBase(slug, assemblyId)}/proxies`, input),
    onSuccess: (list) => {
      client.setQueryData(governanceKeys.proxies(slug, assemblyId), list);
      // a represented member counts as present
      void client.invalidateQueries({ queryKey: governanceKeys.assembly(slug, assemblyId), exact: true });
    },
  });
}

// ---- elections (src/governance/organs.routes.ts) ---------------------------------------------------

export function useElections(slug: string, assemblyId: string, live = false) {
  return useQuery({
    queryKey: governanceKeys.elections(slug, assemblyId),
    queryFn: () => api<ElectionList>('GET', `${assemblyBase(slug, assemblyId)}/elections`),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_MS : false,
    refetchIntervalInBackground: false,
  });
}

/** After a change to an election: the list (and the member's view) again. */
function useElectionSaved(slug: string, assemblyId: string) {
  const client = useQueryClient();
  return (election: Election) => {
    client.setQueryData<ElectionList>(governanceKeys.elections(slug, assemblyId), (old) =>
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
    mutationFn: (input: z.input<typeof CheckCandidatesBody>) =>
      api<CheckCandidatesResponse>('POST', `${assemblyBase(slug, assemblyId)}/eligibility`, input),
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
    mutationFn: (input: z.input<typeof RecordElectionCountsBody>) =>
      api<Election>('POST', `${electionBase(slug, electionId)}/counts`, input),
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
      api<BallotReceipt>(
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
