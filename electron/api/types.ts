import type { JurisdictionNode, Relation } from './browse';
/** The shapes that cross the boundary between the UI and the core. Plain JSON: no dates, maps or classes. */
import type { InterfaceLanguage } from './options';
import type { Settings } from './settings';

export type { Settings, InterfaceLanguage };

export interface Named {
  code: string;
  names: Record<string, string>;
}

export interface JurisdictionInfo extends Named {
  parent: string | null;
}

export interface TopicInfo {
  id: string;
  names: Record<string, string>;
}

export interface LanguageInfo {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface ReviewInfo {
  /** The organisation that last reviewed the guide; null when no local partner has reviewed it yet. */
  reviewedBy: string | null;
  reviewedOn: string | null;
  reviewBy: string;
}

/**
 * Review states, most urgent first. Computed by the core (electron/core/review/status.ts), never stored; a guide
 * can be in several at once, so a status carries all of them and names the most urgent as `primary`.
 */
export const REVIEW_STATES = ['overdue', 'due-soon', 'translation-behind', 'not-reviewed', 'current'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface ReviewStatus {
  /** The most urgent state that applies: the one a badge shows. 'current' only when no other state applies. */
  primary: ReviewState;
  /** Every state that applies, most urgent first; ['current'] when none other does. */
  states: ReviewState[];
  /** The clock's calendar date (UTC) the status was computed for, YYYY-MM-DD. */
  today: string;
  reviewBy: string;
  /** Whole days from today to review_by: 0 on the review-by day itself, negative once overdue. */
  daysLeft: number;
  /** Guidance on a jurisdiction's law: its overdue banner cannot be dismissed. */
  legal: boolean;
  /** For a translation made from an older version of its source: the newer version and what it misses. */
  behind: { lang: string; version: number; translatedFrom: number; missed: { version: number; date: string; changes: string }[] } | null;
}

/** What a library card shows of one guide in one language. */
export interface GuideCard {
  id: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  summary: string;
  jurisdiction: string;
  topics: string[];
  version: number;
  updated: string;
  review: ReviewInfo;
  /** Review status at the core's clock, with the person's "due soon" window. */
  status: ReviewStatus;
  translationOf: { lang: string; version: number } | null;
  /** Every language this guide exists in, this one included. */
  languages: string[];
  /**
   * The installed pack this text came from, when that pack is past its expiry at the core's clock (computed per
   * call, never stored): its guidance may be stale or withheld newer text (a freeze attack). null otherwise.
   */
  packExpired: { pack: string; expires: string } | null;
  /** The bundled file differs from the signed manifest shipped with the app: it was changed outside Fieldbook. */
  modifiedOutside: boolean;
}

export interface ContentProblemInfo {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface LibraryData {
  guides: GuideCard[];
  jurisdictions: JurisdictionInfo[];
  topics: TopicInfo[];
  languages: LanguageInfo[];
  /** Files that could not be loaded, for the maintainer view. */
  invalid: { file: string; problems: ContentProblemInfo[] }[];
}

/** The names the library shows beside codes: jurisdictions, topics and languages as content lists them. */
export type LibraryLists = Pick<LibraryData, 'jurisdictions' | 'topics' | 'languages'>;

/** What the library is browsing: the filters of its controls, the person's jurisdiction and the interface language. */
export interface LibraryBrowse {
  jurisdiction: string | null;
  topic: string | null;
  language: string | null;
  /** "Only mine": the person's jurisdiction while only the guidance that applies there is shown. */
  mine: string | null;
  /** The person's jurisdiction, whose guidance comes first when every guide is shown. */
  myJurisdiction: string | null;
  /** The interface language as guides are tagged (en, not en-GB): which version of a guide its card shows. */
  interfaceLanguage: string;
}

/**
 * One screenful of the library, as the core works it out from every guide: the groups the cards fall in, a page of
 * the cards (from `offset`, in group order), and the counts the browsing controls show. At ten thousand guides the
 * page never receives them all.
 */
export interface LibraryPage extends LibraryLists {
  /** Cards under the filters: one per guide. */
  count: number;
  /** Every group, in order, with how many cards it holds; the cards of all pages follow this order. */
  groups: { jurisdiction: string; relation: Relation; count: number }[];
  offset: number;
  cards: GuideCard[];
  tree: JurisdictionNode[];
  topicCounts: { id: string; count: number }[];
  languageCounts: { code: string; count: number }[];
  /** Guides with a version in the interface language, and all guides, under no filter: the language switch. */
  availability: { inLanguage: number; all: number };
  /** Content files that could not be loaded (library.list lists them). */
  invalidFiles: number;
}

/** Which guides the review list shows; every field left out matches all. */
export interface ReviewFilter {
  /** Guides that have this state among theirs (not only as the primary one). */
  state?: ReviewState;
  jurisdiction?: string;
  lang?: string;
  /** true: legal guidance only; false: everything else only. */
  legal?: boolean;
}

/** How many guides in one jurisdiction or language have each state; a guide in several states counts in each. */
export interface ReviewCountRow {
  key: string;
  total: number;
  counts: Record<ReviewState, number>;
}

/** The review dashboard: counts over every guide, and the filtered list sorted by urgency. */
/** A row of the review list: what it shows of a guide, and what marking it reviewed needs. */
export type ReviewItem = Pick<GuideCard, 'id' | 'lang' | 'dir' | 'title' | 'jurisdiction' | 'version' | 'review' | 'status'>;

export interface ReviewDashboard {
  today: string;
  clockFixed: boolean;
  dueSoonDays: number;
  total: ReviewCountRow;
  byJurisdiction: ReviewCountRow[];
  byLanguage: ReviewCountRow[];
  /** Guides matching the filter, most urgent first. */
  items: ReviewItem[];
  jurisdictions: JurisdictionInfo[];
  languages: LanguageInfo[];
  /**
   * Who looks after each jurisdiction's guides, by code: the names of the partner keys in the key list in use whose
   * delegation covers it (none: the maintainers). Only the jurisdictions of the listed guides are given.
   */
  owners: Record<string, string[]>;
}

/** A review recorded on a guide that did not change (review.mark): only its review fields were written. */
export interface ReviewMark {
  id: string;
  lang: string;
  /** The guide's file, relative to the maintainer's content folder. */
  file: string;
  /** The guide's version, unchanged by the mark. */
  version: number;
  reviewedBy: string;
  reviewedOn: string;
  /** The next review date: reviewedOn plus the subject's interval. */
  reviewBy: string;
  previousReviewBy: string;
  /** The subject's interval in months (6 for guidance on the law, 12 for security advice). */
  months: number;
  legal: boolean;
}

/** An exported review list, ready to save as a file. */
export interface ReviewExport {
  fileName: string;
  mediaType: string;
  text: string;
}

export interface SectionInfo {
  anchor: string;
  heading: string;
  level: number;
}

export interface GuideView extends GuideCard {
  body: string;
  /** The body's headings in order; the reader gives the n-th heading the n-th anchor. */
  sections: SectionInfo[];
  /** Headings past the core's section limit, not in `sections` (0 for every real guide). */
  omittedSections: number;
  changelog: { version: number; date: string; changes: string }[];
  sources: { title: string; publisher?: string; url?: string; date?: string }[];
  notCovered: string[];
  authors: { name: string; role?: string }[];
  licence: string;
  /** Checklist items ticked for this guide version, by index of the task item in the body. */
  checked: number[];
}

/** A character range [start, end) of a text, in UTF-16 code units: text.slice(start, end) matched the query. */
export type Mark = [start: number, end: number];

/** Plain text and the ranges in it that matched; the UI builds the highlight elements itself (never HTML). */
export interface MarkedText {
  text: string;
  marks: Mark[];
}

/** One search result: the guide's card (title, jurisdiction, language, review status …) and its best section. */
export interface SearchHit extends GuideCard {
  /** The matched section's anchor; empty for the text before the guide's first heading. */
  anchor: string;
  /** The matched section's heading; empty for the text before the first heading. */
  heading: string;
  titleMarks: Mark[];
  headingMarks: Mark[];
  /** The stretch of the section (or of the summary, when the section itself did not match) that best shows the match. */
  snippet: MarkedText;
  /** The folded words that matched, as the index holds them. */
  terms: string[];
  score: number;
}

export interface DataNotice {
  kind: 'data-set-aside';
  file: string;
  /** null: the file could not be moved aside and was left where it is. */
  keptAs: string | null;
  reason: string;
}

export interface AppInfo {
  version: string;
  /** 'share': a participant's page on the read-only room share, which answers reading and search only. */
  mode: 'desktop' | 'browser' | 'share';
  /** The clock's current time (ISO) and whether it was set on purpose (FIELDBOOK_NOW). */
  now: string;
  clockFixed: boolean;
  notices: DataNotice[];
  /** A maintainer's working copy of the content is open: submissions can be accepted and reviews marked into it. */
  maintainer: boolean;
}

/**
 * The content shown changed: its folder was read again after a change, or a pack was applied or undone. The
 * library, guides and search now show the new content.
 */
export interface ContentChange {
  /** Counts reloads since start-up; the UI shows it as data-content-revision so tests can wait for it. */
  revision: number;
  reason: 'folder-changed' | 'pack-applied' | 'pack-undone';
  guides: number;
  /** Files that could not be loaded. */
  invalid: number;
}

/** What applying a pack does to one guide; "older" means the pack's version is not above the one shown. */
export type PackChangeKind = 'added' | 'changed' | 'metadata-only' | 'removed' | 'unchanged' | 'older';

export interface PackGuideChange {
  path: string;
  id: string;
  lang: string;
  jurisdiction: string;
  kind: PackChangeKind;
  /** The version shown now (null when the guide is new), and the one the pack brings (null for a removal). */
  from: number | null;
  to: number | null;
}

/** A verified pack, before it is applied: who signed it, what that key may publish, its dates and its changes. */
export interface PackPreview {
  pack: string;
  sequence: number;
  base: number | null;
  created: string;
  expires: string;
  size: number;
  signer: { id: string; name: string; role: 'maintainer' | 'partner'; jurisdictions: string[] | null; expires: string; description: string };
  keyListVersion: number;
  changes: PackGuideChange[];
  /** For a bundle of packs (passed on from another installation): each pack's own preview, in the order they apply. */
  parts?: PackPreview[];
}

export interface InstalledPackInfo {
  pack: string;
  sequence: number;
  signer: string;
  signerName: string;
  created: string;
  expires: string;
  appliedAt: string;
  guides: number;
  /** Past its expiry: its guides are shown as expired content. */
  expired: boolean;
}

/** Installed content to pass on: an original pack file, or a bundle of them (electron/core/packs/bundle.ts). */
export interface PackExport {
  fileName: string;
  /** The file, in base64. */
  bytes: string;
  packs: { pack: string; sequence: number }[];
}

export interface PacksList {
  installed: InstalledPackInfo[];
  canUndo: boolean;
  keyListVersion: number | null;
}

/** Events the core sends to the UI without being asked. */
export interface EventMap {
  notice: DataNotice;
  'settings-changed': Settings;
  'share-changed': ShareStatus;
  /** The app locked (quick exit, idle, by hand) or was wiped: every window drops what it shows. */
  locked: { reason: 'manual' | 'idle' | 'quick-exit' | 'wiped' };
  'content-changed': ContentChange;
  /** Desktop File ▸ Open content pack…: the chosen file, for the Packs screen to preview. */
  'pack-file': { name: string; bytes: string };
  /** While a pack is applied: how far it is (`done` of `total` steps). */
  'pack-progress': { stage: 'storing' | 'recording' | 'refreshing' | 'done'; done: number; total: number };
}
export type EventName = keyof EventMap;

/**
 * What an update check found. "up-to-date" and "available" only when an update server answered; "not-run" says why
 * no request was made, "error" that one was attempted and did not complete. `message` is plain English for logs.
 */
export type UpdateCheck =
  | { status: 'not-run'; reason: 'turned-off' | 'browser-mode' | 'not-updatable'; message: string }
  | { status: 'up-to-date'; latest: string; message: string }
  | { status: 'available'; latest: string; message: string }
  | { status: 'error'; message: string };

/** A workshop collection as the Collections screen lists it. */
export interface CollectionSummary {
  id: string;
  name: string;
  count: number;
  updated: string;
}

/** One item of a collection, with what this library knows of its guide. */
export interface CollectionItemView {
  id: string;
  guide: string;
  lang: string;
  /** One section's anchor; null for the whole guide. */
  section: string | null;
  note: string;
  /** The guide's version when added or in the imported file; null when unknown. */
  version: number | null;
  /** The guide here, in the item's language (else its original); null when this library does not have it. */
  card: GuideCard | null;
  /** The section's heading; null for a whole guide or a section the guide no longer has. */
  sectionHeading: string | null;
}

export interface CollectionView {
  id: string;
  name: string;
  created: string;
  updated: string;
  items: CollectionItemView[];
}

/** What printing a handout did: a saved PDF (with its path), a print job, or nothing when the person cancelled. */
export interface HandoutResult {
  outcome: 'saved' | 'printed' | 'cancelled' | 'unavailable';
  path?: string;
  message: string;
}

/**
 * The read-only room share: off, or running at an address participants open. `qr` is the address as a QR code's
 * module matrix (`size` × `size` cells, row by row, '1' dark), which the page draws as plain SVG elements.
 */
export type ShareStatus =
  | { running: false }
  | {
      running: true;
      url: string;
      address: string;
      port: number;
      /** Every address the share can be reached at (more than one when it listens on all interfaces). */
      urls: string[];
      startedAt: string;
      /** Only these guides are shared (a collection); null: the whole library. */
      limitedTo: number | null;
      /** The collection shared, by id and name (for the trainer's screen only); null: the whole library. */
      collection: { id: string; name: string } | null;
      qr: { size: number; cells: string };
    };

/** One published version of a guide in one language, and where its text is kept. */
export interface GuideVersionInfo {
  version: number;
  date: string;
  /** Its changelog entry; empty when no kept text has one. */
  changes: string;
  /** The bundled guide, the bundled content's history folder, or an installed pack. */
  source: 'bundled' | 'history' | 'pack';
  /** The version the library shows now. */
  current: boolean;
}

/** The text of one version, as Markdown for the reader's own rendering and sanitising. */
export interface GuideVersionText {
  id: string;
  lang: string;
  version: number;
  /** The newest version kept. */
  latest: number;
  title: string;
  body: string;
  source: GuideVersionInfo['source'];
}

/** One run of a word-level diff: text only in the later version, only in the earlier one, or in both. */
export interface DiffPart {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

export interface GuideDiff {
  from: number;
  to: number;
  /** The guide language's direction: the diff is shown in it. */
  dir: 'ltr' | 'rtl';
  parts: DiffPart[];
}
