import type { LibraryData } from '../../electron/api/types';
import { pseudoMark } from './pseudo';

/** A name in the interface language, else English, else the code itself. */
export function nameIn(names: Record<string, string> | undefined, lang: string, fallback: string): string {
  return pseudoMark(names?.[lang.split('-')[0]!] ?? names?.[lang] ?? names?.en ?? fallback);
}

export function jurisdictionName(library: Pick<LibraryData, 'jurisdictions'>, code: string, lang: string): string {
  return nameIn(library.jurisdictions.find((j) => j.code === code)?.names, lang, code);
}

export function languageName(library: Pick<LibraryData, 'languages'>, code: string): string {
  return pseudoMark(library.languages.find((l) => l.code === code)?.name ?? code);
}

export function topicName(library: Pick<LibraryData, 'topics'>, id: string, lang: string): string {
  return nameIn(library.topics.find((t) => t.id === id)?.names, lang, id);
}

const displayNames = new Map<string, string>();

/**
 * A language's name as Intl gives it in another language (`in`): "inglés" for en in es. Pass the code itself as `in`
 * to name a language in itself, as a language switch should. Falls back to the code where Intl has no name.
 */
export function displayLanguageName(code: string, inLanguage: string): string {
  const key = `${code}|${inLanguage}`;
  let name = displayNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    displayNames.set(key, name);
  }
  return name;
}
