import type { TFunction } from 'i18next';
import { es } from '../i18n/es/index.js';

/** Number and money formats follow the interface language and the organization's country (es-PE, es-CO). */
export function numberLocale(language: string, country: string): string {
  return `${language}-${country}`;
}

export function fullName(m: { givenNames: string; familyNames: string }): string {
  return `${m.givenNames} ${m.familyNames}`.trim();
}

/** "Campos Nuñez, Rocío": how registers sort and read names. */
export function listName(m: { givenNames: string; familyNames: string }): string {
  return `${m.familyNames}, ${m.givenNames}`;
}

export function formatMoney(locale: string, currency: string, amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${currency} ${amount}`;
  }
}

export function formatNumber(locale: string, value: number | string, maxDecimals = 2): string {
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }).format(n);
}

/** "3.33 ha" from decimal text; '—' when unknown. */
export function formatHectares(locale: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${formatNumber(locale, value, 2)} ha`;
}

/** Basis points (10000 = 100 %) as a percentage. */
export function formatBp(locale: string, bp: number): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(bp / 10000);
}

/** A calendar date (YYYY-MM-DD) as the user reads it, with no time-zone shift. */
export function formatDay(language: string, day: string | null | undefined): string {
  if (!day) return '—';
  const date = new Date(`${day.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO timestamp) in the organization's time zone. */
export function formatMoment(language: string, iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      date,
    );
  } catch {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** Today's date (YYYY-MM-DD) in the organization's time zone. */
export function todayIn(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** A member's status in words (`active` → activo); unknown codes are shown as they come. */
export function statusName(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return has(es.members.memberStatus, code) ? t(`memberStatus.${code}`) : code;
}

/** "50", "50,5" or "1 250.00" as the API's decimal text ("50.00"); null when not a number. */
export function normalizeDecimal(input: string, decimals: number): string | null {
  let text = input.trim().replace(/\s/g, '');
  if (text === '') return '';
  // A single separator followed by no more digits than the field takes is the decimal mark, whichever
  // it is: 182.123 kg is 182 kilograms and 123 grams, not 182 123 kg; 12,5 is twelve and a half.
  const single = /^\d+([.,])(\d+)$/.exec(text);
  if (single && single[2]!.length <= decimals) return text.replace(',', '.');
  // Otherwise grouped thousands (Colombia writes 1.250,50; Peru 1,250.50), or a decimal comma.
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else text = text.replace(',', '.');
  if (!new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`).test(text)) return null;
  return text;
}
