/**
 * The web app's languages, Korean and English, the city's default first. One i18next instance holds the current
 * language and every module's texts; each module brings its own texts with `defineMessages`, beside
 * its pages, so they load with the module's code (and a public page loads no staff texts).
 *
 * The language comes from `?lang=` in the URL, else the visitor's last choice (localStorage), else
 * the city's default language (Korean for Gwangju). `<html lang>` always follows it, so screen readers pronounce the page in the right voice.
 */

import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { defaultLanguage, isLanguage, type Language } from '../../shared/language.ts';
import { webCity } from '../city.ts';

const storageKey = 'rightscity.language';

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : null;
  } catch {
    // Storage can be switched off (private modes, policies); the language then lasts for the visit.
    return null;
  }
}

/** The language a URL asks for with `?lang=`, if any. */
export function languageInQuery(search: string): Language | null {
  const asked = new URLSearchParams(search).get('lang');
  return isLanguage(asked) ? asked : null;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng:
    languageInQuery(window.location.search) ??
    readStoredLanguage() ??
    webCity?.defaultLanguage ??
    defaultLanguage,
  supportedLngs: ['ko', 'en'],
  fallbackLng: false,
  resources: {},
  initAsync: false,
  // React escapes what it renders; escaping here too would show `&amp;` in the page.
  // The city's names (from the page the server writes: ../city.ts), for every message that names it:
  // `{{cityKo}}`/`{{cityEn}}` (short) and `{{cityNameKo}}`/`{{cityNameEn}}` (full).
  interpolation: {
    escapeValue: false,
    defaultVariables: {
      cityKo: webCity?.shortName.ko ?? '',
      cityEn: webCity?.shortName.en ?? '',
      cityNameKo: webCity?.name.ko ?? '',
      cityNameEn: webCity?.name.en ?? '',
    },
  },
  showSupportNotice: false,
});

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // See readStoredLanguage: not remembering the choice is acceptable.
  }
}

applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

export function setLanguage(language: Language): void {
  if (language !== i18n.language) void i18n.changeLanguage(language);
}

/** The current language; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : defaultLanguage;
}

export type Translate<Key extends string> = (key: Key, values?: Record<string, string | number>) => string;

/** A module's texts, registered under a namespace; read them in a component with `useText`. */
export interface Messages<Key extends string> {
  namespace: string;
  /** Only carries the key type. */
  keys?: Key;
}

/** The keys of a module's texts, e.g. for a helper that takes the module's translate function. */
export type MessageKey<M> = M extends Messages<infer Key> ? Key : never;

/**
 * Registers a module's texts under `namespace`. Both languages must have the same keys (the compiler
 * checks), and `useText` then accepts only those keys. Placeholders are written `{{name}}`.
 */
export function defineMessages<Key extends string>(
  namespace: string,
  messages: { ko: Record<Key, string>; en: Record<Key, string> },
): Messages<Key> {
  i18n.addResourceBundle('ko', namespace, messages.ko, true, true);
  i18n.addResourceBundle('en', namespace, messages.en, true, true);
  return { namespace };
}

/** The translate function for a module's texts; re-renders the caller when the language changes. */
export function useText<Key extends string>(messages: Messages<Key>): Translate<Key> {
  const { t } = useTranslation(messages.namespace, { i18n });
  return (key, values) => t(key, values ?? {}) as string;
}
