import { Anchor, Badge, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { useMe } from '../api/queries.js';
import { MessagePage } from '../app/feedback.js';
import type { CollectionView } from '../app/router.js';
import { collectionPath, followLink } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { canManageCollection, canReadTickets, canUseDesk, collectionKeys } from './api.js';
import { DeskPage } from './DeskPage.js';
import { useAutoSend, useQueue } from './queue.js';
import { ReceiptPage } from './ReceiptPage.js';
import { SetupPage } from './SetupPage.js';
import { TicketsPage } from './TicketsPage.js';

/** `/o/:slug/collection/…`: the desk, the tickets and a ticket's receipt, each only for those who may see it. */
export function CollectionRoute({ org, view }: { org: Org; view: CollectionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useMe().data ?? null;
  // Tickets kept on this device leave by themselves on every collection page, not only at the desk.
  useAutoSend(org.slug, org.kind === 'cooperative' && canUseDesk(org) ? (me?.id ?? null) : null, () => {
    void client.invalidateQueries({ queryKey: collectionKeys.tickets(org.slug) });
    void client.invalidateQueries({ queryKey: collectionKeys.points(org.slug) });
  });
  if (org.kind !== 'cooperative') return <Unavailable text={t('collection.notACooperative')} />;
  if (!canReadTickets(org)) return <Unavailable text={t('collection.noAccess')} />;
  const desk = canUseDesk(org);
  const manage = canManageCollection(org);
  switch (view.view) {
    case 'desk':
      return desk ? (
        <DeskPage org={org} />
      ) : (
        <TicketsPage org={org} canVoid={manage} note={t('collection.deskOnly')} />
      );
    case 'tickets':
      return <TicketsPage org={org} canVoid={manage} />;
    case 'ticket':
      return <ReceiptPage org={org} ticketId={view.ticketId} />;
    case 'setup':
      return manage ? <SetupPage org={org} /> : <Unavailable text={t('setup.managersOnly')} />;
  }
}

function Unavailable({ text }: { text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('collection.title'));
  return <MessagePage title={t('collection.title')} text={text} />;
}

type Tab = 'desk' | 'tickets' | 'setup';

/** Title of a collection page with the links between its pages (hidden when printing). */
export function CollectionHeader({
  org,
  current,
  title,
  back,
  actions,
}: {
  org: Org;
  current?: Tab;
  title: string;
  back?: { href: string; label: string };
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const pending = useQueue(org.slug).length;
  const tabs: Tab[] = [
    ...(canUseDesk(org) ? (['desk'] as const) : []),
    'tickets',
    ...(canManageCollection(org) ? (['setup'] as const) : []),
  ];
  const label: Record<Tab, string> = {
    desk: t('collection.tabDesk'),
    tickets: t('collection.tabTickets'),
    setup: t('setup.tab'),
  };
  return (
    <Stack gap="sm" mb="md" className="ayni-no-print">
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
      {current && tabs.length > 1 && (
        <Box component="nav" aria-label={t('collection.sectionsNav')}>
          <Group gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} role="list">
            {tabs.map((tab) => {
              const active = tab === current;
              return (
                <li key={tab}>
                  <Button
                    component="a"
                    href={collectionPath(org.slug, { view: tab })}
                    onClick={followLink}
                    aria-current={active ? 'page' : undefined}
                    variant={active ? 'filled' : 'light'}
                    size="compact-sm"
                    fz={{ base: 'sm', sm: 'md' }}
                    radius="xl"
                  >
                    {label[tab]}
                    {tab === 'desk' && pending > 0 && (
                      <Badge
                        color="yellow.8"
                        variant="filled"
                        size="sm"
                        ml={6}
                        title={t('collection.pendingTitle', { count: pending })}
                      >
                        {pending}
                      </Badge>
                    )}
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
