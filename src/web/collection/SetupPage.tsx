import { Button, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import { CERT_CLASSES, type CertClass, COFFEE_STATES, type CoffeeState } from '../../shared/enums.js';
import { isApiProblem } from '../api/client.js';
import { LoadError, PageLoader } from '../app/feedback.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatDay, formatMoney, formatNumber, numberLocale, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import { FlashMessage, FormProblem, normalizeDecimal, serverFieldErrors } from '../shared/ui.js';
import {
  type ScheduleInput,
  useCollectionPoints,
  useCreatePoint,
  useCreateSchedule,
  useSchedules,
} from './api.js';
import { CollectionHeader } from './CollectionHeader.js';

/** `/o/:slug/collection/setup`: collection points and price schedules (managers and admins). */
export function SetupPage({ org }: { org: Org }) {
  const { t } = useTranslation();
  useDocumentTitle(t('setup.title'), org.name);
  const [flash, setFlash] = useState<string | null>(null);
  return (
    <>
      <CollectionHeader org={org} current="setup" title={t('setup.title')} />
      <Stack gap="lg">
        <FlashMessage message={flash} onClose={() => setFlash(null)} />
        <PointsSection org={org} onSaved={setFlash} />
        <SchedulesSection org={org} onSaved={setFlash} />
      </Stack>
    </>
  );
}

/** A client id kept until the create succeeds, so a retry after a network failure is not recorded twice. */
function usePendingId() {
  const ref = useRef<string | null>(null);
  return {
    get: () => {
      ref.current ??= newId();
      return ref.current;
    },
    settle: (error?: unknown) => {
      if (!(error && isApiProblem(error) && error.isNetworkError)) ref.current = null;
    },
  };
}

function PointsSection({ org, onSaved }: { org: Org; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const points = useCollectionPoints(org.slug);
  const create = useCreatePoint(org.slug);
  const pending = usePendingId();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [community, setCommunity] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = serverFieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!code.trim()) errors.code = t('form.required');
    if (!name.trim()) errors.name = t('form.required');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate(
      {
        id: pending.get(),
        code: code.trim().toUpperCase(),
        name: name.trim(),
        community: community.trim() || null,
      },
      {
        onSuccess: (p) => {
          pending.settle();
          setCode('');
          setName('');
          setCommunity('');
          onSaved(t('setup.pointSaved', { code: p.code }));
        },
        onError: (error) => pending.settle(error),
      },
    );
  };
  const items = points.data?.items ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-setup-points">
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-setup-points">
          {t('setup.pointsTitle')}
        </Title>
        {points.isError && !points.data ? (
          <LoadError error={points.error} onRetry={() => void points.refetch()} />
        ) : !points.data ? (
          <PageLoader />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('setup.noPoints')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped aria-label={t('setup.pointsTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('setup.code')}</Table.Th>
                  <Table.Th>{t('setup.name')}</Table.Th>
                  <Table.Th>{t('setup.communityColumn')}</Table.Th>
                  <Table.Th ta="right">{t('setup.lastTicket')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td fw={700}>{p.code}</Table.Td>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{p.community ?? '—'}</Table.Td>
                    <Table.Td ta="right">{p.lastTicketNumber}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormProblem error={create.error} shownFields={['code', 'name', 'community']} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('setup.code')}
                description={t('setup.codeHelp')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={local.code ?? server.code}
                withAsterisk
                autoComplete="off"
              />
              <TextInput
                label={t('setup.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={local.name ?? server.name}
                withAsterisk
              />
              <TextInput
                label={t('setup.community')}
                value={community}
                onChange={(e) => setCommunity(e.currentTarget.value)}
                error={server.community}
              />
            </SimpleGrid>
            <div>
              <Button type="submit" loading={create.isPending}>
                {t('setup.addPoint')}
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function SchedulesSection({ org, onSaved }: { org: Org; onSaved: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const schedules = useSchedules(org.slug);
  const create = useCreateSchedule(org.slug);
  const pending = usePendingId();
  const [effectiveFrom, setEffectiveFrom] = useState(todayIn(org.timeZone));
  const [coffeeState, setCoffeeState] = useState<CoffeeState>('dry_parchment');
  const [certClass, setCertClass] = useState<CertClass>('conventional');
  const [base, setBase] = useState('');
  const [moisture, setMoisture] = useState('');
  const [yieldRef, setYieldRef] = useState('');
  const [perPoint, setPerPoint] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = serverFieldErrors(create.error);
  const err = (k: string) => local[k] ?? server[k];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const num = (key: string, value: string, decimals: number, required = false) => {
      if (value.trim() === '') {
        if (required) errors[key] = t('form.required');
        return '';
      }
      const v = normalizeDecimal(value, decimals);
      if (v === null) errors[key] = t('collection.invalidNumber');
      return v ?? '';
    };
    if (!effectiveFrom) errors.effectiveFrom = t('form.required');
    const basePrice = num('basePricePerKg', base, 4, true);
    const moistureRef = num('moistureReferencePercent', moisture, 2);
    const yieldPercent = num('yield.referencePercent', yieldRef, 2, perPoint.trim() !== '');
    const point = num('yield.perPoint', perPoint, 4, yieldRef.trim() !== '');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const input: ScheduleInput = {
      id: pending.get(),
      effectiveFrom,
      coffeeState,
      certificationClass: certClass,
      basePricePerKg: basePrice,
      moistureReferencePercent: moistureRef || null,
      yield: yieldPercent ? { kind: 'points', referencePercent: yieldPercent, perPoint: point } : null,
    };
    create.mutate(input, {
      onSuccess: () => {
        pending.settle();
        onSaved(t('setup.scheduleSaved'));
      },
      onError: (error) => pending.settle(error),
    });
  };

  const items = schedules.data?.items ?? [];
  const micro = (v: string | undefined) => (v === undefined ? null : (Number(v) / 1_000_000).toFixed(2));
  const ruleText = (s: (typeof items)[number]) => {
    const parts: string[] = [];
    if (s.rule.moisture)
      parts.push(`${t('setup.moistureRef')}: ${formatNumber(locale, s.rule.moisture.referenceBp / 100)}`);
    if (s.rule.yieldRule?.referenceBp !== undefined)
      parts.push(
        `${t('setup.yieldRef')}: ${formatNumber(locale, s.rule.yieldRule.referenceBp / 100)} · ${formatMoney(
          locale,
          org.currency,
          micro(s.rule.yieldRule.perPointPerKg),
        )}`,
      );
    return parts.join(' · ') || '—';
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-setup-prices">
      <Stack gap="sm">
        <Title order={2} size="h3" id="ayni-setup-prices">
          {t('setup.schedulesTitle')}
        </Title>
        {schedules.isError && !schedules.data ? (
          <LoadError error={schedules.error} onRetry={() => void schedules.refetch()} />
        ) : !schedules.data ? (
          <PageLoader />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('setup.noSchedules')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('setup.schedulesTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('setup.effectiveFrom')}</Table.Th>
                  <Table.Th>{t('collection.coffeeState')}</Table.Th>
                  <Table.Th>{t('collection.certClass')}</Table.Th>
                  <Table.Th ta="right">{t('setup.basePrice')}</Table.Th>
                  <Table.Th>{t('setup.rule')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{formatDay(i18n.language, s.effectiveFrom)}</Table.Td>
                    <Table.Td>{t(`coffeeState.${s.coffeeState as CoffeeState}`)}</Table.Td>
                    <Table.Td>{t(`certClass.${s.certificationClass as CertClass}`)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(locale, org.currency, micro(s.rule.base?.pricePerKg))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ruleText(s)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormProblem
              error={create.error}
              shownFields={[
                'effectiveFrom',
                'coffeeState',
                'certificationClass',
                'basePricePerKg',
                'moistureReferencePercent',
                'yield',
              ]}
            />
            <Text size="sm" c="dimmed">
              {t('setup.optional')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                type="date"
                label={t('setup.effectiveFrom')}
                value={effectiveFrom}
                onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
                error={err('effectiveFrom')}
                withAsterisk
              />
              <NativeSelect
                label={t('collection.coffeeState')}
                value={coffeeState}
                onChange={(e) => setCoffeeState(e.currentTarget.value as CoffeeState)}
                data={COFFEE_STATES.map((s) => ({ value: s, label: t(`coffeeState.${s}`) }))}
                error={err('coffeeState')}
              />
              <NativeSelect
                label={t('collection.certClass')}
                value={certClass}
                onChange={(e) => setCertClass(e.currentTarget.value as CertClass)}
                data={CERT_CLASSES.map((c) => ({ value: c, label: t(`certClass.${c}`) }))}
                error={err('certificationClass')}
              />
              <TextInput
                label={`${t('setup.basePrice')} (${org.currency})`}
                value={base}
                onChange={(e) => setBase(e.currentTarget.value)}
                inputMode="decimal"
                error={err('basePricePerKg')}
                withAsterisk
              />
              <TextInput
                label={t('setup.moistureRef')}
                value={moisture}
                onChange={(e) => setMoisture(e.currentTarget.value)}
                inputMode="decimal"
                error={err('moistureReferencePercent')}
              />
              <TextInput
                label={t('setup.yieldRef')}
                value={yieldRef}
                onChange={(e) => setYieldRef(e.currentTarget.value)}
                inputMode="decimal"
                error={err('yield.referencePercent')}
              />
              <TextInput
                label={`${t('setup.perPoint')} (${org.currency})`}
                value={perPoint}
                onChange={(e) => setPerPoint(e.currentTarget.value)}
                inputMode="decimal"
                error={err('yield.perPoint')}
              />
            </SimpleGrid>
            <div>
              <Button type="submit" loading={create.isPending}>
                {t('setup.addSchedule')}
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
