import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { MessagePage } from '../app/feedback.js';
import type { GovernanceView } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { canFileOversightReports, canManageGovernance } from './api.js';
import { ConsolePage } from './ConsolePage.js';
import { ConvenePage } from './ConvenePage.js';
import { GovernanceHomePage } from './GovernanceHomePage.js';
import { MinutesPage } from './MinutesPage.js';
import { OrgansPage } from './OrgansPage.js';
import { ReportsPage } from './ReportsPage.js';
import { ScorecardPage } from './ScorecardPage.js';
import { StatutePage } from './StatutePage.js';
import { VotePage } from './VotePage.js';
import { WallPage } from './WallPage.js';

/**
 * `/o/:slug/governance/…`: assemblies and the statute for the board and the manager; a member finds
 * the assembly and votes from their phone; the wall is the screen projected in the room.
 */
export function GovernanceRoute({ org, view }: { org: Org; view: GovernanceView }) {
  const { t } = useTranslation();
  // A central or a program sees the scorecard of the cooperatives that granted it their governance.
  if (org.kind === 'central' || org.kind === 'program') {
    if (view.view === 'home' || view.view === 'scorecard') return <ScorecardPage org={org} />;
    return <Unavailable text={t('governanceRecords.scorecard.federationOnly')} />;
  }
  if (org.kind !== 'cooperative') return <Unavailable text={t('governance.notACooperative')} />;
  const manage = canManageGovernance(org);
  switch (view.view) {
    case 'home':
      return <GovernanceHomePage org={org} />;
    case 'organs':
      return <OrgansPage org={org} canEdit={manage} />;
    case 'scorecard':
      return <ScorecardPage org={org} />;
    case 'reports':
      return <ReportsPage org={org} canEdit={canFileOversightReports(org)} />;
    case 'minutes':
      return <MinutesPage org={org} assemblyId={view.assemblyId} canEdit={manage} />;
    case 'convene':
      return manage ? (
        <ConvenePage org={org} />
      ) : (
        <Unavailable text={t('governance.convening.managersOnly')} />
      );
    case 'statute':
      return <StatutePage org={org} canEdit={manage} />;
    case 'assembly':
      return manage ? (
        <ConsolePage org={org} assemblyId={view.assemblyId} />
      ) : (
        <VotePage org={org} assemblyId={view.assemblyId} />
      );
    case 'vote':
      return <VotePage org={org} assemblyId={view.assemblyId} />;
    case 'wall':
      return <WallPage org={org} assemblyId={view.assemblyId} />;
  }
}

function Unavailable({ text }: { text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('governance.title'));
  return <MessagePage title={t('governance.title')} text={text} />;
}
