import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { governancePath } from '../app/router.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';

type Tab = 'home' | 'organs' | 'scorecard' | 'reports' | 'statute';

/** Title of a governance page with the links between its pages (hidden when printing the minutes). */
export function GovernanceHeader({
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
  // a central or a program has only the scorecard: no tabs to other pages
  const tabs =
    org.kind === 'cooperative'
      ? [
          { key: 'home', label: t('governance.tabAssemblies') },
          { key: 'organs', label: t('governanceRecords.tabs.organs') },
          { key: 'scorecard', label: t('governanceRecords.tabs.scorecard') },
          { key: 'reports', label: t('governanceRecords.tabs.reports') },
          { key: 'statute', label: t('governance.tabStatute') },
        ].map((tab) => ({ ...tab, href: governancePath(org.slug, { view: tab.key as Tab }) }))
      : [];
  return (
    <ModuleHeader
      orgName={org.name}
      title={title}
      back={back}
      actions={actions}
      current={current}
      tabs={tabs}
      navLabel={t('governance.title')}
      hideWhenPrinting
    />
  );
}
