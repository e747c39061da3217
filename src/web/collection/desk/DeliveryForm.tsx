import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgView as Org } from '../../../orgs/orgs.contract.js';
import { CERT_CLASSES } from '../../../shared/enums.js';
import { isApiProblem } from '../../api/client.js';
import { useMemberPlots } from '../../members/api.js';
import { formatMoney } from '../../shared/format.js';
import { FormProblem, serverFieldErrors, useFocusFirstInvalid } from '../../shared/ui.js';
import { netKg, ticketNumber, useDeliverySummary, usePricePreview } from '../api.js';
import { DeliveryFields } from './DeliveryFields.js';
import {
  type Draft,
  EMPTY,
  type FieldKey,
  type FormErrors,
  type FormValues,
  formErrors,
  normalizedValue,
  previewInputOf,
  ticketInputOf,
} from './form.js';
import { MemberCard } from './MemberCard.js';
import { formField, PRICING_FIELDS } from './PendingPanel.js';
import { PlotPicker } from './PlotPicker.js';
import { PricePanel } from './PricePanel.js';
import { ReplacementNote } from './ReplacementNote.js';
import { useSaveTicket } from './useSaveTicket.js';

/** Every field the form shows its own error beside; a problem about any other is shown above. */
const SHOWN_FIELDS = [
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
];

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

/** The form's title: a new delivery, or the replacement of a voided ticket. */
function FormTitle({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const replacedTicket = draft.replaces?.ticket;
  return (
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
  );
}

/**
 * One delivery at the desk: the member's card, the form with its net weight as the weights are typed,
 * and the live price beside it. Saved through useSaveTicket.
 */
export function DeliveryForm({
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
  const [localErrors, setLocalErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const saving = useSaveTicket(org, draft, { user, onQueued, onFailed: () => setAttempt((a) => a + 1) });
  const { create } = saving;
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

  const normalized = (key: FieldKey) => normalizedValue(values, draft, key);
  const gross = normalized('grossKg');
  const tare = normalized('tareKg');
  const net = netKg(gross, tare === '' ? '0' : tare);
  const netNegative = net?.startsWith('-');

  // Only the fields the price depends on make a new question (and so a new request).
  const { certificationClass, coffeeState, moisturePercent, yieldPercent, factor, cupScore } = values;
  const previewInput = useMemo(
    () =>
      previewInputOf(
        { certificationClass, coffeeState, moisturePercent, yieldPercent, factor, cupScore },
        net,
        colombian,
        org.timeZone,
      ),
    [
      net,
      colombian,
      certificationClass,
      coffeeState,
      moisturePercent,
      yieldPercent,
      factor,
      cupScore,
      org.timeZone,
    ],
  );
  const [debouncedInput] = useDebouncedValue(previewInput, 350);
  const preview = usePricePreview(org.slug, debouncedInput);

  const serverErrors: Record<string, string> = {};
  for (const [path, message] of Object.entries(serverFieldErrors(create.error)))
    serverErrors[formField(path)] ??= message;
  const errorOf = (key: FieldKey) => localErrors[key] ?? serverErrors[key];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    saving.setStorageFailed(false);
    const errors = formErrors(values, normalized, pointCode, netNegative, t);
    setLocalErrors(errors);
    if (Object.values(errors).some(Boolean)) {
      create.reset();
      if (errors.pointCode) document.getElementById('ayni-desk-point')?.focus();
      else setAttempt((a) => a + 1);
      return;
    }
    const { id, deliveredAt } = saving.identity();
    const input = ticketInputOf(
      values,
      normalized,
      { id, deliveredAt, pointCode, memberNumber: member.memberNumber },
      { colombian, plotIds, replacesTicketId: draft.replaces?.id },
    );
    saving.save(input, net);
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
              <FormTitle draft={draft} />
              {draft.fixingId && (
                <Alert color="yellow" variant="light">
                  {t('collection.fixing')}
                </Alert>
              )}
              {draft.replaces && (
                <ReplacementNote
                  org={org}
                  replacesId={draft.replaces.id}
                  ticket={draft.replaces.ticket}
                  onCancel={onChangeMember}
                />
              )}
              {localErrors.pointCode && (
                <Alert color="red" variant="light" role="alert">
                  {t('collection.point')}: {localErrors.pointCode}
                </Alert>
              )}
              {saving.storageFailed && (
                <Alert color="red" variant="filled" role="alert">
                  {t('collection.storageFailed')}
                </Alert>
              )}
              <FormProblem error={create.error} alertRef={alertRef} shownFields={SHOWN_FIELDS} />
              {create.error && isApiProblem(create.error) && create.error.isNetworkError && (
                <Text size="sm" c="dimmed">
                  {t('collection.retrySame')}
                </Text>
              )}
              <DeliveryFields
                values={values}
                set={set}
                errorOf={errorOf}
                classOptions={classOptions}
                firstRef={firstRef}
                net={net}
                netNegative={netNegative}
                locale={locale}
                colombian={colombian}
                currency={org.currency}
              />
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
