import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '../../electron/api/options';
import { PSEUDO_LANGUAGE, pseudoMark, pseudoMessages, pseudoRequested } from './pseudo';

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

const numberFormats = new Map<string, Intl.NumberFormat>();
/** Counts and other numbers in the locale's own digits and grouping (Arabic digits where Intl gives them). */
export function formatNumber(value: number, lang: string): string {
  let format = numberFormats.get(lang);
  if (!format) {
    // 'min2' groups from five digits on, so a year or a version number never reads as "2,026".
    format = new Intl.NumberFormat(lang, { useGrouping: 'min2' });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/**
 * i18next's formatter, replaced so that every number interpolated into a string ({{count}}, {{total}}, …) goes
 * through Intl for the language without each locale string having to ask for it; `{{x, number}}` and
 * `{{x, datetime}}` still work.
 */
const intlFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format(value: unknown, format: string | undefined, lng: string | undefined, options?: Record<string, unknown>): unknown {
    const lang = lng ?? 'en';
    const name = format?.trim().toLowerCase();
    if (typeof value === 'number' && (!name || name === 'number')) return formatNumber(value, lang);
    if (name === 'datetime' && (typeof value === 'string' || value instanceof Date)) {
      return typeof value === 'string'
        ? formatDate(value, lang)
        : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(options?.formatParams as object) }).format(value);
    }
    return value;
  },
};

/** The language the interface runs in: the pseudo-locale when a test asked for it, else the chosen one. */
export function effectiveLanguage(lang: InterfaceLanguage): string {
  return pseudoRequested() ? PSEUDO_LANGUAGE : lang;
}

export async function initI18n(lang: InterfaceLanguage): Promise<typeof i18next> {
  const pseudo = pseudoRequested();
  await i18next
    .use(initReactI18next)
    .use(intlFormatter)
    .init({
      resources: {
        en: { translation: en },
        es: { translation: es },
        fr: { translation: fr },
        ar: { translation: ar },
        ...(pseudo ? { [PSEUDO_LANGUAGE]: { translation: pseudoMessages(en) } } : {}),
      },
      lng: effectiveLanguage(lang),
      // The pseudo-locale must not fall back to English, or a missing key would hide among wrapped strings.
      fallbackLng: pseudo ? false : 'en',
      load: pseudo ? 'currentOnly' : 'all',
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  applyDocumentLanguage(effectiveLanguage(lang));
  return i18next;
}

/** The whole layout mirrors with the interface language: `lang` and `dir` on the document element. */
export function applyDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

export async function changeLanguage(lang: InterfaceLanguage): Promise<void> {
  await i18next.changeLanguage(effectiveLanguage(lang));
  applyDocumentLanguage(effectiveLanguage(lang));
}

/** A calendar date (YYYY-MM-DD) in the interface language, read as UTC so it never shifts by a day. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: string, lang: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return date;
  // One formatter per language: a screenful of cards shows two dates each, and making a formatter costs more than using it.
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return pseudoMark(format.format(at));
}

/** Before i18next is up (start-up failed): the failure in the system language, straight from the locale files. */
export function startupFailureText(message: string): string {
  const messages = { en, es, fr, ar }[systemLanguage()];
  return `${messages.app.desktop.startFailed}: ${message}`;
}

/** A browser-mode page without a session (a used, expired or unknown launch code, or a reload): what happened and what to do, in the system language. */
export function launchProblemText(problem: 'used' | 'expired' | 'wrong' | 'no-session'): {
  lang: string;
  title: string;
  why: string;
  whatToDo: string;
} {
  const lang = systemLanguage();
  const { launch } = { en, es, fr, ar }[lang].app;
  return { lang, title: launch.title, why: launch[problem === 'no-session' ? 'noSession' : problem], whatToDo: launch.whatToDo };
}
