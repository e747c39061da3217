import { Alert, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificationView as Certification } from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { canReadAccounts } from '../accounts/api.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, MessagePage, PageLoader } from '../app/feedback.js';
import { accountsPath, followLink, membersPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { memberCardPath } from '../governance/records-api.js';
import { fullName } from '../shared/format.js';
import { FlashMessage, StatusBadge, useFlash } from '../shared/ui.js';
import {
  useMember,
  useMemberCertifications,
  useMemberHistory,
  useMemberInspections,
  useMemberPlots,
} from './api.js';
import { nationalIdLabel } from './labels.js';
import {
  AddPlotDialog,
  CertificationDialog,
  ChangeStatusDialog,
  ConsentDialog,
  InspectionDialog,
} from './MemberDialogs.js';
import {
  CertificationsSection,
  ConsentsSection,
  HistorySection,
  InspectionsSection,
  MoneySection,
  PersonalSection,
  PlotsSection,
  StandingNotice,
} from './MemberSections.js';
import { MembersHeader } from './MembersHeader.js';
import { StandingBadge } from './StandingBadge.js';

type Dialog =
  | { kind: 'status' }
  | { kind: 'consent' }
  | { kind: 'plot' }
  | { kind: 'certification'; editing: Certification | null }
  | { kind: 'inspection' }
  | null;

/** `/o/:slug/members/:memberNumber`: everything about one member, with the staff's actions. */
export function MemberDetailPage({
  org,
  memberNumber,
  canWrite,
}: {
  org: Org;
  memberNumber: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const member = useMember(org.slug, memberNumber);
  const history = useMemberHistory(org.slug, memberNumber);
  const plots = useMemberPlots(org.slug, memberNumber);
  const certifications = useMemberCertifications(org.slug, memberNumber);
  const inspections = useMemberInspections(org.slug, memberNumber);
  const flash = useFlash();
  const [notice, setNotice] = useState<string | null>(flash);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const m = member.data;
  useDocumentTitle(m ? fullName(m) : t('memberDetail.title'), org.name);

  if (isApiProblem(member.error, 404)) {
    return (
      <MessagePage
        title={t('memberDetail.notFoundTitle')}
        text={member.error.detail ?? t('memberDetail.notFound')}
      />
    );
  }
  if (member.isError && !m) return <LoadError error={member.error} onRetry={() => void member.refetch()} />;
  if (!m) return <PageLoader />;

  const done = (message: string) => {
    setWarnings([]);
    setNotice(message);
  };
  const close = () => setDialog(null);
  const add = (label: string, kind: 'consent' | 'plot' | 'inspection') =>
    canWrite ? (
      <Button size="compact-sm" variant="light" onClick={() => setDialog({ kind })}>
        {label}
      </Button>
    ) : undefined;
  const sectionError = (query: { error: unknown; refetch: () => unknown }) =>
    query.error ? <LoadError error={query.error} onRetry={() => void query.refetch()} /> : undefined;

  return (
    <>
      <MembersHeader
        org={org}
        title={fullName(m)}
        canWrite={canWrite}
        back={{ href: membersPath(org.slug), label: t('memberDetail.backToList') }}
        actions={
          canWrite || canReadAccounts(org) ? (
            <>
              {canWrite && (
                <Button
                  component="a"
                  href={membersPath(org.slug, { view: 'edit', memberNumber: m.memberNumber })}
                  onClick={followLink}
                >
                  {t('memberDetail.edit')}
                </Button>
              )}
              {canWrite && m.status !== 'deceased' && (
                <Button variant="default" onClick={() => setDialog({ kind: 'status' })}>
                  {t('memberDetail.changeStatus')}
                </Button>
              )}
              {canReadAccounts(org) && (
                <Button
                  component="a"
                  variant="default"
                  href={accountsPath(org.slug, { view: 'statement', memberNumber: m.memberNumber })}
                  onClick={followLink}
                >
                  {t('accounts.statementLink')}
                </Button>
              )}
              {canWrite && (
                <Button
                  component="a"
                  variant="default"
                  href={memberCardPath(org.slug, m.memberNumber)}
                  target="_blank"
                  rel="noopener"
                >
                  {t('governanceRecords.card.print')}
                </Button>
              )}
            </>
          ) : undefined
        }
      />

      <Stack gap="lg">
        <Stack gap="xs" mt={-8}>
          <Group gap="xs">
            <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('members.numberShort', { number: m.memberNumber })}
            </Text>
            {m.nationalId && (
              <Text c="dimmed">
                · {nationalIdLabel(t, org.country)} {m.nationalId}
              </Text>
            )}
            <StatusBadge status={m.status} size="lg" />
            <StandingBadge standing={m.standing} />
          </Group>
          <StandingNotice standing={m.standing} org={org} />
          {!canWrite && (
            <Text size="sm" c="dimmed">
              {org.access === 'grantee' ? t('memberDetail.readOnlyGrantee') : t('memberDetail.readOnly')}
            </Text>
          )}
        </Stack>

        <FlashMessage message={notice} onClose={() => setNotice(null)} />
        {warnings.length > 0 && (
          <Alert
            color="orange"
            variant="light"
            title={t('plots.savedWithWarnings')}
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setWarnings([])}
          >
            <List size="sm">
              {warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <PersonalSection member={m} org={org} />
          <MoneySection member={m} org={org} />
        </SimpleGrid>

        <PlotsSection
          plots={plots.data?.items}
          org={org}
          linkOverlaps
          error={sectionError(plots)}
          actions={add(t('plots.add'), 'plot')}
        />

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <CertificationsSection
            certifications={certifications.data?.items}
            plots={plots.data?.items}
            org={org}
            actions={
              canWrite ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setDialog({ kind: 'certification', editing: null })}
                >
                  {t('certifications.add')}
                </Button>
              ) : undefined
            }
            onEdit={canWrite ? (c) => setDialog({ kind: 'certification', editing: c }) : undefined}
          />
          <InspectionsSection
            inspections={inspections.data?.items}
            org={org}
            actions={add(t('inspections.add'), 'inspection')}
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ConsentsSection consents={m.consents} org={org} actions={add(t('consents.record'), 'consent')} />
          <HistorySection history={history.data?.items} org={org} />
        </SimpleGrid>
      </Stack>

      {/* Mounted while closed, so focus returns to the button that opened them. */}
      {canWrite && (
        <>
          <ChangeStatusDialog
            org={org}
            memberNumber={m.memberNumber}
            current={m.status}
            opened={dialog?.kind === 'status'}
            onClose={close}
            onDone={done}
          />
          <ConsentDialog
            org={org}
            memberNumber={m.memberNumber}
            opened={dialog?.kind === 'consent'}
            onClose={close}
            onDone={done}
          />
          <AddPlotDialog
            org={org}
            memberNumber={m.memberNumber}
            opened={dialog?.kind === 'plot'}
            onClose={close}
            onDone={(message, plotWarnings) => {
              setNotice(message);
              setWarnings(plotWarnings);
            }}
          />
          <CertificationDialog
            key={dialog?.kind === 'certification' ? (dialog.editing?.id ?? 'new') : 'closed'}
            org={org}
            memberNumber={m.memberNumber}
            plots={plots.data?.items ?? []}
            editing={dialog?.kind === 'certification' ? dialog.editing : null}
            opened={dialog?.kind === 'certification'}
            onClose={close}
            onDone={done}
          />
          <InspectionDialog
            org={org}
            memberNumber={m.memberNumber}
            opened={dialog?.kind === 'inspection'}
            onClose={close}
            onDone={done}
          />
        </>
      )}
    </>
  );
}
