import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { Role } from '../../shared/enums.js';
import type {
  EudrPackageList,
  EudrPackageView,
  LotTraceView,
  MemberLotsView,
  PublicationView,
  PublishLotBody,
  RecordDdsReferenceBody,
} from '../../traceability/traceability.contract.js';
import { api, isApiProblem } from '../api/client.js';

const orgBase = (slug: string) => `/api/v1/orgs/${encodeURIComponent(slug)}`;
export const lotBase = (slug: string, code: string) => `${orgBase(slug)}/lots/${encodeURIComponent(code)}`;
export const packageBase = (slug: string, id: string) =>
  `${orgBase(slug)}/eudr-packages/${encodeURIComponent(id)}`;

export const traceKeys = {
  lot: (slug: string, code: string) => ['orgs', slug, 'trace', 'lot', code] as const,
  member: (slug: string, n: string, plot: string | null) =>
    ['orgs', slug, 'trace', 'member', n, plot] as const,
  packages: (slug: string, code: string) => ['orgs', slug, 'trace', 'eudr', code] as const,
  publication: (slug: string, code: string) => ['orgs', slug, 'trace', 'publication', code] as const,
};

const READ_ROLES: readonly Role[] = [
  'admin',
  'manager',
  'accountant',
  'board',
  'oversight',
  'viewer',
  'warehouse',
  'lab',
];
const WRITE_ROLES: readonly Role[] = ['admin', 'manager', 'warehouse'];

/** Who reads lots here (permissions.ts `lots.read`). */
export const canReadLots = (org: Pick<Org, 'access' | 'myRoles'>) =>
  org.access === 'platform' || (org.access === 'member' && org.myRoles.some((r) => READ_ROLES.includes(r)));
/** Who writes lots here (`lots.write`): generates EUDR packages, publishes pages. */
export const canWriteLots = (org: Pick<Org, 'access' | 'myRoles'>) =>
  org.access === 'platform' || (org.access === 'member' && org.myRoles.some((r) => WRITE_ROLES.includes(r)));

export function useLotTrace(slug: string, code: string) {
  return useQuery({
    queryKey: traceKeys.lot(slug, code),
    queryFn: () => api<LotTraceView>('GET', `${lotBase(slug, code)}/trace`),
  });
}

export function useMemberLots(slug: string, memberNumber: string, plot: string | null) {
  return useQuery({
    queryKey: traceKeys.member(slug, memberNumber, plot),
    queryFn: () =>
      api<MemberLotsView>(
        'GET',
        `${orgBase(slug)}/members/${encodeURIComponent(memberNumber)}/lots${plot ? `?plot=${encodeURIComponent(plot)}` : ''}`,
      ),
  });
}

export function useEudrPackages(slug: string, code: string) {
  return useQuery({
    queryKey: traceKeys.packages(slug, code),
    queryFn: () => api<EudrPackageList>('GET', `${lotBase(slug, code)}/eudr-packages`),
  });
}

export function useGenerateEudrPackage(slug: string, code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<EudrPackageView>('POST', `${lotBase(slug, code)}/eudr-packages`, { id: crypto.randomUUID() }),
    onSuccess: () => client.invalidateQueries({ queryKey: traceKeys.packages(slug, code) }),
  });
}

export function useRecordDdsReference(slug: string, code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      packageId,
      ...body
    }: { packageId: string } & Omit<z.input<typeof RecordDdsReferenceBody>, 'id'>) =>
      api<EudrPackageView>('POST', `${packageBase(slug, packageId)}/dds-reference`, {
        id: crypto.randomUUID(),
        ...body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: traceKeys.packages(slug, code) }),
  });
}

/** The lot's publication, or null when it is not published. */
export function usePublication(slug: string, code: string) {
  return useQuery({
    queryKey: traceKeys.publication(slug, code),
    queryFn: async () => {
      try {
        return await api<PublicationView>('GET', `${lotBase(slug, code)}/public-page`);
      } catch (error) {
        if (isApiProblem(error, 404)) return null;
        throw error;
      }
    },
  });
}

export function usePublish(slug: string, code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof PublishLotBody>) =>
      api<PublicationView>('PUT', `${lotBase(slug, code)}/public-page`, body),
    onSuccess: (data) => client.setQueryData(traceKeys.publication(slug, code), data),
  });
}

export function useWithdraw(slug: string, code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<null>('DELETE', `${lotBase(slug, code)}/public-page`),
    onSuccess: () => client.setQueryData(traceKeys.publication(slug, code), null),
  });
}
