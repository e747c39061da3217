import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { MessagePage, PageLoader } from '../app/feedback.js';
import type { MembersView } from '../app/router.js';
import { membersPath, myRecordPath, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { canReadMembers, canWriteMembers, hasOwnRecord, isFederation, isMemberOnly } from './access.js';
import { DashboardPage } from './DashboardPage.js';
import { ImportPage } from './ImportPage.js';
import { MemberDetailPage } from './MemberDetailPage.js';
import { MemberFormPage } from './MemberFormPage.js';
import { MemberListPage } from './MemberListPage.js';
import { MyRecordPage } from './MyRecordPage.js';
import { PlotsMapPage } from './PlotsMapPage.js';

/** `/o/:slug/members/…`: the social base's pages, each only for those who may see it. */
export function MembersRoute({ org, view }: { org: Org; view: MembersView }) {
  const { t } = useTranslation();
  const memberOnly = isMemberOnly(org);
  const federation = isFederation(org);

  // A member sees their own record; a central or program sees the aggregated dashboard.
  const redirect = memberOnly
    ? myRecordPath(org.slug)
    : federation && view.view === 'list'
      ? membersPath(org.slug, { view: 'dashboard' })
      : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  if (redirect) return <PageLoader />;

  if (federation) {
    if (view.view === 'dashboard') return <DashboardPage org={org} />;
    return <Unavailable text={t('members.federationOnlyDashboard')} />;
  }
  if (org.kind !== 'cooperative') return <Unavailable text={t('members.notACooperative')} />;
  if (!canReadMembers(org)) return <Unavailable text={t('members.noAccess')} />;

  const canWrite = canWriteMembers(org);
  switch (view.view) {
    case 'list':
      return <MemberListPage org={org} canWrite={canWrite} />;
    case 'dashboard':
      return <DashboardPage org={org} />;
    case 'map':
      return <PlotsMapPage org={org} canWrite={canWrite} />;
    case 'detail':
      return <MemberDetailPage org={org} memberNumber={view.memberNumber} canWrite={canWrite} />;
    case 'new':
      return canWrite ? <MemberFormPage org={org} /> : <Unavailable text={t('members.readOnly')} />;
    case 'edit':
      return canWrite ? (
        <MemberFormPage org={org} memberNumber={view.memberNumber} />
      ) : (
        <Unavailable text={t('members.readOnly')} />
      );
    case 'import':
      return canWrite ? <ImportPage org={org} /> : <Unavailable text={t('members.readOnly')} />;
  }
}

/** `/o/:slug/me`: a member's own record; staff who are not members are sent to the register. */
export function MyRecordRoute({ org }: { org: Org }) {
  const { t } = useTranslation();
  const own = hasOwnRecord(org);
  const redirect = !own && canReadMembers(org) && org.kind === 'cooperative' ? membersPath(org.slug) : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);
  if (redirect) return <PageLoader />;
  if (!own) return <Unavailable text={t('myRecord.notAMember')} />;
  return <MyRecordPage org={org} />;
}

function Unavailable({ text }: { text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('members.title'));
  return <MessagePage title={t('members.title')} text={text} />;
}
