import { z } from 'zod';
import { settingsChangeSchema } from './settings';
import type { AppInfo, GuideView, LibraryData, PackExport, PackPreview, PacksList, SearchHit, Settings, UpdateCheck } from './types';
import { REVIEW_STATES, type ReviewDashboard, type ReviewExport } from './types';

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
/** A 64 MB pack file (the core's limit) in base64. */
const MAX_PACK_BASE64 = Math.ceil((64 * 1024 * 1024) / 3) * 4;
const guideId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a guide id (lower-case words joined by hyphens)');
const lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ar');

export const contract = {
  'app.info': method<AppInfo>()(none, 'Version, transport, the clock in use, and notices about data set aside at start-up.'),
  'settings.get': method<Settings>()(none, "The person's settings."),
  'settings.update': method<Settings>()(settingsChangeSchema, 'Changes the given settings, saves them atomically and returns all settings.'),
  'library.list': method<LibraryData>()(none, 'Every valid guide as a card, with jurisdictions, topics, languages and invalid files.'),
  'guide.get': method<GuideView>()(
    z.strictObject({ id: guideId, lang: lang.optional() }),
    'One guide in the given language (else its original), with its body, sections, metadata and checklist ticks.',
  ),
  'guide.setChecked': method<number[]>()(
    z.strictObject({ id: guideId, lang, version: z.number().int().min(1), checked: z.array(z.number().int().min(0).max(10_000)).max(10_000) }),
    'Saves which checklist items are ticked for one guide version; returns them.',
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
  'view.find': method<FindResult>()(
    z.strictObject({
      text: z.string().max(500, 'must be at most 500 characters'),
      /** True to move to the next (or, with forward false, the previous) match of the same text. */
      again: z.boolean(),
      forward: z.boolean(),
    }),
    "Finds text in the desktop window through Electron's find-in-page (an empty text stops and clears); the browser mode finds in the page itself.",
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
