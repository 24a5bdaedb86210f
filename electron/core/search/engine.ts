import { compactOf, postingsOf, treeOf, type CompactIndex, type Postings } from './compact';
import { fingerprintOf, INDEX_FORMAT, type SearchDocument } from './documents';
import { stripArticle } from '../../api/words/normalize';
import { timeSlices, yieldToEventLoop } from '../slices';
import { TermTree } from './terms';
import { tokenize, termsOf } from '../../api/words/tokenize';
import { isStopWord, STEM_MARK, stemOf, stems } from '../../api/words/stems';

/**
 * search/engine: one index per content language, each over that language's sections, and the query that runs
 * across them.
 *
 * Why one index per language: each is built and checked for staleness on its own (adding a Spanish guide rebuilds
 * only the Spanish index), the vocabulary of one language does not dilute the term statistics of another, and a
 * query knows which language it matched best in (see rank.ts).
 *
 * Terms are looked up in MiniSearch's SearchableMap (exact, prefix and edit-distance matching); what they lead to
 * is compact.ts's postings. Scoring is MiniSearch's: BM25 per field (k 1.2, b 0.7, d 0.5, a field's length being
 * its number of different words) times the field's boost, summed over fields; a prefix match weighs 0.375 and a
 * typo 0.45, less the further the matched word is from the one typed; a section's sum is multiplied by how many of
 * the query's words it matched.
 *
 * Documents are known by their position in the language's document list, and the index stores no text: results
 * are mapped back to the documents, which the content already holds in memory.
 */

/** The fields searched, most telling first; a match in the title counts for more than one in the body. */
export const FIELD_BOOSTS = { title: 4, heading: 2.5, summary: 1.6, body: 1 } as const;
type Field = keyof typeof FIELD_BOOSTS;
const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];
const BOOSTS = FIELDS.map((field) => FIELD_BOOSTS[field]);
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A word sharing only its stem with the one typed ("detained" for "detain"): more than a typo, less than the word. */
const STEM_WEIGHT = 0.6;
/** A stem one letter longer than the typed word's ("detaine", from "detainee", for "detained"): Snowball keeps them apart. */
const STEM_EXTENSION_WEIGHT = 0.4;
/** Stems from this length may reach one letter further; shorter ones would reach unrelated words. */
const STEM_EXTENSION_FROM = 5;
/**
 * A stop word or question word ("what", "if", "que", "comment") counts for this much of a word, both in its score
 * and in how many of the query's words a section matched: "what to do if detained" is about being detained.
 */
const STOP_WEIGHT = 0.15;
/**
 * Near spellings kept per query word, closest first: a long word two edits away from many others would otherwise
 * add hundreds of unrelated words, and time, to one keystroke.
 */
const FUZZY_LIMIT = 40;
/** Work done between two yields to the event loop while building or loading, so the app never freezes. */
const SLICE_MS = 8;

/** A query's folded terms, and whether the last one is still being typed (so it also matches as a prefix). */
export interface QueryTerms {
  terms: string[];
  openEnded: boolean;
  /** How long the last term was as typed, before its article was dropped: what prefix matching is allowed on. */
  lastTyped?: number;
}

/** Recent queries' terms: each keystroke re-reads a query that only grew by a letter, and lists are read again. */
const queryCache = new Map<string, QueryTerms>();
const QUERY_CACHE_SIZE = 64;

export function queryTermsOf(q: string): QueryTerms {
  const cached = queryCache.get(q);
  if (cached) return cached;
  const openEnded = !/\s$/.test(q);
  const terms = tokenize(q).map((token) => token.term);
  const lastTyped = terms.at(-1)?.length;
  // An Arabic word being typed has its article dropped as soon as one letter follows it, so "الش" already finds
  // "الشرطة" (indexed as "شرطه"); finished words keep the usual three-letter rule (normalize.ts).
  if (openEnded && terms.length > 0) terms[terms.length - 1] = stripArticle(terms[terms.length - 1]!, 1);
  // Words repeated in a query add nothing but time; the last one stays last.
  const unique = [...new Set(terms.slice(0, -1))].filter((term) => term !== terms.at(-1));
  const query = { terms: terms.length > 0 ? [...unique, terms.at(-1)!] : [], openEnded, lastTyped };
  if (queryCache.size >= QUERY_CACHE_SIZE) queryCache.delete(queryCache.keys().next().value!);
  queryCache.set(q, query);
  return query;
}

