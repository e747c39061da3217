import { Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import type { MembersView } from '../app/router.js';
import { followLink, membersPath } from '../app/router.js';
import { isFederation } from './access.js';

type Tab = 'list' | 'dashboard' | 'map' | 'import';

/** The title of a social-base page, the links between its pages, and the page's main actions. */
export function MembersHeader({
  org,
  current,
  title,
  canWrite,
  actions,
  back,
}: {
  org: Org;
  current?: Tab;
  title: string;
  canWrite: boolean;
  actions?: ReactNode;
  back?: { href: string; label: string };
}) {
  const { t } = useTranslation();
  const tabs: Tab[] = isFederation(org)
    ? []
    : canWrite
      ? ['list', 'dashboard', 'map', 'import']
      : ['list', 'dashboard', 'map'];
  const label: Record<Tab, string> = {
    list: t('members.tabs.list'),
    dashboard: t('members.tabs.dashboard'),
    map: t('members.tabs.map'),
    import: t('members.tabs.import'),
  };

  return (
    <Stack gap="sm" mb="lg">
      {back ? (
        <Anchor href={back.href} onClick={followLink} size="sm">
          ← {back.label}
        </Anchor>
      ) : (
        <Text size="sm" c="dimmed">
          {org.name}
        </Text>
      )}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {tabs.length > 0 && current && (
        <Box component="nav" aria-label={t('members.sectionsNav')}>
          <Group gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} role="list">
            {tabs.map((tab) => {
              const active = tab === current;
              const view: MembersView = { view: tab };
              return (
                <li key={tab}>
                  <Button
                    component="a"
                    href={membersPath(org.slug, view)}
                    onClick={followLink}
                    aria-current={active ? 'page' : undefined}
                    variant={active ? 'filled' : 'light'}
                    size="compact-sm"
                    fz={{ base: 'sm', sm: 'md' }}
                    radius="xl"
                  >
                    {label[tab]}
                  </Button>
                </li>
              );
            })}
          </Group>
        </Box>
      )}
    </Stack>
  );
}
