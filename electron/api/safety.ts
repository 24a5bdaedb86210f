import { z } from 'zod';

/** The shapes of the field-safety methods (lock, wipe, what is kept); the methods themselves are in contract.ts. */

export const LOCK_REASONS = ['manual', 'idle', 'quick-exit'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

export interface SafetyStatus {
  /** off: no passphrase; locked: personal data sealed and not in memory; unlocked: sealed on disk, open in memory. */
  lock: 'off' | 'locked' | 'unlocked';
  introSeen: boolean;
  idleLockMinutes: number | null;
  wipeAfterFailures: number | null;
  failedAttempts: number;
  keepNothing: boolean;
}

export const safetyChangeSchema = z.strictObject({
  introSeen: z.boolean().optional(),
  idleLockMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  wipeAfterFailures: z.number().int().min(3).max(100).nullable().optional(),
  keepNothing: z.boolean().optional(),
});

/** A passphrase: long enough to resist guessing from a seized copy, short enough to type. */
export const passphraseSchema = z
  .string()
  .min(8, 'must be at least 8 characters; a few unrelated words are easier to remember and harder to guess')
  .max(1024, 'must be at most 1024 characters');

/** One thing Fieldbook keeps, for the "What Fieldbook keeps" screen. */
export interface KeptItem {
  /** What it is, as a key into the UI's strings (keeps.items.*). */
  what: string;
  /** How many entries it holds now (null: a setting, not a list). */
  count: number | null;
  /** Where it lives: a file path, 'memory' (kept nothing on disk), or 'browser' (this browser's own storage). */
  where: string;
  encrypted: boolean;
}

export interface KeptReport {
  dataDir: string;
  lock: SafetyStatus['lock'];
  items: KeptItem[];
  files: { path: string; kind: 'data' | 'set-aside'; encrypted: boolean }[];
}

/** An export of the personal data: a file of its own, sealed under a passphrase given for it. */
export interface PersonalExport {
  fileName: string;
  mediaType: string;
  text: string;
}

/** The person's own reading aids for one guide: shown beside it, all sealed under the lock. */
export interface GuideReading {
  bookmarked: boolean;
  /** Bookmarked sections, by anchor. */
  bookmarkedSections: string[];
  /** The guide's own note, '' for none. */
  note: string;
  /** Notes on sections, by anchor. */
  sectionNotes: Record<string, string>;
}

export interface ReadingList {
  bookmarks: { id: string; lang: string; section?: string; title: string; at: string }[];
  recent: { id: string; lang: string; title: string; at: string }[];
  notes: { id: string; section?: string; title: string; text: string }[];
}

const guideRef = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a guide id (lower-case words joined by hyphens)');
const sectionRef = z.string().min(1).max(200);
const langRef = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ar');
export const readingInputs = {
  get: z.strictObject({ id: guideRef }),
  opened: z.strictObject({ id: guideRef, lang: langRef }),
  bookmark: z.strictObject({ id: guideRef, lang: langRef, section: sectionRef.optional(), on: z.boolean() }),
  note: z.strictObject({ id: guideRef, section: sectionRef.optional(), text: z.string().max(20_000, 'must be at most 20,000 characters') }),
  exportFile: z.strictObject({ passphrase: passphraseSchema }),
  importFile: z.strictObject({
    passphrase: z.string().max(1024),
    text: z.string().max(8 * 1024 * 1024, 'is larger than an export Fieldbook writes'),
  }),
};