const CJK_OR_THAI = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Prefix matching: the word being typed always matches as a prefix; the others from three characters (fewer expand
 * into too many words to mean anything). In Chinese, Japanese and Thai a single character is already a syllable.
 */
function prefixes(query: QueryTerms, term: string, index: number): boolean {
  const min = CJK_OR_THAI.test(term) ? 1 : 2;
  if (index === query.terms.length - 1 && query.openEnded) return (query.lastTyped ?? term.length) >= min;
  return term.length >= min + 1;
}

/** Typo tolerance by edit distance: none below four characters, one up to seven, two from eight. */
export function fuzzyFor(term: string): number | false {
  if (CJK_OR_THAI.test(term) || term.length < 4) return false;
  return term.length >= 8 ? 2 : 1;
}

export interface EngineMatch {
  doc: SearchDocument;
  /** The BM25 score, weighed by the options given (rank.ts). */
  score: number;
  /** The index terms that matched in this document: the query's, or what prefix and typo matching expanded them to. */
  terms: string[];
}

export interface EngineOptions {
  /** How many guides to answer with, each with its best section. */
  limit: number;
  accept?: (doc: SearchDocument) => boolean;
  /** Multiplies every score: the query-language weight. */
  weight?: number;
  jurisdictionWeights?: ReadonlyMap<string, number>;
}

/** A word of the index a query word led to, and how much a match on it counts. */
interface Expansion {
  term: string;
  id: number;
  weight: number;
}

/** Per-query working memory, kept between queries so that a keystroke allocates next to nothing. */
interface Scratch {
  score: Float64Array;
  /** Bit i: the document matched query word i. */
  words: Uint32Array;
  touched: Int32Array;
  guideScore: Float64Array;
  guideDoc: Int32Array;
}

export class LanguageIndex {
  private scratch: Scratch | null = null;
  /** Each document's guide, as a number: one result per guide. */
  private readonly guideOf: Int32Array;
  private readonly guides: number;

  private constructor(
    readonly lang: string,
    readonly documents: readonly SearchDocument[],
    readonly fingerprint: string,
    private readonly postings: Postings,
    private readonly tree: TermTree,
  ) {
    const guideNumbers = new Map<string, number>();
    this.guideOf = Int32Array.from(documents, (doc) => {
      let n = guideNumbers.get(doc.guideId);
      if (n === undefined) {
        n = guideNumbers.size;
        guideNumbers.set(doc.guideId, n);
      }
      return n;
    });
    this.guides = guideNumbers.size;
  }

  /** Builds the index in slices, leaving the event loop free between them. */
  static async build(lang: string, documents: readonly SearchDocument[]): Promise<LanguageIndex> {
    const postings = await runSliced(buildPostings(lang, documents));
    const tree = new TermTree(await runSliced(treeOf(postings.terms)));
    return new LanguageIndex(lang, documents, fingerprintOf(documents), dropTerms(postings), tree);
  }

  /** The same, in one go: for command-line builds and tests, where nothing else waits. */
  static buildSync(lang: string, documents: readonly SearchDocument[]): LanguageIndex {
    const postings = runSync(buildPostings(lang, documents));
    return new LanguageIndex(lang, documents, fingerprintOf(documents), dropTerms(postings), new TermTree(runSync(treeOf(postings.terms))));
  }

  /**
   * Loads a serialised index over `documents`, which must be what it was built from: null when the file is of
   * another format, language or content, or damaged (then it is rebuilt instead).
   */
  static async load(
    serialised: SerialisedIndex,
    lang: string,
    documents: readonly SearchDocument[],
    fingerprint?: string,
  ): Promise<LanguageIndex | null> {
    if (serialised.format !== INDEX_FORMAT || serialised.lang !== lang || serialised.documents !== documents.length) return null;
    if (serialised.index?.documentCount !== documents.length) return null;
    // Each step below takes a few milliseconds; together, with reading the file, they would freeze the app.
    await yieldToEventLoop();
    const current = fingerprint ?? fingerprintOf(documents);
    if (serialised.fingerprint !== current) return null;
    await yieldToEventLoop();
    const postings = postingsOf(serialised.index);
    await yieldToEventLoop();
    const tree = new TermTree(await runSliced(treeOf(postings.terms)));
    return new LanguageIndex(lang, documents, current, dropTerms(postings), tree);
  }

