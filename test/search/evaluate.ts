import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchService } from '../../electron/core/search/service';

export interface LabelledQuery {
  q: string;
  kind: string;
  /** `id`, `id/lang` or `id/lang#anchor`; or several, when more than one section answers the query. */
  expect: string | string[];
  myJurisdiction?: string;
  /** The language the query is written in (natural-queries.json). */
  lang?: string;
}

export interface Outcome {
  query: LabelledQuery;
  /** 1-based position of the first result that satisfies the expectation; 0 when none of the first ten does. */
  rank: number;
  top: string[];
}

/** The labelled queries of test/search/<file>: queries.json (by kind of query) or natural-queries.json (as people type). */
export function labelledQueries(file = 'queries.json'): LabelledQuery[] {
  return (JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8')) as { queries: LabelledQuery[] }).queries;
}

function satisfies(expected: string | string[], key: string): boolean {
  return (Array.isArray(expected) ? expected : [expected]).some((expect) => satisfiesOne(expect, key));
}

function satisfiesOne(expect: string, key: string): boolean {
  const [guide = '', anchor] = expect.split('#');
  const [id, lang] = guide.split('/');
  const [hitGuide = '', hitAnchor = ''] = key.split('#');
  const [hitId, hitLang] = hitGuide.split('/');
  return hitId === id && (lang === undefined || hitLang === lang) && (anchor === undefined || hitAnchor === anchor);
}

/** Runs every labelled query through the search as the app does, and says where the expected answer came. */
export async function evaluate(search: SearchService, queries = labelledQueries()): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const query of queries) {
    const results = await search.query({ q: query.q, limit: 10, myJurisdiction: query.myJurisdiction ?? null });
    const top = results.map((result) => result.doc.key);
    outcomes.push({ query, rank: top.findIndex((key) => satisfies(query.expect, key)) + 1, top });
  }
  return outcomes;
}

export function hitRate(outcomes: readonly Outcome[], within = 3): number {
  return outcomes.filter((outcome) => outcome.rank > 0 && outcome.rank <= within).length / outcomes.length;
}
