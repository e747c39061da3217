import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { collectionPath } from '../app/router.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';
import { canManageCollection, canUseDesk } from './api.js';
import { useQueue } from './queue.js';

type Tab = 'desk' | 'tickets' | 'setup';

/** Title of a collection page with the links between its pages (hidden when printing a receipt). */
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
    <ModuleHeader
      orgName={org.name}
      title={title}
      back={back}
      actions={actions}
      current={current}
      navLabel={t('collection.sectionsNav')}
      hideWhenPrinting
      tabs={tabs.map((tab) => ({
        key: tab,
        href: collectionPath(org.slug, { view: tab }),
        label: (
          <>
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
          </>
        ),
      }))}
    />
  );
}
