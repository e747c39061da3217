import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { useMe } from '../api/queries.js';
import { PageLoader } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatDay, numberLocale } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { Section } from '../shared/ui.js';
import {
  canAdjust,
  canWriteLots,
  gramsOf,
  kg,
  useApproveCount,
  useCounts,
  useRecordCount,
  useStock,
  useWarehouses,
} from './api.js';
import { LotsHeader, Refusal } from './parts.js';

/** Inventory counts: one person counts, product by product; a second person approves the differences. */
export function CountsPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  useDocumentTitle(t('lots.ui.tabCounts'), org.name);
  const counts = useCounts(org.slug);
  const approve = useApproveCount(org.slug);
  const me = useMe().data;
  return (
    <Stack gap="lg">
      <LotsHeader org={org} title={t('lots.ui.tabCounts')} current="counts" />
      {canWriteLots(org) && <NewCount org={org} />}
      <Section id="counts" title={t('lots.ui.counts')}>
        <Refusal error={approve.error} />
        {counts.isLoading ? (
          <PageLoader />
        ) : (counts.data?.items.length ?? 0) === 0 ? (
          <Text c="dimmed">{t('lots.ui.noCounts')}</Text>
        ) : (
          <Stack gap="sm">
            {counts.data?.items.map((c) => (
              <Paper key={c.id} withBorder p="sm" radius="md">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Text fw={700}>
                      {c.warehouseName} · {formatDay(i18n.language, c.countedOn)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('lots.ui.countedBy', { who: c.countedBy })}
                      {c.approvedBy
                        ? ` · ${t('lots.ui.approvedBy', { who: c.approvedBy })}`
                        : ` · ${t('lots.ui.waiting')}`}
                    </Text>
                    {c.note && <Text size="xs">{c.note}</Text>}
                  </div>
                  {!c.approvedBy && canAdjust(org) && (
                    <Button
                      size="xs"
                      disabled={me?.email === c.countedBy}
                      title={me?.email === c.countedBy ? t('lots.ui.notYourOwn') : undefined}
                      loading={approve.isPending}
                      onClick={() => approve.mutate(c.id)}
                    >
                      {t('lots.ui.approve')}
                    </Button>
                  )}
                </Group>
                {!c.approvedBy && me?.email === c.countedBy && (
                  <Text size="xs" c="dimmed">
                    {t('lots.ui.notYourOwn')}
                  </Text>
                )}
                <Stack gap={2} mt="xs">
                  {c.lines.map((l) => (
                    <Group key={`${l.product}-${l.certificationClass}`} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        {t(`lots.product.${l.product}` as 'lots.product.parchment')} ·{' '}
                        {t(`certClass.${l.certificationClass}` as 'certClass.conventional')}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {kg(locale, l.countedGrams)} / {kg(locale, l.bookGrams)} kg ·{' '}
                        <Text
                          span
                          fw={700}
                          c={l.differenceGrams < 0 ? 'red.8' : l.differenceGrams > 0 ? 'green.8' : undefined}
                        >
                          {l.differenceGrams > 0 ? '+' : ''}
                          {kg(locale, l.differenceGrams)}
                        </Text>
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

/** The warehouse's book lines, each with a box for what was counted. */
function NewCount({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const warehouses = useWarehouses(org.slug).data?.items ?? [];
  const [warehouse, setWarehouse] = useState('');
  const chosen = warehouse || warehouses[0]?.code || '';
  const stock = useStock(org.slug, '');
  const lines = (stock.data?.items ?? []).filter((l) => l.warehouseCode === chosen);
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [id, setId] = useState(newId);
  const record = useRecordCount(org.slug);
  const filled = lines.filter((l) => gramsOf(counted[`${l.product}:${l.certificationClass}`] ?? '') !== null);
  return (
    <Section id="new-count" title={t('lots.ui.newCount')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('lots.ui.warehouse')}
          value={chosen}
          onChange={(e) => setWarehouse(e.currentTarget.value)}
          data={warehouses.map((w) => ({ value: w.code, label: w.name }))}
        />
        {lines.length === 0 && <Text c="dimmed">{t('lots.ui.noStock')}</Text>}
        {lines.map((l) => {
          const key = `${l.product}:${l.certificationClass}`;
          return (
            <TextInput
              key={key}
              label={`${t(`lots.product.${l.product}` as 'lots.product.parchment')} · ${t(`certClass.${l.certificationClass}` as 'certClass.conventional')}`}
              description={t('lots.ui.book', { kg: kg(locale, l.grams) })}
              inputMode="decimal"
              placeholder="kg"
              value={counted[key] ?? ''}
              onChange={(e) => setCounted({ ...counted, [key]: e.currentTarget.value })}
            />
          );
        })}
        <Refusal error={record.error} />
        <Group>
          <Button
            disabled={filled.length === 0}
            loading={record.isPending}
            onClick={() =>
              record.mutate(
                {
                  id,
                  warehouse: chosen,
                  lines: filled.map((l) => ({
                    product: l.product,
                    certificationClass: l.certificationClass,
                    countedGrams: gramsOf(counted[`${l.product}:${l.certificationClass}`] ?? '') ?? 0,
                  })),
                },
                {
                  onSuccess: () => {
                    setCounted({});
                    setId(newId());
                  },
                },
              )
            }
          >
            {t('lots.ui.saveCount')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('lots.ui.secondPerson')}
          </Text>
        </Group>
      </Stack>
    </Section>
  );
}
