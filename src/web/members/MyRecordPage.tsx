import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { StatementSection } from '../accounts/StatementSection.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, MessagePage, PageLoader } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { fullName } from '../shared/format.js';
import { StatusBadge } from '../shared/ui.js';
import { useMyMember } from './api.js';
import {
  CertificationsSection,
  ConsentsSection,
  InspectionsSection,
  MoneySection,
  PersonalSection,
  PlotsSection,
  StandingNotice,
} from './MemberSections.js';
import { StandingBadge } from './StandingBadge.js';

/** `/o/:slug/me`: a member's own record, plots and certifications; nothing about anyone else. */
export function MyRecordPage({ org }: { org: Org }) {
  const { t } = useTranslation();
  const record = useMyMember(org.slug);
  useDocumentTitle(t('myRecord.title'), org.name);

  if (isApiProblem(record.error, 404)) {
    return <MessagePage title={t('myRecord.title')} text={record.error.detail ?? t('myRecord.notLinked')} />;
  }
  if (record.isError && !record.data)
    return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  if (!record.data) return <PageLoader />;
  const { member, plots, certifications, inspections } = record.data;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {org.name}
        </Text>
        <Title order={1}>{t('myRecord.title')}</Title>
        <Text size="lg" fw={600}>
          {fullName(member)}
        </Text>
        <Group gap="xs">
          <Text fw={600}>{t('members.numberShort', { number: member.memberNumber })}</Text>
          <StatusBadge status={member.status} size="lg" />
          <StandingBadge standing={member.standing} />
        </Group>
        <StandingNotice standing={member.standing} org={org} />
        <Text size="sm" c="dimmed">
          {t('myRecord.intro')}
        </Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <PersonalSection member={member} org={org} />
        <MoneySection member={member} org={org} />
      </SimpleGrid>
      <PlotsSection plots={plots} org={org} linkOverlaps={false} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <CertificationsSection certifications={certifications} plots={plots} org={org} />
        <InspectionsSection inspections={inspections} org={org} />
      </SimpleGrid>
      <StatementSection org={org} memberNumber={null} title={t('accounts.myStatement')} />
      <ConsentsSection consents={member.consents} org={org} />
    </Stack>
  );
}
