import type { GuideFrontMatter } from './schema';

/** One problem found in a content file, located so that a person can open the file and fix it. */
export interface ContentProblem {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  line: number;
  field: string;
  message: string;
  /** Absent for an error (the file is left out); 'warning' for a mistake worth fixing that loads anyway. */
  severity?: 'warning';
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
  /** Its plain text, as search indexes and shows it. */
  readonly text: string;
  /** Its Markdown, a slice of the guide's body (absent for a section not read from one). */
  readonly markdown?: string;
}

export interface Guide {
  meta: GuideFrontMatter;
  body: string;
  file: string;
  sections: Section[];
  /** Headings past the section limit (sections.ts), which are not in `sections`; absent or 0 for every real guide. */
  omittedSections?: number;
  /** The installed pack this text came from (absent for bundled text): its expiry makes the guide stale once past. */
  pack?: { id: string; sequence: number; expires: string };
  /** The bundled file's bytes differ from the signed bundled manifest: it was changed outside Fieldbook. */
  modifiedOutside?: boolean;
}

export interface Catalog {
  jurisdictions: Jurisdiction[];
  topics: Topic[];
  languages: Language[];
  guides: Guide[];
  /** Every problem in the folder, valid guides' warnings and invalid guides' errors alike. */
  problems: ContentProblem[];
  /**
   * Files that could not be loaded at all, or (for jurisdictions.yaml, topics.yaml and languages.yaml) not wholly,
   * with their errors; the app lists them for maintainers. Warnings are only in `problems`.
   */
  invalid: { file: string; problems: ContentProblem[] }[];
}
