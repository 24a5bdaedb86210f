import { z } from 'zod';

/**
 * A partner's drafts and their partner key, as they cross the boundary. A draft is personal data kept in the person's
 * data file (sealed by the lock, removed by wipe), saved on every pause in typing, so it is bounded: a file grown
 * without limit would slow every save.
 */
export const DRAFT_LIMITS = {
  drafts: 100,
  bodyChars: 300_000,
  /**
   * All drafts together, in characters: the data file is written whole on every save and capped at 4 MB
   * (store/atomic-json-file.ts), and a character of Arabic or Thai takes two or three bytes there.
   */
  totalChars: 1_000_000,
  fieldChars: 2000,
  listItems: 100,
  messageChars: 4000,
  /** An opened reply file, in characters. */
  replyChars: 1024 * 1024,
} as const;

export const DRAFT_KINDS = ['new', 'version', 'translation'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const DRAFT_STATES = ['draft', 'sent', 'accepted', 'changes-requested', 'rejected'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

export const draftIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be a draft id (16 hex digits)');

const field = (max: number = DRAFT_LIMITS.fieldChars) => z.string().max(max, `must be at most ${max} characters`);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(DRAFT_LIMITS.listItems, `must hold at most ${DRAFT_LIMITS.listItems} entries`);

/**
 * The front matter as the form edits it: every field a plain string or list, so a half-filled form is stored as it
 * is and the content rules say what is still missing. The core turns it into a guide file (drafts/file.ts).
 */
export const draftMetaSchema = z.strictObject({
  id: field(120),
  title: field(),
  summary: field(),
  jurisdiction: field(20),
  lang: field(20),
  topics: list(field(80)),
  /** What changed in this version: the newest changelog entry. */
  changes: field(DRAFT_LIMITS.messageChars),
  review_by: field(20),
  sources: list(z.strictObject({ title: field(), publisher: field(), url: field(), date: field(20) })),
  not_covered: list(field()),
  authors: list(z.strictObject({ name: field(200), role: field(200) })),
  licence: field(60),
});
export type DraftMeta = z.infer<typeof draftMetaSchema>;

export const draftBodySchema = z.string().max(DRAFT_LIMITS.bodyChars, `must be at most ${DRAFT_LIMITS.bodyChars} characters`);

/** How a partner chose to be credited; an explicit choice, never a default. */
export const creditChoiceSchema = z.discriminatedUnion('as', [
  z.strictObject({ as: z.literal('name') }),
  z.strictObject({ as: z.literal('organisation'), organisation: z.string().trim().min(1, 'give the organisation’s name').max(120) }),
  z.strictObject({ as: z.literal('none') }),
]);
export type CreditChoice = z.infer<typeof creditChoiceSchema>;

/** One problem the content rules found in a draft, by the form field it belongs to. */
export interface DraftProblem {
  /** The form's field: a key of DraftMeta, 'body', or 'file' (the guide as a whole). */
  field: keyof DraftMeta | 'body' | 'file';
  /** The front-matter path as the content rules name it (`sources[1].url`). */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface DraftReply {
  decision: 'accepted' | 'changes-requested' | 'rejected';
  date: string;
  message: string;
  /** The maintainer's notes on this draft's guide file. */
  notes: string[];
  /** The version it was published as (accepted). */
  published: number | null;
}

export interface DraftSummary {
  id: string;
  kind: DraftKind;
  title: string;
  lang: string;
  guide: string;
  jurisdiction: string;
  state: DraftState;
  /** When it was last saved (ISO). */
  updated: string;
  revision: number;
}

export interface DraftView extends DraftSummary {
  meta: DraftMeta;
  body: string;
  /** The guide's version this draft will be, and the one it started from (null for a new file). */
  version: number;
  base: number | null;
  /** Translating: the source language and version. */
  translationOf: { lang: string; version: number } | null;
  /** Translating: the source guide's text, shown beside the editor. */
  source: { title: string; body: string; lang: string; version: number } | null;
  problems: DraftProblem[];
  /** The last submission this draft went out in. */
  sent: { submission: string; sha256: string; date: string } | null;
  reply: DraftReply | null;
  /** After "changes requested": the submission the next one answers. */
  replaces: string | null;
}

export interface DraftSaved {
  revision: number;
  updated: string;
  problems: DraftProblem[];
}

/** The partner key as the app shows it: never its private half. */
export interface PartnerInfo {
  id: string;
  name: string;
  credit: CreditChoice;
  created: string;
}

export interface PartnerKeyFile {
  fileName: string;
  text: string;
}

export interface SubmissionSaved {
  fileName: string;
  /** The .fbsub file, base64. */
  bytes: string;
  submission: string;
  sha256: string;
  drafts: DraftSummary[];
}

export interface ReplyOpened {
  submission: string;
  decision: DraftReply['decision'];
  /** The drafts whose state changed. */
  drafts: DraftSummary[];
}
