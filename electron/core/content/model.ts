import type { GuideFrontMatter } from './schema';

/** One problem found in a content file, located so that a person can open the file and fix it. */
export interface ContentProblem {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface Jurisdiction {
  code: string;
  parent: string | null;
  names: Record<string, string>;
  /** Abbreviations and other names people type for it (jurisdictions.yaml). */
  aliases: string[];
  /** Abbreviations that count only in capitals (jurisdictions.yaml). */
  abbreviations: string[];
}

export interface Topic {
  id: string;
  names: Record<string, string>;
}

export interface Language {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

/** A part of a guide between two headings; the unit that search finds and the reader scrolls to. */
export interface Section {
  /** The heading's anchor; empty for the text before the first heading. */
  anchor: string;
  heading: string;
  level: number;
  text: string;
}

export interface Guide {
  meta: GuideFrontMatter;
  body: string;
  file: string;
  sections: Section[];
}

export interface Catalog {
  jurisdictions: Jurisdiction[];
  topics: Topic[];
  languages: Language[];
  guides: Guide[];
  /** Every problem in the folder, valid guides' warnings and invalid guides' errors alike. */
  problems: ContentProblem[];
  /** Files that could not be loaded at all, with their problems; the app lists them for maintainers. */
  invalid: { file: string; problems: ContentProblem[] }[];
}
