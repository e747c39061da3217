import { MutationCache, QueryCache, QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MeView as Me,
  OrgView as Org,
  GrantList as OrgGrants,
  OrgList,
} from '../../orgs/orgs.contract.js';
import { adoptUserLocale } from '../i18n/index.js';
import {
  forgetSaved,
  isUnreachable,
  isUsingSaved,
  savedCopy,
  savedMe,
  saveMe,
  setUsingSaved,
  withSavedCopy,
} from '../session/offline.js';
import { ApiProblem, api, isApiProblem, setCsrfToken } from './client.js';

export const queryKeys = {
  me: ['me'] as const,
  orgs: ['orgs'] as const,
  org: (slug: string) => ['orgs', slug] as const,
  grants: (slug: string) => ['orgs', slug, 'grants'] as const,
};

/** Accept a fresh view of the signed-in user (from /me, sign-in or PATCH /me). */
export function rememberMe(client: QueryClient, me: Me, csrfToken?: string): void {
  setCsrfToken(csrfToken ?? me.csrfToken);
  client.setQueryData(queryKeys.me, me);
  saveMe(me);
}

/** The session is gone: forget everything cached for the previous user. */
export function forgetSession(client: QueryClient): void {
  setCsrfToken(null);
  forgetSaved();
  setUsingSaved(false);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
  client.setQueryData(queryKeys.me, null);
}

function onUnauthenticated(client: () => QueryClient) {
  return (error: unknown, key?: readonly unknown[]) => {
    if (isApiProblem(error, 401) && key?.[0] !== queryKeys.me[0]) forgetSession(client());
  };
}

export function createQueryClient(): QueryClient {
  const handle = onUnauthenticated(() => client);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => handle(error) }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; a network error or a 5xx might.
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * The signed-in user, or null when nobody is signed in. Without a connection it is the user as last
 * seen online (so the desk opens offline), asked again every 30 s and when the browser is back online.
 */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>('GET', '/api/v1/me');
        setCsrfToken(me.csrfToken);
        saveMe(me);
        setUsingSaved(false);
        adoptUserLocale(me.locale);
        return me;
      } catch (error) {
        if (isApiProblem(error, 401)) {
          setCsrfToken(null);
          forgetSaved();
          setUsingSaved(false);
          return null;
        }
        const saved = isUnreachable(error) ? savedMe() : null;
        if (saved) {
          setUsingSaved(true);
          adoptUserLocale(saved.locale);
          return saved;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    refetchInterval: () => (isUsingSaved() ? 30_000 : false),
  });
}

export function useOrgs() {
  return useQuery({
    queryKey: queryKeys.orgs,
    queryFn: () => withSavedCopy('orgs', () => api<OrgList>('GET', '/api/v1/orgs')),
  });
}

export function useOrg(slug: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.org(slug),
    queryFn: () =>
      withSavedCopy(`org.${slug}`, () => api<Org>('GET', `/api/v1/orgs/${encodeURIComponent(slug)}`), {
        fallback: () => savedCopy<OrgList>('orgs')?.items.find((o) => o.slug === slug),
      }),
    // Show what the list already knows at once; the detail request refreshes it.
    placeholderData: () => client.getQueryData<OrgList>(queryKeys.orgs)?.items.find((o) => o.slug === slug),
  });
}

export function useGrants(slug: string) {
  return useQuery({
    queryKey: queryKeys.grants(slug),
    queryFn: () => api<OrgGrants>('GET', `/api/v1/orgs/${encodeURIComponent(slug)}/grants`),
  });
}
