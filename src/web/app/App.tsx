import { Alert, Box, Center, MantineProvider } from '@mantine/core';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView as Me } from '../../orgs/orgs.contract.js';
import { createQueryClient, queryKeys, useMe, useOrgs } from '../api/queries.js';
import { OrgRoute } from '../orgs/OrgRoute.js';
import { useUsingSaved } from '../session/offline.js';
import { SignInPage } from '../session/SignInPage.js';
import { AppLayout } from './AppLayout.js';
import { LoadError, MessagePage, PageLoader } from './feedback.js';
import type { Route } from './router.js';
import { navigate, orgPath, useRoute } from './router.js';
import { cssVariablesResolver, theme } from './theme.js';
import { useDocumentTitle } from './useDocumentTitle.js';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Root />
      </QueryClientProvider>
    </MantineProvider>
  );
}

function Root() {
  const me = useMe();
  const route = useRoute();
  const usingSaved = useUsingSaved();
  useRecheckWhenOnline(usingSaved);

  if (me.data) {
    return (
      <AppLayout me={me.data} route={route}>
        {usingSaved && <SavedDataNotice />}
        <Page me={me.data} route={route} />
      </AppLayout>
    );
  }
  if (me.data === null) return <SignInPage />;
  return (
    <Box component="main" id="main" p="md">
      <Center mih="60vh">
        <Box maw={480} w="100%">
          {me.isError ? <LoadError error={me.error} onRetry={() => void me.refetch()} /> : <PageLoader />}
        </Box>
      </Center>
    </Box>
  );
}

/** Opened without a connection: the user and organizations as this device last saw them. */
function SavedDataNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" role="status" py={6} mb="sm" className="ayni-no-print">
      {t('app.offlineSaved')}
    </Alert>
  );
}

/** Back online after working on saved data: ask the server again who is signed in and for the rest. */
function useRecheckWhenOnline(usingSaved: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!usingSaved) return;
    const recheck = () => {
      void client.invalidateQueries({ queryKey: queryKeys.me });
      void client.invalidateQueries({ queryKey: queryKeys.orgs });
    };
    window.addEventListener('online', recheck);
    return () => window.removeEventListener('online', recheck);
  }, [client, usingSaved]);
}

function Page({ me, route }: { me: Me; route: Route }) {
  switch (route.name) {
    case 'root':
      return <RootRedirect me={me} />;
    case 'org':
      return (
        <OrgRoute
          key={route.slug}
          slug={route.slug}
          module={route.module}
          members={route.members}
          collection={route.collection}
          accounts={route.accounts}
        />
      );
    case 'me':
      return <OrgRoute key={route.slug} slug={route.slug} module="me" />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.notFoundTitle'));
  return <MessagePage title={t('app.notFoundTitle')} text={t('app.notFoundText')} />;
}

/** `/` goes to the user's first organization (the first membership, else the first one listed). */
function RootRedirect({ me }: { me: Me }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const items = orgs.data?.items;
  const target = items && (items.find((o) => o.slug === me.memberships[0]?.orgSlug) ?? items[0] ?? null);

  useEffect(() => {
    if (target) navigate(orgPath(target.slug), { replace: true });
  }, [target]);

  if (orgs.isError) return <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />;
  if (items && items.length === 0) {
    return <NoOrgs title={t('app.noOrgsTitle')} text={t('app.noOrgsText')} />;
  }
  return <PageLoader />;
}

function NoOrgs({ title, text }: { title: string; text: string }) {
  useDocumentTitle(title);
  return <MessagePage title={title} text={text} homeLink={false} />;
}
