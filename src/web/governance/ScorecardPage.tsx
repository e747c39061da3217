import { Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../governance/governance.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { INDICATORS, type IndicatorCode } from '../../shared/enums.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { ChartFigure, HorizontalBars } from '../members/charts.js';
import { formatBp, formatDay, todayIn } from '../shared/format.js';
import { GovernanceHeader } from './GovernanceHeader.js';
import { useScorecard } from './records-api.js';
import { STATUS_COLOR, STATUS_FILL } from './records-ui.js';

/** Indicators measured as shares (basis points), drawn as bars against their target. */
const SHARES = new Set(['attendance', 'women_in_organs', 'terms_renewed', 'minutes_signed_in_time']);
const YEARS_BACK = 5;

/**
 * `/o/:slug/governance/scorecard`: how the cooperative governs itself in a year, in six indicators with
 * their targets; for a central or a program, the cooperatives that granted it their governance side by side.
 */
export function ScorecardPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('governanceRecords.scorecard.title'), org.name);
  const thisYear = Number(todayIn(org.timeZone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const scorecard = useScorecard(org.slug, year);
  const federation = org.kind !== 'cooperative';
  const data = scorecard.data;
  return (
    <Stack gap="lg">
      <GovernanceHeader org={org} current="scorecard" title={t('governanceRecords.scorecard.title')} />
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('governanceRecords.scorecard.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i))}
          w={140}
        />
        {data && data.year === thisYear && (
          <Text c="dimmed" pb={6}>
            {t('governanceRecords.scorecard.asOf', { date: formatDay(i18n.language, data.asOf) })}
          </Text>
        )}
      </Group>
      <Legend />
      {scorecard.isError && !data ? (
        <LoadError error={scorecard.error} onRetry={() => void scorecard.refetch()} />
      ) : !data ? (
        <PageLoader />
      ) : data.cooperatives.length === 0 ? (
        <Text c="dimmed">{t('governanceRecords.scorecard.noCooperatives')}</Text>
      ) : federation ? (
        <Comparison cooperatives={data.cooperatives} />
      ) : (
        <Cards indicators={data.cooperatives[0]!.indicators} />
      )}
    </Stack>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" aria-label={t('governanceRecords.scorecard.legend')} role="group">
      {(['ok', 'warn', 'bad', 'pending'] as const).map((s) => (
        <Badge
          key={s}
          color={STATUS_COLOR[s]}
          variant={s === 'pending' ? 'light' : 'filled'}
          tt="none"
          radius="sm"
        >
          {t(`governanceRecords.scorecard.status.${s}`)}
        </Badge>
      ))}
    </Group>
  );
}

function indicatorName(t: TFunction, code: string): string {
  return (INDICATORS as readonly string[]).includes(code)
    ? t(`governanceRecords.indicator.${code as IndicatorCode}.name`)
    : code;
}

/** The indicator in one plain sentence: what happened, and the target. */
export function indicatorSentence(t: TFunction, language: string, i: Indicator): string {
  const pct = (v: number | string | null | undefined) =>
    typeof v === 'number' ? formatBp(language, v) : '—';
  const day = (v: number | string | null) => (typeof v === 'string' ? formatDay(language, v) : '—');
  const n = (v: number | string | null | undefined) => String(v ?? 0);
  const d = i.detail;
  const pending = i.status === 'pending';
  switch (i.code) {
    case 'ordinary_assembly_in_time':
      return i.value !== null
        ? t('governanceRecords.indicator.ordinary_assembly_in_time.held', {
            date: day(i.value),
            deadline: day(i.target),
          })
        : pending
          ? t('governanceRecords.indicator.ordinary_assembly_in_time.pending', { deadline: day(i.target) })
          : t('governanceRecords.indicator.ordinary_assembly_in_time.missed', { deadline: day(i.target) });
    case 'attendance':
      return i.value !== null
        ? t('governanceRecords.indicator.attendance.value', {
            share: pct(i.value),
            present: n(d.present),
            eligible: n(d.eligible),
            target: pct(i.target),
          })
        : pending
          ? t('governanceRecords.indicator.attendance.pending', { target: pct(i.target) })
          : t('governanceRecords.indicator.attendance.none');
    case 'women_in_organs':
      return i.value !== null
        ? t('governanceRecords.indicator.women_in_organs.value', {
            share: pct(i.value),
            women: n(d.women),
            holders: n(d.holders),
            target: pct(i.target),
            members: pct(d.membersWomenBp),
          })
        : t('governanceRecords.indicator.women_in_organs.none');
    case 'terms_renewed':
      return i.value !== null
        ? t('governanceRecords.indicator.terms_renewed.value', {
            filled: n(d.filled),
            seats: n(d.seats),
            share: pct(i.value),
          })
        : t('governanceRecords.indicator.terms_renewed.none');
    case 'minutes_signed_in_time':
      return i.value !== null
        ? t('governanceRecords.indicator.minutes_signed_in_time.value', {
            signed: n(d.signedInTime),
            count: Number(d.assemblies ?? 0),
            days: n(d.signDays),
          })
        : pending
          ? t('governanceRecords.indicator.minutes_signed_in_time.pending', { days: n(d.signDays) })
          : t('governanceRecords.indicator.minutes_signed_in_time.none');
    case 'oversight_reports':
      return i.status === 'na'
        ? t('governanceRecords.indicator.oversight_reports.none')
        : t('governanceRecords.indicator.oversight_reports.value', {
            value: n(i.value),
            count: Number(i.target ?? 0),
          });
    default:
      return `${i.value ?? '—'} / ${i.target ?? '—'}`;
  }
}

/** The indicator's value as a short cell: a share, a date, or "2 de 2". */
function shortValue(t: TFunction, language: string, i: Indicator): string {
  if (i.value === null) return t(`governanceRecords.scorecard.status.${i.status}`);
  if (SHARES.has(i.code) && typeof i.value === 'number') return formatBp(language, i.value);
  if (typeof i.value === 'string') return formatDay(language, i.value);
  return t('governanceRecords.scorecard.ofTarget', {
    value: String(i.value),
    target: String(i.target ?? '—'),
  });
}

/** Value and target as two bars: shares in %, counts as they are. */
function chartData(t: TFunction, i: Indicator): { label: string; value: number }[] | null {
  if (typeof i.value !== 'number' || typeof i.target !== 'number') return null;
  return [
    { label: t('governanceRecords.scorecard.achieved'), value: i.value },
    { label: t('governanceRecords.scorecard.target'), value: i.target },
  ];
}

function Cards({ indicators }: { indicators: Indicator[] }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="md"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
    >
      {indicators.map((i) => {
        const data = chartData(t, i);
        const share = SHARES.has(i.code);
        return (
          <Paper
            component="li"
            key={i.code}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            aria-labelledby={`ayni-indicator-${i.code}`}
            style={{ borderLeft: `6px solid ${STATUS_FILL[i.status]}` }}
          >
            <Stack gap="xs">
              <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
                <Title order={2} size="h4" id={`ayni-indicator-${i.code}`}>
                  {indicatorName(t, i.code)}
                </Title>
                <Badge
                  color={STATUS_COLOR[i.status]}
                  variant={i.status === 'pending' || i.status === 'na' ? 'light' : 'filled'}
                  tt="none"
                  radius="sm"
                  size="lg"
                  style={{ flexShrink: 0 }}
                >
                  {t(`governanceRecords.scorecard.status.${i.status}`)}
                </Badge>
              </Group>
              <Text>{indicatorSentence(t, i18n.language, i)}</Text>
              {data && (
                <HorizontalBars
                  data={data}
                  color={STATUS_FILL[i.status]}
                  format={(v) => (share ? formatBp(i18n.language, v) : String(v))}
                  summary={indicatorSentence(t, i18n.language, i)}
                />
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

type Coop = { slug: string; name: string; indicators: Indicator[] };

/**
 * A cooperative's name short enough for a chart's label: the acronym before a dash ("CEDROS — …"),
 * or the name without its legal form and remarks in brackets; the table beside it has the full name.
 */
export function shortName(name: string): string {
  const acronym = name.split(' — ')[0]!;
  if (acronym !== name && acronym.length <= 16) return acronym;
  const short = name
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^Cooperativa\s+(Agraria\s+)?(Cafetalera\s+)?(de Servicios Múltiples\s+)?/i, '')
    .trim();
  const label = short || name;
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}

function Comparison({ cooperatives }: { cooperatives: Coop[] }) {
  const { t, i18n } = useTranslation();
  const find = (c: Coop, code: string) => c.indicators.find((i) => i.code === code);
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={0} component="section" aria-labelledby="ayni-scorecard-table">
        <Title order={2} size="h4" id="ayni-scorecard-table" p="sm" pb={0}>
          {t('governanceRecords.scorecard.comparison')}
        </Title>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="sm" withRowBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('governanceRecords.scorecard.cooperative')}</Table.Th>
                {INDICATORS.map((code) => (
                  <Table.Th scope="col" key={code} style={{ minWidth: 100 }}>
                    {indicatorName(t, code)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cooperatives.map((c) => (
                <Table.Tr key={c.slug}>
                  <Table.Th scope="row" fw={700} miw={180}>
                    {c.name}
                  </Table.Th>
                  {INDICATORS.map((code) => {
                    const i = find(c, code);
                    if (!i) return <Table.Td key={code}>—</Table.Td>;
                    return (
                      <Table.Td
                        key={code}
                        title={indicatorSentence(t, i18n.language, i)}
                        style={{
                          background: `var(--mantine-color-${STATUS_COLOR[i.status]}-${i.status === 'pending' || i.status === 'na' ? 1 : 2})`,
                          fontVariantNumeric: 'tabular-nums',
                        }}
                      >
                        {i.value !== null && (
                          <Text size="sm" fw={600}>
                            {shortValue(t, i18n.language, i)}
                          </Text>
                        )}
                        <Text size={i.value !== null ? 'xs' : 'sm'} fw={i.value !== null ? 400 : 600}>
                          {t(`governanceRecords.scorecard.status.${i.status}`)}
                        </Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {INDICATORS.filter((code) => code !== 'ordinary_assembly_in_time').map((code) => {
          const share = SHARES.has(code);
          const rows = cooperatives.map((c) => ({ c, i: find(c, code) }));
          const data = rows
            .filter((r) => typeof r.i?.value === 'number')
            .map((r) => ({ label: shortName(r.c.name), value: r.i!.value as number }));
          const target = rows.find((r) => r.i?.target !== null && r.i?.target !== undefined)?.i?.target;
          const fmt = (v: number) => (share ? formatBp(i18n.language, v) : String(v));
          return (
            <ChartFigure
              key={code}
              id={`ayni-scorecard-${code}`}
              title={indicatorName(t, code)}
              caption={
                typeof target === 'number'
                  ? t('governanceRecords.scorecard.targetIs', { target: fmt(target) })
                  : undefined
              }
              table={{
                columns: [t('governanceRecords.scorecard.cooperative'), indicatorName(t, code)],
                rows: rows.map((r) => [r.c.name, r.i ? shortValue(t, i18n.language, r.i) : '—']),
              }}
            >
              {data.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('governanceRecords.scorecard.noData')}
                </Text>
              ) : (
                <HorizontalBars
                  data={data}
                  color="#1c7ed6"
                  format={fmt}
                  summary={data.map((d) => `${d.label}: ${fmt(d.value)}`).join('; ')}
                />
              )}
            </ChartFigure>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
