import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CertificationList,
  CertificationView,
  ChangeStatusBody,
  CreateCertificationBody,
  CreateInspectionBody,
  CreateMemberBody,
  CreatePlotBody,
  ImportResult,
  InspectionList,
  InspectionView,
  MemberDetail,
  MemberPage,
  MemberView,
  MyMemberRecord,
  PlotCollection,
  PlotList,
  PlotView,
  RecordConsentBody,
  ServerConfig,
  SocialBaseDashboard,
  StatusChangeList,
  UpdateCertificationBody,
  UpdateMemberBody,
} from '../../members/members.contract.js';
import type { ImportKind } from '../../shared/enums.js';
import { ApiProblem, api, isApiProblem, problemFromResponse, requestHeaders } from '../api/client.js';

const orgBase = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;
const memberBase = (slug: string, memberNumber: string) =>
  `${orgBase(slug)}/members/${encodeURIComponent(memberNumber)}`;

export const memberKeys = {
  all: (slug: string) => ['orgs', slug, 'members'] as const,
  list: (slug: string, filters: MemberFilters) => ['orgs', slug, 'members', 'list', filters] as const,
  member: (slug: string, n: string) => ['orgs', slug, 'members', 'one', n] as const,
  history: (slug: string, n: string) => ['orgs', slug, 'members', 'one', n, 'history'] as const,
  plots: (slug: string, n: string) => ['orgs', slug, 'members', 'one', n, 'plots'] as const,
  certifications: (slug: string, n: string) => ['orgs', slug, 'members', 'one', n, 'certifications'] as const,
  inspections: (slug: string, n: string) => ['orgs', slug, 'members', 'one', n, 'inspections'] as const,
  geojson: (slug: string) => ['orgs', slug, 'members', 'plots.geojson'] as const,
  mine: (slug: string) => ['orgs', slug, 'me', 'member'] as const,
  dashboard: (slug: string) => ['orgs', slug, 'dashboard', 'social-base'] as const,
  config: ['config'] as const,
};

// ---- list -----------------------------------------------------------------------------------------

export interface MemberFilters {
  q: string;
  status: string;
  sex: string;
  certification: string;
  community: string;
  minAge: string;
  maxAge: string;
}

export const EMPTY_FILTERS: MemberFilters = {
  q: '',
  status: '',
  sex: '',
  certification: '',
  community: '',
  minAge: '',
  maxAge: '',
};

export const PAGE_SIZE = 50;

export function memberListQuery(filters: MemberFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    const v = value.trim();
    if (v) params.set(key, v);
  }
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(PAGE_SIZE));
  return params.toString();
}

export function useMemberList(slug: string, filters: MemberFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: memberKeys.list(slug, filters),
    queryFn: ({ pageParam }) =>
      api<MemberPage>('GET', `${orgBase(slug)}/members?${memberListQuery(filters, pageParam)}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a new search runs, keep showing the previous rows (dimmed) instead of a blank page.
    placeholderData: keepPreviousData,
    enabled,
  });
}

// ---- one member -----------------------------------------------------------------------------------

export function useMember(slug: string, memberNumber: string) {
  return useQuery({
    queryKey: memberKeys.member(slug, memberNumber),
    queryFn: () => api<MemberDetail>('GET', memberBase(slug, memberNumber)),
  });
}

export function useMemberHistory(slug: string, memberNumber: string) {
  return useQuery({
    queryKey: memberKeys.history(slug, memberNumber),
    queryFn: () => api<StatusChangeList>('GET', `${memberBase(slug, memberNumber)}/history`),
  });
}

export function useMemberPlots(slug: string, memberNumber: string) {
  return useQuery({
    queryKey: memberKeys.plots(slug, memberNumber),
    queryFn: () => api<PlotList>('GET', `${memberBase(slug, memberNumber)}/plots`),
  });
}

export function useMemberCertifications(slug: string, memberNumber: string) {
  return useQuery({
    queryKey: memberKeys.certifications(slug, memberNumber),
    queryFn: () => api<CertificationList>('GET', `${memberBase(slug, memberNumber)}/certifications`),
  });
}

export function useMemberInspections(slug: string, memberNumber: string) {
  return useQuery({
    queryKey: memberKeys.inspections(slug, memberNumber),
    queryFn: () => api<InspectionList>('GET', `${memberBase(slug, memberNumber)}/inspections`),
  });
}

export function useMyMember(slug: string) {
  return useQuery({
    queryKey: memberKeys.mine(slug),
    queryFn: () => api<MyMemberRecord>('GET', `${orgBase(slug)}/me/member`),
  });
}

export function usePlotsGeoJson(slug: string) {
  return useQuery({
    queryKey: memberKeys.geojson(slug),
    queryFn: () => api<PlotCollection>('GET', `${orgBase(slug)}/plots.geojson`),
    staleTime: 5 * 60_000,
  });
}

export function useSocialBaseDashboard(slug: string) {
  return useQuery({
    queryKey: memberKeys.dashboard(slug),
    queryFn: () => api<SocialBaseDashboard>('GET', `${orgBase(slug)}/dashboard/social-base`),
  });
}

/** Server settings for the web app; a server without the endpoint means "no outside tiles". */
export function useServerConfig() {
  return useQuery({
    queryKey: memberKeys.config,
    queryFn: async (): Promise<ServerConfig> => {
      try {
        return await api<ServerConfig>('GET', '/api/v1/config');
      } catch (error) {
        if (isApiProblem(error, 404)) return { mapTilesUrl: null };
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

// ---- writes ---------------------------------------------------------------------------------------

function refreshMember(client: QueryClient, slug: string, memberNumber: string) {
  void client.invalidateQueries({ queryKey: memberKeys.member(slug, memberNumber) });
  void client.invalidateQueries({ queryKey: ['orgs', slug, 'members', 'list'] });
}

export function useCreateMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateMemberBody>) =>
      api<MemberView>('POST', `${orgBase(slug)}/members`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['orgs', slug, 'members', 'list'] });
      void client.invalidateQueries({ queryKey: memberKeys.dashboard(slug) });
    },
  });
}

export function useUpdateMember(slug: string, memberNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof UpdateMemberBody>) =>
      api<MemberView>('PATCH', memberBase(slug, memberNumber), body),
    onSuccess: () => refreshMember(client, slug, memberNumber),
  });
}

export function useChangeStatus(slug: string, memberNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ChangeStatusBody>) =>
      api<MemberDetail>('POST', `${memberBase(slug, memberNumber)}/status`, body),
    onSuccess: (detail) => {
      client.setQueryData(memberKeys.member(slug, memberNumber), detail);
      refreshMember(client, slug, memberNumber);
      void client.invalidateQueries({ queryKey: memberKeys.history(slug, memberNumber) });
    },
  });
}

export function useRecordConsent(slug: string, memberNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof RecordConsentBody>) =>
      api<unknown>('POST', `${memberBase(slug, memberNumber)}/consents`, body),
    onSuccess: () => refreshMember(client, slug, memberNumber),
  });
}

export function useAddPlot(slug: string, memberNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreatePlotBody>) =>
      api<PlotView>('POST', `${memberBase(slug, memberNumber)}/plots`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: memberKeys.plots(slug, memberNumber) });
      void client.invalidateQueries({ queryKey: memberKeys.geojson(slug) });
      refreshMember(client, slug, memberNumber);
    },
  });
}

export function useAddCertification(slug: string, memberNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateCertificationBody>) =>
      api<CertificationView>('POST', `${memberBase(slug, memberNumber)}/certifications`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: memberKeys.certifications(slug, memberNumber) });
      refreshMember(client, slug, memberNumber);
    },
  });
}

export function useUpdateCertification(slug: string, memberNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateCertificationBody> & { id: string }) =>
      api<CertificationView>('PATCH', `${orgBase(slug)}/certifications/${encodeURIComponent(id)}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: memberKeys.certifications(slug, memberNumber) });
      refreshMember(client, slug, memberNumber);
    },
  });
}

