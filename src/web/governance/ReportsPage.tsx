import { Button, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatDay, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FlashMessage, serverFieldErrors } from '../shared/ui.js';
import { GovernanceHeader } from './GovernanceHeader.js';
import { useFileReport, useOversightReports } from './records-api.js';
import { DialogForm } from './records-ui.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/o/:slug/governance/reports`: the oversight council's reports, newest first; the board records one filed. */
export function ReportsPage({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('governanceRecords.reports.title'), org.name);
  const reports = useOversightReports(org.slug);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const items = [...(reports.data?.items ?? [])].sort(
    (a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.filedOn.localeCompare(a.filedOn),
  );
  return (
    <Stack gap="lg">
      <GovernanceHeader
        org={org}
        current="reports"
        title={t('governanceRecords.reports.title')}
        actions={
          canEdit && (
            <Button size="md" onClick={() => setAdding(true)}>
              {t('governanceRecords.reports.add')}
            </Button>
          )
        }
      />
      <FlashMessage message={notice} onClose={() => setNotice(null)} />
      <Text maw={720}>{t('governanceRecords.reports.intro')}</Text>
      {reports.isError && !reports.data ? (
        <LoadError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : !reports.data ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('governanceRecords.reports.none')}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((r) => (
            <Paper component="li" key={r.id} withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
              <Stack gap={4}>
                <Title order={2} size="h4">
                  {r.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('governanceRecords.reports.dates', {
                    period: formatDay(i18n.language, r.periodEnd),
                    filed: formatDay(i18n.language, r.filedOn),
                  })}
                </Text>
                {r.summary && <Text style={{ whiteSpace: 'pre-wrap' }}>{r.summary}</Text>}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {canEdit && adding && (
        <ReportDialog
          org={org}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            setNotice(t('governanceRecords.reports.saved'));
          }}
        />
      )}
    </Stack>
  );
}

function ReportDialog({ org, onClose, onDone }: { org: Org; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const file = useFileReport(org.slug);
  const [id] = useState(newId);
  const [periodEnd, setPeriodEnd] = useState('');
  const [filedOn, setFiledOn] = useState(() => todayIn(org.timeZone));
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const server = serverFieldErrors(file.error);
  const error = (field: string) => missing[field] ?? server[field];
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!DATE.test(periodEnd)) problems.periodEnd = t('form.required');
    if (!DATE.test(filedOn)) problems.filedOn = t('form.required');
    else if (DATE.test(periodEnd) && filedOn < periodEnd)
      problems.filedOn = t('governanceRecords.reports.filedBeforePeriod');
    if (!title.trim()) problems.title = t('form.required');
    setMissing(problems);
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length > 0) return;
    file.mutate(
      { id, periodEnd, filedOn, title: title.trim(), ...(summary.trim() ? { summary: summary.trim() } : {}) },
      { onSuccess: onDone },
    );
  };
  return (
    <DialogForm
      opened
      onClose={onClose}
      title={t('governanceRecords.reports.addTitle')}
      submitLabel={t('governanceRecords.reports.submit')}
      error={file.error}
      pending={file.isPending}
      shownFields={['periodEnd', 'filedOn', 'title', 'summary']}
      onSubmit={submit}
      attempt={attempt}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('governanceRecords.reports.periodEnd')}
          value={periodEnd}
          onChange={(e) => setPeriodEnd(e.currentTarget.value)}
          error={error('periodEnd')}
          required
        />
        <TextInput
          type="date"
          label={t('governanceRecords.reports.filedOn')}
          value={filedOn}
          onChange={(e) => setFiledOn(e.currentTarget.value)}
          error={error('filedOn')}
          required
        />
      </SimpleGrid>
      <TextInput
        label={t('governanceRecords.reports.reportTitle')}
        placeholder={t('governanceRecords.reports.reportTitleExample')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={error('title')}
        required
      />
      <Textarea
        label={t('governanceRecords.reports.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        autosize
        minRows={4}
        error={error('summary')}
      />
    </DialogForm>
  );
}
