import { z } from 'zod';

/** The lock's own settings: kept readable, because they are needed before the passphrase is given. */
export const safetySchema = z.object({
  /** Whether the first-start panel offering the lock was dismissed. */
  introSeen: z.boolean().default(false),
  /** Minutes without a key press, click or scroll before the app locks itself; null never. */
  idleLockMinutes: z.number().int().min(1).max(1440).nullable().default(15),
  /** Wrong passphrases in a row after which everything personal is wiped; null never. */
  wipeAfterFailures: z.number().int().min(3).max(100).nullable().default(null),
  /** Wrong passphrases in a row since the last unlock; kept on disk so that restarting does not reset it. */
  failedAttempts: z.number().int().min(0).default(0),
  /** Ticks and reading history stay in memory only and are gone when the app closes. */
  keepNothing: z.boolean().default(false),
});
export type SafetySettings = z.infer<typeof safetySchema>;

const ref = { id: z.string().max(200), lang: z.string().max(20), section: z.string().max(200).optional() };
export const MAX_NOTE_CHARS = 20_000;
export const MAX_RECENT = 30;
export const MAX_BOOKMARKS = 500;
export const MAX_NOTES = 1000;

/** The person's own reading aids: all personal, so all sealed under the lock. */
export const readingSchemaShape = {
  bookmarks: z
    .array(z.strictObject({ ...ref, at: z.string().max(40) }))
    .max(MAX_BOOKMARKS)
    .default([]),
  /** Private notes keyed by `<guide id>` or `<guide id>#<section anchor>`. */
  notes: z.record(z.string().max(420), z.string().max(MAX_NOTE_CHARS)).default({}),
  /** Guides opened, most recent first. */
  recent: z
    .array(z.strictObject({ id: z.string().max(200), lang: z.string().max(20), at: z.string().max(40) }))
    .max(MAX_RECENT)
    .default([]),
};
