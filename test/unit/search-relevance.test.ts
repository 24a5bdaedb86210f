import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/load';
import { openSearch } from '../../electron/core/search/service';
import { evaluate, hitRate, labelledQueries } from '../search/evaluate';

/**
 * Relevance on the bundled corpus: the labelled queries of test/search/queries.json (exact words, several words,
 * prefixes, typos, Spanish, French, Arabic, and the person's jurisdiction) must find what they expect among the first
 * three results at least 90% of the time.
 */
describe('search relevance on the bundled guides', () => {
  it('the labelled query set covers every kind of query, with at least 60 queries', () => {
    const queries = labelledQueries();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(queries.map((query) => query.kind));
    for (const kind of ['exact', 'multi', 'prefix', 'typo', 'es', 'fr', 'ar', 'jurisdiction']) expect(kinds).toContain(kind);
  });

  it('finds the expected guide or section in the top 3 for at least 90% of the labelled queries', async () => {
    const search = openSearch(await loadContent(join(import.meta.dirname, '..', '..', 'content')));
    const outcomes = await evaluate(search);
    const misses = outcomes
      .filter((outcome) => outcome.rank === 0 || outcome.rank > 3)
      .map((o) => `${o.query.q} → expected ${o.query.expect}, got ${o.top.slice(0, 3).join(', ')}`);
    expect(hitRate(outcomes), misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
