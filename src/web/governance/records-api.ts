import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';

/**
 * Shapes and hooks of the governance records (v1): organs and terms, minutes, the oversight council's
 * reports and the scorecard, hand-written from src/governance/organs.routes.ts and minutes.routes.ts.
 */

export const ORGANS = [
  'board',
  'oversight',
  'electoral',
  'education',
  'fiscal_auditor',
  'delegates',
] as const;
export type OrganCode = (typeof ORGANS)[number];
export const POSITIONS = [
  'president',
  'vice_president',
  'secretary',
  'treasurer',
  'member',
  'alternate',
] as const;
export type PositionCode = (typeof POSITIONS)[number];
export const SIGN_ROLES = ['president', 'secretary', 'designated'] as const;
export type SignRole = (typeof SIGN_ROLES)[number];

export interface Term {
  id: string;
  organ: string;
  position: string;
  memberNumber: string | null;
  holderName: string;
  holderSex: string | null;
  zone: string | null;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  endedReason: string | null;
  electionId: string | null;
}

export interface OrganView {
  organ: string;
  seats: number;
  alternates: number;
  vacancies: number;
  current: Term[];
  history: Term[];
}

export interface OrgansWarning {
  code: string;
  organ: string;
  holderName?: string;
  endsOn?: string;
  days?: number;
  seats?: number;
}

export interface OrgansResponse {
  date: string;
  organs: OrganView[];
  warnings: OrgansWarning[];
}

export interface TermInput {
  id: string;
  organ: OrganCode;
  position: PositionCode;
  memberNumber?: string;
  holderName?: string;
  zone?: string;
  startsOn: string;
  endsOn?: string;
}

export type TermChange = { position: PositionCode } | { endedOn: string; endedReason: string };

export type MinutesStatus = 'none' | 'draft' | 'approved' | 'signed';

export interface Signature {
  role: string;
  seq: number;
  name: string;
  method: string;
  signedAt: string;
  recordedBy: string;
}

export interface Minutes {
  assemblyId: string;
  status: MinutesStatus;
  body: string;
  version: number;
  bookNumber: number | null;
  approvedAt: string | null;
  approvedBy: string | null;
  signedAt: string | null;
  signBy: string;
  required: Record<SignRole, number>;
  signatures: Signature[];
  versions: { version: number; savedAt: string; savedBy: string }[];
}

export interface SignInput {
  role: SignRole;
  signerName?: string;
  memberNumber?: string;
}

export interface OversightReport {
  id: string;
  periodEnd: string;
  filedOn: string;
  title: string;
  summary: string;
}

export interface ReportInput {
  id: string;
  periodEnd: string;
  filedOn: string;
  title: string;
  summary?: string;
}

export const INDICATORS = [
  'ordinary_assembly_in_time',
  'attendance',
  'women_in_organs',
  'terms_renewed',
  'minutes_signed_in_time',
  'oversight_reports',
] as const;
export type IndicatorCode = (typeof INDICATORS)[number];
export type IndicatorStatus = 'ok' | 'warn' | 'bad' | 'pending' | 'na';

export interface Indicator {
  code: string;
  status: IndicatorStatus;
  /** Basis points for shares, a date (YYYY-MM-DD), or a count. */
  value: number | string | null;
  target: number | string | null;
  detail: Record<string, number | string | null>;
}

export interface Scorecard {
  year: number;
  asOf: string;
  cooperatives: { slug: string; name: string; year: number; indicators: Indicator[] }[];
}

const orgBase = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;
const minutesBase = (slug: string, assemblyId: string) =>
  `${orgBase(slug)}/assemblies/${encodeURIComponent(assemblyId)}/minutes`;

export const recordsKeys = {
  organs: (slug: string) => ['orgs', slug, 'organs'] as const,
  minutes: (slug: string, assemblyId: string) => ['orgs', slug, 'assemblies', assemblyId, 'minutes'] as const,
  reports: (slug: string) => ['orgs', slug, 'oversight-reports'] as const,
  scorecard: (slug: string, year: number) => ['orgs', slug, 'governance-scorecard', year] as const,
};

export function useOrgans(slug: string, on?: string) {
  return useQuery({
    queryKey: [...recordsKeys.organs(slug), on ?? 'today'],
    queryFn: () =>
      api<OrgansResponse>('GET', `${orgBase(slug)}/organs${on ? `?on=${encodeURIComponent(on)}` : ''}`),
  });
}

export function useAppointTerm(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TermInput) => api<{ id: string }>('POST', `${orgBase(slug)}/terms`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: recordsKeys.organs(slug) }),
  });
}

export function useChangeTerm(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: TermChange }) =>
      api<Term>('PATCH', `${orgBase(slug)}/terms/${encodeURIComponent(id)}`, change),
    onSuccess: () => void client.invalidateQueries({ queryKey: recordsKeys.organs(slug) }),
  });
}

export function useMinutes(slug: string, assemblyId: string) {
  return useQuery({
    queryKey: recordsKeys.minutes(slug, assemblyId),
    queryFn: () => api<Minutes>('GET', minutesBase(slug, assemblyId)),
    // the secretary edits for a long while: never replace the text under their hands
    refetchOnWindowFocus: false,
  });
}

function useMinutesMutation<I>(slug: string, assemblyId: string, call: (input: I) => Promise<Minutes>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (m) => client.setQueryData(recordsKeys.minutes(slug, assemblyId), m),
  });
}

export function useSaveMinutes(slug: string, assemblyId: string) {
  return useMinutesMutation(slug, assemblyId, (input: { body: string; baseVersion: number }) =>
    api<Minutes>('PUT', minutesBase(slug, assemblyId), input),
  );
}

/** Approves the minutes, naming the members the assembly designated to sign them (present that day). */
export function useApproveMinutes(slug: string, assemblyId: string) {
  return useMinutesMutation(slug, assemblyId, (designatedMemberNumbers: string[]) =>
    api<Minutes>('POST', `${minutesBase(slug, assemblyId)}/approve`, { designatedMemberNumbers }),
  );
}

export function useSignMinutes(slug: string, assemblyId: string) {
  return useMinutesMutation(slug, assemblyId, (input: SignInput) =>
    api<Minutes>('POST', `${minutesBase(slug, assemblyId)}/signatures`, input),
  );
}

export function useOversightReports(slug: string) {
  return useQuery({
    queryKey: recordsKeys.reports(slug),
    queryFn: () => api<{ items: OversightReport[] }>('GET', `${orgBase(slug)}/oversight-reports`),
  });
}

export function useFileReport(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) =>
      api<OversightReport>('POST', `${orgBase(slug)}/oversight-reports`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: recordsKeys.reports(slug) }),
  });
}

export function useScorecard(slug: string, year: number) {
  return useQuery({
    queryKey: recordsKeys.scorecard(slug, year),
    queryFn: () => api<Scorecard>('GET', `${orgBase(slug)}/governance/scorecard?year=${year}`),
  });
}

/** The member's card as PDF, with the QR code the assembly desk scans. */
export function memberCardPath(slug: string, memberNumber: string, paper: 'a4' | '80mm' = 'a4'): string {
  return `${orgBase(slug)}/members/${encodeURIComponent(memberNumber)}/card.pdf?paper=${paper}`;
}
