import { describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/load';

/** The bundled library as readers meet it: enough guides, in enough languages, each saying what it rests on. */
describe('the bundled library', () => {
  it('offers at least 85 guide files in at least 5 languages, every one with sources and a "not covered" list', async () => {
    const { guides } = await loadContent('content');
    expect(guides.length).toBeGreaterThanOrEqual(85);
    expect(new Set(guides.map((guide) => guide.meta.lang)).size).toBeGreaterThanOrEqual(5);
    for (const guide of guides) {
      expect(guide.meta.sources.length, guide.meta.id).toBeGreaterThan(0);
      expect(guide.meta.not_covered.length, guide.meta.id).toBeGreaterThan(0);
    }
  });
});
