import { createHash } from 'node:crypto';
import type { Catalog, Section } from '../content/model';
import { plainText } from '../content/sections';
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
  /** The section's plain text. */
  readonly body: string;
  /**
   * The Markdown the body is read from, when there is one: the fingerprint digests it instead of the body, which
   * says the same at a fraction of the cost (every section's plain text need not be worked out to load an index).
   */
  readonly source?: string;
}

/** Raised whenever what is indexed, or how, changes, so indexes written by an older build are rebuilt, not misread. */
export const INDEX_FORMAT = 4;

export function documentKey(guideId: string, lang: string, anchor: string): string {
  return `${guideId}/${lang}#${anchor}`;
}

/**
 * A section as a search document. Its body (the section's plain text) is worked out each time it is read, from the
 * Markdown the content holds, rather than kept: an index is built from it once, and a query reads it only for the
 * sections it shows.
 */
class SectionDocument implements SearchDocument {
  readonly key: string;
  readonly guideId: string;
  readonly lang: string;
  readonly jurisdiction: string;
  readonly topics: readonly string[];
  readonly anchor: string;
  readonly title: string;
  readonly heading: string;
  readonly summary: string;

  constructor(
    meta: Catalog['guides'][number]['meta'],
    private readonly section: Section,
  ) {
    this.key = documentKey(meta.id, meta.lang, section.anchor);
    this.guideId = meta.id;
    this.lang = meta.lang;
    this.jurisdiction = meta.jurisdiction;
    this.topics = meta.topics;
    this.anchor = section.anchor;
    this.title = meta.title;
    this.heading = section.anchor === '' ? '' : section.heading;
    this.summary = meta.summary;
  }

  get body(): string {
    return this.section.text;
  }

  get source(): string | undefined {
    return this.section.markdown;
  }
}

/** Every section of every valid guide in the catalog, as search documents. */
export function documentsOf(catalog: Pick<Catalog, 'guides'>): SearchDocument[] {
  return catalog.guides.flatMap(({ meta, sections }) => sections.map((section) => new SectionDocument(meta, section)));
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
/**
 * Markdown that plainText (content/sections.ts) reads specially: as the fingerprint digests a section's Markdown,
 * how it comes out stands for the rules that turn it into the text indexed.
 */
const PLAIN_PROBE = '- [x] **Done** see [the guide](guide:x#y) > `code` <b>tag</b>\n1. one\n\n\n\n| a | b |\n![img](x.png)';
const plainSignature = plainText(PLAIN_PROBE);
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
  hash.update(`fieldbook-search-${INDEX_FORMAT}\0${analysisSignature}\0${stemSignature}\0${plainSignature}\0`);
  for (const doc of documents) {
    const source = doc.source;
    hash.update(`${doc.key}\0${doc.title}\0${doc.heading}\0${doc.summary}\0${source === undefined ? `\0${doc.body}` : `\x01${source}`}\0\0`);
  }
  return hash.digest('hex');
}
