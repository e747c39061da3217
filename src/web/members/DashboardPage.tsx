import { Alert, Anchor, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialBaseDashboard } from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, PageLoader, problemMessage } from '../app/feedback.js';
import { followLink, membersPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatBp, formatDay, formatNumber, numberLocale, statusName } from '../shared/format.js';
import { canWriteMembers, isFederation } from './access.js';
import { downloadFile, exportPaths, useSocialBaseDashboard } from './api.js';
import { ChartFigure, GroupedColumns, HorizontalBars, Pyramid, StackedBars } from './charts.js';
import { schemeName } from './labels.js';
import { MembersHeader } from './MembersHeader.js';

const FEMALE = '#9c36b5';
const MALE = '#1971c2';
const JOINS = '#2b8a3e';
const WITHDRAWALS = '#c92a2a';
const CERTIFIED = '#2b8a3e';
const CONVERSION = '#82c91e';
const BAR = '#8f4f22';

const PYRAMID_ORDER = ['60+', '45-59', '30-44', '<30'];

/** The server's area buckets ('0', '<1', '1-3', '>=10') as people read them ("< 1 ha", "1–3 ha"). */
function bucketName(t: TFunction, bucket: string): string {
  if (bucket === '0') return t('dashboard.noArea');
  if (/ha$/.test(bucket)) return bucket;
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(bucket);
  if (range) return `${range[1]}–${range[2]} ha`;
  const bound = /^(<=|>=|<|>)\s*(\d+(?:\.\d+)?)$/.exec(bucket);
  if (bound) return `${{ '<=': '≤', '>=': '≥', '<': '<', '>': '>' }[bound[1] as '<']} ${bound[2]} ha`;
  return bucket;
}

function ageGroupName(t: TFunction, group: string): string {
  switch (group) {
    case '<30':
      return t('dashboard.age.under30');
    case '30-44':
      return '30–44';
    case '45-59':
      return '45–59';
    case '60+':
      return t('dashboard.age.over60');
    default:
      return t('dashboard.age.unknown');
  }
}

