import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
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
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DeliverySummary,
  TicketView as Ticket,
  TicketPriceView,
} from '../../collection/collection.contract.js';
import type { PlotView as Plot } from '../../members/members.contract.js';
import type { OrgView as Org } from '../../orgs/orgs.contract.js';
import {
  CERT_CLASSES,
  type CertClass,
  COFFEE_STATES,
  type CoffeeState,
  CUP_PROTOCOLS,
  type CupProtocol,
} from '../../shared/enums.js';
import { isApiProblem } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { LoadError, problemMessage } from '../app/feedback.js';
import { collectionPath, followLink, navigate, useSearch } from '../app/router.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useMemberPlots } from '../members/api.js';

import { formatBp, formatMoney, formatNumber, numberLocale, statusName, todayIn } from '../shared/format.js';
import { newId } from '../shared/ids.js';
import {
  FormProblem,
  normalizeDecimal,
  serverFieldErrors,
  setFlash,
  useFocusFirstInvalid,
} from '../shared/ui.js';
import {
  canManageCollection,
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
  useTicket,
  useTickets,
} from './api.js';
import { CollectionHeader } from './CollectionHeader.js';
import { MemberSearch, type PickedMember } from './MemberSearch.js';
import { formField, PendingPanel, PRICING_FIELDS } from './PendingPanel.js';
import {
  enqueue,
  markDeskInFlight,
  type QueuedTicket,
  removeFromQueue,
  useOnline,
  useQueue,
} from './queue.js';

interface FormValues {
  coffeeState: CoffeeState;
  certificationClass: string;
  sacks: string;
  sackType: string;
  grossKg: string;
  tareKg: string;
  moisturePercent: string;
  yieldPercent: string;
  factor: string;
  defects: string;
  cupScore: string;
  cupProtocol: CupProtocol;
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
  factor: '',
  defects: '',
  cupScore: '',
  cupProtocol: 'sca2004',
  cashPaid: '',
};

type FieldKey = keyof FormValues;
const DECIMALS: Partial<Record<FieldKey, number>> = {
  grossKg: 3,
  tareKg: 3,
  moisturePercent: 2,
  yieldPercent: 2,
  factor: 2,
  cupScore: 2,
  cashPaid: 2,
};

/** What the form starts with: a refused pending ticket to fix, or a voided ticket to replace. */
interface Draft {
  member: PickedMember;
  values?: Partial<FormValues>;
  plotIds?: string[];
  /** The delivery's own moment, kept when it is recorded again. */
  deliveredAt?: string;
  replaces?: { id: string; ticket?: Ticket };
  /** The refused pending ticket this one takes the place of. */
  fixingId?: string;
}

