import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../../electron/api/options';

export const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

/** The system language if Fieldbook speaks it, else English. */
export function systemLanguage(languages: readonly string[] = navigator.languages): InterfaceLanguage {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0] as InterfaceLanguage;
    if ((INTERFACE_LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.split('-')[0]!) ? 'rtl' : 'ltr';
}

export async function initI18n(lang: InterfaceLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: es }, fr: { translation: fr }, ar: { translation: ar } },
    lng: lang,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(lang);
  return i18next;
}

/** The whole layout mirrors with the interface language: `lang` and `dir` on the document element. */
export function applyDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

export async function changeLanguage(lang: InterfaceLanguage): Promise<void> {
  await i18next.changeLanguage(lang);
  applyDocumentLanguage(lang);
}

/** A calendar date (YYYY-MM-DD) in the interface language, read as UTC so it never shifts by a day. */
export function formatDate(date: string, lang: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? date : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}
