import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { followLink, lotsPath, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatBp, formatDay, numberLocale } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { Section } from '../shared/ui.js';
import {
  canWriteLots,
  gramsOf,
  kg,
  useCreateMilling,
  useLots,
  useMilling,
  useMillingAction,
  useMillings,
  useWarehouses,
} from './api.js';
import { LotsHeader, Refusal } from './parts.js';

/** Milling orders, and a new one at a mill with the parchment lots it takes. */
export function MillingListPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  useDocumentTitle(t('lots.ui.tabMilling'), org.name);
  const orders = useMillings(org.slug);
  return (
    <Stack gap="lg">
      <LotsHeader org={org} title={t('lots.ui.tabMilling')} current="milling" />
      {canWriteLots(org) && <NewOrder org={org} />}
      <Section id="orders" title={t('lots.ui.orders')}>
        {orders.isLoading ? (
          <PageLoader />
        ) : (orders.data?.items.length ?? 0) === 0 ? (
          <Text c="dimmed">{t('lots.ui.noOrders')}</Text>
        ) : (
          <Stack gap={6}>
            {orders.data?.items.map((o) => (
              <Group key={o.code} justify="space-between" wrap="nowrap">
                <div>
                  <Anchor
                    href={lotsPath(org.slug, { view: 'order', code: o.code })}
                    onClick={followLink}
                    fw={700}
                  >
                    {o.code}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {o.warehouseName} · {t(`lots.millingStatus.${o.status}` as 'lots.millingStatus.open')}
                    {o.milledOn && ` · ${formatDay(i18n.language, o.milledOn)}`}
                  </Text>
                </div>
                <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {kg(locale, o.gramsIn)} kg
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function NewOrder({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const mills = (useWarehouses(org.slug).data?.items ?? []).filter((w) => w.kind === 'mill');
  const parchment = (useLots(org.slug).data?.items ?? []).filter(
    (l) => l.product === 'parchment' && ['open', 'closed'].includes(l.status) && l.availableGrams > 0,
  );
  const [mill, setMill] = useState('');
  const [lot, setLot] = useState('');
  const [client, setClient] = useState('');
  const [id] = useState(newId);
  const create = useCreateMilling(org.slug);
  const chosenMill = mill || mills[0]?.code || '';
  const chosenLot = lot || parchment[0]?.code || '';
  if (mills.length === 0)
    return (
      <Section id="new-order" title={t('lots.ui.newOrder')}>
        <Text c="dimmed">{t('lots.ui.noMill')}</Text>
      </Section>
    );
  return (
    <Section id="new-order" title={t('lots.ui.newOrder')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <NativeSelect
            label={t('lots.ui.mill')}
            value={chosenMill}
            onChange={(e) => setMill(e.currentTarget.value)}
            data={mills.map((m) => ({ value: m.code, label: m.name }))}
          />
          <NativeSelect
            label={t('lots.ui.parchmentLot')}
            value={chosenLot}
            onChange={(e) => setLot(e.currentTarget.value)}
            data={parchment.map((l) => ({
              value: l.code,
              label: `${l.code} · ${kg(locale, l.availableGrams)} kg`,
            }))}
          />
          <TextInput
            label={t('lots.ui.serviceClient')}
            description={t('lots.ui.serviceClientHint')}
            value={client}
            onChange={(e) => setClient(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Refusal error={create.error} />
        <Group>
          <Button
            disabled={!chosenLot}
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                {
                  id,
                  warehouse: chosenMill,
                  lots: [{ code: chosenLot }],
                  ...(client.trim() && { clientName: client.trim() }),
                },
                { onSuccess: (o) => navigate(lotsPath(org.slug, { view: 'order', code: o.code })) },
              )
            }
          >
            {t('lots.ui.startMilling')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

const OUTPUTS = ['green_export', 'green_second', 'rejects', 'husk'] as const;

/** A milling order: what went in and came out, its loss, and the outturn against the yields at intake. */
export function MillingOrderPage({ org, code }: { org: Org; code: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const order = useMilling(org.slug, code);
  const action = useMillingAction(org.slug, code);
  const [product, setProduct] = useState<(typeof OUTPUTS)[number]>('green_export');
  const [kgText, setKgText] = useState('');
  const [outId, setOutId] = useState(newId);
  useDocumentTitle(t('lots.ui.orderTitle', { code }), org.name);
  if (order.isError) return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) return <PageLoader />;
  const o = order.data;
  const grams = gramsOf(kgText);
  const pct = (bp: number | null) => (bp === null ? '—' : formatBp(locale, bp));
  const points = (bp: number | null) =>
    bp === null
      ? '—'
      : `${bp > 0 ? '+' : ''}${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(bp / 100)}`;
  return (
    <Stack gap="lg">
      <LotsHeader
        org={org}
        title={t('lots.ui.orderTitle', { code: o.code })}
        back={{ href: lotsPath(org.slug, { view: 'milling' }), label: t('lots.ui.tabMilling') }}
      />
      <Text size="sm">
        {o.warehouseName} · {t(`lots.millingStatus.${o.status}` as 'lots.millingStatus.open')}
        {o.client && ` · ${t('lots.ui.serviceFor', { name: o.client })}`}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {[
          [t('lots.ui.millIn'), `${kg(locale, o.gramsIn)} kg`],
          [t('lots.ui.millOut'), `${kg(locale, o.gramsOut)} kg`],
          [t('lots.ui.loss'), o.lossGrams === null ? '—' : `${kg(locale, o.lossGrams)} kg`],
          [t('lots.ui.outturn'), pct(o.outturn.realBp)],
        ].map(([label, value]) => (
          <Paper key={label} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Section id="flows" title={t('lots.ui.inAndOut')}>
        <Stack gap={4}>
          {o.inputs.map((i) => (
            <Group key={`in-${i.lotCode}`} justify="space-between">
              <Anchor href={lotsPath(org.slug, { view: 'lot', code: i.lotCode })} onClick={followLink}>
                ← {i.lotCode}
              </Anchor>
              <Text>{kg(locale, i.grams)} kg</Text>
            </Group>
          ))}
          {o.outputs.map((x) => (
            <Group key={`out-${x.lotCode}`} justify="space-between">
              <Anchor href={lotsPath(org.slug, { view: 'lot', code: x.lotCode })} onClick={followLink}>
                → {x.lotCode} · {t(`lots.product.${x.product}` as 'lots.product.parchment')}
              </Anchor>
              <Text>{kg(locale, x.grams)} kg</Text>
            </Group>
          ))}
        </Stack>
        {o.status === 'open' && canWriteLots(org) && (
          <Stack gap="sm" mt="md">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <NativeSelect
                label={t('lots.ui.output')}
                value={product}
                onChange={(e) => setProduct(e.currentTarget.value as (typeof OUTPUTS)[number])}
                data={OUTPUTS.map((p) => ({ value: p, label: t(`lots.product.${p}`) }))}
              />
              <TextInput
                label="kg"
                inputMode="decimal"
                value={kgText}
                onChange={(e) => setKgText(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Refusal error={action.error} />
            <Group>
              <Button
                variant="light"
                disabled={!grams}
                loading={action.isPending}
                onClick={() =>
                  action.mutate(
                    { kind: 'output', body: { id: outId, product, grams: grams ?? 0 } },
                    {
                      onSuccess: () => {
                        setKgText('');
                        setOutId(newId());
                      },
                    },
                  )
                }
              >
                {t('lots.ui.addOutput')}
              </Button>
              <Button
                loading={action.isPending}
                disabled={o.gramsOut === 0}
                onClick={() => action.mutate({ kind: 'finish' })}
              >
                {t('lots.ui.finish')}
              </Button>
            </Group>
          </Stack>
        )}
      </Section>
      <Section id="outturn" title={t('lots.ui.outturnTitle')}>
        <Text size="sm" mb="sm">
          {t('lots.ui.outturnText', {
            real: pct(o.outturn.realBp),
            intake: pct(o.outturn.intakeYieldBp),
            points: new Intl.NumberFormat(locale).format(o.outturn.outlierBp / 100),
          })}
        </Text>
        {(['byLot', 'byMember'] as const).map((key) => (
          <Table.ScrollContainer key={key} minWidth={320}>
            <Table striped mb="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{key === 'byLot' ? t('lots.ui.lot') : t('lots.ui.member')}</Table.Th>
                  <Table.Th ta="right">kg</Table.Th>
                  <Table.Th ta="right">{t('lots.ui.intake')}</Table.Th>
                  <Table.Th ta="right">{t('lots.ui.difference')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.outturn[key].slice(0, 50).map((l) => (
                  <Table.Tr key={l.key}>
                    <Table.Td>
                      {l.label}{' '}
                      {l.outlier && (
                        <Badge color="orange" size="xs" tt="none">
                          {t('lots.ui.outlier')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{kg(locale, l.parchmentGrams)}</Table.Td>
                    <Table.Td ta="right">{pct(l.intakeYieldBp)}</Table.Td>
                    <Table.Td ta="right" c={l.outlier ? 'orange.8' : undefined}>
                      {points(l.deltaBp)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
      </Section>
    </Stack>
  );
}
