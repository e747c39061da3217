import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.js';
import type { Org } from '../api/types.js';
import { LoadError, problemMessage } from '../app/feedback.js';
import { collectionPath, followLink, navigate } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { newId } from '../members/api.js';
import { formatBp, formatMoney, formatNumber, numberLocale, statusName, todayIn } from '../members/format.js';
import {
  FormProblem,
  normalizeDecimal,
  serverFieldErrors,
  setFlash,
  useFocusFirstInvalid,
} from '../members/ui.js';
import {
  CERT_CLASSES,
  type CertClass,
  COFFEE_STATES,
  type CoffeeState,
  canManageCollection,
  type DeliverySummary,
  netKg,
  nowWithOffset,
  type PricePreviewInput,
  storedPoint,
  storePoint,
  type TicketInput,
  ticketNumber,
  useCollectionPoints,
  useCreateTicket,
  useDeliverySummary,
  usePricePreview,
  useTickets,
} from './api.js';
import { CollectionHeader } from './CollectionRoute.js';
import { MemberSearch, type PickedMember } from './MemberSearch.js';

interface FormValues {
  coffeeState: CoffeeState;
  certificationClass: string;
  sacks: string;
  sackType: string;
  grossKg: string;
  tareKg: string;
  moisturePercent: string;
  yieldPercent: string;
  cupScore: string;
  cashPaid: string;
}

const EMPTY: FormValues = {
  coffeeState: 'dry_parchment',
  certificationClass: '',
  sacks: '',
  sackType: '',
  grossKg: '',
  tareKg: '',
  moisturePercent: '',
  yieldPercent: '',
  cupScore: '',
  cashPaid: '',
};

type FieldKey = keyof FormValues;
const DECIMALS: Partial<Record<FieldKey, number>> = {
  grossKg: 3,
  tareKg: 3,
  moisturePercent: 2,
  yieldPercent: 2,
  cupScore: 2,
  cashPaid: 2,
};