export function useAddInspection(slug: string, memberNumber: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateInspectionBody>) =>
      api<InspectionView>('POST', `${memberBase(slug, memberNumber)}/inspections`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: memberKeys.inspections(slug, memberNumber) });
      refreshMember(client, slug, memberNumber);
    },
  });
}

// ---- files ----------------------------------------------------------------------------------------

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/geo+json',
];

/**
 * Sends a spreadsheet or GeoJSON file to the import endpoint with XMLHttpRequest (fetch cannot report
 * upload progress). `onProgress` gets 0..1 while the file travels; after that the server is working.
 */
export function uploadImport(
  slug: string,
  options: { kind: ImportKind; dryRun: boolean; mapping?: (string | null)[] | null; sheet?: string | null },
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const params = new URLSearchParams({ kind: options.kind, dryRun: String(options.dryRun) });
  if (options.mapping) {
    const mapping: Record<string, string | null> = {};
    options.mapping.forEach((field, index) => {
      mapping[String(index)] = field;
    });
    params.set('mapping', JSON.stringify(mapping));
  }
  if (options.sheet) params.set('sheet', options.sheet);

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${orgBase(slug)}/imports?${params.toString()}`);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(requestHeaders('POST'))) xhr.setRequestHeader(name, value);
    // The server reads the format from the bytes; it accepts these types and octet-stream for the rest.
    xhr.setRequestHeader(
      'Content-Type',
      UPLOAD_TYPES.includes(file.type) ? file.type : 'application/octet-stream',
    );
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new ApiProblem(0, {}));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      const contentType = xhr.getResponseHeader('Content-Type') ?? '';
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(problemFromResponse(xhr.status, xhr.statusText, contentType, xhr.responseText));
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as ImportResult);
      } catch {
        reject(new ApiProblem(xhr.status, { code: 'bad_response', title: 'Unexpected response' }));
      }
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file the API makes (an export) as the signed-in user, in the interface language,
 * and saves it under the name the server gives. A failure is thrown as an ApiProblem to show.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: requestHeaders('GET'), credentials: 'same-origin' });
  } catch {
    throw new ApiProblem(0, {});
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw problemFromResponse(
      response.status,
      response.statusText,
      response.headers.get('Content-Type') ?? '',
      text,
    );
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const exportPaths = {
  members: (slug: string, format: 'csv' | 'xlsx') => `${orgBase(slug)}/members/export?format=${format}`,
  plots: (slug: string, format: 'csv' | 'xlsx') => `${orgBase(slug)}/plots/export?format=${format}`,
  dashboardCsv: (slug: string) => `${orgBase(slug)}/dashboard/social-base.csv`,
};
