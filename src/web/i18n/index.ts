import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index.js';
import { es, NAMESPACES } from './es/index.js';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'ayni.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'es' || value === 'en';
}

/** The language the user chose explicitly on this device, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

function browserLanguage(): Language {
  const candidates = navigator.languages?.length ? navigator.languages : [navigator.language];
  return candidates[0]?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

/** Current language of the interface, always one we have strings for. */
export function currentLanguage(): Language {
  const value = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(value) ? value : 'es';
}

/**
 * Follows the signed-in user's saved locale, unless the user chose a language on this device.
 * Order: localStorage, then the user's locale, then the browser (English only if it asks for
 * English), then Spanish.
 */
export function adoptUserLocale(locale: string): void {
  if (storedLanguage() === null && isLanguage(locale) && locale !== currentLanguage()) {
    void i18next.changeLanguage(locale);
  }
}

/** An explicit choice: remembered on this device. (Saving it on the server is the caller's job.) */
export function chooseLanguage(language: Language): void {
  storeLanguage(language);
  if (language !== currentLanguage()) void i18next.changeLanguage(language);
}

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : 'es';
}

i18next.on('languageChanged', syncDocumentLanguage);

void i18next.use(initReactI18next).init({
  resources: { es, en },
  // one namespace per domain; `t('members.title')` needs no prefix: the domains are the fallbacks
  ns: [...NAMESPACES],
  defaultNS: 'common',
  fallbackNS: NAMESPACES.slice(1),
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'es',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
syncDocumentLanguage(currentLanguage());

export { i18next };
