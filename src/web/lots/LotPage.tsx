import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { lotsPath } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatDay, numberLocale } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { Section } from '../shared/ui.js';
import { canWriteLots, gramsOf, kg, useLot, useLotAction } from './api.js';
import { LotBadges, LotsHeader, Refusal } from './parts.js';

/** A lot's page: mass balance to the gram, what went in, where its coffee went, and what can be done. */
export function LotPage({ org, code, owner }: { org: Org; code: string; owner?: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const lot = useLot(org.slug, code, owner);
  useDocumentTitle(t('lots.ui.lotTitle', { code }), org.name);
  const back = { href: lotsPath(org.slug), label: t('modules.lots') };
  if (lot.isError) return <LoadError error={lot.error} onRetry={() => void lot.refetch()} />;
  if (!lot.data) return <PageLoader />;
  const l = lot.data;
  const mine = l.org.slug === org.slug;
  const grams = (n: number) => `${kg(locale, n)} kg`;
  return (
    <Stack gap="lg">
      <LotsHeader org={org} title={t('lots.ui.lotTitle', { code: l.code })} back={back} />
      <LotBadges {...l} />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {[
          [t('lots.ui.gramsIn'), l.gramsIn],
          [t('lots.ui.gramsOut'), l.gramsOut],
          [t('lots.ui.available'), l.availableGrams],
        ].map(([label, value]) => (
          <Paper key={label as string} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {grams(value as number)}
            </Text>
            <Text size="xs" c="dimmed">
              {new Intl.NumberFormat(locale).format(value as number)} g
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {!mine && `${l.org.name} · `}
        {t(`lots.lotOrigin.${l.origin}` as 'lots.lotOrigin.tickets')} · {l.warehouseName} ·{' '}
        {t('lots.ui.harvest', {
          from: formatDay(i18n.language, l.harvestFrom),
          to: formatDay(i18n.language, l.harvestTo),
        })}
        {l.members > 0 && ` · ${t('lots.ui.members', { count: l.members })}`}
        {l.deliveredTo && ` · ${t('lots.ui.deliveredTo', { name: l.deliveredTo.name })}`}
      </Text>
      {l.note && (
        <Text size="sm" c="dimmed">
          {l.note}
        </Text>
      )}

      <Section id="inputs" title={t('lots.ui.inputs')}>
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lots.ui.what')}</Table.Th>
                <Table.Th>{t('lots.ui.whose')}</Table.Th>
                <Table.Th ta="right">kg</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {l.inputs.map((i, n) => (
                <Table.Tr key={`${i.label}-${n}`}>
                  <Table.Td>
                    {i.label}
                    <Text size="xs" c="dimmed">
                      {t(`lots.ui.inputKind.${i.kind}` as 'lots.ui.inputKind.ticket')}{' '}
                      {i.date && `· ${formatDay(i18n.language, i.date)}`}
                      {i.hasPlots === false && (
                        <Text span c="orange.8" size="xs">
                          {' '}
                          · {t('lots.ui.noPlot')}
                        </Text>
                      )}
                    </Text>
                  </Table.Td>
                  <Table.Td>{i.org ?? [i.memberNumber, i.memberName].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td ta="right">{kg(locale, i.grams)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section id="outputs" title={t('lots.ui.outputs')}>
        {l.outputs.length === 0 ? (
          <Text c="dimmed">{t('lots.ui.noOutputs')}</Text>
        ) : (
          <Stack gap={6}>
            {l.outputs.map((o, n) => (
              <Group key={`${o.kind}-${n}`} justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm" fw={600}>
                    {t(`lots.ui.outputKind.${o.kind}` as 'lots.ui.outputKind.lot')} {o.label ?? ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[o.org, formatDay(i18n.language, o.date), o.reason].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {grams(o.grams)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Section>
      {mine && canWriteLots(org) && ['open', 'closed'].includes(l.status) && (
        <LotActions org={org} code={l.code} status={l.status} />
      )}
    </Stack>
  );
}

function LotActions({ org, code, status }: { org: Org; code: string; status: string }) {
  const { t } = useTranslation();
  const action = useLotAction(org.slug, code);
  const [drawKind, setDrawKind] = useState<'loss' | 'sample'>('loss');
  const [kgText, setKgText] = useState('');
  const [reason, setReason] = useState('');
  const [central, setCentral] = useState('cocla');
  const [warehouse, setWarehouse] = useState('REC');
  const [drawId, setDrawId] = useState(newId);
  const grams = gramsOf(kgText);
  return (
    <Section id="actions" title={t('lots.ui.actions')}>
      <Stack gap="md">
        <Refusal error={action.error} />
        {status === 'open' && (
          <Group>
            <Button
              variant="light"
              loading={action.isPending}
              onClick={() => action.mutate({ kind: 'close' })}
            >
              {t('lots.ui.close')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('lots.ui.closeHint')}
            </Text>
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <NativeSelect
            label={t('lots.ui.drawKind')}
            value={drawKind}
            onChange={(e) => setDrawKind(e.currentTarget.value as 'loss' | 'sample')}
            data={[
              { value: 'loss', label: t('lots.drawKind.loss') },
              { value: 'sample', label: t('lots.drawKind.sample') },
            ]}
          />
          <TextInput
            label="kg"
            inputMode="decimal"
            value={kgText}
            onChange={(e) => setKgText(e.currentTarget.value)}
          />
          <TextInput
            label={t('lots.ui.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group>
          <Button
            variant="light"
            disabled={!grams || !reason.trim()}
            loading={action.isPending}
            onClick={() =>
              action.mutate(
                { kind: 'draw', body: { id: drawId, kind: drawKind, grams: grams ?? 0, reason } },
                {
                  onSuccess: () => {
                    setKgText('');
                    setReason('');
                    setDrawId(newId());
                  },
                },
              )
            }
          >
            {t('lots.ui.record')}
          </Button>
        </Group>
        {org.kind === 'cooperative' && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <TextInput
                label={t('lots.ui.central')}
                value={central}
                onChange={(e) => setCentral(e.currentTarget.value)}
              />
              <TextInput
                label={t('lots.ui.centralWarehouse')}
                value={warehouse}
                onChange={(e) => setWarehouse(e.currentTarget.value.toUpperCase())}
              />
            </SimpleGrid>
            <Group>
              <Button
                loading={action.isPending}
                disabled={!central || !warehouse}
                onClick={() => action.mutate({ kind: 'deliver', body: { central, warehouse } })}
              >
                {t('lots.ui.deliver')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}
