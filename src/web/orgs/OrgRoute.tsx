import { Component, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.js';
import { useOrg } from '../api/queries.js';
import { LoadError, MessagePage, PageLoader } from '../app/feedback.js';
import type { AccountsView, CollectionView, GovernanceView, MembersView, ModuleKey } from '../app/router.js';
import { useRoute } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { ComingSoonPage } from '../modules/ComingSoonPage.js';
import { OrgHomePage } from './OrgHomePage.js';

// The social base is its own chunk: the first page stays light on a slow link.
const MembersRoute = lazy(() =>
  import('../members/MembersRoute.js').then((m) => ({ default: m.MembersRoute })),
);
const MyRecordRoute = lazy(() =>
  import('../members/MembersRoute.js').then((m) => ({ default: m.MyRecordRoute })),
);
const CollectionRoute = lazy(() =>
  import('../collection/CollectionRoute.js').then((m) => ({ default: m.CollectionRoute })),
);
const AccountsRoute = lazy(() =>
  import('../accounts/AccountsRoute.js').then((m) => ({ default: m.AccountsRoute })),
);
const LotsRoute = lazy(() => import('../lots/LotsRoute.js').then((m) => ({ default: m.LotsRoute })));
const TraceabilityRoute = lazy(() =>
  import('../traceability/TraceabilityRoute.js').then((m) => ({ default: m.TraceabilityRoute })),
);
const GovernanceRoute = lazy(() =>
  import('../governance/GovernanceRoute.js').then((m) => ({ default: m.GovernanceRoute })),
);

/** `/o/:slug`, `/o/:slug/:module`, `/o/:slug/members/…` and `/o/:slug/me`: loads the organization, then its page. */
export function OrgRoute({
  slug,
  module,
  members,
  collection,
  accounts,
  governance,
}: {
  slug: string;
  module: ModuleKey | 'me';
  members?: MembersView | undefined;
  collection?: CollectionView | undefined;
  accounts?: AccountsView | undefined;
  governance?: GovernanceView | undefined;
}) {
  const { t } = useTranslation();
  const org = useOrg(slug);
  // App.tsx does not pass the governance page down yet: read it from the address.
  const route = useRoute();
  const governanceView = governance ?? (route.name === 'org' ? route.governance : undefined);
  const missing = isApiProblem(org.error, 404) || isApiProblem(org.error, 403);
  useDocumentTitle(missing ? t('org.notFoundTitle') : undefined);

  if (org.data) {
    if (module === 'home') return <OrgHomePage org={org.data} />;
    if (module === 'members' || module === 'me') {
      return (
        <ChunkBoundary>
          <Suspense fallback={<PageLoader />}>
            {module === 'me' ? (
              <MyRecordRoute org={org.data} />
            ) : (
              <MembersRoute org={org.data} view={members ?? { view: 'list' }} />
            )}
          </Suspense>
        </ChunkBoundary>
      );
    }
    if (module === 'collection' || module === 'accounts') {
      return (
        <ChunkBoundary>
          <Suspense fallback={<PageLoader />}>
            {module === 'collection' ? (
              <CollectionRoute org={org.data} view={collection ?? { view: 'desk' }} />
            ) : (
              <AccountsRoute org={org.data} view={accounts ?? { view: 'trialBalance' }} />
            )}
          </Suspense>
        </ChunkBoundary>
      );
    }
    if (module === 'traceability') {
      return (
        <ChunkBoundary>
          <Suspense fallback={<PageLoader />}>
            <TraceabilityRoute
              org={org.data}
              view={(route.name === 'org' ? route.traceability : undefined) ?? { view: 'home' }}
            />
          </Suspense>
        </ChunkBoundary>
      );
    }
    if (module === 'governance') {
      return (
        <ChunkBoundary>
          <Suspense fallback={<PageLoader />}>
            <GovernanceRoute org={org.data} view={governanceView ?? { view: 'home' }} />
          </Suspense>
        </ChunkBoundary>
      );
    }
    if (module === 'lots') {
      return (
        <ChunkBoundary>
          <Suspense fallback={<PageLoader />}>
            <LotsRoute org={org.data} view={(route.name === 'org' && route.lots) || { view: 'home' }} />
          </Suspense>
        </ChunkBoundary>
      );
    }
    return <ComingSoonPage org={org.data} module={module} />;
  }
  if (missing) return <MessagePage title={t('org.notFoundTitle')} text={t('org.notFoundText')} />;
  if (org.isError) return <LoadError error={org.error} onRetry={() => void org.refetch()} />;
  return <PageLoader />;
}

/**
 * A page's code that cannot be fetched (offline, or a new version was installed meanwhile) shows an
 * error with a way out instead of a blank screen.
 */
class ChunkBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return <LoadError error={this.state.error} onRetry={() => window.location.reload()} />;
  }
}
