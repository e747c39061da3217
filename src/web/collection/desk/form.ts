import type { TFunction } from 'i18next';
import type { TicketView as Ticket } from '../../../collection/collection.contract.js';
import { type CertClass, COFFEE_STATES, type CoffeeState, type CupProtocol } from '../../../shared/enums.js';
import { todayIn } from '../../shared/format.js';
import { normalizeDecimal } from '../../shared/ui.js';
import type { PricePreviewInput, TicketInput } from '../api.js';
import type { PickedMember } from '../MemberSearch.js';
import type { QueuedTicket } from '../queue.js';

/**
 * The delivery form's values as typed, and what they become: the live price's question, the checks
 * made before saving, and the ticket sent. No React here.
 */

export interface FormValues {
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

export const EMPTY: FormValues = {
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

export type FieldKey = keyof FormValues;
export type FormErrors = Partial<Record<FieldKey | 'pointCode', string>>;

/** The decimal fields and the decimals each takes. */
export const DECIMALS: Partial<Record<FieldKey, number>> = {
  grossKg: 3,
  tareKg: 3,
  moisturePercent: 2,
  yieldPercent: 2,
  factor: 2,
  cupScore: 2,
  cashPaid: 2,
};

/** What the form starts with: a refused pending ticket to fix, or a voided ticket to replace. */
export interface Draft {
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

/** The form's values from a ticket (to replace) or a pending ticket (to fix). */
export function valuesFrom(source: {
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

/** The draft that replaces a voided ticket: its member, values and moment. */
export function draftToReplace(ticket: Ticket): Draft {
  return {
    member: { memberNumber: ticket.memberNumber, name: ticket.memberName },
    values: valuesFrom(ticket),
    deliveredAt: ticket.deliveredAt,
    replaces: { id: ticket.id, ticket },
  };
}

/** The draft that fixes a ticket kept on the device and refused: all it said, to correct and send again. */
export function draftToFix(entry: QueuedTicket): Draft {
  const { input } = entry;
  return {
    member: { memberNumber: input.memberNumber, name: entry.memberName },
    values: valuesFrom(input),
    plotIds: input.plotIds ?? [],
    deliveredAt: input.deliveredAt,
    ...(input.replacesTicketId && { replaces: { id: input.replacesTicketId } }),
    fixingId: input.id,
  };
}

/**
 * A field's value as the API takes it: decimals normalised ('182,5' → '182.5'), null when not a number.
 * A value prefilled from the API and left as it was is already in the API's form.
 */
export function normalizedValue(values: FormValues, draft: Draft, key: FieldKey): string | null {
  const decimals = DECIMALS[key];
  if (decimals === undefined) return values[key];
  if (draft.values?.[key] !== undefined && values[key] === draft.values[key]) return values[key];
  return normalizeDecimal(values[key], decimals);
}

/** The live price's question, once there is a positive net weight and a class; null until then. */
export function previewInputOf(
  values: Pick<
    FormValues,
    'certificationClass' | 'coffeeState' | 'moisturePercent' | 'yieldPercent' | 'factor' | 'cupScore'
  >,
  net: string | null,
  colombian: boolean,
  timeZone: string,
): PricePreviewInput | null {
  if (!net || net.startsWith('-') || Number(net) <= 0) return null;
  if (!values.certificationClass) return null;
  const opt = (v: string | null) => (v ? v : undefined);
  const input: PricePreviewInput = {
    date: todayIn(timeZone),
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
}

/** What the desk checks before saving: a point, whole sacks, the weights, numbers, defects, a class. */
export function formErrors(
  values: FormValues,
  normalized: (key: FieldKey) => string | null,
  pointCode: string,
  netNegative: boolean | undefined,
  t: TFunction,
): FormErrors {
  const errors: FormErrors = {};
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
  return errors;
}

/** The ticket to send, from checked values: optional fields only when filled in. */
export function ticketInputOf(
  values: FormValues,
  normalized: (key: FieldKey) => string | null,
  base: { id: string; deliveredAt: string; pointCode: string; memberNumber: string },
  extra: { colombian: boolean; plotIds: string[]; replacesTicketId: string | undefined },
): TicketInput {
  const tare = normalized('tareKg');
  const input: TicketInput = {
    id: base.id,
    pointCode: base.pointCode,
    memberNumber: base.memberNumber,
    deliveredAt: base.deliveredAt,
    sacks: Number(values.sacks.trim()),
    sackType: values.sackType.trim() || null,
    grossKg: normalized('grossKg')!,
    tareKg: tare || '0',
    coffeeState: values.coffeeState,
    certificationClass: values.certificationClass as CertClass,
  };
  const moisture = normalized('moisturePercent');
  const yieldValue = normalized(extra.colombian ? 'factor' : 'yieldPercent');
  const cup = normalized('cupScore');
  const cash = normalized('cashPaid');
  const defects = values.defects.trim();
  if (moisture) input.moisturePercent = moisture;
  if (yieldValue && extra.colombian) input.factor = yieldValue;
  else if (yieldValue) input.yieldPercent = yieldValue;
  if (cup) {
    input.cupScore = cup;
    input.cupProtocol = values.cupProtocol;
  }
  if (defects !== '') input.defects = Number(defects);
  if (extra.plotIds.length > 0) input.plotIds = extra.plotIds;
  if (cash) input.cashPaid = cash;
  if (extra.replacesTicketId !== undefined) input.replacesTicketId = extra.replacesTicketId;
  return input;
}
