import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { accountsPath } from '../app/router.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';

type Tab = 'trialBalance' | 'settlements';

/** Title of an accounts page with the links between its pages. */
export function AccountsHeader({
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
  const label: Record<Tab, string> = {
    trialBalance: t('settlements.tabBalance'),
    settlements: t('settlements.tabSettlements'),
  };
  return (
    <ModuleHeader
      orgName={org.name}
      title={title}
      back={back}
      actions={actions}
      current={current}
      navLabel={t('settlements.sectionsNav')}
      tabs={(['trialBalance', 'settlements'] as const).map((tab) => ({
        key: tab,
        label: label[tab],
        href: accountsPath(org.slug, { view: tab }),
      }))}
    />
  );
}
