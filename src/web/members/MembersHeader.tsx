import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { membersPath } from '../app/router.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';
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
  return (
    <ModuleHeader
      orgName={org.name}
      title={title}
      back={back}
      actions={actions}
      current={current}
      navLabel={t('members.sectionsNav')}
      tabs={tabs.map((tab) => ({
        key: tab,
        label: t(`members.tabs.${tab}`),
        href: membersPath(org.slug, { view: tab }),
      }))}
    />
  );
}
