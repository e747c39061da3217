import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySummary } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { followLink, governancePath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatMoment } from '../shared/format.js';
import { FlashMessage, useFlash } from '../shared/ui.js';
import { canManageGovernance, isVotingMember, useAssemblies } from './api.js';
import { GovernanceHeader } from './GovernanceHeader.js';
import { assemblyKindName } from './ui.js';

/** An assembly stays under "upcoming" through the day it is held (a long assembly, a late second call). */
const STILL_UPCOMING_MS = 24 * 3600_000;

/** `/o/:slug/governance`: the cooperative's assemblies, upcoming and past; convene; the statute. */
export function GovernanceHomePage({ org }: { org: Org }) {
  const { t } = useTranslation();
  useDocumentTitle(t('governance.title'), org.name);
  const assemblies = useAssemblies(org.slug);
  const manage = canManageGovernance(org);
  const flash = useFlash();
  const [shown, setShown] = useState(flash);

  const now = Date.now();
  const items = assemblies.data?.items ?? [];
  const upcoming = items
    .filter((a) => Date.parse(a.firstCallAt) > now - STILL_UPCOMING_MS)
    .sort((a, b) => a.firstCallAt.localeCompare(b.firstCallAt));
  const past = items
    .filter((a) => Date.parse(a.firstCallAt) <= now - STILL_UPCOMING_MS)
    .sort((a, b) => b.firstCallAt.localeCompare(a.firstCallAt));

  return (
    <Stack gap="lg">
      <GovernanceHeader
        org={org}
        current="home"
        title={t('governance.title')}
        actions={
          manage && (
            <Button
              component="a"
              href={governancePath(org.slug, { view: 'convene' })}
              onClick={followLink}
              size="md"
            >
              {t('governance.convene')}
            </Button>
          )
        }
      />
      {shown && <FlashMessage message={shown} onClose={() => setShown(null)} />}
      {isVotingMember(org) && !manage && (
        <Text size="lg" maw={640}>
          {t('governance.memberHint')}
        </Text>
      )}
      {assemblies.isError && !assemblies.data ? (
        <LoadError error={assemblies.error} onRetry={() => void assemblies.refetch()} />
      ) : !assemblies.data ? (
        <PageLoader />
      ) : (
        <>
          <AssemblyList
            id="ayni-upcoming"
            title={t('governance.upcoming')}
            empty={t('governance.noUpcoming')}
            items={upcoming}
            org={org}
            manage={manage}
          />
          <AssemblyList
            id="ayni-past"
            title={t('governance.past')}
            empty={t('governance.noPast')}
            items={past}
            org={org}
            manage={manage}
            past
          />
        </>
      )}
      <Stack component="nav" gap={6} aria-label={t('governanceRecords.home.recordsNav')}>
        <Anchor href={governancePath(org.slug, { view: 'organs' })} onClick={followLink}>
          {t('governanceRecords.home.organsLink')}
        </Anchor>
        <Anchor href={governancePath(org.slug, { view: 'scorecard' })} onClick={followLink}>
          {t('governanceRecords.home.scorecardLink')}
        </Anchor>
        <Anchor href={governancePath(org.slug, { view: 'reports' })} onClick={followLink}>
          {t('governanceRecords.home.reportsLink')}
        </Anchor>
        <Anchor href={governancePath(org.slug, { view: 'statute' })} onClick={followLink}>
          {t('governance.statuteLink')}
        </Anchor>
      </Stack>
    </Stack>
  );
}

function AssemblyList({
  id,
  title,
  empty,
  items,
  org,
  manage,
  past = false,
}: {
  id: string;
  title: string;
  empty: string;
  items: AssemblySummary[];
  org: Org;
  manage: boolean;
  past?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="section" aria-labelledby={`${id}-title`} gap="sm">
      <Title order={2} size="h3" id={`${id}-title`}>
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((a) => (
            <Paper component="li" key={a.id} withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
              <Stack gap={6}>
                <Text size="sm" c="dimmed">
                  {assemblyKindName(t, a.kind)}
                </Text>
                <Anchor
                  href={governancePath(org.slug, { view: 'assembly', assemblyId: a.id })}
                  onClick={followLink}
                  fw={700}
                  fz="lg"
                >
                  {a.title}
                </Anchor>
                <Text>
                  {t('governance.firstCallAt')}: {formatMoment(i18n.language, a.firstCallAt, org.timeZone)}
                </Text>
                <Text>
                  {t('governance.place')}: {a.place}
                </Text>
                <Group gap="xs" mt={4}>
                  <Button
                    component="a"
                    href={governancePath(org.slug, { view: 'assembly', assemblyId: a.id })}
                    onClick={followLink}
                    size="sm"
                  >
                    {manage
                      ? t('governance.openConsole')
                      : past
                        ? t('governance.openResults')
                        : t('governance.openVote')}
                  </Button>
                  {manage && (
                    <Button
                      component="a"
                      href={governancePath(org.slug, { view: 'wall', assemblyId: a.id })}
                      onClick={followLink}
                      size="sm"
                      variant="default"
                    >
                      {t('governance.openWall')}
                    </Button>
                  )}
                  <Button
                    component="a"
                    href={governancePath(org.slug, { view: 'minutes', assemblyId: a.id })}
                    onClick={followLink}
                    size="sm"
                    variant={past ? 'light' : 'subtle'}
                    aria-label={t('governanceRecords.home.minutesOf', { title: a.title })}
                  >
                    {t('governanceRecords.home.minutes')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
