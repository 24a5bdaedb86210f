import type { Catalog, Guide } from '../../electron/core/content/model';
import { splitSections } from '../../electron/core/content/sections';

/** A guide for search tests: only what search reads is given; the rest of the front matter is filled in. */
export function guide(
  id: string,
  lang: string,
  jurisdiction: string,
  title: string,
  body: string,
  options: { summary?: string; topics?: string[] } = {},
): Guide {
  return {
    meta: {
      id,
      title,
      summary: options.summary ?? `About ${title}.`,
      jurisdiction,
      lang,
      topics: options.topics ?? ['devices'],
      version: 1,
      updated: '2026-11-28',
      changelog: [{ version: 1, date: '2026-11-28', changes: 'First version.' }],
      review: { reviewed_by: null, reviewed_on: null, review_by: '2027-05-28' },
      sources: [{ title: 'A source' }],
      not_covered: ['Anything else.'],
      authors: [{ name: 'Fieldbook contributors' }],
      licence: 'CC-BY-SA-4.0',
    },
    body,
    file: `guides/${jurisdiction}/${id}/${lang}.md`,
    sections: splitSections(body, title),
  };
}

/** A catalog over the given guides, with a small jurisdiction tree: global > US > US-CA, global > GB. */
export function catalogOf(guides: Guide[]): Catalog {
  return {
    jurisdictions: [
      { code: 'global', parent: null, names: { en: 'Global' }, aliases: [], abbreviations: [] },
      { code: 'US', parent: 'global', names: { en: 'United States' }, aliases: [], abbreviations: [] },
      { code: 'US-CA', parent: 'US', names: { en: 'California' }, aliases: [], abbreviations: [] },
      { code: 'GB', parent: 'global', names: { en: 'United Kingdom' }, aliases: [], abbreviations: [] },
    ],
    topics: [
      { id: 'devices', names: { en: 'Devices' } },
      { id: 'recording-police', names: { en: 'Recording the police' } },
    ],
    languages: [
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'es', name: 'Español', dir: 'ltr' },
      { code: 'ar', name: 'العربية', dir: 'rtl' },
    ],
    guides,
    problems: [],
    invalid: [],
  };
}
