import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlotGeometry } from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import {
  LOT_PROCESSES,
  type LotProcess,
  type LotTraceView,
} from '../../traceability/traceability.contract.js';
import { LoadError, PageLoader, problemMessage } from '../app/feedback.js';
import { followLink, membersPath, traceabilityPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { PlotMap } from '../members/map/PlotMap.js';
import type { MapPlot } from '../members/map/types.js';
import { formatNumber, numberLocale } from '../shared/format.js';
import { ModuleHeader } from '../shared/ModuleHeader.js';
import { canWriteLots, lotBase, useLotTrace, usePublication, usePublish, useWithdraw } from './api.js';

/** Basis points as a percentage: 1234 → "12,34 %". */
export const percent = (locale: string, bp: number) => `${formatNumber(locale, bp / 100, 2)} %`;
export const kgText = (locale: string, kg: string) => formatNumber(locale, kg, 3);

/** `/o/:slug/traceability/lots/:code`: the lot down to its lots, members, plots and tickets, on a map and in tables. */
export function LotTracePage({ org, code }: { org: Org; code: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.resolvedLanguage ?? 'es', org.country);
  useDocumentTitle(t('traceability.lot.heading', { code }), org.name);
  const trace = useLotTrace(org.slug, code);
  const back = { href: traceabilityPath(org.slug), label: t('traceability.back') };
  if (trace.isError)
    return (
      <Stack>
        <ModuleHeader
          orgName={org.name}
          title={t('traceability.lot.heading', { code })}
          back={back}
          navLabel=""
        />
        <LoadError error={trace.error} onRetry={() => void trace.refetch()} />
      </Stack>
    );
  if (!trace.data) return <PageLoader />;
  const data = trace.data;
  const lot = data.lot;
  const plots: MapPlot[] = data.plots
    .filter((p) => p.geometry !== null)
    .map((p) => ({
      id: p.plotId,
      geometry: p.geometry as PlotGeometry,
      memberNumber: p.memberNumber,
      plotName: p.name,
      area: p.areaHa === null ? null : `${formatNumber(locale, p.areaHa, 2)} ha`,
      flagged: false,
    }));
  const ownMembers = (orgSlug: string) => orgSlug === org.slug && org.kind === 'cooperative';
  return (
    <Stack gap="md">
      <ModuleHeader
        orgName={org.name}
        title={t('traceability.lot.heading', { code: lot.code })}
        back={back}
        navLabel={t('traceability.title')}
        actions={
          <>
            <Button
              component="a"
              href={`${lotBase(org.slug, code)}/trace.pdf`}
              target="_blank"
              variant="light"
            >
              {t('traceability.lot.report')}
            </Button>
            <Button
              component="a"
              href={traceabilityPath(org.slug, { view: 'eudr', code: lot.code })}
              onClick={followLink}
            >
              {t('traceability.lot.eudrPackage')}
            </Button>
          </>
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Fact
          label={t('traceability.col.product')}
          value={t(`traceability.product.${lot.product}` as never)}
        />
        <Fact label={t('traceability.lot.mass')} value={`${kgText(locale, lot.kg)} kg`} />
        <Fact
          label={t('traceability.lot.harvest')}
          value={lot.harvestFrom ? `${lot.harvestFrom} — ${lot.harvestTo ?? ''}` : '—'}
        />
        <Fact
          label={t('traceability.lot.eudr')}
          value={lot.eudr ? t('traceability.lot.eudrYes') : t('traceability.lot.eudrNo')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('traceability.lot.howShares')}
      </Text>
      {data.members.length === 0 && data.organizations.length === 0 && (
        <Alert color="gray">{t('traceability.lot.empty')}</Alert>
      )}
      {data.organizations
        .filter((o) => o.visibility === 'aggregate')
        .map((o) => (
          <Alert key={o.slug} color="yellow">
            {t('traceability.lot.aggregateNote', {
              org: o.name,
              kg: kgText(locale, o.kg),
              members: o.members,
            })}
          </Alert>
        ))}
      {plots.length > 0 ? (
        <PlotMap
          plots={plots}
          label={t('traceability.lot.map')}
          height="min(420px, 60dvh)"
          country={org.country}
          embedded
          legend={false}
        />
      ) : (
        <Text c="dimmed">{t('traceability.lot.noMap')}</Text>
      )}
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="members">{t('traceability.lot.members', { count: data.members.length })}</Tabs.Tab>
          <Tabs.Tab value="plots">{t('traceability.lot.plots', { count: data.plots.length })}</Tabs.Tab>
          <Tabs.Tab value="tickets">{t('traceability.lot.tickets', { count: data.tickets.length })}</Tabs.Tab>
          {(data.lots.length > 0 || data.organizations.length > 1) && (
            <Tabs.Tab value="lots">{t('traceability.lot.lots')}</Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="members" pt="sm">
          <Scroll>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('traceability.col.member')}</Table.Th>
                  <Table.Th>{t('traceability.col.name')}</Table.Th>
                  <Table.Th>{t('traceability.col.district')}</Table.Th>
                  <Table.Th ta="right">{t('traceability.col.kg')}</Table.Th>
                  <Table.Th ta="right">{t('traceability.col.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.members.map((m) => (
                  <Table.Tr key={`${m.orgSlug}/${m.memberNumber}`}>
                    <Table.Td>
                      {ownMembers(m.orgSlug) ? (
                        <Anchor
                          href={traceabilityPath(org.slug, { view: 'member', memberNumber: m.memberNumber })}
                          onClick={followLink}
                        >
                          {m.memberNumber}
                        </Anchor>
                      ) : (
                        `${m.orgSlug} · ${m.memberNumber}`
                      )}
                    </Table.Td>
                    <Table.Td>
                      {m.name ?? (
                        <Text span c="dimmed" title={t('traceability.lot.hiddenNote')}>
                          {t('traceability.lot.hidden')}
                        </Text>
                      )}
                      {m.kgWithoutPlot !== '0.000' && (
                        <Text size="xs" c="orange.8">
                          {t('traceability.lot.withoutPlot', { kg: kgText(locale, m.kgWithoutPlot) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{m.district ?? '—'}</Table.Td>
                    <Table.Td ta="right">{kgText(locale, m.kg)}</Table.Td>
                    <Table.Td ta="right">{percent(locale, m.shareBp)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
        </Tabs.Panel>
        <Tabs.Panel value="plots" pt="sm">
          <Scroll>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('traceability.col.plot')}</Table.Th>
                  <Table.Th>{t('traceability.col.member')}</Table.Th>
                  <Table.Th ta="right">{t('traceability.col.area')}</Table.Th>
                  <Table.Th ta="right">{t('traceability.col.altitude')}</Table.Th>
                  <Table.Th ta="right">{t('traceability.col.kg')}</Table.Th>
                  <Table.Th ta="right">{t('traceability.col.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.plots.map((p) => (
                  <Table.Tr key={p.plotId}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>
                      {ownMembers(p.orgSlug) ? (
                        <Anchor
                          href={membersPath(org.slug, { view: 'detail', memberNumber: p.memberNumber })}
                          onClick={followLink}
                        >
                          {p.memberNumber}
                        </Anchor>
                      ) : (
                        `${p.orgSlug} · ${p.memberNumber}`
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {p.areaHa === null ? '—' : formatNumber(locale, p.areaHa, 2)}
                    </Table.Td>
                    <Table.Td ta="right">{p.altitudeM ?? '—'}</Table.Td>
                    <Table.Td ta="right">{kgText(locale, p.kg)}</Table.Td>
                    <Table.Td ta="right">{percent(locale, p.shareBp)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
        </Tabs.Panel>
        <Tabs.Panel value="tickets" pt="sm">
          <TicketsTable data={data} locale={locale} />
        </Tabs.Panel>
        <Tabs.Panel value="lots" pt="sm">
          <LotsTable data={data} locale={locale} />
        </Tabs.Panel>
      </Tabs>
      {canWriteLots(org) && <PublishPanel org={org} code={lot.code} />}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Paper>
  );
}

function Scroll({ children }: { children: React.ReactNode }) {
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <div style={{ minWidth: 520 }}>{children}</div>
    </ScrollArea>
  );
}

function TicketsTable({ data, locale }: { data: LotTraceView; locale: string }) {
  const { t } = useTranslation();
  return (
    <Scroll>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('traceability.col.ticket')}</Table.Th>
            <Table.Th>{t('traceability.col.member')}</Table.Th>
            <Table.Th>{t('traceability.col.date')}</Table.Th>
            <Table.Th ta="right">{t('traceability.col.net')}</Table.Th>
            <Table.Th ta="right">{t('traceability.col.kg')}</Table.Th>
            <Table.Th ta="right">{t('traceability.col.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.tickets.map((x) => (
            <Table.Tr key={`${x.orgSlug}/${x.ticketNumber}`}>
              <Table.Td>{x.ticketNumber}</Table.Td>
              <Table.Td>{x.memberNumber}</Table.Td>
              <Table.Td>{x.deliveryDate}</Table.Td>
              <Table.Td ta="right">{kgText(locale, x.netKg)}</Table.Td>
              <Table.Td ta="right">{kgText(locale, x.kg)}</Table.Td>
              <Table.Td ta="right">{percent(locale, x.shareBp)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}

function LotsTable({ data, locale }: { data: LotTraceView; locale: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {data.organizations.length > 1 && (
        <Scroll>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('traceability.col.organization')}</Table.Th>
                <Table.Th>{t('traceability.col.status')}</Table.Th>
                <Table.Th ta="right">{t('traceability.col.kg')}</Table.Th>
                <Table.Th ta="right">{t('traceability.col.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.organizations.map((o) => (
                <Table.Tr key={o.slug}>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={o.visibility === 'full' ? 'green' : 'gray'}>
                      {t(`traceability.visibility.${o.visibility}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{kgText(locale, o.kg)}</Table.Td>
                  <Table.Td ta="right">{percent(locale, o.shareBp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      <Scroll>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('traceability.col.code')}</Table.Th>
              <Table.Th>{t('traceability.col.organization')}</Table.Th>
              <Table.Th>{t('traceability.col.product')}</Table.Th>
              <Table.Th ta="right">{t('traceability.col.kg')}</Table.Th>
              <Table.Th ta="right">{t('traceability.col.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.lots.map((l) => (
              <Table.Tr key={`${l.orgName}/${l.code}`}>
                <Table.Td style={{ paddingLeft: 8 + (l.depth - 1) * 16 }}>{l.code}</Table.Td>
                <Table.Td>{l.orgName}</Table.Td>
                <Table.Td>{t(`traceability.product.${l.product}` as never)}</Table.Td>
                <Table.Td ta="right">{kgText(locale, l.kg)}</Table.Td>
                <Table.Td ta="right">{percent(locale, l.shareBp)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Scroll>
    </Stack>
  );
}

/** Publishing the lot's public page (the QR on the bag) and what it says. */
function PublishPanel({ org, code }: { org: Org; code: string }) {
  const { t } = useTranslation();
  const publication = usePublication(org.slug, code);
  const publish = usePublish(org.slug, code);
  const withdraw = useWithdraw(org.slug, code);
  const [process, setProcess] = useState<LotProcess>('washed');
  const [storyEs, setStoryEs] = useState('');
  const [storyEn, setStoryEn] = useState('');
  const current = publication.data;
  useEffect(() => {
    if (!current) return;
    setProcess(current.process);
    setStoryEs(current.storyEs ?? '');
    setStoryEn(current.storyEn ?? '');
  }, [current]);
  const error = publish.error ?? withdraw.error;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('traceability.publish.title')}
        </Title>
        <Text size="sm">{t('traceability.publish.intro')}</Text>
        {current && (
          <Group gap="md" wrap="wrap" align="center">
            <img
              src={`${current.url}/qr.svg`}
              alt={t('traceability.publish.qr')}
              width={112}
              height={112}
              style={{ background: '#fff' }}
            />
            <Stack gap={4}>
              <Text size="sm">{t('traceability.publish.published', { url: current.url })}</Text>
              <Anchor href={current.url} target="_blank">
                {t('traceability.publish.open')}
              </Anchor>
            </Stack>
          </Group>
        )}
        <Select
          label={t('traceability.publish.process')}
          data={LOT_PROCESSES.map((p) => ({ value: p, label: t(`traceability.process.${p}`) }))}
          value={process}
          onChange={(v) => v && setProcess(v as LotProcess)}
          allowDeselect={false}
          maw={320}
        />
        <Textarea
          label={t('traceability.publish.storyEs')}
          value={storyEs}
          onChange={(e) => setStoryEs(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('traceability.publish.storyEn')}
          value={storyEn}
          onChange={(e) => setStoryEn(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
        />
        {error && <Alert color="red">{problemMessage(error, t)}</Alert>}
        <Group>
          <Button
            loading={publish.isPending}
            onClick={() =>
              publish.mutate({ process, storyEs: storyEs || undefined, storyEn: storyEn || undefined })
            }
          >
            {current ? t('traceability.publish.update') : t('traceability.publish.publish')}
          </Button>
          {current && (
            <Button
              variant="subtle"
              color="red"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              {t('traceability.publish.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
