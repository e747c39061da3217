import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  FileButton,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { IMPORT_KINDS, type ImportKind } from '../../shared/enums.js';
import { isApiProblem } from '../api/client.js';
import { problemMessage } from '../app/feedback.js';
import { followLink, membersPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatNumber, numberLocale } from '../shared/format.js';
import { MAX_IMPORT_BYTES, memberKeys, uploadImport } from './api.js';
import { importFieldName } from './labels.js';
import { MembersHeader } from './MembersHeader.js';

type Phase = 'pick' | 'checking' | 'reviewed' | 'committing' | 'done';

const ACCEPT: Record<ImportKind, string> = {
  members: '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  plots: '.csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'plots-geojson': '.geojson,.json,application/geo+json,application/json',
};

const ERRORS_SHOWN = 200;

function fileSize(locale: string, bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(locale, Math.max(1, Math.ceil(bytes / 1024)), 0)} KB`;
  return `${formatNumber(locale, bytes / (1024 * 1024), 1)} MB`;
}

/** `/o/:slug/members/import`: file → automatic check → column mapping and errors → import, all or nothing. */
export function ImportPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.resolvedLanguage ?? 'es', org.country);
  useDocumentTitle(t('import.title'), org.name);
  const client = useQueryClient();

  const [kind, setKind] = useState<ImportKind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('pick');
  const [progress, setProgress] = useState(0);
  const [review, setReview] = useState<ImportResult | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [mappingChanged, setMappingChanged] = useState(false);
  const [sheet, setSheet] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const run = async (
    chosen: File,
    options: {
      dryRun: boolean;
      mapping?: (string | null)[] | null;
      sheet?: string | null;
      kind?: ImportKind;
    },
  ) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress(0);
    setPhase(options.dryRun ? 'checking' : 'committing');
    try {
      const result = await uploadImport(
        org.slug,
        {
          kind: options.kind ?? kind,
          dryRun: options.dryRun,
          mapping: options.mapping,
          sheet: options.sheet,
        },
        chosen,
        setProgress,
        controller.signal,
      );
      if (!options.dryRun && result.committed) {
        setOutcome(result);
        setPhase('done');
        void client.invalidateQueries({ queryKey: memberKeys.all(org.slug) });
        void client.invalidateQueries({ queryKey: memberKeys.dashboard(org.slug) });
      } else {
        setReview(result);
        setMapping(result.mapping);
        setMappingChanged(false);
        setSheet(result.sheetName);
        setShowAllErrors(false);
        setPhase('reviewed');
      }
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setError(e);
      setPhase(review ? 'reviewed' : 'pick');
    } finally {
      statusRef.current?.focus();
    }
  };

  const choose = (chosen: File | null) => {
    if (!chosen) return;
    setReview(null);
    setOutcome(null);
    setFile(chosen);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setError(new Error(t('import.tooBig', { size: fileSize(locale, chosen.size) })));
      setPhase('pick');
      return;
    }
    void run(chosen, { dryRun: true, mapping: null, sheet: null });
  };

  const restart = () => {
    abort.current?.abort();
    setFile(null);
    setReview(null);
    setOutcome(null);
    setError(null);
    setPhase('pick');
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0] ?? null);
  };

  const notYet = isApiProblem(error, 404) && error.code === 'error.route_not_found';
  const busy = phase === 'checking' || phase === 'committing';
  const step = phase === 'pick' || (phase === 'checking' && !review) ? 1 : phase === 'done' ? 3 : 2;
  const canCommit =
    review !== null &&
    !mappingChanged &&
    review.errorRows === 0 &&
    review.missingRequired.length === 0 &&
    review.validRows > 0;

  return (
    <>
      <MembersHeader org={org} current="import" title={t('import.title')} canWrite />
      <Stack gap="lg">
        <Box
          component="ol"
          m={0}
          p={0}
          style={{ listStyle: 'none', display: 'flex', gap: 8, flexWrap: 'wrap' }}
        >
          {[t('import.step1'), t('import.step2'), t('import.step3')].map((label, i) => (
            <li key={label} aria-current={step === i + 1 ? 'step' : undefined}>
              <Badge
                size="lg"
                radius="sm"
                tt="none"
                variant={step === i + 1 ? 'filled' : step > i + 1 ? 'light' : 'outline'}
                color={step > i + 1 ? 'green' : 'coffee'}
              >
                {i + 1}. {label}
              </Badge>
            </li>
          ))}
        </Box>

        <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
          {busy && (
            <Paper withBorder p="md" radius="md">
              <Stack gap="xs">
                {progress < 1 ? (
                  <>
                    <Text fw={600}>
                      {t('import.uploading', { percent: formatNumber(locale, progress * 100, 0) })}
                    </Text>
                    <Progress value={progress * 100} aria-label={t('import.uploadProgress')} size="lg" />
                  </>
                ) : (
                  <Group gap="sm">
                    <Loader size="sm" aria-hidden="true" />
                    <Text fw={600}>
                      {phase === 'committing' ? t('import.committing') : t('import.checking')}
                    </Text>
                  </Group>
                )}
                <Button variant="default" size="compact-sm" w="fit-content" onClick={restart}>
                  {t('app.cancel')}
                </Button>
              </Stack>
            </Paper>
          )}
          {error !== null && !busy && (
            <Alert color="red" variant="light" title={t('import.failed')}>
              {notYet
                ? t('import.notAvailable')
                : error instanceof Error && !isApiProblem(error)
                  ? error.message
                  : problemMessage(error, t)}
            </Alert>
          )}
        </div>

        {phase === 'done' && outcome && (
          <Paper withBorder p="lg" radius="md" bg="green.0">
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('import.doneTitle')}
              </Title>
              <Text>
                {t('import.doneText', {
                  created: formatNumber(locale, outcome.created, 0),
                  updated: formatNumber(locale, outcome.updated, 0),
                  unchanged: formatNumber(locale, outcome.unchanged, 0),
                })}
              </Text>
              <Group gap="sm">
                <Button component="a" href={membersPath(org.slug)} onClick={followLink}>
                  {t('import.toList')}
                </Button>
                <Button variant="default" onClick={restart}>
                  {t('import.another')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}

        {(phase === 'pick' || (phase === 'checking' && !review)) && (
          <Paper
            withBorder
            p={{ base: 'sm', sm: 'md' }}
            radius="md"
            component="section"
            aria-labelledby="import-file-title"
          >
            <Stack gap="md">
              <Title order={2} size="h4" id="import-file-title">
                {t('import.step1')}
              </Title>
              <Radio.Group label={t('import.kind')} value={kind} onChange={(v) => setKind(v as ImportKind)}>
                <Stack gap="xs" mt={6}>
                  {IMPORT_KINDS.map((k) => (
                    <Radio
                      key={k}
                      value={k}
                      disabled={busy}
                      label={t(`import.kinds.${k === 'plots-geojson' ? 'plotsGeojson' : k}`)}
                      description={t(`import.kindHelp.${k === 'plots-geojson' ? 'plotsGeojson' : k}`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Box
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
                p="lg"
                style={{
                  border: `2px dashed ${dragging ? 'var(--mantine-color-coffee-7)' : 'var(--mantine-color-gray-5)'}`,
                  borderRadius: 'var(--mantine-radius-md)',
                  background: dragging ? 'var(--mantine-color-coffee-0)' : undefined,
                  textAlign: 'center',
                }}
              >
                <Stack gap="xs" align="center">
                  <Text fw={600}>{t('import.dropHere')}</Text>
                  <Text size="sm" c="dimmed">
                    {t('import.or')}
                  </Text>
                  <FileButton onChange={choose} accept={ACCEPT[kind]} disabled={busy}>
                    {(props) => <Button {...props}>{t('import.chooseFile')}</Button>}
                  </FileButton>
                  <Text size="xs" c="dimmed">
                    {kind === 'plots-geojson' ? t('import.formatsGeojson') : t('import.formats')}
                  </Text>
                </Stack>
              </Box>
            </Stack>
          </Paper>
        )}

        {review && phase !== 'done' && file && (
          <ReviewStep
            review={review}
            file={file}
            locale={locale}
            mapping={mapping}
            mappingChanged={mappingChanged}
            sheet={sheet}
            busy={busy}
            canCommit={canCommit}
            showAllErrors={showAllErrors}
            onShowAllErrors={() => setShowAllErrors(true)}
            onMap={(index, field) => {
              setMapping((m) => m.map((f, i) => (i === index ? field : f)));
              setMappingChanged(true);
            }}
            onRecheck={() => void run(file, { dryRun: true, mapping, sheet })}
            onSheet={(name) => {
              setSheet(name);
              void run(file, { dryRun: true, mapping: null, sheet: name });
            }}
            onCommit={() => void run(file, { dryRun: false, mapping, sheet })}
            onRestart={restart}
          />
        )}
      </Stack>
    </>
  );
}

function ReviewStep({
  review,
  file,
  locale,
  mapping,
  mappingChanged,
  sheet,
  busy,
  canCommit,
  showAllErrors,
  onShowAllErrors,
  onMap,
  onRecheck,
  onSheet,
  onCommit,
  onRestart,
}: {
  /**
   * `sheetNames`: the server does not send it today (import.service.ts builds the answer without it, and
   * the contract has no such field), so the sheet chooser stays hidden until the server lists sheets.
   */
  review: ImportResult & { sheetNames?: string[] };
  file: File;
  locale: string;
  mapping: (string | null)[];
  mappingChanged: boolean;
  sheet: string | null;
  busy: boolean;
  canCommit: boolean;
  showAllErrors: boolean;
  onShowAllErrors: () => void;
  onMap: (index: number, field: string | null) => void;
  onRecheck: () => void;
  onSheet: (name: string) => void;
  onCommit: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const n = (v: number) => formatNumber(locale, v, 0);
  const fieldOptions = [
    { value: '', label: t('import.notImported') },
    ...review.fields.map((f) => ({ value: f, label: importFieldName(t, f) })),
  ];
  const errors = showAllErrors ? review.errors : review.errors.slice(0, ERRORS_SHOWN);
  const warnings = review.warnings ?? [];
  const isMobile = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const why = mappingChanged
    ? t('import.whyRecheck')
    : review.missingRequired.length > 0
      ? t('import.whyMissing')
      : review.errorRows > 0
        ? t('import.whyErrors', { count: review.errorRows, n: n(review.errorRows) })
        : review.validRows === 0
          ? t('import.whyEmpty')
          : null;

  return (
    <Stack gap="lg">
      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-labelledby="import-summary-title"
      >
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h4" id="import-summary-title">
              {t('import.summaryTitle')}
            </Title>
            <Button variant="subtle" size="compact-sm" onClick={onRestart} disabled={busy}>
              {t('import.otherFile')}
            </Button>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('import.fileLine', {
              name: file.name,
              size: fileSize(locale, file.size),
              rows: n(review.totalRows),
              count: review.totalRows,
            })}
            {review.encoding ? ` · ${t('import.encoding', { encoding: review.encoding })}` : ''}
            {review.sheetName ? ` · ${t('import.sheet', { sheet: review.sheetName })}` : ''}
          </Text>
          {review.sheetNames && review.sheetNames.length > 1 && (
            <NativeSelect
              label={t('import.chooseSheet')}
              data={review.sheetNames}
              value={sheet ?? review.sheetName ?? ''}
              onChange={(e) => onSheet(e.currentTarget.value)}
              disabled={busy}
              maw={320}
            />
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
            <Count label={t('import.toCreate')} value={n(review.toCreate)} color="green" />
            <Count label={t('import.toUpdate')} value={n(review.toUpdate)} color="blue" />
            <Count label={t('import.unchanged')} value={n(review.unchanged)} color="gray" />
            <Count
              label={t('import.errorRows')}
              value={n(review.errorRows)}
              color={review.errorRows > 0 ? 'red' : 'gray'}
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-labelledby="import-mapping-title"
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-mapping-title">
            {t('import.mappingTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('import.mappingHelp')}
          </Text>
          {review.missingRequired.length > 0 && (
            <Alert color="red" variant="light" p="sm">
              {t('import.missingRequired', {
                fields: review.missingRequired.map((f) => importFieldName(t, f)).join(', '),
              })}
            </Alert>
          )}
          {isMobile ? (
            <Stack gap="xs">
              {review.headers.map((header, index) => {
                const label = header.trim() || t('import.columnN', { n: String(index + 1) });
                return (
                  <NativeSelect
                    key={index}
                    label={label}
                    aria-label={t('import.fieldFor', { column: label })}
                    data={fieldOptions}
                    value={mapping[index] ?? ''}
                    onChange={(e) => onMap(index, e.currentTarget.value || null)}
                    disabled={busy}
                  />
                );
              })}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={420}>
              <Table verticalSpacing={6} striped aria-labelledby="import-mapping-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('import.column')}</Table.Th>
                    <Table.Th scope="col">{t('import.field')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {review.headers.map((header, index) => {
                    const label = header.trim() || t('import.columnN', { n: String(index + 1) });
                    return (
                      <Table.Tr key={index}>
                        <Table.Th scope="row" fw={500} id={`import-col-${index}`}>
                          {label}
                        </Table.Th>
                        <Table.Td>
                          <NativeSelect
                            aria-label={t('import.fieldFor', { column: label })}
                            data={fieldOptions}
                            value={mapping[index] ?? ''}
                            onChange={(e) => onMap(index, e.currentTarget.value || null)}
                            disabled={busy}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Button
            className="ayni-wrap-button"
            variant={mappingChanged ? 'filled' : 'light'}
            w="fit-content"
            onClick={onRecheck}
            disabled={busy || !mappingChanged}
          >
            {t('import.recheck')}
          </Button>
        </Stack>
      </Paper>

      {review.errors.length > 0 && (
        <Paper
          withBorder
          p={{ base: 'sm', sm: 'md' }}
          radius="md"
          component="section"
          aria-labelledby="import-errors-title"
        >
          <Stack gap="sm">
            <Title order={2} size="h4" id="import-errors-title">
              {t('import.errorsTitle', { count: review.errorRows, n: n(review.errorRows) })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('import.errorsHelp')}
              {review.errors.length >= 1000 ? ` ${t('import.firstThousand')}` : ''}
            </Text>
            {isMobile ? (
              <IssueList issues={errors} />
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing={4} striped aria-labelledby="import-errors-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={70}>
                        {t('import.row')}
                      </Table.Th>
                      <Table.Th scope="col" w={180}>
                        {t('import.field')}
                      </Table.Th>
                      <Table.Th scope="col">{t('import.problem')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {errors.map((e, i) => (
                      <Table.Tr key={`${e.row}-${e.field}-${i}`}>
                        <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{e.row}</Table.Td>
                        <Table.Td>{e.field ? importFieldName(t, e.field) : '—'}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {!showAllErrors && review.errors.length > ERRORS_SHOWN && (
              <Anchor component="button" type="button" onClick={onShowAllErrors} w="fit-content">
                {t('import.showAllErrors', { count: review.errors.length, n: n(review.errors.length) })}
              </Anchor>
            )}
          </Stack>
        </Paper>
      )}

      {warnings.length > 0 && (
        <Paper
          withBorder
          p={{ base: 'sm', sm: 'md' }}
          radius="md"
          component="section"
          aria-labelledby="import-warnings-title"
        >
          <Stack gap="sm">
            <Title order={2} size="h4" id="import-warnings-title">
              {t('import.warningsTitle', { count: warnings.length, n: n(warnings.length) })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('import.warningsHelp')}
            </Text>
            {isMobile ? (
              <IssueList issues={warnings.slice(0, showAllErrors ? warnings.length : ERRORS_SHOWN)} />
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing={4} striped aria-labelledby="import-warnings-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={70}>
                        {t('import.row')}
                      </Table.Th>
                      <Table.Th scope="col" w={180}>
                        {t('import.field')}
                      </Table.Th>
                      <Table.Th scope="col">{t('import.whatHappened')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {warnings.slice(0, showAllErrors ? warnings.length : ERRORS_SHOWN).map((w, i) => (
                      <Table.Tr key={`${w.row}-${w.field}-${i}`}>
                        <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{w.row}</Table.Td>
                        <Table.Td>{w.field ? importFieldName(t, w.field) : '—'}</Table.Td>
                        <Table.Td>{w.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Paper>
      )}

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        radius="md"
        component="section"
        aria-labelledby="import-commit-title"
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-commit-title">
            {t('import.step3')}
          </Title>
          <Text size="sm">{t('import.allOrNothing')}</Text>
          {why && (
            <Text size="sm" c="red.8" fw={500} id="import-why">
              {why}
            </Text>
          )}
          <Button
            className="ayni-wrap-button"
            w="fit-content"
            size="md"
            onClick={onCommit}
            disabled={!canCommit || busy}
            aria-describedby={why ? 'import-why' : undefined}
          >
            {t('import.commit', { count: review.validRows, n: n(review.validRows) })}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Count({ label, value, color }: { label: string; value: string; color: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz={24} fw={700} c={`${color}.8`}>
        {value}
      </Text>
    </Paper>
  );
}

/** Errors or notices as a list, for a phone: "Fila 4 · Apellidos y nombres" and the sentence. */
function IssueList({ issues }: { issues: { row: number; field: string; message: string }[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
      {issues.map((issue, i) => (
        <Paper component="li" key={`${issue.row}-${issue.field}-${i}`} withBorder radius="sm" p="xs">
          <Text size="sm" fw={600}>
            {t('import.row')} {issue.row}
            {issue.field ? ` · ${importFieldName(t, issue.field)}` : ''}
          </Text>
          <Text size="sm">{issue.message}</Text>
        </Paper>
      ))}
    </Stack>
  );
}
