import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { MessagePage, PageLoader } from '../app/feedback.js';
import { followLink, type LotsView, lotsPath, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatDay, numberLocale, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { Section } from '../shared/ui.js';
import {
  canReadLots,
  canWriteLots,
  gramsOf,
  kg,
  useCandidates,
  useCooperativeLots,
  useCreateLot,
  useLots,
  useStock,
  useTransfer,
  useWarehouses,
} from './api.js';
import { CountsPage } from './CountsPage.js';
import { LotPage } from './LotPage.js';
import { MillingListPage, MillingOrderPage } from './MillingPages.js';
import { LotBadges, LotsHeader, Refusal } from './parts.js';

/** `/o/:slug/lots/…`: the warehouse door, a lot, milling, inventory counts. */
export function LotsRoute({ org, view }: { org: Org; view: LotsView }) {
  const { t } = useTranslation();
  if (!canReadLots(org)) return <MessagePage title={t('modules.lots')} text={t('lots.ui.noAccess')} />;
  switch (view.view) {
    case 'home':
      return <WarehouseDoor org={org} />;
    case 'lot':
      return <LotPage org={org} code={view.code} {...(view.owner && { owner: view.owner })} />;
    case 'milling':
      return <MillingListPage org={org} />;
    case 'order':
      return <MillingOrderPage org={org} code={view.code} />;
    case 'counts':
      return <CountsPage org={org} />;
  }
}

/** The warehouse door: stock now or on a day, a lot from today's tickets, moving coffee, the lots. */
function WarehouseDoor({ org }: { org: Org }) {
  const { t } = useTranslation();
  useDocumentTitle(t('modules.lots'), org.name);
  const write = canWriteLots(org);
  return (
    <Stack gap="lg">
      <LotsHeader org={org} title={t('modules.lots')} current="home" />
      <StockSection org={org} />
      {write && org.kind === 'cooperative' && <QuickLotSection org={org} />}
      {write && <TransferSection org={org} />}
      {org.kind === 'central' && <CooperativesSection org={org} />}
      <LotsSection org={org} />
    </Stack>
  );
}

function StockSection({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const [on, setOn] = useState('');
  const stock = useStock(org.slug, on);
  return (
    <Section
      id="stock"
      title={on ? t('lots.ui.stockOn', { day: formatDay(i18n.language, on) }) : t('lots.ui.stockNow')}
      actions={
        <TextInput
          type="date"
          size="xs"
          aria-label={t('lots.ui.stockDate')}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
      }
    >
      {stock.isLoading ? (
        <PageLoader />
      ) : stock.data?.items.length ? (
        <Stack gap={6}>
          {stock.data.items.map((l) => (
            <Group
              key={`${l.warehouseCode}-${l.product}-${l.certificationClass}`}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
            >
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" truncate>
                  {l.warehouseName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`lots.product.${l.product}` as 'lots.product.parchment')} ·{' '}
                  {t(`certClass.${l.certificationClass}` as 'certClass.conventional')}
                </Text>
              </div>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                {kg(locale, l.grams)} kg
              </Text>
            </Group>
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('lots.ui.noStock')}</Text>
      )}
    </Section>
  );
}

/** Today's tickets at a point, all ticked; one tap makes the lot (EUDR when every ticket has a plot). */
function QuickLotSection({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const warehouses = useWarehouses(org.slug);
  const points = (warehouses.data?.items ?? []).filter((w) => w.kind === 'collection_point');
  const [point, setPoint] = useState('');
  const [from, setFrom] = useState(todayIn(org.timeZone));
  const [to, setTo] = useState(todayIn(org.timeZone));
  const chosenPoint = point || points[0]?.code || '';
  const candidates = useCandidates(org.slug, { point: chosenPoint, from, to }, chosenPoint !== '');
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const create = useCreateLot(org.slug);
  const items = candidates.data?.items ?? [];
  const chosen = items.filter((c) => !unticked.has(c.ticketId));
  const total = chosen.reduce((s, c) => s + c.availableGrams, 0);
  const withoutPlot = chosen.filter((c) => !c.hasPlots).length;
  const [requestId] = useState(newId);
  return (
    <Section id="quick-lot" title={t('lots.ui.quickLot')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <NativeSelect
            label={t('lots.ui.point')}
            value={chosenPoint}
            onChange={(e) => setPoint(e.currentTarget.value)}
            data={points.map((p) => ({ value: p.code, label: p.name }))}
          />
          <TextInput
            type="date"
            label={t('lots.ui.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('lots.ui.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </SimpleGrid>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {candidates.isLoading ? t('lots.ui.loading') : t('lots.ui.noTickets')}
          </Text>
        ) : (
          <>
            <Stack gap={4} mah={280} style={{ overflowY: 'auto' }}>
              {items.map((c) => (
                <Checkbox
                  key={c.ticketId}
                  checked={!unticked.has(c.ticketId)}
                  onChange={(e) => {
                    const next = new Set(unticked);
                    if (e.currentTarget.checked) next.delete(c.ticketId);
                    else next.add(c.ticketId);
                    setUnticked(next);
                  }}
                  label={
                    <Text size="sm">
                      {c.label} · {c.memberNumber} {c.memberName} · {kg(locale, c.availableGrams)} kg
                      {!c.hasPlots && (
                        <Text span c="orange.8" size="sm">
                          {' '}
                          · {t('lots.ui.noPlot')}
                        </Text>
                      )}
                    </Text>
                  }
                />
              ))}
            </Stack>
            <Text size="sm">
              {t('lots.ui.chosen', { count: chosen.length, kg: kg(locale, total) })}{' '}
              {withoutPlot > 0 ? t('lots.ui.willNotBeEudr', { count: withoutPlot }) : t('lots.ui.willBeEudr')}
            </Text>
            <Refusal error={create.error} />
            <Button
              disabled={chosen.length === 0}
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  { id: requestId, tickets: chosen.map((c) => ({ ticketId: c.ticketId })) },
                  { onSuccess: (lot) => navigate(lotsPath(org.slug, { view: 'lot', code: lot.code })) },
                )
              }
            >
              {t('lots.ui.makeLot')}
            </Button>
          </>
        )}
      </Stack>
    </Section>
  );
}

function TransferSection({ org }: { org: Org }) {
  const { t } = useTranslation();
  const warehouses = useWarehouses(org.slug).data?.items ?? [];
  const transfer = useTransfer(org.slug);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [lot, setLot] = useState('');
  const [kgText, setKgText] = useState('');
  const [id, setId] = useState(newId);
  const [done, setDone] = useState(false);
  const options = [{ value: '', label: '—' }, ...warehouses.map((w) => ({ value: w.code, label: w.name }))];
  const grams = gramsOf(kgText);
  return (
    <Section id="transfer" title={t('lots.ui.transfer')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <NativeSelect
            label={t('lots.ui.fromWarehouse')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            data={options}
          />
          <NativeSelect
            label={t('lots.ui.toWarehouse')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            data={options}
          />
          <TextInput
            label={t('lots.ui.lotCode')}
            description={t('lots.ui.lotOrLoose')}
            value={lot}
            onChange={(e) => setLot(e.currentTarget.value.toUpperCase())}
          />
          <TextInput
            label={t('lots.ui.looseKg')}
            inputMode="decimal"
            disabled={lot !== ''}
            value={kgText}
            onChange={(e) => setKgText(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Refusal error={transfer.error} />
        {done && !transfer.error && <Text c="green.8">{t('lots.ui.transferDone')}</Text>}
        <Group>
          <Button
            variant="light"
            disabled={!from || !to || (!lot && !grams)}
            loading={transfer.isPending}
            onClick={() =>
              transfer.mutate(
                lot
                  ? { id, from, to, lot }
                  : {
                      id,
                      from,
                      to,
                      product: 'parchment',
                      certificationClass: 'conventional',
                      grams: grams ?? 0,
                    },
                {
                  onSuccess: () => {
                    setDone(true);
                    setLot('');
                    setKgText('');
                    setId(newId());
                  },
                },
              )
            }
          >
            {t('lots.ui.move')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function LotsSection({ org }: { org: Org }) {
  const { t } = useTranslation();
  const lots = useLots(org.slug);
  return (
    <Section id="lots" title={t('lots.ui.lots')}>
      <LotCards org={org} lots={lots.data?.items ?? []} />
    </Section>
  );
}

function LotCards({
  org,
  lots,
  owner,
}: {
  org: Org;
  lots: {
    code: string;
    status: string;
    product: string;
    certificationClass: string;
    eudr: boolean;
    availableGrams: number;
    gramsIn: number;
    harvestFrom: string | null;
    harvestTo: string | null;
    warehouseName: string;
  }[];
  owner?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  if (lots.length === 0) return <Text c="dimmed">{t('lots.ui.noLots')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
      {lots.map((l) => (
        <Paper key={l.code} withBorder p="sm" radius="md">
          <Stack gap={4}>
            <Anchor
              href={lotsPath(org.slug, { view: 'lot', code: l.code, ...(owner && { owner }) })}
              onClick={followLink}
              fw={700}
            >
              {l.code}
            </Anchor>
            <LotBadges {...l} />
            <Text size="sm">
              {t('lots.ui.available')}: <b>{kg(locale, l.availableGrams)} kg</b> / {kg(locale, l.gramsIn)} kg
            </Text>
            <Text size="xs" c="dimmed">
              {l.warehouseName} · {formatDay(i18n.language, l.harvestFrom)} –{' '}
              {formatDay(i18n.language, l.harvestTo)}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The central's view across its cooperatives: what they delivered, and all their lots under a grant. */
function CooperativesSection({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const view = useCooperativeLots(org.slug, true);
  const coops = view.data?.cooperatives ?? [];
  const totals = useMemo(
    () =>
      coops.map((c) => ({
        ...c,
        available: c.lots
          .filter((l) => l.deliveredTo?.slug === org.slug)
          .reduce((s, l) => s + l.availableGrams, 0),
      })),
    [coops, org.slug],
  );
  return (
    <Section id="cooperatives" title={t('lots.ui.cooperatives')}>
      {coops.length === 0 ? (
        <Text c="dimmed">{t('lots.ui.noCooperatives')}</Text>
      ) : (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('lots.ui.cooperative')}</Table.Th>
                  <Table.Th ta="right">{t('lots.ui.lotsCount')}</Table.Th>
                  <Table.Th ta="right">{t('lots.ui.deliveredAvailable')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {totals.map((c) => (
                  <Table.Tr key={c.slug}>
                    <Table.Td>
                      {c.name}
                      {!c.granted && (
                        <Text size="xs" c="dimmed">
                          {t('lots.ui.onlyDelivered')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{c.lots.length}</Table.Td>
                    <Table.Td ta="right">{kg(locale, c.available)} kg</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {coops.map((c) => (
            <Stack key={c.slug} gap="xs">
              <Text fw={700}>{c.name}</Text>
              <LotCards org={org} lots={c.lots} owner={c.slug} />
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
