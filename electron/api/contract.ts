import { z } from 'zod';
import {
  type GuideReading,
  LOCK_REASONS,
  type KeptReport,
  type PersonalExport,
  passphraseSchema,
  type ReadingList,
  readingInputs,
  type SafetyStatus,
  safetyChangeSchema,
} from './safety';
import { settingsChangeSchema } from './settings';
import type {
  AppInfo,
  GuideDiff,
  GuideVersionInfo,
  GuideVersionText,
  GuideView,
  LibraryData,
  LibraryPage,
  PackExport,
  PackPreview,
  PacksList,
  SearchHit,
  Settings,
  ShareStatus,
  UpdateCheck,
} from './types';
import { anchorSchema, COLLECTION_LIMITS, collectionNameSchema, idSchema, noteSchema } from './collections';
import { REVIEW_STATES, type ReviewDashboard, type ReviewExport, type ReviewMark } from './types';
import type { CollectionSummary, CollectionView, HandoutResult } from './types';
import type { SubmissionDecision, SubmissionPreview, SubmissionRecord } from './submissions';
import {
  creditChoiceSchema,
  DRAFT_KINDS,
  DRAFT_LIMITS,
  type DraftSaved,
  type DraftSummary,
  type DraftView,
  draftBodySchema,
  draftIdSchema,
  draftMetaSchema,
  type PartnerInfo,
  type PartnerKeyFile,
  type ReplyOpened,
  type SubmissionSaved,
} from './drafts';
import { type MyReport, type OpenedReports, reportInputs } from './reports';

/**
 * The one contract between the UI and the core: each method's name, its input schema, its result type and a line
 * of doc. Both transports (Electron IPC and the browser-mode host) dispatch through the router built from it, so
 * input is validated once, here.
 */
interface MethodSpec<S extends z.ZodType, R> {
  input: S;
  doc: string;
  /** Carries the result type only; never set. */
  readonly result?: R;
}

function method<R>() {
  return <S extends z.ZodType>(input: S, doc: string): MethodSpec<S, R> => ({ input, doc });
}

const none = z.strictObject({});
/** Cards in one answer of library.browse: more than a long list renders at once (VIRTUAL_FROM in the page). */
export const LIBRARY_PAGE_LIMIT = 500;
/** A 64 MB pack file (the core's limit) in base64. */
const MAX_PACK_BASE64 = Math.ceil((64 * 1024 * 1024) / 3) * 4;
const guideId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a guide id (lower-case words joined by hyphens)');
const version = z.number().int().min(1).max(1_000_000);
const lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ar');