/** API decimals ("182.500") as the form shows them ("182.5"); untouched, they are sent as they were. */
function trimDecimal(v: string | null | undefined): string {
  if (!v) return '';
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

function valuesFrom(source: {
  coffeeState: string;
  certificationClass: string;
  sacks: number;
  sackType?: string | null;
  grossKg: string;
  tareKg: string;
  moisturePercent?: string | null;
  yieldPercent?: string | null;
  factor?: string | null;
  cupScore?: string | null;
  cupProtocol?: CupProtocol | null;
  defects?: number | null;
  cashPaid?: string | null;
}): Partial<FormValues> {
  const cash = trimDecimal(source.cashPaid);
  return {
    coffeeState: (COFFEE_STATES as readonly string[]).includes(source.coffeeState)
      ? (source.coffeeState as CoffeeState)
      : EMPTY.coffeeState,
    certificationClass: source.certificationClass,
    sacks: String(source.sacks),
    sackType: source.sackType ?? '',
    grossKg: trimDecimal(source.grossKg),
    tareKg: trimDecimal(source.tareKg),
    moisturePercent: trimDecimal(source.moisturePercent),
    yieldPercent: trimDecimal(source.yieldPercent),
    factor: trimDecimal(source.factor),
    cupScore: trimDecimal(source.cupScore),
    cupProtocol: source.cupProtocol ?? EMPTY.cupProtocol,
    defects: source.defects === null || source.defects === undefined ? '' : String(source.defects),
    cashPaid: cash === '0' ? '' : cash,
  };
}

/** `/o/:slug/collection`: the cashier's desk — point, member, weights, live price, save. */
export function DeskPage({ org }: { org: Org }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('collection.tabDesk'), t('collection.title'), org.name);
  const me = useMe().data ?? null;
  const online = useOnline();
  const points = useCollectionPoints(org.slug);
  const [pointCode, setPointCode] = useState<string>(() => storedPoint(org.slug) ?? '');
  const [draft, setDraft] = useState<Draft | null>(null);
  // The confirmation of a ticket kept on the device, shown while that ticket waits.
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);
  const queue = useQueue(org.slug);
  const noticeShown = notice && queue.some((q) => q.input.id === notice.id && !q.refused) ? notice : null;
  const searchRef = useRef<HTMLInputElement>(null);
  const locale = numberLocale(i18n.language, org.country);

  // `?replaces=<ticket id>`: record the replacement of a voided ticket, prefilled from it.
  const replacesId = new URLSearchParams(useSearch()).get('replaces');
  const replaced = useTicket(org.slug, replacesId);
  const prefilledFor = useRef<string | null>(null);
  useEffect(() => {
    const ticket = replaced.data;
    if (!ticket || prefilledFor.current === ticket.id) return;
    prefilledFor.current = ticket.id;
    setPointCode(ticket.pointCode);
    setNotice(null);
    setDraft({
      member: { memberNumber: ticket.memberNumber, name: ticket.memberName },
      values: valuesFrom(ticket),
      deliveredAt: ticket.deliveredAt,
      replaces: { id: ticket.id, ticket },
    });
  }, [replaced.data]);

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

  const backToSearch = () => {
    setDraft(null);
    if (replacesId) navigate(collectionPath(org.slug), { replace: true });
    requestAnimationFrame(() => searchRef.current?.focus());
  };

  const fix = (entry: QueuedTicket) => {
    const { input } = entry;
    if (input.pointCode) setPointCode(input.pointCode);
    setNotice(null);
    setDraft({
      member: { memberNumber: input.memberNumber, name: entry.memberName },
      values: valuesFrom(input),
      plotIds: input.plotIds ?? [],
      deliveredAt: input.deliveredAt,
      ...(input.replacesTicketId && { replaces: { id: input.replacesTicketId } }),
      fixingId: input.id,
    });
  };

  if (points.isError && !points.data)
    return <LoadError error={points.error} onRetry={() => void points.refetch()} />;

  return (
    <>
      <CollectionHeader
        org={org}
        current="desk"
        title={t('collection.title')}
        actions={
          online ? undefined : (
            <Badge color="orange" variant="filled" size="lg" role="status">
              {t('collection.offlineBadge')}
            </Badge>
          )
        }
      />
      <Stack gap="md">
        {noticeShown && (
          <Alert
            color="yellow"
            variant="light"
            role="status"
            title={t('collection.queuedTitle')}
            withCloseButton
            closeButtonLabel={t('app.close')}
            onClose={() => setNotice(null)}
            maw={720}
          >
            {noticeShown.text}
          </Alert>
        )}
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
        {draft === null ? (
          <>
            {me && <PendingPanel org={org} userId={me.id} locale={locale} onFix={fix} />}
            <Paper withBorder p="md" radius="md" maw={560}>
              <MemberSearch
                slug={org.slug}
                label={t('collection.memberSearch')}
                onPick={(member) => {
                  setNotice(null);
                  setDraft({ member });
                }}
                inputRef={searchRef}
                autoFocus
              />
            </Paper>
            {pointCode && <TodayTickets org={org} pointCode={pointCode} />}
          </>
        ) : (
          <>
            {me && <PendingPanel org={org} userId={me.id} locale={locale} onFix={fix} compact />}
            <DeliveryForm
              key={`${draft.member.memberNumber}-${draft.fixingId ?? ''}-${draft.replaces?.id ?? ''}`}
              org={org}
              draft={draft}
              pointCode={pointCode}
              locale={locale}
              user={me}
              online={online}
              onChangeMember={backToSearch}
              onQueued={(memberLabel, id) => {
                setNotice({ id, text: t('collection.queuedText', { member: memberLabel }) });
                backToSearch();
              }}
            />
          </>
        )}
      </Stack>
    </>
  );
}

