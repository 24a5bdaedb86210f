import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';

/**
 * The few strings the main process shows itself (native dialogs, the menu), from the same locale files as the
 * interface so that translators keep one set and the parity test covers them. Plain substitution: the main process
 * has no i18next.
 */
type DesktopStrings = typeof en.app.desktop;
const TABLE: Record<string, DesktopStrings> = { en: en.app.desktop, es: es.app.desktop, fr: fr.app.desktop, ar: ar.app.desktop };

/** The chosen interface language, else the system's, else English; the same rule as the interface itself. */
export function desktopLanguage(chosen: string | null | undefined, systemLocales: readonly string[]): string {
  if (chosen && chosen in TABLE) return chosen;
  for (const tag of systemLocales) {
    const base = tag.toLowerCase().split('-')[0]!;
    if (base in TABLE) return base;
  }
  return 'en';
}

export function desktopText(lang: string, key: keyof DesktopStrings, vars: Record<string, string> = {}): string {
  const template = (TABLE[lang] ?? TABLE.en!)[key] ?? en.app.desktop[key];
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole);
}