export const contract = {
  'app.info': method<AppInfo>()(none, 'Version, transport, the clock in use, and notices about data set aside at start-up.'),
  'settings.get': method<Settings>()(none, "The person's settings."),
  'settings.update': method<Settings>()(settingsChangeSchema, 'Changes the given settings, saves them atomically and returns all settings.'),
  'library.list': method<LibraryData>()(none, 'Every valid guide as a card, with jurisdictions, topics, languages and invalid files.'),
  'library.browse': method<LibraryPage>()(
    z.strictObject({
      jurisdiction: z.string().max(20).nullable(),
      topic: z.string().max(60).nullable(),
      language: lang.nullable(),
      mine: z.string().max(20).nullable(),
      myJurisdiction: z.string().max(20).nullable(),
      interfaceLanguage: lang,
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(0).max(LIBRARY_PAGE_LIMIT),
      /** A choice with at most this many cards is given whole, whatever `limit` says: a short library renders whole. */
      wholeUpTo: z.number().int().min(0).max(LIBRARY_PAGE_LIMIT).optional(),
    }),
    'The cards the library shows under these filters, one per guide and grouped by jurisdiction: `limit` of them from `offset`, with the counts of its browsing controls.',
  ),
  'guide.get': method<GuideView>()(
    z.strictObject({ id: guideId, lang: lang.optional() }),
    'One guide in the given language (else its original), with its body, sections, metadata and checklist ticks.',
  ),
  'guide.setChecked': method<number[]>()(
    z.strictObject({ id: guideId, lang, version: z.number().int().min(1), checked: z.array(z.number().int().min(0).max(10_000)).max(10_000) }),
    'Saves which checklist items are ticked for one guide version; returns them.',
  ),
  'guide.versions': method<GuideVersionInfo[]>()(
    z.strictObject({ id: guideId, lang }),
    'Every published version of a guide in one language, newest first, with its changelog entry and where its text is kept.',
  ),
  'guide.version': method<GuideVersionText>()(
    z.strictObject({ id: guideId, lang, version }),
    'The Markdown text of one version of a guide (an unknown version is a not-found error naming the versions kept).',
  ),
  'guide.diff': method<GuideDiff>()(
    z.strictObject({ id: guideId, lang, from: version, to: version }),
    'A word-level diff between two versions of a guide; each side is limited to 200 KB.',
  ),
  'guide.markRead': method<{ previous: number | null }>()(
    z.strictObject({ id: guideId, lang, version }),
    'Remembers the version of a guide the person opened; returns the one they opened before (null the first time).',
  ),
  'guide.lastRead': method<Record<string, number>>()(none, 'The version last opened of each guide the person has read, keyed by `<id>/<lang>`.'),
  'packs.diff': method<GuideDiff>()(
    z.strictObject({
      token: z.string().regex(/^[0-9a-f]{64}$/),
      path: z
        .string()
        .max(300)
        .regex(/^guides\/[A-Za-z0-9-]+\/[a-z0-9-]+\/[A-Za-z0-9-]+\.md$/),
    }),
    "A word-level diff between the version shown now and the previewed pack's version of one guide (by its path).",
  ),
  'search.query': method<SearchHit[]>()(
    z.strictObject({
      q: z.string().max(500, 'must be at most 500 characters'),
      limit: z.number().int().min(1).max(100).optional(),
      /** Only guidance that applies there: the jurisdiction's own guides, its parents' and global ones. */
      jurisdiction: z.string().max(20).optional(),
      topic: z.string().max(60).optional(),
      lang: lang.optional(),
      /** The language the UI is shown in: breaks ties when the query's words exist in several languages. */
      interfaceLanguage: lang.optional(),
    }),
    "Each matching guide's best section, best first: favours the person's jurisdiction (from settings), then its parents, then global guidance, and the query's language.",
  ),
  'search.prepare': method<{ ready: true }>()(
    none,
    'Loads the search index if it has not started loading, and answers once every language is searchable. The page asks once its first screen is drawn, so that loading the index never competes with it; a query loads it too.',
  ),
  'review.dashboard': method<ReviewDashboard>()(
    z.strictObject({
      state: z.enum(REVIEW_STATES).optional(),
      jurisdiction: z.string().max(20).optional(),
      lang: lang.optional(),
      legal: z.boolean().optional(),
    }),
    'Review status counts for every jurisdiction and language, and the guides matching the filter, most urgent first.',
  ),
  'review.export': method<ReviewExport>()(
    z.strictObject({
      format: z.enum(['csv', 'markdown']),
      state: z.enum(REVIEW_STATES).optional(),
      jurisdiction: z.string().max(20).optional(),
      lang: lang.optional(),
      legal: z.boolean().optional(),
    }),
    'The filtered review list as CSV or Markdown text, with a file name, for the UI to save.',
  ),
  'review.mark': method<ReviewMark>()(
    z.strictObject({
      id: guideId,
      lang,
      by: z
        .string()
        .trim()
        .min(1, 'must say who reviewed the guide')
        .max(200, 'must be at most 200 characters')
        .regex(/^[^\r\n]*$/, 'must be on one line'),
      /** False: only say what would be written (the next review date), for the person to confirm. */
      confirm: z.boolean(),
    }),
    "Records a review of a guide that did not change in the maintainer's content folder: reviewed by, today, and the next review date from its subject's interval; the version stays.",
  ),
  'packs.preview': method<PackPreview & { token: string }>()(
    z.strictObject({ bytes: z.string().max(MAX_PACK_BASE64, 'the pack file is over 64 MB').base64('must be the pack file in base64') }),
    'Verifies a pack file (sent as base64) and says who signed it, what it may publish and what it would change; changes nothing.',
  ),
  'packs.apply': method<PackPreview>()(
    z.strictObject({ token: z.string().regex(/^[0-9a-f]{64}$/) }),
    'Applies the pack last previewed under this token, atomically; the content and search are refreshed before it returns.',
  ),
  'packs.undo': method<PacksList>()(none, 'Returns the installed content to the state before the last pack applied.'),
  'packs.list': method<PacksList>()(none, 'The installed packs, whether there is anything to undo, and the key list version in use.'),
  'packs.export': method<PackExport>()(
    z.strictObject({ jurisdiction: z.string().max(20).optional() }),
    'The installed packs (or those with guides for one jurisdiction) as their original signed files, one pack or a bundle, in base64, to save.',
  ),
  'updates.check': method<UpdateCheck>()(
    none,
    'Checks for an app update now, only if the person has turned update checks on; never sends an install identifier.',
  ),
  'share.status': method<ShareStatus>()(none, 'Whether the read-only room share runs, and its address and QR code.'),
  'share.start': method<ShareStatus>()(
    z.strictObject({
      /** The IPv4 address to listen on; by default a private LAN address of this machine, else all interfaces. */
      listen: z.ipv4({ message: 'must be an IPv4 address such as 192.168.1.20' }).optional(),
      port: z.number().int().min(0).max(65535).optional(),
      /** A stored collection's id: only its guides are shared; left out, the whole library. */
      collection: idSchema.optional(),
    }),
    'Starts the read-only share of the library, or of one collection’s guides, on the local network (reading and search only); returns its address.',
  ),
  'share.stop': method<ShareStatus>()(none, 'Stops the room share; participants can no longer reach it.'),
  'safety.status': method<SafetyStatus>()(
    none,
    'Whether a passphrase lock is set and locked, and the lock’s settings (idle time, wipe after failures, keep nothing).',
  ),
  'safety.update': method<SafetyStatus>()(
    safetyChangeSchema,
    'Changes the lock’s settings; only dismissing the first-start panel is allowed while locked.',
  ),
  'safety.setPassphrase': method<SafetyStatus>()(
    z.strictObject({ passphrase: passphraseSchema.nullable(), current: z.string().max(1024).optional() }),
    'Sets a passphrase (none set), changes it (current given) or removes it (passphrase null, current given); re-encrypts the data file.',
  ),
  'safety.unlock': method<SafetyStatus & { wiped: boolean }>()(
    z.strictObject({ passphrase: z.string().max(1024) }),
    'Opens the personal data with the passphrase; a wrong one fails with wrong-passphrase, and wipes once the set number of failures is reached.',
  ),
  'safety.lock': method<SafetyStatus>()(
    z.strictObject({ reason: z.enum(LOCK_REASONS) }),
    'Forgets the key and the personal data in memory (when a passphrase is set) and tells every window to show the lock screen.',
  ),
  'safety.wipe': method<SafetyStatus>()(
    z.strictObject({ confirm: z.literal(true) }),
    'Removes every piece of personal data, the set-aside copies and temporary files; leaves the bundled content.',
  ),
  'safety.kept': method<KeptReport>()(none, 'What Fieldbook keeps, where, and whether it is encrypted.'),
  'reading.get': method<GuideReading>()(readingInputs.get, "The person's bookmarks and private notes on one guide and its sections."),
  'reading.opened': method<{ saved: true }>()(readingInputs.opened, 'Records a guide as recently read (kept in memory only under "keep nothing").'),
  'reading.bookmark': method<{ saved: true }>()(readingInputs.bookmark, 'Adds (on) or removes a bookmark on a guide or one of its sections.'),
  'reading.note': method<{ saved: true }>()(readingInputs.note, 'Saves a private note on a guide or one of its sections; empty text removes it.'),
  'reading.list': method<ReadingList>()(none, 'Every bookmark, private note and recently read guide, with titles.'),
  'personal.export': method<PersonalExport>()(
    readingInputs.exportFile,
    'Everything personal as one file sealed under the passphrase given, for the UI to save.',
  ),
  'personal.import': method<{ bookmarks: number; notes: number; checklists: number }>()(
    readingInputs.importFile,
    'Adds what an exported file holds to what is here; a wrong passphrase fails with wrong-passphrase and imports nothing.',
  ),
  'view.find': method<FindResult>()(
    z.strictObject({
      text: z.string().max(500, 'must be at most 500 characters'),
      /** True to move to the next (or, with forward false, the previous) match of the same text. */
      again: z.boolean(),
      forward: z.boolean(),
    }),
    "Finds text in the desktop window through Electron's find-in-page (an empty text stops and clears); the browser mode finds in the page itself.",
  ),
  'collections.list': method<CollectionSummary[]>()(none, "The trainer's workshop collections, most recently changed first."),
  'collections.get': method<CollectionView>()(
    z.strictObject({ id: idSchema }),
    'One collection with its items, each with its guide here (null when missing).',
  ),
  'collections.create': method<CollectionView>()(z.strictObject({ name: collectionNameSchema }), 'Makes an empty collection with this name.'),
  'collections.rename': method<CollectionView>()(z.strictObject({ id: idSchema, name: collectionNameSchema }), 'Renames a collection.'),
  'collections.delete': method<CollectionSummary[]>()(z.strictObject({ id: idSchema }), 'Deletes a collection and its notes; returns the rest.'),
  'collections.addItem': method<CollectionView>()(
    z.strictObject({ id: idSchema, guide: guideId, lang, section: anchorSchema.optional() }),
    'Adds a guide, or one of its sections, at the end of a collection.',
  ),
  'collections.removeItem': method<CollectionView>()(z.strictObject({ id: idSchema, item: idSchema }), 'Takes one item out of a collection.'),
  'collections.setNote': method<CollectionView>()(
    z.strictObject({ id: idSchema, item: idSchema, note: noteSchema }),
    "Saves the trainer's note on one item (never printed, never presented).",
  ),
  'collections.moveItem': method<CollectionView>()(
    z.strictObject({ id: idSchema, item: idSchema, to: z.number().int().min(0).max(COLLECTION_LIMITS.items) }),
    'Moves one item to a position (0 is first); the others keep their order.',
  ),
  'collections.export': method<ReviewExport>()(
    z.strictObject({ id: idSchema }),
    'The collection as a file to save: format version, guide ids, languages, versions, anchors, notes; never ticks.',
  ),
  'collections.import': method<CollectionView>()(
    z.strictObject({ text: z.string().max(COLLECTION_LIMITS.fileLength, `must be at most ${COLLECTION_LIMITS.fileLength} characters`) }),
    'Reads a collection file into a new collection; guides this library lacks are kept and shown as missing.',
  ),
  'handout.print': method<HandoutResult>()(
    z.strictObject({ action: z.enum(['pdf', 'print']), fileName: z.string().min(1).max(120) }),
    'Desktop only: saves the print view showing now as a PDF (asking where), or prints it. The browser mode prints from the page.',
  ),
  'submissions.open': method<SubmissionPreview & { token: string }>()(
    z.strictObject({ bytes: z.string().max(MAX_PACK_BASE64, 'the submission file is over 64 MB').base64('must be the submission file in base64') }),
    "Maintainer only: verifies a partner's submission file (base64) against the content folder and shows each guide's change; changes nothing.",
  ),
  'submissions.accept': method<SubmissionDecision>()(
    z.strictObject({
      token: z.string().regex(/^[0-9a-f]{64}$/),
      reviewer: z.string().max(120),
      message: z.string().max(4000).optional(),
      overwritePublished: z.boolean().optional(),
    }),
    'Maintainer only: publishes the open submission into the content folder (version + 1, credit, review fields), records it and returns the reply.',
  ),
  'submissions.requestChanges': method<SubmissionDecision>()(
    z.strictObject({
      token: z.string().regex(/^[0-9a-f]{64}$/),
      reviewer: z.string().max(120),
      message: z.string().max(4000),
      notes: z.array(z.strictObject({ path: z.string().max(300), note: z.string().max(4000) })).max(200),
    }),
    'Maintainer only: records that changes are asked for, with a message and notes per guide, and returns the reply.',
  ),
  'submissions.reject': method<SubmissionDecision>()(
    z.strictObject({ token: z.string().regex(/^[0-9a-f]{64}$/), reviewer: z.string().max(120), reason: z.string().max(4000) }),
    'Maintainer only: records the rejection with its reason and returns the reply.',
  ),
  'submissions.list': method<SubmissionRecord[]>()(none, 'Maintainer only: the decisions recorded in content/submissions/, newest first.'),
  'drafts.list': method<DraftSummary[]>()(none, "The partner's drafts with their states, most recently saved first."),
  'drafts.get': method<DraftView>()(
    z.strictObject({ id: draftIdSchema }),
    'One draft: its fields, text, the content rules’ problems per field, the source text when translating, and the maintainer’s reply.',
  ),
  'drafts.create': method<DraftView>()(
    z.strictObject({
      kind: z.enum(DRAFT_KINDS),
      guide: guideId.optional(),
      lang: lang.optional(),
      target: lang.optional(),
      jurisdiction: z.string().max(20).optional(),
    }),
    'Starts a draft: a new guide, a new version of a guide file (guide, lang), or a translation (guide, target) pre-filled from its source.',
  ),
  'drafts.save': method<DraftSaved>()(
    z.strictObject({ id: draftIdSchema, meta: draftMetaSchema, body: draftBodySchema }),
    'Saves a draft atomically into the person’s store (as they type); returns its revision and the content rules’ problems. A failed save changes nothing.',
  ),
  'drafts.delete': method<DraftSummary[]>()(z.strictObject({ id: draftIdSchema }), 'Deletes a draft; returns the others.'),
  'partner.get': method<{ partner: PartnerInfo | null }>()(
    none,
    'The partner key’s id, name and credit choice (never its private half); null before one is made.',
  ),
  'partner.create': method<PartnerInfo>()(
    z.strictObject({
      name: z.string().trim().min(1, 'give a name or pseudonym').max(120),
      credit: creditChoiceSchema,
      passphrase: z.string().min(8, 'must be at least 8 characters').max(1024),
    }),
    'Makes the partner key (Ed25519), its private half encrypted with the passphrase, with the name and how to be credited.',
  ),
  'partner.publicKey': method<PartnerKeyFile>()(
    none,
    'The public key file (*.pub.json, as `content -- keygen` writes) for a maintainer to delegate.',
  ),
  'partner.send': method<SubmissionSaved>()(
    z.strictObject({
      drafts: z.array(draftIdSchema).min(1, 'choose at least one draft').max(DRAFT_LIMITS.drafts),
      message: z.string().max(DRAFT_LIMITS.messageChars, `must be at most ${DRAFT_LIMITS.messageChars} characters`),
      passphrase: z.string().max(1024),
    }),
    'Signs the chosen drafts with the partner key into one submission file (.fbsub, base64) and marks them sent.',
  ),
  'partner.openReply': method<ReplyOpened>()(
    z.strictObject({ text: z.string().max(DRAFT_LIMITS.replyChars, 'the reply file is too large') }),
    'Opens a maintainer’s reply (.fbreply) to a submission sent from here and sets the drafts’ state, message and notes.',
  ),
  'reports.list': method<MyReport[]>()(none, "The person's own reports on passages of guides, newest first."),
  'reports.add': method<MyReport>()(
    reportInputs.add,
    'Keeps a report that a passage (a quoted selection, a section or the whole guide) is wrong, outdated or unclear, with a note.',
  ),
  'reports.update': method<MyReport>()(reportInputs.update, "Changes a kept report's kind or note."),
  'reports.delete': method<MyReport[]>()(reportInputs.remove, 'Deletes a kept report; returns the rest.'),
  'reports.export': method<ReviewExport>()(
    reportInputs.exportFile,
    "One guide's reports (or all) as a .fbreports file for the guide's partner: only what each report says about the guide.",
  ),
  'reports.open': method<OpenedReports>()(
    reportInputs.open,
    'Reads a .fbreports file (each bad field named) and returns its reports with what this library knows of each guide; keeps nothing.',
  ),
} as const;

/** Where a find in page stands: the active match (1-based, 0 for none) of how many. */
export interface FindResult {
  available: boolean;
  matches: number;
  active: number;
}

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Result<M extends Method> = NonNullable<Contract[M]['result']>;

/** The core's side of the contract: one function per method, given validated input. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Result<M>> | Result<M> };
