import type { Mark, MarkedText } from '../../api/types';
import type { SearchDocument } from './documents';
import { queryTermsOf, type EngineMatch, type LanguageIndex } from './engine';
import { QUERY_LANGUAGE, queryLanguage } from './rank';
import { marksIn, matchesIn, snippetOf, type Matched } from './snippet';
import { STEM_MARK } from '../../api/words/stems';

/**
 * search/query: one query across every language's index. Each index answers with its matching sections; the
 * scores are weighed (rank.ts), merged and sorted; each guide in each language keeps only its best section, so one
 * long guide cannot fill the list; and the results that are shown get their highlight ranges and snippet.
 */

export interface QueryOptions {
  limit: number;
  /** Filters: a section is a result only if this accepts it. */
  accept?: (doc: SearchDocument) => boolean;
  /** Only this content language's index is searched. */
  lang?: string;
  /** Weight by jurisdiction code (rank.ts, jurisdictionWeights); codes not in it weigh 1. */
  jurisdictionWeights?: ReadonlyMap<string, number>;
  interfaceLanguage?: string | null;
}

export interface Ranked {
  doc: SearchDocument;
  score: number;
  terms: string[];
  titleMarks: Mark[];
  headingMarks: Mark[];
  snippet: MarkedText;
}

export interface QueryAnswer {
  results: Ranked[];
  /** The language the query was taken to be written in; null when none stood out. */
  queryLanguage: string | null;
}

export function searchIndexes(indexes: ReadonlyMap<string, LanguageIndex>, q: string, options: QueryOptions): QueryAnswer {
  const query = queryTermsOf(q);
  if (query.terms.length === 0) return { results: [], queryLanguage: null };
  const searched = options.lang ? [indexes.get(options.lang)].filter((index) => index !== undefined) : [...indexes.values()];
  const vocabulary = new Map(searched.map((index) => [index.lang, index.vocabularyScore(query)]));
  const language = queryLanguage(vocabulary, options.interfaceLanguage ?? null);
  // A word some language has exactly as typed is no typo: looking for its near spellings would only add noise and time.
  const known = new Set(query.terms.filter((term) => searched.some((index) => index.has(term))));

  const candidates: EngineMatch[] = [];
  for (const index of searched) {
    // An index in another script than every word of the query cannot match; its tree is not walked at all.
    if (!query.terms.some((term) => index.hasScriptOf(term))) continue;
    const weight = index.lang === language ? QUERY_LANGUAGE : 1;
    // Each index answers with its best section of each of its best guides, weighed.
    candidates.push(
      ...index.search(query, known, { limit: options.limit, accept: options.accept, weight, jurisdictionWeights: options.jurisdictionWeights }),
    );
  }
  candidates.sort((a, b) => b.score - a.score);

  const results: Ranked[] = [];
  const seen = new Set<string>();
  for (const match of candidates) {
    if (results.length >= options.limit) break;
    const guide = `${match.doc.guideId}/${match.doc.lang}`;
    if (seen.has(guide)) continue;
    seen.add(guide);
    results.push(present(match));
  }
  return { results, queryLanguage: language };
}

function present({ doc, score, terms }: EngineMatch): Ranked {
  const matched: Matched = {
    terms: new Set(terms.filter((term) => !term.startsWith(STEM_MARK))),
    stems: new Set(terms.filter((term) => term.startsWith(STEM_MARK)).map((term) => term.slice(STEM_MARK.length))),
    lang: doc.lang,
  };
  const snippet = snippetOf(doc.body, matched);
  // Show the section's own text where it matched; else the summary, if that is where the words were.
  const source = snippet.marks.length === 0 && matchesIn(doc.summary, matched) ? doc.summary : null;
  return {
    doc,
    score,
    terms,
    titleMarks: marksIn(doc.title, matched),
    headingMarks: marksIn(doc.heading, matched),
    snippet: source === null ? snippet : snippetOf(source, matched),
  };
}
