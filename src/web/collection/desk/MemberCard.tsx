import { Alert, Badge, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliverySummary } from '../../../collection/collection.contract.js';
import type { CertClass } from '../../../shared/enums.js';
import { problemMessage } from '../../app/feedback.js';
import { formatBp, formatNumber, statusName } from '../../shared/format.js';
import type { PickedMember } from '../MemberSearch.js';

/**
 * The member at the desk: who they are, whether they may deliver, the certification classes they may
 * deliver into and how much of their yearly quota this year's tickets used.
 */
export function MemberCard({
  member,
  summary,
  error,
  missing,
  locale,
  onChangeMember,
}: {
  member: PickedMember;
  summary: DeliverySummary | undefined;
  error: unknown;
  /** No summary to be had now (offline): the server checks on arrival. */
  missing: boolean;
  locale: string;
  onChangeMember: () => void;
}) {
  const { t } = useTranslation();
  const used = summary?.quotaUsedBp ?? null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-desk-member">
      <Stack gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('members.numberShort', { number: member.memberNumber })}
          </Text>
          <Title order={2} size="h3" id="ayni-desk-member" style={{ overflowWrap: 'anywhere' }}>
            {summary?.name ?? (member.name || member.memberNumber)}
          </Title>
          {member.unverified && !summary && (
            <Badge color="orange" variant="light" mt={4}>
              {t('collection.memberUnverified')}
            </Badge>
          )}
        </div>
        <Button
          variant="default"
          size="sm"
          onClick={onChangeMember}
          className="ayni-wrap-button"
          w="fit-content"
        >
          {t('collection.changeMember')}
        </Button>
        {missing ? (
          <Text size="sm" c="orange.9">
            {t('collection.classesUnknown')}
          </Text>
        ) : error ? (
          <Text c="red.8">{problemMessage(error, t)}</Text>
        ) : null}
        {!summary && !error && !missing && <Loader size="sm" />}
        {summary && !summary.canDeliver && (
          <Alert color="red" variant="filled" role="alert" title={t('collection.cannotDeliverTitle')}>
            {t('collection.cannotDeliverText', { status: statusName(t, summary.status) })}
          </Alert>
        )}
        {summary && (
          <>
            <Text size="sm" fw={600}>
              {t('collection.classes')}
            </Text>
            {summary.certificationClasses.length > 0 ? (
              <Group gap={6}>
                {summary.certificationClasses.map((c) => (
                  <Badge key={c} variant="light" size="lg">
                    {t(`certClass.${c as CertClass}`)}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm">{t('collection.noClasses')}</Text>
            )}
            <Text size="sm" fw={600} mt={4}>
              {t('collection.summaryTitle', { year: String(summary.year) })}
            </Text>
            {used === null || Number(summary.quotaKg) === 0 ? (
              <Text size="sm">
                {t('collection.quotaNone', { delivered: formatNumber(locale, summary.deliveredKg, 1) })}
              </Text>
            ) : (
              <>
                <Progress
                  value={Math.min(100, used / 100)}
                  color={used > 10000 ? 'red' : used > 9000 ? 'yellow' : 'coffee'}
                  size="lg"
                  radius="xl"
                  aria-label={t('collection.quota')}
                />
                <Text size="sm">
                  {t('collection.quotaText', {
                    delivered: formatNumber(locale, summary.deliveredKg, 1),
                    quota: formatNumber(locale, summary.quotaKg, 1),
                    percent: formatBp(locale, used),
                  })}
                </Text>
                {used > 10000 && (
                  <Text size="sm" c="red.8" fw={600}>
                    {t('collection.quotaOver')}
                  </Text>
                )}
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
