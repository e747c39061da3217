import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AppointTermBody,
  AppointTermResponse,
  ChangeTermBody,
  FiledOversightReport,
  FileOversightReportBody,
  Minutes,
  OrgansView,
  OversightReportList,
  SaveMinutesBody,
  Scorecard,
  SignMinutesBody,
  TermView,
} from '../../governance/governance.contract.js';
import { api } from '../api/client.js';

/** Hooks of the governance records (v1): organs and terms, minutes, oversight reports, the scorecard. */

/** Request bodies as the web app builds them (before the server's defaults and trimming). */
export type TermInput = z.input<typeof AppointTermBody>;
export type TermChange = z.input<typeof ChangeTermBody>;
export type SignInput = z.input<typeof SignMinutesBody>;
export type ReportInput = z.input<typeof FileOversightReportBody>;

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
      api<OrgansView>('GET', `${orgBase(slug)}/organs${on ? `?on=${encodeURIComponent(on)}` : ''}`),
  });
}

export function useAppointTerm(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TermInput) => api<AppointTermResponse>('POST', `${orgBase(slug)}/terms`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: recordsKeys.organs(slug) }),
  });
}

export function useChangeTerm(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: TermChange }) =>
      api<TermView>('PATCH', `${orgBase(slug)}/terms/${encodeURIComponent(id)}`, change),
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
  return useMinutesMutation(slug, assemblyId, (input: z.input<typeof SaveMinutesBody>) =>
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
    queryFn: () => api<OversightReportList>('GET', `${orgBase(slug)}/oversight-reports`),
  });
}

export function useFileReport(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) =>
      api<FiledOversightReport>('POST', `${orgBase(slug)}/oversight-reports`, input),
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
