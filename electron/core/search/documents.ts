import { createHash } from 'node:crypto';
import type { Catalog } from '../content/model';
import { termsOf } from '../../api/words/tokenize';
import { stemOf } from '../../api/words/stems';

/**
 * search/documents: what the index is made of. One document per section of a guide in one language, carrying the
 * guide's title and summary alongside the section's heading and text, so a word in the title finds the guide and a
 * word in a heading finds the section under it.
 */
export interface SearchDocument {
  /** `<guide id>/<lang>#<anchor>`: unique, and stable while the guide's headings stay the same. */
  key: string;
  guideId: string;
  lang: string;
  jurisdiction: string;
  topics: readonly string[];
  /** The section's anchor; empty for the text before the first heading. */
  anchor: string;
  title: string;
  /** The section's heading; empty for the text before the first heading (the title stands for it). */
  heading: string;
  summary: string;
  body: string;
}

/** Raised whenever what is indexed, or how, changes, so indexes written by an older build are rebuilt, not misread. */
export const INDEX_FORMAT = 4;

export function documentKey(guideId: string, lang: string, anchor: string): string {
  return `${guideId}/${lang}#${anchor}`;
}

/** Every section of every valid guide in the catalog, as search documents. */
export function documentsOf(catalog: Pick<Catalog, 'guides'>): SearchDocument[] {
  return catalog.guides.flatMap(({ meta, sections }) =>
    sections.map((section) => ({
      key: documentKey(meta.id, meta.lang, section.anchor),
      guideId: meta.id,
      lang: meta.lang,
      jurisdiction: meta.jurisdiction,
      topics: meta.topics,
      anchor: section.anchor,
      title: meta.title,
      heading: section.anchor === '' ? '' : section.heading,
      summary: meta.summary,
      body: section.text,
    })),
  );
}

/** The documents grouped by language, each group in a stable order. */
export function byLanguage(documents: readonly SearchDocument[]): Map<string, SearchDocument[]> {
  const groups = new Map<string, SearchDocument[]>();
  for (const doc of documents) {
    const group = groups.get(doc.lang) ?? [];
    group.push(doc);
    groups.set(doc.lang, group);
  }
  for (const group of groups.values()) group.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Words in every script and case the folding and splitting rules treat specially. How they come out is part of
 * every fingerprint, so an index built by an older version of those rules is never loaded by a newer one.
 */
const ANALYSIS_PROBE =
  "L'Œuvre Straße İstanbul ｐｏｌｉｃｅ policía détention й a x1 والشرطة للشرطة تَشْفِير تشـــفير أمان إيميل مسؤول مسئول على مظاهرة ألم " +
  'کتاب می‌خواهم ۱۲۳ ٤٥ שָׁלוֹם 警察官がスマートフォンを押収した 警察可以搜查你的手机吗 ตำรวจสามารถค้นโทรศัพท์ของคุณได้หรือไม่';
let analysisSignature: string | undefined;
/** Inflected words in the languages with stemmers, for the stem part of the fingerprint. */
const STEM_PROBE = 'detained arrested recordings détenus arrestation grabaciones detenidos Festnahmen Polizisten задержания';

/**
 * A digest of exactly what one language's index is built from, the format it is built in and how the rules
 * analyse text today. An index file whose fingerprint differs is stale and is rebuilt; jurisdiction and topics are
 * left out because results read them from the content, not from the index.
 */
export function fingerprintOf(documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256');
  analysisSignature ??= termsOf(ANALYSIS_PROBE).join(' ');
  // Stems are indexed too: a change of stemmer rules (another version of the library) makes the index stale.
  const lang = documents[0]?.lang ?? '';
  const stemSignature = termsOf(`${ANALYSIS_PROBE} ${STEM_PROBE}`)
    .map((term) => stemOf(term, lang))
    .join(' ');
  hash.update(`fieldbook-search-${INDEX_FORMAT}\0${analysisSignature}\0${stemSignature}\0`);
  for (const doc of documents) hash.update(`${doc.key}\0${doc.title}\0${doc.heading}\0${doc.summary}\0${doc.body}\0\0`);
  return hash.digest('hex');
}
