import type { UserData } from '../store/user-data';

/**
 * history/last-read: which version of each guide the person last opened, so the library can say "changed since you
 * last read it". This is personal data (it tells what someone read): it lives only in the user-data store, one number
 * per guide and language, and is bounded to the most recent MAX_LAST_READ guides.
 */
export const MAX_LAST_READ = 2000;

export function lastReadKey(id: string, lang: string): string {
  return `${id}/${lang}`;
}

/** Records `version` as the last one read; the entry moves to the end so the oldest readings are the ones dropped. */
export function recordRead(draft: UserData, id: string, lang: string, version: number): void {
  const key = lastReadKey(id, lang);
  delete draft.lastRead[key];
  draft.lastRead[key] = version;
  const keys = Object.keys(draft.lastRead);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_LAST_READ))) delete draft.lastRead[old];
}