  serialise(): SerialisedIndex {
    const terms: string[] = new Array(this.tree.size);
    for (const [term, id] of this.tree.entries()) terms[id] = term;
    return {
      format: INDEX_FORMAT,
      lang: this.lang,
      fingerprint: this.fingerprint,
      documents: this.documents.length,
      index: compactOf({ ...this.postings, terms }),
    };
  }

  /** `known`: terms found as written in some language, which are then not matched with typos. */
  search(query: QueryTerms, known: ReadonlySet<string>, options: EngineOptions): EngineMatch[] {
    if (query.terms.length === 0 || this.documents.length === 0) return [];
    // Allocated once per engine and reused: a keystroke's query must not allocate per document.
    this.scratch ??= {
      score: new Float64Array(this.documents.length),
      words: new Uint32Array(this.documents.length),
      touched: new Int32Array(this.documents.length),
      guideScore: new Float64Array(this.guides),
      guideDoc: new Int32Array(this.guides).fill(-1),
    };
    const scratch = this.scratch;
    const expansions: Expansion[] = [];
    let touched = 0;
    const { offsets, documents, scores } = this.postings;
    const add = (term: string, id: number, weight: number, bit: number, marked = true) => {
      if (marked) expansions.push({ term, id, weight });
      for (let p = offsets[id]!, end = offsets[id + 1]!; p < end; p++) {
        const doc = documents[p]!;
        if (scratch.words[doc] === 0) scratch.touched[touched++] = doc;
        scratch.words[doc]! |= bit;
        scratch.score[doc]! += weight * scores[p]!;
      }
    };

    // Stop words weigh little, unless there is nothing else to go on.
    const stop = query.terms.map((term) => isStopWord(term, this.lang));
    if (stop.every(Boolean)) stop.fill(false);
    const importance = stop.map((isStop) => (isStop ? STOP_WEIGHT : 1));
    const stemmed = stems(this.lang);

    query.terms.forEach((term, index) => {
      const bit = 1 << Math.min(index, 31);
      const exact = this.tree.get(term);
      if (exact !== undefined) add(term, exact, importance[index]!, bit, !stop[index]);
      if (stop[index]) return;
      const prefixed = prefixes(query, term, index) ? new Set<string>() : null;
      if (prefixed) {
        for (const [word, id] of this.tree.withPrefix(term)) {
          const distance = word.length - term.length;
          if (distance === 0) continue;
          prefixed.add(word);
          add(word, id, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * distance), bit);
        }
      }
      // Letters that begin words but are no word themselves are a word being typed: its completions are what the
      // person means, not the other forms or near spellings of a word nobody wrote.
      const beingTyped = prefixed !== null && prefixed.size > 0 && exact === undefined && !known.has(term);
      if (stemmed && !beingTyped) {
        const bare = stemOf(term, this.lang);
        const stem = STEM_MARK + bare;
        const shared = this.tree.get(stem);
        if (shared !== undefined) add(stem, shared, STEM_WEIGHT, bit);
        // The stem may be a word of its own ("arrest" for "arrested"), which is indexed as itself.
        const asWord = bare !== term ? this.tree.get(bare) : undefined;
        if (asWord !== undefined) add(bare, asWord, STEM_WEIGHT, bit);
        if (stem.length > STEM_EXTENSION_FROM) {
          for (const [word, id] of this.tree.withPrefix(stem)) if (word.length === stem.length + 1) add(word, id, STEM_EXTENSION_WEIGHT, bit);
        }
      }
      const maxDistance = known.has(term) || beingTyped ? false : fuzzyFor(term);
      if (maxDistance) {
        const near: [string, number, number][] = [];
        for (const [word, [id, distance]] of this.tree.fuzzy(term, maxDistance)) {
          if (distance > 0 && !prefixed?.has(word)) near.push([word, id, distance]);
        }
        if (near.length > FUZZY_LIMIT) near.sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1)).length = FUZZY_LIMIT;
        for (const [word, id, distance] of near) add(word, id, (FUZZY_WEIGHT * word.length) / (word.length + distance), bit);
        // A typo reaches other forms of the word meant too: "encrpyt" is one swap from the stem of "encryption".
        if (stemmed) {
          for (const [stem, [id, distance]] of this.tree.fuzzyStems(stemOf(term, this.lang), maxDistance)) {
            if (distance > 0) add(stem, id, (FUZZY_WEIGHT * STEM_WEIGHT * stem.length) / (stem.length + distance), bit);
          }
        }
      }
    });

    // The best section of each guide, weighed; then the best guides.
    const weight = options.weight ?? 1;
    const guidesTouched: number[] = [];
    for (let i = 0; i < touched; i++) {
      const doc = scratch.touched[i]!;
      const document = this.documents[doc]!;
      if (options.accept && !options.accept(document)) continue;
      const score =
        scratch.score[doc]! *
        matchedWeight(scratch.words[doc]!, importance) *
        weight *
        (options.jurisdictionWeights?.get(document.jurisdiction) ?? 1);
      const guide = this.guideOf[doc]!;
      const best = scratch.guideDoc[guide]!;
      if (best === -1) guidesTouched.push(guide);
      if (best === -1 || score > scratch.guideScore[guide]! || (score === scratch.guideScore[guide]! && doc < best)) {
        scratch.guideScore[guide] = score;
        scratch.guideDoc[guide] = doc;
      }
    }
    const top: number[] = [];
    const before = (a: number, b: number) =>
      scratch.guideScore[a]! > scratch.guideScore[b]! ||
      (scratch.guideScore[a] === scratch.guideScore[b] && scratch.guideDoc[a]! < scratch.guideDoc[b]!);
    for (const guide of guidesTouched) {
      if (top.length === options.limit && !before(guide, top[top.length - 1]!)) continue;
      let at = top.length === options.limit ? top.length - 1 : top.length;
      while (at > 0 && before(guide, top[at - 1]!)) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = guide;
    }
    const matches = top.map((guide) => {
      const doc = scratch.guideDoc[guide]!;
      return { doc: this.documents[doc]!, score: scratch.guideScore[guide]!, terms: this.matchedTerms(doc, expansions) };
    });

    for (let i = 0; i < touched; i++) {
      const doc = scratch.touched[i]!;
      scratch.score[doc] = 0;
      scratch.words[doc] = 0;
    }
    for (const guide of guidesTouched) scratch.guideDoc[guide] = -1;
    return matches;
  }

  /** Which of the words a query led to are in document `doc`: a binary search in each one's postings. */
  private matchedTerms(doc: number, expansions: readonly Expansion[]): string[] {
    const { offsets, documents } = this.postings;
    const terms: string[] = [];
    for (const { term, id } of expansions) {
      let lo = offsets[id]!;
      let hi = offsets[id + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (documents[mid]! < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo < offsets[id + 1]! && documents[lo] === doc && !terms.includes(term)) terms.push(term);
    }
    return terms;
  }

  /** Whether this language has `term` exactly. */
  has(term: string): boolean {
    return this.tree.has(term);
  }

  /** Whether any word here begins with the same letter as `term` (so it is in a script this language uses). */
  hasScriptOf(term: string): boolean {
    return this.tree.hasPrefix(String.fromCodePoint(term.codePointAt(0)!));
  }

  /**
   * How many of the query's words this language has: 1 for each word found as written, ½ for the word being typed
   * when it only begins a word here. rank.ts takes the language with most as the query's.
   */
  vocabularyScore(query: QueryTerms): number {
    let score = 0;
    query.terms.forEach((term, index) => {
      if (this.tree.has(term)) score += 1;
      else if (index === query.terms.length - 1 && query.openEnded && this.tree.hasPrefix(term)) score += 0.5;
    });
    return score;
  }
}

