import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { areaName, countryName, currencyName, localeName, roleName, unitName } from './format.js';
import { GrantsSection } from './GrantsSection.js';

export function OrgHomePage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'es';
  useDocumentTitle(org.name);
  const notSet = (
    <Text span c="dimmed">
      {t('org.notSet')}
    </Text>
  );

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{org.name}</Title>
        <Group gap="xs" mt={4}>
          <Badge variant="light" size="lg" radius="sm" tt="none">
            {t(`orgKind.${org.kind}`)}
          </Badge>
          <Text c="dimmed" size="sm">
            {countryName(lang, org.country)}
          </Text>
        </Group>
      </div>

      <Box component="section" aria-labelledby="profile-title">
        <Title order={2} size="h3" id="profile-title" mb="sm">
          {t('org.profile')}
        </Title>
        <Paper withBorder p="md" radius="md">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md" m={0}>
            <Field label={t('org.kind')}>{t(`orgKind.${org.kind}`)}</Field>
            <Field label={t('org.country')}>{countryName(lang, org.country)}</Field>
            <Field label={t('org.currency')}>{currencyName(lang, org.currency)}</Field>
            <Field label={t('org.timeZone')}>{org.timeZone}</Field>
            <Field label={t('org.locale')}>{localeName(lang, org.locale)}</Field>
            <Field label={t('org.massUnit')}>{unitName(t, org.displayMassUnit)}</Field>
            <Field label={t('org.region')}>{org.region || notSet}</Field>
            <Field label={t('org.province')}>{org.province || notSet}</Field>
            <Field label={t('org.district')}>{org.district || notSet}</Field>
          </SimpleGrid>
        </Paper>
      </Box>

      <Box component="section" aria-labelledby="access-title">
        <Title order={2} size="h3" id="access-title" mb="sm">
          {t('org.yourAccess')}
        </Title>
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <Text>
              {org.access === 'member'
                ? t('org.accessMember')
                : org.access === 'grantee'
                  ? t('org.accessGrantee')
                  : t('org.accessPlatform')}
            </Text>
            <div>
              <Title order={3} size="h5" mb={6}>
                {t('org.yourRoles')}
              </Title>
              {org.myRoles.length > 0 ? (
                <Group gap="xs" component="ul" role="list" m={0} p={0} style={{ listStyle: 'none' }}>
                  {org.myRoles.map((role) => (
                    <Badge component="li" key={role} variant="filled" radius="sm" size="lg" tt="none">
                      {roleName(t, role)}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text c="dimmed">{t('org.noRoles')}</Text>
              )}
            </div>
            {org.access === 'grantee' && org.grantedAreas && org.grantedAreas.length > 0 && (
              <div>
                <Title order={3} size="h5" mb={6}>
                  {t('org.sharedWithYou')}
                </Title>
                <Group gap="xs" component="ul" role="list" m={0} p={0} style={{ listStyle: 'none' }}>
                  {org.grantedAreas.map((area) => (
                    <Badge component="li" key={area} variant="light" radius="sm" size="lg" tt="none">
                      {areaName(t, area)}
                    </Badge>
                  ))}
                </Group>
              </div>
            )}
          </Stack>
        </Paper>
      </Box>

      <GrantsSection org={org} />
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
