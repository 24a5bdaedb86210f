import { z } from 'zod';
import { type Sealed, sealedSchema } from './vault';

/**
 * Which parts of the data file are personal. The rule is an allow-list of what may stay readable: the interface's
 * look (language, theme, text size, update checks, "due soon" window, which say nothing about the person and are
 * needed to draw the unlock screen in the right language) and the lock's own settings. Everything else, every
 * field any domain adds to the store now or later (ticks, bookmarks, notes, recently read, collections, drafts,
 * partner keys) and any setting not named here (my jurisdiction), is personal and goes into the sealed section,
 * with no code per field.
 */
export const PLAIN_SETTINGS = ['interfaceLanguage', 'theme', 'textSize', 'updateChecks', 'dueSoonDays'] as const;
/** Top-level fields kept readable: the lock's own settings, needed before it can be opened. */
export const PLAIN_FIELDS = ['safety'] as const;
/** What "keep nothing" keeps in memory only: traces of what the person did, as opposed to what they chose to write. */
export const EPHEMERAL_FIELDS = ['checklists', 'recent'] as const;

export const SEALED_FORMAT = 'fieldbook-sealed';
export const SEALED_COPY_FORMAT = 'fieldbook-sealed-copy';

export const sealedFileSchema = z.strictObject({
  format: z.literal(SEALED_FORMAT),
  plain: z.record(z.string(), z.unknown()),
  sealed: sealedSchema,
});
export type SealedFile = z.infer<typeof sealedFileSchema>;

type Data = Record<string, unknown> & { settings?: Record<string, unknown> };

function pick(record: Record<string, unknown> | undefined, keys: readonly string[], keep: boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([key]) => keys.includes(key) === keep));
}

/** Splits the store's data into what stays readable and what is sealed. */
export function splitPersonal(data: Data): { plain: Data; personal: Data } {
  const plain: Data = { ...pick(data, PLAIN_FIELDS, true), settings: pick(data.settings, PLAIN_SETTINGS, true) };
  const personal: Data = { ...pick(data, [...PLAIN_FIELDS, 'settings'], false), settings: pick(data.settings, PLAIN_SETTINGS, false) };
  return { plain, personal };
}

/** The inverse of splitPersonal. */
export function joinPersonal(plain: Data, personal: Data): Data {
  return { ...personal, ...pick(plain, ['settings'], false), settings: { ...personal.settings, ...plain.settings } };
}

/** The data without the fields "keep nothing" holds in memory only. */
export function withoutEphemeral(data: Data): Data {
  return pick(data, EPHEMERAL_FIELDS, false);
}

export function isSealedFile(raw: unknown): raw is { format: typeof SEALED_FORMAT } {
  return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === SEALED_FORMAT;
}

export type { Sealed };
