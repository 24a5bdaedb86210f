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
  translationOf: { lang: string; version: number } | null;
  /** Every language this guide exists in, this one included. */
  languages: string[];
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

export interface SectionInfo {
  anchor: string;
  heading: string;
  level: number;
}

export interface GuideView extends GuideCard {
  body: string;
  /** The body's headings in order; the reader gives the n-th heading the n-th anchor. */
  sections: SectionInfo[];
  changelog: { version: number; date: string; changes: string }[];
  sources: { title: string; publisher?: string; url?: string; date?: string }[];
  notCovered: string[];
  authors: { name: string; role?: string }[];
  licence: string;
  /** Checklist items ticked for this guide version, by index of the task item in the body. */
  checked: number[];
}

export interface SearchHit {
  id: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  jurisdiction: string;
  anchor: string;
  heading: string;
  snippet: string;
  /** The words in the text that matched, so the UI can highlight them. */
  terms: string[];
  score: number;
}

export interface DataNotice {
  kind: 'data-set-aside';
  file: string;
  keptAs: string;
  reason: string;
}

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  /** The clock's current time (ISO) and whether it was set on purpose (FIELDBOOK_NOW). */
  now: string;
  clockFixed: boolean;
  notices: DataNotice[];
}

/** Events the core sends to the UI without being asked. */
export interface EventMap {
  notice: DataNotice;
  'settings-changed': Settings;
}
export type EventName = keyof EventMap;
