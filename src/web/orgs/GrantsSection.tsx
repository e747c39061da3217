import { Alert, Anchor, Box, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrantView as Grant, OrgView as Org } from '../../orgs/orgs.contract.js';
import { isApiProblem } from '../api/client.js';
import { useGrants, useOrgs } from '../api/queries.js';
import { LoadError } from '../app/feedback.js';
import { followLink, orgPath } from '../app/router.js';
import { areaName, formatDate } from './format.js';

/**
 * Data-sharing grants. A cooperative grants areas of its data to centrals and programs
 * ("given"); a central or program sees which cooperatives granted it what ("received").
 * Only grants in force are listed.
 */
export function GrantsSection({ org }: { org: Org }) {
  const { t } = useTranslation();
  const grants = useGrants(org.slug);

  let body: ReactNode;
  if (grants.data) {
    const given = active(grants.data.given);
    const received = active(grants.data.received);
    const showGiven = org.kind === 'cooperative' || given.length > 0;
    const showReceived = org.kind === 'central' || org.kind === 'program' || received.length > 0;
    body = (
      <Stack gap="lg">
        {showGiven && (
          <GrantTable
            id="grants-given"
            title={t('grants.givenTitle')}
            intro={t('grants.givenIntro')}
            empty={t('grants.givenEmpty')}
            counterpartLabel={t('grants.grantee')}
            grants={given}
            counterpart={(g) => ({ slug: g.granteeSlug, name: g.granteeName })}
            timeZone={org.timeZone}
          />
        )}
        {showReceived && (
          <GrantTable
            id="grants-received"
            title={t('grants.receivedTitle')}
            intro={t('grants.receivedIntro')}
            empty={t('grants.receivedEmpty')}
            counterpartLabel={t('grants.grantor')}
            grants={received}
            counterpart={(g) => ({ slug: g.grantorSlug, name: g.grantorName })}
            timeZone={org.timeZone}
          />
        )}
        {!showGiven && !showReceived && <Text c="dimmed">{t('grants.none')}</Text>}
      </Stack>
    );
  } else if (isApiProblem(grants.error, 403) || isApiProblem(grants.error, 404)) {
    body = (
      <Alert color="gray" variant="light">
        {isApiProblem(grants.error, 403) ? t('grants.forbidden') : t('grants.notFound')}
      </Alert>
    );
  } else if (grants.isError) {
    body = <LoadError error={grants.error} onRetry={() => void grants.refetch()} />;
  } else {
    body = (
      <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
        <Skeleton height={20} width="40%" />
        <Skeleton height={80} />
      </Stack>
    );
  }

  return (
    <Box component="section" aria-labelledby="grants-title">
      <Title order={2} size="h3" id="grants-title" mb="sm">
        {t('grants.title')}
      </Title>
      {body}
    </Box>
  );
}

function active(grants: Grant[]): Grant[] {
  return grants
    .filter((g) => g.revokedAt === null)
    .sort(
      (a, b) =>
        a.grantorName.localeCompare(b.grantorName) ||
        a.granteeName.localeCompare(b.granteeName) ||
        a.area.localeCompare(b.area),
    );
}

function GrantTable({
  id,
  title,
  intro,
  empty,
  counterpartLabel,
  grants,
  counterpart,
  timeZone,
}: {
  id: string;
  title: string;
  intro: string;
  empty: string;
  counterpartLabel: string;
  grants: Grant[];
  counterpart: (grant: Grant) => { slug: string; name: string };
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'es';
  const visible = new Set((useOrgs().data?.items ?? []).map((o) => o.slug));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={3} size="h4" id={`${id}-title`}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {intro}
      </Text>
      {grants.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <>
          <Box visibleFrom="sm">
            <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby={`${id}-title`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{counterpartLabel}</Table.Th>
                  <Table.Th scope="col">{t('grants.area')}</Table.Th>
                  <Table.Th scope="col">{t('grants.since')}</Table.Th>
                  <Table.Th scope="col">{t('grants.grantedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grants.map((grant) => {
                  const other = counterpart(grant);
                  return (
                    <Table.Tr key={grant.id}>
                      <Table.Td>
                        <OrgName slug={other.slug} name={other.name} visible={visible} />
                      </Table.Td>
                      <Table.Td>{areaName(t, grant.area)}</Table.Td>
                      <Table.Td>
                        <time dateTime={grant.grantedAt}>{formatDate(lang, grant.grantedAt, timeZone)}</time>
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{grant.grantedByEmail ?? '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Box>
          <Stack component="ul" gap="xs" hiddenFrom="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {grants.map((grant) => {
              const other = counterpart(grant);
              return (
                <Paper component="li" key={grant.id} withBorder p="sm" radius="sm">
                  <Text fw={600}>
                    <OrgName slug={other.slug} name={other.name} visible={visible} />
                  </Text>
                  <Text size="sm">
                    {t('grants.area')}: {areaName(t, grant.area)}
                  </Text>
                  <Text size="sm">
                    {t('grants.since')}:{' '}
                    <time dateTime={grant.grantedAt}>{formatDate(lang, grant.grantedAt, timeZone)}</time>
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('grants.grantedBy')}: {grant.grantedByEmail ?? '—'}
                  </Text>
                </Paper>
              );
            })}
          </Stack>
        </>
      )}
    </Paper>
  );
}

function OrgName({ slug, name, visible }: { slug: string; name: string; visible: Set<string> }) {
  return visible.has(slug) ? (
    <Anchor href={orgPath(slug)} onClick={followLink}>
      {name}
    </Anchor>
  ) : (
    name
  );
}