/** How much of the query a section matched: the sum of the importance of each query word it holds. */
function matchedWeight(bits: number, importance: readonly number[]): number {
  let sum = 0;
  for (let b = bits; b !== 0; b &= b - 1) sum += importance[31 - Math.clz32(b & -b)] ?? 1;
  return sum;
}

/** The terms live on in the tree's edges; the list of them is only needed to build it. */
function dropTerms(postings: Postings): Postings {
  return { ...postings, terms: [] };
}

function runSync<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, handing the event loop back whenever SLICE_MS have passed. */
async function runSliced<T>(steps: Generator<void, T>): Promise<T> {
  const slice = timeSlices(SLICE_MS);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slice();
  }
}

/** Documents tokenized between two steps of a build. */
const BUILD_STEP_DOCUMENTS = 8;
/** Terms scored between two steps of a build. */
const BUILD_STEP_TERMS = 2000;

/** The postings of `documents`, each field's BM25 score times its boost summed per (term, document). */
function* buildPostings(lang: string, documents: readonly SearchDocument[]): Generator<void, Postings> {
  const stemmed = stems(lang);
  const fieldCount = FIELDS.length;
  const ids = new Map<string, number>();
  const postingDocs: number[][] = [];
  /** Per posting, the term's frequency in each field. */
  const postingFrequencies: number[][] = [];
  const lastDoc: number[] = [];
  const lengths = new Uint32Array(documents.length * fieldCount);
  /** Per term id, the id of its stem; -1 when the word is its own stem. */
  const stemIds: number[] = [];
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = ids.size;
      ids.set(term, id);
      postingDocs.push([]);
      postingFrequencies.push([]);
      lastDoc.push(-1);
    }
    return id;
  };
  const totalLength = new Float64Array(fieldCount);
  // A guide's sections follow one another and share its title and summary: each is split into words once.
  const lastText: string[] = [];
  const lastTerms: string[][] = [];
  for (let doc = 0; doc < documents.length; doc++) {
    const document = documents[doc]!;
    for (let field = 0; field < fieldCount; field++) {
      const text = document[FIELDS[field]!];
      if (lastText[field] !== text) {
        lastText[field] = text;
        lastTerms[field] = termsOf(text);
      }
      const terms = lastTerms[field]!;
      let unique = 0;
      // Each word counts once as written, and once under its stem when that differs; a field's length (for BM25)
      // counts the words as written only.
      const count = (id: number): boolean => {
        const frequencies = postingFrequencies[id]!;
        if (lastDoc[id] !== doc) {
          lastDoc[id] = doc;
          postingDocs[id]!.push(doc);
          for (let f = 0; f < fieldCount; f++) frequencies.push(0);
        }
        const at = frequencies.length - fieldCount + field;
        const first = frequencies[at] === 0;
        frequencies[at]!++;
        return first;
      };
      for (const term of terms) {
        const id = idOf(term);
        if (count(id)) unique++;
        if (!stemmed) continue;
        // Each word is stemmed once per build, not once per occurrence.
        let stemId = stemIds[id];
        if (stemId === undefined) {
          const stem = stemOf(term, lang);
          stemId = stem === term ? -1 : idOf(STEM_MARK + stem);
          stemIds[id] = stemId;
        }
        if (stemId >= 0) count(stemId);
      }
      lengths[doc * fieldCount + field] = unique;
      totalLength[field]! += unique;
    }
    if (doc % BUILD_STEP_DOCUMENTS === BUILD_STEP_DOCUMENTS - 1) yield;
  }
  const averageLength = Array.from(totalLength, (total) => (documents.length > 0 ? total / documents.length : 0));

  const terms = [...ids.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  yield;
  const offsets = new Uint32Array(terms.length + 1);
  for (let n = 0; n < terms.length; n++) offsets[n + 1] = offsets[n]! + postingDocs[ids.get(terms[n]!)!]!.length;
  const total = offsets[terms.length]!;
  const docs = documents.length <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  const scores = new Float32Array(total);
  const { k, b, d } = BM25;
  const matching = new Float64Array(fieldCount);
  for (let n = 0; n < terms.length; n++) {
    const id = ids.get(terms[n]!)!;
    const postingsOfTerm = postingDocs[id]!;
    const frequencies = postingFrequencies[id]!;
    matching.fill(0);
    for (let p = 0; p < frequencies.length; p++) if (frequencies[p]! > 0) matching[p % fieldCount]!++;
    for (let p = 0; p < postingsOfTerm.length; p++) {
      const doc = postingsOfTerm[p]!;
      let score = 0;
      for (let field = 0; field < fieldCount; field++) {
        const frequency = frequencies[p * fieldCount + field]!;
        if (frequency === 0) continue;
        const idf = Math.log(1 + (documents.length - matching[field]! + 0.5) / (matching[field]! + 0.5));
        const length = lengths[doc * fieldCount + field]! / averageLength[field]!;
        score += BOOSTS[field]! * idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + b * length)));
      }
      docs[offsets[n]! + p] = doc;
      scores[offsets[n]! + p] = score;
    }
    if (n % BUILD_STEP_TERMS === BUILD_STEP_TERMS - 1) yield;
  }
  return { documentCount: documents.length, terms, offsets, documents: docs, scores };
}

/** What an index file holds: the postings in compact form (compact.ts), and what it takes to know whether it is current. */
export interface SerialisedIndex {
  format: number;
  lang: string;
  fingerprint: string;
  /** How many documents it was built over, a cheap first check before the fingerprint. */
  documents: number;
  index: CompactIndex;
}