/** Enter moves to the next field (as on a paper form); Ctrl+Enter, or Enter on the button, saves. */
function enterMovesOn(form: HTMLFormElement | null, event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || !form) return;
  const target = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    form.requestSubmit();
    return;
  }
  if (target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement) return;
  event.preventDefault();
  const fields = Array.from(
    form.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, button[type="submit"]'),
  ).filter((el) => !(el as HTMLInputElement).disabled && el.tabIndex >= 0 && el.offsetParent !== null);
  const next = fields[fields.indexOf(target) + 1];
  if (next) next.focus();
  else form.requestSubmit();
}

function DeliveryForm({
  org,
  draft,
  pointCode,
  locale,
  user,
  online,
  onChangeMember,
  onQueued,
}: {
  org: Org;
  draft: Draft;
  pointCode: string;
  locale: string;
  user: { id: string; displayName: string } | null;
  online: boolean;
  onChangeMember: () => void;
  onQueued: (memberLabel: string, id: string) => void;
}) {
  const { t } = useTranslation();
  const { member } = draft;
  const colombian = org.country === 'CO';
  const summary = useDeliverySummary(org.slug, member.memberNumber);
  const plots = useMemberPlots(org.slug, member.memberNumber);
  // Without the summary (offline) any class may be chosen: the server checks it on arrival.
  const summaryMissing = !summary.data && (!online || summary.isError);
  const allowed: readonly string[] =
    summary.data?.certificationClasses ?? (summaryMissing ? CERT_CLASSES : []);
  const [values, setValues] = useState<FormValues>(() => ({ ...EMPTY, ...draft.values }));
  const [plotIds, setPlotIds] = useState<string[]>(draft.plotIds ?? []);
  const [localErrors, setLocalErrors] = useState<Partial<Record<FieldKey | 'pointCode', string>>>({});
  const [storageFailed, setStorageFailed] = useState(false);
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

  // A member with a single plot: that plot, unless the draft already says.
  const plotItems = plots.data?.items ?? [];
  const onlyPlot = plotItems.length === 1 ? plotItems[0]!.id : null;
  useEffect(() => {
    if (onlyPlot && draft.plotIds === undefined) setPlotIds((ids) => (ids.length === 0 ? [onlyPlot] : ids));
  }, [onlyPlot, draft.plotIds]);

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
    if (decimals === undefined) return values[key];
    // A value prefilled from the API and left as it was is already in the API's form.
    if (draft.values?.[key] !== undefined && values[key] === draft.values[key]) return values[key];
    return normalizeDecimal(values[key], decimals);
  };
  const gross = normalized('grossKg');
  const tare = normalized('tareKg');
  const net = netKg(gross, tare === '' ? '0' : tare);
  const netNegative = net?.startsWith('-');
  const yieldKey: FieldKey = colombian ? 'factor' : 'yieldPercent';

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
    const yieldValue = opt(normalizeDecimal(colombian ? values.factor : values.yieldPercent, 2));
    const cup = opt(normalizeDecimal(values.cupScore, 2));
    if (moisture) input.moisturePercent = moisture;
    if (yieldValue && colombian) input.factor = yieldValue;
    else if (yieldValue) input.yieldPercent = yieldValue;
    if (cup) input.cupScore = cup;
    return input;
  }, [
    net,
    netNegative,
    colombian,
    values.certificationClass,
    values.coffeeState,
    values.moisturePercent,
    values.yieldPercent,
    values.factor,
    values.cupScore,
    org.timeZone,
  ]);
  const [debouncedInput] = useDebouncedValue(previewInput, 350);
  const preview = usePricePreview(org.slug, debouncedInput);

  const serverErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(serverFieldErrors(create.error)))
    serverErrors[formField(path)] ??= message;
  const errorOf = (key: FieldKey) => localErrors[key] ?? serverErrors[key];
  const memberLabel = member.name ? `${member.memberNumber} · ${member.name}` : member.memberNumber;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    setStorageFailed(false);
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
    const defects = values.defects.trim();
    if (defects !== '' && !(/^\d+$/.test(defects) && Number(defects) <= 10_000))
      errors.defects = t('collection.invalidDefects');
    if (!errors.tareKg && !errors.grossKg && netNegative) errors.tareKg = t('collection.negativeNet');
    if (!values.certificationClass) errors.certificationClass = t('form.required');
    setLocalErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      create.reset();
      if (errors.pointCode) document.getElementById('ayni-desk-point')?.focus();
      else setAttempt((a) => a + 1);
      return;
    }
    pending.current ??= { id: newId(), deliveredAt: draft.deliveredAt ?? nowWithOffset() };
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
    const yieldValue = normalized(yieldKey);
    const cup = normalized('cupScore');
    const cash = normalized('cashPaid');
    if (moisture) input.moisturePercent = moisture;
    if (yieldValue && colombian) input.factor = yieldValue;
    else if (yieldValue) input.yieldPercent = yieldValue;
    if (cup) {
      input.cupScore = cup;
      input.cupProtocol = values.cupProtocol;
    }
    if (defects !== '') input.defects = Number(defects);
    if (plotIds.length > 0) input.plotIds = plotIds;
    if (cash) input.cashPaid = cash;
    if (draft.replaces) input.replacesTicketId = draft.replaces.id;

    // Kept on this device before anything is sent: a lost answer or a closed tab loses nothing.
    const id = input.id;
    markDeskInFlight(id, true);
    const kept = enqueue(org.slug, {
      input,
      memberName: member.name,
      netKg: net ?? input.grossKg,
      savedAt: new Date().toISOString(),
      savedBy: user?.id ?? '',
      savedByName: user?.displayName ?? '',
      refused: null,
    });
    const queued = () => {
      markDeskInFlight(id, false);
      pending.current = null;
      if (draft.fixingId) removeFromQueue(org.slug, [draft.fixingId]);
      onQueued(memberLabel, id);
    };
    if (!navigator.onLine) {
      if (kept) queued();
      else {
        markDeskInFlight(id, false);
        setStorageFailed(true);
      }
      return;
    }
    create.mutate(input, {
      onSuccess: (ticket) => {
        markDeskInFlight(id, false);
        removeFromQueue(org.slug, draft.fixingId ? [id, draft.fixingId] : [id]);
        pending.current = null;
        setFlash(t('collection.saved', { code: ticket.pointCode, number: ticketNumber(ticket.number) }));
        navigate(collectionPath(org.slug, { view: 'ticket', ticketId: ticket.id }));
      },
      onError: (error) => {
        if (isApiProblem(error) && error.isNetworkError && kept) {
          queued();
          return;
        }
        markDeskInFlight(id, false);
        // A refusal (not a lost answer) means nothing was recorded: the next try is a new ticket.
        if (!(isApiProblem(error) && error.isNetworkError)) {
          removeFromQueue(org.slug, [id]);
          pending.current = null;
        } else setStorageFailed(true);
        setAttempt((a) => a + 1);
      },
    });
  };

  const summaryData = summary.data;
  const blocked = summaryData ? !summaryData.canDeliver : false;
  const classOptions = CERT_CLASSES.filter((c) => allowed.includes(c));
  const replacedTicket = draft.replaces?.ticket;

  return (
    <div className="ayni-desk-grid">
      <div className="ayni-desk-member">
        <MemberCard
          member={member}
          summary={summaryData}
          error={summary.error}
          missing={summaryMissing}
          locale={locale}
          onChangeMember={onChangeMember}
        />
      </div>
      <div className="ayni-desk-form">
        <Paper withBorder p="md" radius="md">
          <form
            ref={formRef}
            onSubmit={submit}
            onKeyDown={(e) => enterMovesOn(formRef.current, e)}
            noValidate
            aria-labelledby="ayni-delivery-title"
          >
            <Stack gap="sm">
              <Group justify="space-between" align="center" gap="xs">
                <Title order={2} size="h3" id="ayni-delivery-title">
                  {replacedTicket
                    ? t('collection.replacingTitle', {
                        code: replacedTicket.pointCode,
                        number: ticketNumber(replacedTicket.number),
                      })
                    : t('collection.formTitle')}
                </Title>
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  {t('collection.keyboardHint')}
                </Text>
              </Group>
              {draft.fixingId && (
                <Alert color="yellow" variant="light">
                  {t('collection.fixing')}
                </Alert>
              )}
              {draft.replaces && (
                <ReplacementNote
                  org={org}
                  replacesId={draft.replaces.id}
                  ticket={replacedTicket}
                  onCancel={onChangeMember}
                />
              )}
              {localErrors.pointCode && (
                <Alert color="red" variant="light" role="alert">
                  {t('collection.point')}: {localErrors.pointCode}
                </Alert>
              )}
              {storageFailed && (
                <Alert color="red" variant="filled" role="alert">
                  {t('collection.storageFailed')}
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
                  'factor',
                  'defects',
                  'cupScore',
                  'cupProtocol',
                  'cashPaid',
                  'plotIds',
                  'ticket',
                  ...Object.keys(PRICING_FIELDS),
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
                  label={colombian ? t('collection.factor') : t('collection.yield')}
                  value={values[yieldKey]}
                  onChange={set(yieldKey)}
                  error={errorOf(yieldKey)}
                />
                <Num
                  label={t('collection.cup')}
                  value={values.cupScore}
                  onChange={set('cupScore')}
                  error={errorOf('cupScore')}
                />
                <NativeSelect
                  label={t('collection.cupProtocol')}
                  size="md"
                  value={values.cupProtocol}
                  onChange={(e) => set('cupProtocol')(e.currentTarget.value)}
                  data={CUP_PROTOCOLS.map((p) => ({
                    value: p,
                    label: p === 'cva' ? t('collection.cupProtocolCva') : t('collection.cupProtocolSca2004'),
                  }))}
                  error={errorOf('cupProtocol')}
                />
                <Num
                  label={t('collection.defects')}
                  value={values.defects}
                  onChange={set('defects')}
                  error={errorOf('defects')}
                  numeric
                />
                <Num
                  label={`${t('collection.cashPaid')} (${org.currency})`}
                  value={values.cashPaid}
                  onChange={set('cashPaid')}
                  error={errorOf('cashPaid')}
                />
              </SimpleGrid>
              <PlotPicker
                plots={plotItems}
                loading={plots.isLoading && online}
                unavailable={!plots.data && (!online || plots.isError)}
                value={plotIds}
                onChange={setPlotIds}
                error={serverErrors.plotIds}
                locale={locale}
              />
              {preview.data && previewInput !== null && !preview.error && online && (
                <Group justify="space-between" hiddenFrom="md" aria-hidden="true">
                  <Text fw={700}>{t('collection.value')}</Text>
                  <Text fw={800} fz="xl" c="coffee.8" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatMoney(locale, preview.data.currency || org.currency, preview.data.value)}
                  </Text>
                </Group>
              )}
              <Button type="submit" size="lg" loading={create.isPending} disabled={blocked}>
                {online ? t('collection.save') : t('collection.saveOffline')}
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
          online={online}
        />
      </div>
    </div>
  );
}

