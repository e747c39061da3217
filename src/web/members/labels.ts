import type { TFunction } from 'i18next';
import { es } from '../i18n/es/index.js';

/** The social base's codes in words (schemes, sexes, tenures…); an unknown code is shown as it comes. */

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

export function schemeName(t: TFunction, code: string): string {
  return has(es.members.certScheme, code) ? t(`certScheme.${code}`) : code;
}

export function certStatusName(t: TFunction, code: string): string {
  return has(es.members.certStatus, code) ? t(`certStatus.${code}`) : code;
}

export function sexName(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return has(es.members.sex, code) ? t(`sex.${code}`) : code;
}

export function paymentMethodName(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return has(es.members.paymentMethod, code) ? t(`paymentMethod.${code}`) : code;
}

export function nationalIdTypeName(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return has(es.members.nationalIdType, code) ? t(`nationalIdType.${code}`) : code;
}

export function inspectionResultName(t: TFunction, code: string): string {
  return has(es.members.inspectionResult, code) ? t(`inspectionResult.${code}`) : code;
}

export function severityName(t: TFunction, code: string): string {
  return has(es.members.severity, code) ? t(`severity.${code}`) : code;
}

export function shadeName(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return has(es.members.shade, code) ? t(`shade.${code}`) : code;
}

export function tenureName(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return has(es.members.tenure, code) ? t(`tenure.${code}`) : code;
}

export function consentKindName(t: TFunction, code: string): string {
  return has(es.members.consentKind, code) ? t(`consentKind.${code}`) : code;
}

export function plotFlagName(t: TFunction, code: string): string {
  return has(es.members.plotFlag, code) ? t(`plotFlag.${code}`) : code;
}

export function plotFlagHelp(t: TFunction, code: string): string | null {
  return has(es.members.plotFlagHelp, code) ? t(`plotFlagHelp.${code}`) : null;
}

export function importFieldName(t: TFunction, field: string): string {
  return has(es.members.importField, field) ? t(`importField.${field}`) : field;
}

/** The national ID's usual name in the organization's country. */
export function nationalIdLabel(t: TFunction, country: string): string {
  return country === 'CO' ? t('members.nationalIdCO') : t('members.nationalIdPE');
}