/** `/o/:slug/collection`: the cashier's desk — point, member, weights, live price, save. */
export function DeskPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('collection.tabDesk'), t('collection.title'), org.name);
  const points = useCollectionPoints(org.slug);
  const [pointCode, setPointCode] = useState<string>(() => storedPoint(org.slug) ?? '');
  const [member, setMember] = useState<PickedMember | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const items = points.data?.items ?? [];
  // A remembered point that no longer exists (or none yet): the first point, when there is only one.
  useEffect(() => {
    if (!points.data) return;
    if (pointCode && items.some((p) => p.code === pointCode)) return;
    const only = items.length === 1 ? items[0]!.code : '';
    if (only !== pointCode) setPointCode(only);
  }, [points.data, items, pointCode]);

  const choosePoint = (code: string) => {
    setPointCode(code);
    if (code) storePoint(org.slug, code);
  };

  if (points.isError) return <LoadError error={points.error} onRetry={() => void points.refetch()} />;

  return (
    <>
      <CollectionHeader org={org} current="desk" title={t('collection.title')} />
      <Stack gap="md">
        {points.data && items.length === 0 ? (
          <Alert color="yellow" variant="light" role="status">
            {t('collection.noPoints')}{' '}
            {canManageCollection(org) && (
              <Anchor href={collectionPath(org.slug, { view: 'setup' })} onClick={followLink} fw={600}>
                {t('setup.title')}
              </Anchor>
            )}
          </Alert>
        ) : (
          <NativeSelect
            id="ayni-desk-point"
            label={t('collection.point')}
            value={pointCode}
            onChange={(e) => choosePoint(e.currentTarget.value)}
            size="md"
            maw={420}
            data={[
              { value: '', label: t('collection.pointPlaceholder'), disabled: true },
              ...items.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` })),
            ]}
            rightSection={points.isLoading ? <Loader size="xs" /> : undefined}
          />
        )}
        {member === null ? (
          <>
            <Paper withBorder p="md" radius="md" maw={560}>
              <MemberSearch
                slug={org.slug}
                label={t('collection.memberSearch')}
                onPick={setMember}
                inputRef={searchRef}
                autoFocus
              />
            </Paper>
            {pointCode && <TodayTickets org={org} pointCode={pointCode} />}
          </>
        ) : (
          <DeliveryForm
            key={member.memberNumber}
            org={org}
            member={member}
            pointCode={pointCode}
            locale={numberLocale(i18n.language, org.country)}
            onChangeMember={() => {
              setMember(null);
              requestAnimationFrame(() => searchRef.current?.focus());
            }}
          />
        )}
      </Stack>
    </>
  );
}

function DeliveryForm({
  org,
  member,
  pointCode,
  locale,
  onChangeMember,
}: {
  org: Org;
  member: PickedMember;
  pointCode: string;
  locale: string;
  onChangeMember: () => void;
}) {
  const { t } = useTranslation();
  const summary = useDeliverySummary(org.slug, member.memberNumber);
  const allowed = summary.data?.certificationClasses ?? [];
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [localErrors, setLocalErrors] = useState<Partial<Record<FieldKey | 'pointCode', string>>>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  // The same client id (and moment) until the ticket is saved: a retry after a network failure is
  // recognised by the server and never recorded twice.
  const pending = useRef<{ id: string; deliveredAt: string } | null>(null);
  const create = useCreateTicket(org.slug);
  useFocusFirstInvalid(formRef, attempt, alertRef);

  // Default class: the first one the member may deliver into.
  useEffect(() => {
    if (allowed.length > 0 && !allowed.includes(values.certificationClass)) {
      setValues((v) => ({ ...v, certificationClass: allowed[0]! }));
    }
  }, [allowed, values.certificationClass]);

  // Choosing the point clears the complaint about it.
  useEffect(() => {
    if (pointCode) setLocalErrors((e) => (e.pointCode ? { ...e, pointCode: undefined } : e));
  }, [pointCode]);

  // Focus moves to the form as soon as the member is chosen.
  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const set = (key: FieldKey) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (localErrors[key]) setLocalErrors((e) => ({ ...e, [key]: undefined }));
  };

  const normalized = (key: FieldKey): string | null => {
    const decimals = DECIMALS[key];
    return decimals === undefined ? values[key] : normalizeDecimal(values[key], decimals);
  };
  const gross = normalized('grossKg');
  const tare = normalized('tareKg');
  const net = netKg(gross, tare === '' ? '0' : tare);
  const netNegative = net?.startsWith('-');

  const previewInput = useMemo<PricePreviewInput | null>(() => {
    if (!net || netNegative || Number(net) <= 0) return null;
    if (!values.certificationClass) return null;
    const opt = (v: string | null) => (v ? v : undefined);
    const input: PricePreviewInput = {
      date: todayIn(org.timeZone),
      netKg: net,
      coffeeState: values.coffeeState,
      certificationClass: values.certificationClass as CertClass,
    };
    const moisture = opt(normalizeDecimal(values.moisturePercent, 2));
    const yieldPercent = opt(normalizeDecimal(values.yieldPercent, 2));
    const cup = opt(normalizeDecimal(values.cupScore, 2));
    if (moisture) input.moisturePercent = moisture;
    if (yieldPercent) input.yieldPercent = yieldPercent;
    if (cup) input.cupScore = cup;
    return input;
  }, [
    net,
    netNegative,
    values.certificationClass,
    values.coffeeState,
    values.moisturePercent,
    values.yieldPercent,
    values.cupScore,
    org.timeZone,
  ]);
  const [debouncedInput] = useDebouncedValue(previewInput, 350);
  const preview = usePricePreview(org.slug, debouncedInput);

  const serverErrors = serverFieldErrors(create.error);
  const errorOf = (key: FieldKey) => localErrors[key] ?? serverErrors[key];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const errors: Partial<Record<FieldKey | 'pointCode', string>> = {};
    if (!pointCode) errors.pointCode = t('form.required');
    if (!/^\d+$/.test(values.sacks.trim()))
      errors.sacks = values.sacks.trim() ? t('collection.invalidSacks') : t('form.required');
    for (const key of ['grossKg', 'tareKg'] as const) {
      if (values[key].trim() === '') errors[key] = t('form.required');
    }
    for (const key of Object.keys(DECIMALS) as FieldKey[]) {
      if (!errors[key] && values[key].trim() !== '' && normalized(key) === null)
        errors[key] = t('collection.invalidNumber');
    }
    if (!errors.tareKg && !errors.grossKg && netNegative) errors.tareKg = t('collection.negativeNet');
    if (!values.certificationClass) errors.certificationClass = t('form.required');
    setLocalErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      create.reset();
      if (errors.pointCode) document.getElementById('ayni-desk-point')?.focus();
      else setAttempt((a) => a + 1);
      return;
    }
    pending.current ??= { id: newId(), deliveredAt: nowWithOffset() };
    const input: TicketInput = {
      id: pending.current.id,
      pointCode,
      memberNumber: member.memberNumber,
      deliveredAt: pending.current.deliveredAt,
      sacks: Number(values.sacks.trim()),
      sackType: values.sackType.trim() || null,
      grossKg: gross!,
      tareKg: tare || '0',
      coffeeState: values.coffeeState,
      certificationClass: values.certificationClass as CertClass,
    };
    const moisture = normalized('moisturePercent');
    const yieldPercent = normalized('yieldPercent');
    const cup = normalized('cupScore');
    const cash = normalized('cashPaid');
    if (moisture) input.moisturePercent = moisture;
    if (yieldPercent) input.yieldPercent = yieldPercent;
    if (cup) input.cupScore = cup;
    if (cash) input.cashPaid = cash;
    create.mutate(input, {
      onSuccess: (ticket) => {
        pending.current = null;
        setFlash(t('collection.saved', { code: ticket.pointCode, number: ticketNumber(ticket.number) }));
        navigate(collectionPath(org.slug, { view: 'ticket', ticketId: ticket.id }));
      },
      onError: (error) => {
        // A refusal (not a lost answer) means nothing was recorded: the next try is a new ticket.
        if (!(isApiProblem(error) && error.isNetworkError)) pending.current = null;
        setAttempt((a) => a + 1);
      },
    });
  };

  const summaryData = summary.data;
  const blocked = summaryData ? !summaryData.canDeliver : false;
  const classOptions = CERT_CLASSES.filter((c) => allowed.includes(c));

  return (
    <div className="ayni-desk-grid">
      <div className="ayni-desk-member">
        <MemberCard
          member={member}
          summary={summaryData}
          error={summary.error}
          locale={locale}
          onChangeMember={onChangeMember}
        />
      </div>
      <div className="ayni-desk-form">
        <Paper withBorder p="md" radius="md">
          <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="ayni-delivery-title">
            <Stack gap="sm">
              <Group justify="space-between" align="center" gap="xs">
                <Title order={2} size="h3" id="ayni-delivery-title">
                  {t('collection.formTitle')}
                </Title>
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  {t('collection.keyboardHint')}
                </Text>
              </Group>
              {localErrors.pointCode && (
                <Alert color="red" variant="light" role="alert">
                  {t('collection.point')}: {localErrors.pointCode}
                </Alert>
              )}
              <FormProblem
                error={create.error}
                alertRef={alertRef}
                shownFields={[
                  'coffeeState',
                  'certificationClass',
                  'sacks',
                  'sackType',
                  'grossKg',
                  'tareKg',
                  'moisturePercent',
                  'yieldPercent',
                  'cupScore',
                  'cashPaid',
                ]}
              />
              {create.error && isApiProblem(create.error) && create.error.isNetworkError && (
                <Text size="sm" c="dimmed">
                  {t('collection.retrySame')}
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <NativeSelect
                  ref={firstRef}
                  label={t('collection.coffeeState')}
                  size="md"
                  value={values.coffeeState}
                  onChange={(e) => set('coffeeState')(e.currentTarget.value)}
                  data={COFFEE_STATES.map((s) => ({ value: s, label: t(`coffeeState.${s}`) }))}
                  error={errorOf('coffeeState')}
                />
                <NativeSelect
                  label={t('collection.certClass')}
                  size="md"
                  value={values.certificationClass}
                  onChange={(e) => set('certificationClass')(e.currentTarget.value)}
                  data={
                    classOptions.length > 0
                      ? classOptions.map((c) => ({ value: c, label: t(`certClass.${c}`) }))
                      : [{ value: '', label: '—' }]
                  }
                  error={errorOf('certificationClass')}
                />
                <Num
                  label={t('collection.sacks')}
                  value={values.sacks}
                  onChange={set('sacks')}
                  error={errorOf('sacks')}
                  numeric
                  required
                />
                <TextInput
                  label={t('collection.sackType')}
                  placeholder={t('collection.sackTypePlaceholder')}
                  size="md"
                  value={values.sackType}
                  onChange={(e) => set('sackType')(e.currentTarget.value)}
                  error={errorOf('sackType')}
                />
                <Num
                  label={t('collection.grossKg')}
                  value={values.grossKg}
                  onChange={set('grossKg')}
                  error={errorOf('grossKg')}
                  required
                />
                <Num
                  label={t('collection.tareKg')}
                  value={values.tareKg}
                  onChange={set('tareKg')}
                  error={errorOf('tareKg')}
                  required
                />
              </SimpleGrid>
              <Paper bg="coffee.0" p="sm" radius="md">
                <Group justify="space-between" gap="xs">
                  <Text fw={600}>{t('collection.netKg')}</Text>
                  <Text
                    fw={700}
                    fz="xl"
                    c={netNegative ? 'red.8' : undefined}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                    aria-live="polite"
                    data-testid="net-kg"
                  >
                    {net === null ? '—' : `${formatNumber(locale, net, 3)} kg`}
                  </Text>
                </Group>
              </Paper>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Num
                  label={t('collection.moisture')}
                  value={values.moisturePercent}
                  onChange={set('moisturePercent')}
                  error={errorOf('moisturePercent')}
                />
                <Num
                  label={t('collection.yield')}
                  value={values.yieldPercent}
                  onChange={set('yieldPercent')}
                  error={errorOf('yieldPercent')}
                />
                <Num
                  label={t('collection.cup')}
                  value={values.cupScore}
                  onChange={set('cupScore')}
                  error={errorOf('cupScore')}
                />
                <Num
                  label={`${t('collection.cashPaid')} (${org.currency})`}
                  value={values.cashPaid}
                  onChange={set('cashPaid')}
                  error={errorOf('cashPaid')}
                />
              </SimpleGrid>
              {preview.data && previewInput !== null && !preview.error && (
                <Group justify="space-between" hiddenFrom="md" aria-hidden="true">
                  <Text fw={700}>{t('collection.value')}</Text>
                  <Text fw={800} fz="xl" c="coffee.8" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(locale, preview.data.currency || org.currency, preview.data.value)}
                  </Text>
                </Group>
              )}
              <Button type="submit" size="lg" loading={create.isPending} disabled={blocked}>
                {t('collection.save')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </div>
      <div className="ayni-desk-price">
        <PricePanel
          org={org}
          locale={locale}
          hasInput={previewInput !== null}
          preview={preview.data}
          error={preview.error}
          updating={preview.isFetching || previewInput !== debouncedInput}
        />
      </div>
    </div>
  );
}

function Num({
  label,
  value,
  onChange,
  error,
  numeric = false,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  numeric?: boolean;
  required?: boolean;
}) {
  return (
    <TextInput
      label={label}
      size="md"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      inputMode={numeric ? 'numeric' : 'decimal'}
      autoComplete="off"
      withAsterisk={required}
      aria-required={required || undefined}
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}

function MemberCard({
  member,
  summary,
  error,
  locale,
  onChangeMember,
}: {
  member: PickedMember;
  summary: DeliverySummary | undefined;
  error: unknown;
  locale: string;
  onChangeMember: () => void;
}) {
  const { t } = useTranslation();
  const used = summary?.quotaUsedBp ?? null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-desk-member">
      <Stack gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('members.numberShort', { number: member.memberNumber })}
          </Text>
          <Title order={2} size="h3" id="ayni-desk-member" style={{ overflowWrap: 'anywhere' }}>
            {summary?.name ?? member.name}
          </Title>
        </div>
        <Button
          variant="default"
          size="sm"
          onClick={onChangeMember}
          className="ayni-wrap-button"
          w="fit-content"
        >
          {t('collection.changeMember')}
        </Button>
        {error ? <Text c="red.8">{problemMessage(error, t)}</Text> : null}
        {!summary && !error && <Loader size="sm" />}
        {summary && !summary.canDeliver && (
          <Alert color="red" variant="filled" role="alert" title={t('collection.cannotDeliverTitle')}>
            {t('collection.cannotDeliverText', { status: statusName(t, summary.status) })}
          </Alert>
        )}
        {summary && (
          <>
            <Text size="sm" fw={600}>
              {t('collection.classes')}
            </Text>
            {summary.certificationClasses.length > 0 ? (
              <Group gap={6}>
                {summary.certificationClasses.map((c) => (
                  <Badge key={c} variant="light" size="lg">
                    {t(`certClass.${c as CertClass}`)}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm">{t('collection.noClasses')}</Text>
            )}
            <Text size="sm" fw={600} mt={4}>
              {t('collection.summaryTitle', { year: String(summary.year) })}
            </Text>
            {used === null || Number(summary.quotaKg) === 0 ? (
              <Text size="sm">
                {t('collection.quotaNone', { delivered: formatNumber(locale, summary.deliveredKg, 1) })}
              </Text>
            ) : (
              <>
                <Progress
                  value={Math.min(100, used / 100)}
                  color={used > 10000 ? 'red' : used > 9000 ? 'yellow' : 'coffee'}
                  size="lg"
                  radius="xl"
                  aria-label={t('collection.quota')}
                />
                <Text size="sm">
                  {t('collection.quotaText', {
                    delivered: formatNumber(locale, summary.deliveredKg, 1),
                    quota: formatNumber(locale, summary.quotaKg, 1),
                    percent: formatBp(locale, used),
                  })}
                </Text>
                {used > 10000 && (
                  <Text size="sm" c="red.8" fw={600}>
                    {t('collection.quotaOver')}
                  </Text>
                )}
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function PricePanel({
  org,
  locale,
  hasInput,
  preview,
  error,
  updating,
}: {
  org: Org;
  locale: string;
  hasInput: boolean;
  preview: import('./api.js').PricePreview | undefined;
  error: unknown;
  updating: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-desk-price">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="ayni-desk-price">
            {t('collection.priceTitle')}
          </Title>
          {hasInput && updating && <Loader size="xs" aria-label={t('collection.priceUpdating')} />}
        </Group>
        <div aria-live="polite" aria-busy={hasInput && updating}>
          {!hasInput ? (
            <Text size="sm" c="dimmed">
              {t('collection.priceWaiting')}
            </Text>
          ) : error && !updating ? (
            <Alert color="red" variant="light">
              {problemMessage(error, t)}
            </Alert>
          ) : preview ? (
            <Stack gap={6} style={{ opacity: updating ? 0.6 : 1 }}>
              <Group justify="space-between">
                <Text size="sm">{t('collection.payableKg')}</Text>
                <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(locale, preview.payableKg, 3)} kg
                </Text>
              </Group>
              <Group justify="space-between">
                <Text size="sm">{t('collection.unitPrice')}</Text>
                <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(locale, preview.currency || org.currency, preview.unitPricePerKg)}
                </Text>
              </Group>
              <Group justify="space-between" align="baseline">
                <Text fw={700}>{t('collection.value')}</Text>
                <Text
                  fw={800}
                  fz={28}
                  c="coffee.8"
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                  data-testid="price-value"
                >
                  {formatMoney(locale, preview.currency || org.currency, preview.value)}
                </Text>
              </Group>
              <Text size="sm" fw={600} mt={4}>
                {t('collection.explanation')}
              </Text>
              <List size="sm" spacing={2} aria-label={t('collection.explanation')}>
                {preview.lines.map((line) => (
                  <List.Item key={line.code}>{line.message}</List.Item>
                ))}
              </List>
            </Stack>
          ) : (
            <Loader size="sm" />
          )}
        </div>
      </Stack>
    </Paper>
  );
}

/** Today's tickets at this point, newest first: a receipt to print again is one click away. */
function TodayTickets({ org, pointCode }: { org: Org; pointCode: string }) {
  const { t, i18n } = useTranslation();
  const locale = numberLocale(i18n.language, org.country);
  const today = todayIn(org.timeZone);
  const tickets = useTickets(org.slug, { pointCode, memberNumber: '', from: today, to: today });
  const items = tickets.data?.items.slice(0, 8) ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" maw={560} component="section" aria-labelledby="ayni-desk-today">
      <Title order={2} size="h4" id="ayni-desk-today" mb="xs">
        {t('collection.todayTitle')}
      </Title>
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((ticket) => (
          <li key={ticket.id} className="ayni-ledger-row">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Anchor
                href={collectionPath(org.slug, { view: 'ticket', ticketId: ticket.id })}
                onClick={followLink}
                fw={600}
                aria-label={t('tickets.receiptOf', {
                  code: ticket.pointCode,
                  number: ticketNumber(ticket.number),
                })}
                style={{ whiteSpace: 'nowrap' }}
              >
                {ticket.pointCode}-{ticketNumber(ticket.number)}
              </Anchor>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatMoney(locale, ticket.currency, ticket.value)}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text
                size="sm"
                truncate
                style={{ minWidth: 0 }}
                td={ticket.voided ? 'line-through' : undefined}
              >
                {ticket.memberName}
              </Text>
              {ticket.voided && (
                <Badge
                  color="red"
                  variant="filled"
                  size="sm"
                  style={{ flexShrink: 0, minWidth: 'max-content' }}
                >
                  {t('tickets.voided')}
                </Badge>
              )}
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
