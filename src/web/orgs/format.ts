import type { TFunction } from 'i18next';
import { es } from '../i18n/es/index.js';

/** Lower-case, without accents: "Café" and "cafe" match while searching. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function displayName(language: string, type: Intl.DisplayNamesOptions['type'], code: string): string {
  try {
    return new Intl.DisplayNames([language], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryName(language: string, code: string): string {
  return displayName(language, 'region', code);
}

/** "Sol peruano (PEN)". */
export function currencyName(language: string, code: string): string {
  const name = displayName(language, 'currency', code);
  const capitalized = name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  return name === code ? code : `${capitalized} (${code})`;
}

/** "español (Perú) · es-PE". */
export function localeName(language: string, locale: string): string {
  const name = displayName(language, 'language', locale);
  return name === locale ? locale : `${name} (${locale})`;
}

export function formatDate(language: string, iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
  }
}

function has<T extends object>(table: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(table, key);
}

/** Translated name of a display mass unit; unknown codes are shown as they are. */
export function unitName(t: TFunction, code: string): string {
  return has(es.orgs.units, code) ? t(`units.${code}`) : code;
}

export function areaName(t: TFunction, code: string): string {
  return has(es.orgs.areas, code) ? t(`areas.${code}`) : code;
}

export function roleName(t: TFunction, code: string): string {
  return has(es.orgs.roles, code) ? t(`roles.${code}`) : code;
}