/** `/o/:slug/members/dashboard`: the social base at a glance; for a central, over its cooperatives. */
export function DashboardPage({ org }: { org: Org }) {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboard.title'), org.name);
  const dashboard = useSocialBaseDashboard(org.slug);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const federation = isFederation(org);

  const exportCsv = async () => {
    setExportError(null);
    setExporting(true);
    try {
      await downloadFile(exportPaths.dashboardCsv(org.slug), 'base-social.csv');
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  // The endpoint may not exist on an older server: say so plainly instead of an error.
  const notYet = isApiProblem(dashboard.error, 404) && dashboard.error.code === 'error.route_not_found';

  return (
    <>
      <MembersHeader
        org={org}
        current="dashboard"
        title={t('dashboard.title')}
        canWrite={canWriteMembers(org)}
        actions={
          dashboard.data ? (
            <Button variant="default" onClick={() => void exportCsv()} loading={exporting}>
              {t('dashboard.exportCsv')}
            </Button>
          ) : undefined
        }
      />
      {exportError !== null && (
        <Alert color="red" variant="light" role="alert" mb="md" title={t('members.export.failed')}>
          {problemMessage(exportError, t)}
        </Alert>
      )}
      {notYet ? (
        <Paper withBorder p="lg" radius="md" bg="coffee.0">
          <Text>{t('dashboard.notAvailable')}</Text>
        </Paper>
      ) : dashboard.isError ? (
        <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !dashboard.data ? (
        <PageLoader />
      ) : (
        <DashboardBody org={org} data={dashboard.data} federation={federation} />
      )}
    </>
  );
}

function DashboardBody({
  org,
  data,
  federation,
}: {
  org: Org;
  data: SocialBaseDashboard;
  federation: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'es';
  const locale = numberLocale(lang, org.country);
  const n = (v: number) => formatNumber(locale, v, 0);
  const pct = (bp: number) => formatBp(locale, bp);
  const { totals } = data;

  const pyramidRows = PYRAMID_ORDER.map((group) => {
    const row = data.bySexAndAge.find((r) => r.ageGroup === group);
    return { label: ageGroupName(t, group), left: row?.male ?? 0, right: row?.female ?? 0 };
  });
  const unknownAge = data.bySexAndAge.find((r) => r.ageGroup === 'unknown');
  const unknownAgeCount = unknownAge ? unknownAge.female + unknownAge.male + unknownAge.unknown : 0;
  const unknownSex = data.bySexAndAge.reduce((sum, r) => sum + r.unknown, 0);
  const years = data.joinsAndWithdrawals.map((r) => String(r.year));

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {federation
          ? t('dashboard.federationScope', {
              count: data.cooperatives.length,
              date: formatDay(lang, data.asOf),
            })
          : t('dashboard.asOf', { date: formatDay(lang, data.asOf) })}
      </Text>

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" component="dl" m={0}>
        <Kpi label={t('dashboard.kpi.members')} value={n(totals.members)} />
        <Kpi label={t('dashboard.kpi.active')} value={n(totals.active)} />
        <Kpi
          label={t('dashboard.kpi.women')}
          value={pct(totals.womenShareBp)}
          note={t('dashboard.kpi.ofMembers', { count: totals.women, n: n(totals.women) })}
        />
        <Kpi
          label={t('dashboard.kpi.youth')}
          value={pct(totals.youthShareBp)}
          note={t('dashboard.kpi.ofMembers', { count: totals.youngUnder30, n: n(totals.youngUnder30) })}
        />
        <Kpi label={t('dashboard.kpi.inspectionsDue')} value={n(totals.inspectionsDue)} />
      </SimpleGrid>

      {federation && data.cooperatives.length > 0 && (
        <Paper
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'md' }}
          component="section"
          aria-labelledby="coops-title"
        >
          <Title order={2} size="h4" id="coops-title" mb="xs">
            {t('dashboard.cooperatives')}
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing="xs" aria-labelledby="coops-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dashboard.cooperative')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.kpi.members')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.kpi.women')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.kpi.youth')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('dashboard.certifiedShare')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.cooperatives.map((c) => (
                  <Table.Tr key={c.slug}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor href={membersPath(c.slug)} onClick={followLink}>
                        {c.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="right">{n(c.members)}</Table.Td>
                    <Table.Td ta="right">{pct(c.womenShareBp)}</Table.Td>
                    <Table.Td ta="right">{pct(c.youthShareBp)}</Table.Td>
                    <Table.Td ta="right">{pct(c.certifiedShareBp)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <Title order={2} size="h3">
        {t('dashboard.charts')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ChartFigure
          id="chart-pyramid"
          title={t('dashboard.pyramid')}
          caption={[
            unknownAgeCount > 0
              ? t('dashboard.unknownAge', { count: unknownAgeCount, n: n(unknownAgeCount) })
              : '',
            unknownSex > 0 ? t('dashboard.unknownSex', { count: unknownSex, n: n(unknownSex) }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          table={{
            columns: [
              t('dashboard.ageGroup'),
              t('dashboard.women'),
              t('dashboard.men'),
              t('dashboard.sexUnknown'),
            ],
            rows: data.bySexAndAge.map((r) => [ageGroupName(t, r.ageGroup), r.female, r.male, r.unknown]),
          }}
        >
          <Pyramid
            rows={pyramidRows}
            left={{ label: t('dashboard.men'), color: MALE }}
            right={{ label: t('dashboard.women'), color: FEMALE }}
            format={n}
            summary={t('dashboard.pyramidSummary', {
              women: n(totals.women),
              share: pct(totals.womenShareBp),
              young: n(totals.youngUnder30),
            })}
          />
        </ChartFigure>

        <ChartFigure
          id="chart-status"
          title={t('dashboard.byStatus')}
          table={{
            columns: [t('members.col.status'), t('dashboard.kpi.members')],
            rows: data.byStatus.map((r) => [statusName(t, r.status), r.count]),
          }}
        >
          <HorizontalBars
            data={data.byStatus.map((r) => ({ label: statusName(t, r.status), value: r.count }))}
            color={BAR}
            format={n}
            summary={data.byStatus.map((r) => `${statusName(t, r.status)}: ${n(r.count)}`).join('; ')}
          />
        </ChartFigure>

        <ChartFigure
          id="chart-joins"
          title={t('dashboard.joinsAndWithdrawals')}
          legend={[
            { label: t('dashboard.joins'), color: JOINS },
            { label: t('dashboard.withdrawals'), color: WITHDRAWALS },
          ]}
          table={{
            columns: [t('dashboard.year'), t('dashboard.joins'), t('dashboard.withdrawals')],
            rows: data.joinsAndWithdrawals.map((r) => [r.year, r.joins, r.withdrawals]),
          }}
        >
          <GroupedColumns
            categories={years}
            series={[
              {
                label: t('dashboard.joins'),
                color: JOINS,
                values: data.joinsAndWithdrawals.map((r) => r.joins),
              },
              {
                label: t('dashboard.withdrawals'),
                color: WITHDRAWALS,
                values: data.joinsAndWithdrawals.map((r) => r.withdrawals),
              },
            ]}
            format={n}
            summary={t('dashboard.joinsSummary', {
              from: years[0] ?? '',
              to: years[years.length - 1] ?? '',
              joins: n(data.joinsAndWithdrawals.reduce((s, r) => s + r.joins, 0)),
              withdrawals: n(data.joinsAndWithdrawals.reduce((s, r) => s + r.withdrawals, 0)),
            })}
          />
        </ChartFigure>

        <ChartFigure
          id="chart-certifications"
          title={t('dashboard.certifications')}
          legend={[
            { label: t('certStatus.certified'), color: CERTIFIED },
            { label: t('certStatus.in_conversion'), color: CONVERSION },
          ]}
          table={{
            columns: [
              t('dashboard.scheme'),
              t('certStatus.certified'),
              t('certStatus.in_conversion'),
              t('dashboard.coverage'),
            ],
            rows: data.certifications.map((c) => [
              schemeName(t, c.scheme),
              c.certified,
              c.inConversion,
              pct(c.coverageBp),
            ]),
          }}
        >
          {data.certifications.length === 0 ? (
            <Text c="dimmed">{t('dashboard.noCertifications')}</Text>
          ) : (
            <StackedBars
              rows={data.certifications.map((c) => ({
                label: schemeName(t, c.scheme),
                parts: [c.certified, c.inConversion],
                total: totals.members,
                note: pct(c.coverageBp),
              }))}
              colors={[CERTIFIED, CONVERSION]}
              label={(r) => t('dashboard.coverageOf', { share: r.note })}
              summary={data.certifications
                .map((c) => `${schemeName(t, c.scheme)}: ${pct(c.coverageBp)}`)
                .join('; ')}
            />
          )}
        </ChartFigure>

        <ChartFigure
          id="chart-farm"
          title={t('dashboard.farmSize')}
          caption={t('dashboard.farmSizeCaption')}
          table={{
            columns: [t('dashboard.bucket'), t('dashboard.kpi.members')],
            rows: data.farmSize.map((r) => [bucketName(t, r.bucket), r.members]),
          }}
        >
          <HorizontalBars
            data={data.farmSize.map((r) => ({ label: bucketName(t, r.bucket), value: r.members }))}
            color={BAR}
            format={n}
            summary={data.farmSize.map((r) => `${bucketName(t, r.bucket)}: ${n(r.members)}`).join('; ')}
          />
        </ChartFigure>

        <ChartFigure
          id="chart-coffee"
          title={t('dashboard.coffeeArea')}
          caption={t('dashboard.coffeeAreaCaption')}
          table={{
            columns: [t('dashboard.bucket'), t('dashboard.kpi.members')],
            rows: data.coffeeArea.map((r) => [bucketName(t, r.bucket), r.members]),
          }}
        >
          <HorizontalBars
            data={data.coffeeArea.map((r) => ({ label: bucketName(t, r.bucket), value: r.members }))}
            color={CERTIFIED}
            format={n}
            summary={data.coffeeArea.map((r) => `${bucketName(t, r.bucket)}: ${n(r.members)}`).join('; ')}
          />
        </ChartFigure>
      </SimpleGrid>
    </Stack>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text component="dt" size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} fz={26} fw={700} lh={1.2} c="coffee.8">
        {value}
        {note && (
          <Text span display="block" size="xs" c="dimmed" fw={400}>
            {note}
          </Text>
        )}
      </Text>
    </Paper>
  );
}