/** The member's declared plots the coffee comes from: one or more, checked with Space. */
function PlotPicker({
  plots,
  loading,
  unavailable,
  value,
  onChange,
  error,
  locale,
}: {
  plots: Plot[];
  loading: boolean;
  unavailable: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
  locale: string;
}) {
  const { t } = useTranslation();
  if (loading) return <Loader size="xs" />;
  if (unavailable || plots.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {unavailable ? t('collection.plotsUnavailable') : t('collection.plotsNone')}
      </Text>
    );
  return (
    <Checkbox.Group label={t('collection.plots')} value={value} onChange={onChange} error={error} size="md">
      <Group gap="md" mt={6}>
        {plots.map((p) => {
          const area = p.coffeeAreaHa ?? p.declaredAreaHa ?? p.computedAreaHa;
          return (
            <Checkbox
              key={p.id}
              value={p.id}
              size="md"
              label={
                area
                  ? `${p.name} (${t('collection.plotArea', { area: formatNumber(locale, area, 2) })})`
                  : p.name
              }
            />
          );
        })}
      </Group>
    </Checkbox.Group>
  );
}

/** What the replacement replaces: the voided ticket and its reason, or why it cannot replace it. */
function ReplacementNote({
  org,
  replacesId,
  ticket,
  onCancel,
}: {
  org: Org;
  replacesId: string;
  ticket: Ticket | undefined;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const others = useTickets(
    org.slug,
    { pointCode: '', memberNumber: ticket?.memberNumber ?? '', from: '', to: '' },
    ticket !== undefined,
  );
  const already = ticket ? others.data?.items.find((x) => x.replacesTicketId === replacesId) : undefined;
  const names = ticket ? { code: ticket.pointCode, number: ticketNumber(ticket.number) } : null;
  return (
    <Alert color={ticket && !ticket.voided ? 'red' : 'blue'} variant="light" role="note">
      <Stack gap={4} align="flex-start">
        {ticket && names ? (
          ticket.voided ? (
            <Text size="sm">{t('collection.replacingText', { reason: ticket.voided.reason })}</Text>
          ) : (
            <Text size="sm" fw={600}>
              {t('collection.replacingNotVoided', names)}
            </Text>
          )
        ) : (
          <Text size="sm">{t('receipt.replaces')}</Text>
        )}
        {already && (
          <Text size="sm" fw={600} c="red.8">
            {t('collection.replacingDone', {
              code: already.pointCode,
              number: ticketNumber(already.number),
            })}
          </Text>
        )}
        <Button size="compact-sm" variant="default" onClick={onCancel}>
          {t('collection.replacingCancel')}
        </Button>
      </Stack>
    </Alert>
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
  missing,
  locale,
  onChangeMember,
}: {
  member: PickedMember;
  summary: DeliverySummary | undefined;
  error: unknown;
  /** No summary to be had now (offline): the server checks on arrival. */
  missing: boolean;
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
            {summary?.name ?? (member.name || member.memberNumber)}
          </Title>
          {member.unverified && !summary && (
            <Badge color="orange" variant="light" mt={4}>
              {t('collection.memberUnverified')}
            </Badge>
          )}
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
        {missing ? (
          <Text size="sm" c="orange.9">
            {t('collection.classesUnknown')}
          </Text>
        ) : error ? (
          <Text c="red.8">{problemMessage(error, t)}</Text>
        ) : null}
        {!summary && !error && !missing && <Loader size="sm" />}
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
  online,
}: {
  org: Org;
  locale: string;
  hasInput: boolean;
  preview: TicketPriceView | undefined;
  error: unknown;
  updating: boolean;
  online: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="ayni-desk-price">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="ayni-desk-price">
            {t('collection.priceTitle')}
          </Title>
          {hasInput && updating && online && <Loader size="xs" aria-label={t('collection.priceUpdating')} />}
        </Group>
        <div aria-live="polite" aria-busy={hasInput && updating && online}>
          {!online ? (
            <Text size="sm" fw={600} c="orange.9">
              {t('collection.priceOffline')}
            </Text>
          ) : !hasInput ? (
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
