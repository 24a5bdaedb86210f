import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/load';
import { openSearch, type SearchService } from '../../electron/core/search/service';
import { evaluate, hitRate, labelledQueries, type Outcome } from '../search/evaluate';

/**
 * Relevance on the bundled corpus: the labelled queries of test/search/queries.json (exact words, several words,
 * prefixes, typos, Spanish, French, Arabic, and the person's jurisdiction) and the natural queries of
 * natural-queries.json (questions, typos, abbreviations and places, no accents, other forms of a word, in four
 * languages) must each find what they expect among the first three results at least 90% of the time.
 */
describe('search relevance on the bundled guides', () => {
  it('the labelled query set covers every kind of query, with at least 60 queries', () => {
    const queries = labelledQueries();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(queries.map((query) => query.kind));
    for (const kind of ['exact', 'multi', 'prefix', 'typo', 'es', 'fr', 'ar', 'jurisdiction']) expect(kinds).toContain(kind);
  });

  it('finds the expected guide or section in the top 3 for at least 90% of the labelled queries', async () => {
    const outcomes = await evaluate(await bundled());
    expect(hitRate(outcomes), misses(outcomes)).toBeGreaterThanOrEqual(0.9);
  });

  it('has at least 120 natural queries, 25 in each of English, Spanish, French and Arabic, of every kind people type', () => {
    const queries = labelledQueries('natural-queries.json');
    expect(queries.length).toBeGreaterThanOrEqual(120);
    for (const lang of ['en', 'es', 'fr', 'ar']) expect(queries.filter((query) => query.lang === lang).length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(queries.map((query) => query.kind));
    for (const kind of ['question', 'typo', 'abbreviation', 'no-accents', 'stem', 'local']) expect(kinds).toContain(kind);
  });

  it('answers natural queries, as people type them, in the top 3 at least 90% of the time', async () => {
    const outcomes = await evaluate(await bundled(), labelledQueries('natural-queries.json'));
    expect(hitRate(outcomes), misses(outcomes)).toBeGreaterThanOrEqual(0.9);
  });
});

let search: Promise<SearchService> | undefined;
function bundled(): Promise<SearchService> {
  search ??= loadContent(join(import.meta.dirname, '..', '..', 'content')).then((catalog) => openSearch(catalog));
  return search;
}

function misses(outcomes: readonly Outcome[]): string {
  return outcomes
    .filter((outcome) => outcome.rank === 0 || outcome.rank > 3)
    .map((o) => `${o.query.q} → expected ${o.query.expect}, got ${o.top.slice(0, 3).join(', ')}`)
    .join('\n');
}
