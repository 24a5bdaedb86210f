import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byLanguage, documentsOf, INDEX_FORMAT } from '../../electron/core/search/documents';
import { LanguageIndex } from '../../electron/core/search/engine';
import { writeIndexFiles } from '../../electron/core/search/index-files';
import SearchableMap from 'minisearch/SearchableMap';
import { treeOf } from '../../electron/core/search/compact';
import { foldTerm } from '../../electron/api/words/normalize';
import { searchIndexes } from '../../electron/core/search/query';
import { openSearch } from '../../electron/core/search/service';
import { snippetOf } from '../../electron/core/search/snippet';
import { TermTree } from '../../electron/core/search/terms';
import { termsOf } from '../../electron/api/words/tokenize';
import { catalogOf, guide } from '../search/catalog';
import { tempDir } from '../support/temp';

const RECORDING = '## Filming officers\n\nYou may film officers doing their duties in public places.\n\n## Afterwards\n\nKeep a copy of the footage.';
const catalog = catalogOf([
  guide('us-ca-recording', 'en', 'US-CA', 'Recording the police in California', RECORDING, { topics: ['recording-police'] }),
  guide('us-recording', 'en', 'US', 'Recording the police in the United States', RECORDING, { topics: ['recording-police'] }),
  guide('global-recording', 'en', 'global', 'Recording the police anywhere', RECORDING, { topics: ['recording-police'] }),
  guide('gb-recording', 'en', 'GB', 'Recording the police in the United Kingdom', RECORDING, { topics: ['recording-police'] }),
  guide(
    'encryption',
    'en',
    'global',
    'Encrypting your phone',
    '## Android\n\nTurn on encryption in the security settings.\n\n## Passphrase\n\nChoose a long passphrase.',
  ),
  guide('encryption', 'es', 'global', 'Cifrar tu teléfono', '## Android\n\nActiva el cifrado en los ajustes de seguridad de la policía.'),
  guide('grabar', 'es', 'global', 'Grabar a la policía', '## Derechos\n\nPuedes grabar a la policía en la calle.'),
  guide('police-en', 'en', 'global', 'Notes for observers', '## Words\n\nThe Spanish word policía means police.'),
  guide('arabic', 'ar', 'global', 'هاتفك في المظاهرة', '## إذا أخذته الشرطة\n\nلا تُعطِ رمز القفل للشرطة.'),
  guide('fields', 'en', 'global', 'Tear gas', '## Medics\n\nWhat medics carry.'),
  guide('fields-body', 'en', 'global', 'Medics', '## Supplies\n\nWater for tear gas exposure and more water, gas masks.'),
]);

function search(q: string, options: Partial<Parameters<typeof searchIndexes>[2]> = {}) {
  const indexes = new Map([...byLanguage(documentsOf(catalog))].map(([lang, docs]) => [lang, LanguageIndex.buildSync(lang, docs)]));
  return searchIndexes(indexes, q, { limit: 10, ...options });
}
const keys = (q: string, options: Partial<Parameters<typeof searchIndexes>[2]> = {}) => search(q, options).results.map((r) => r.doc.key);

describe('search ranking', () => {
  it('finds a word in a title before the same word in a body', () => {
    expect(keys('tear gas').slice(0, 2)).toEqual(['fields/en#medics', 'fields-body/en#supplies']);
  });

  it('finds the section under a matching heading, and gives one result per guide and language', () => {
    expect(keys('passphrase')[0]).toBe('encryption/en#passphrase');
    const results = keys('android');
    expect(results.filter((key) => key.startsWith('encryption/en')).length).toBe(1);
  });

  it('matches the word being typed as a prefix, and a word with a typo', () => {
    expect(keys('encry')[0]).toMatch(/^encryption\/en/);
    expect(keys('encrpytion')[0]).toMatch(/^encryption\/en/);
    expect(keys('pasphrase')[0]).toBe('encryption/en#passphrase');
  });

  it("favours the person's jurisdiction, then its parents, then global guidance", () => {
    const order = keys('recording police', { jurisdictionWeights: undefined });
    expect(order.length).toBeGreaterThanOrEqual(4);
    const weights = new Map([
      ['US-CA', 2],
      ['US', 1.75],
      ['global', 1.3],
    ]);
    const ranked = keys('filming officers', { jurisdictionWeights: weights }).map((key) => key.split('/')[0]);
    expect(ranked.slice(0, 4)).toEqual(['us-ca-recording', 'us-recording', 'global-recording', 'gb-recording']);
  });

  it("puts guides in the query's language first", () => {
    // "policía" is in an English guide too, but "grabar policía" is a Spanish query.
    const answer = search('grabar policía');
    expect(answer.queryLanguage).toBe('es');
    expect(answer.results[0]!.doc.key).toBe('grabar/es#derechos');
  });

  it('finds Arabic words whatever their article, diacritics or teh marbuta', () => {
    expect(keys('شرطه')[0]).toBe('arabic/ar#إذا-أخذته-الشرطة');
    expect(keys('الشُّرطة')[0]).toBe('arabic/ar#إذا-أخذته-الشرطة');
    expect(keys('الش')[0]).toBe('arabic/ar#إذا-أخذته-الشرطة');
  });

  it('marks where the matched words are, in the title, heading and snippet', () => {
    const [first] = search('police california').results;
    const { doc, titleMarks, snippet } = first!;
    expect(titleMarks.map(([s, e]) => foldTerm(doc.title.slice(s, e)))).toEqual(['police', 'california']);
    const [hit] = search('footage copy').results;
    expect(hit!.snippet.marks.length).toBeGreaterThan(0);
    for (const [s, e] of hit!.snippet.marks) expect(['footage', 'copy']).toContain(foldTerm(hit!.snippet.text.slice(s, e)));
    expect(snippet.text.length).toBeLessThanOrEqual(190);
  });

  it('answers nothing, without failing, for a query with no words', () => {
    expect(keys('  ?! — ')).toEqual([]);
    expect(keys('<script>alert(1)</script>')).toEqual([]);
  });
});

describe('the term tree', () => {
  const words = ['police', 'policia', 'polic', 'pol', 'kettling', 'kettle', 'شرطه', '警察', '警察官', '警', '手机', 'a', 'b', 'ab', '𠀀字', '𠀁'];
  const sorted = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const build = () => {
    const steps = treeOf(sorted);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return new TermTree(step.value);
  };

  it('is the radix tree MiniSearch builds from the same words', () => {
    const tree = build();
    const minisearch = SearchableMap.from(sorted.map((word, id) => [word, id] as [string, number]));
    expect([...tree.entries()].sort()).toEqual([...minisearch].sort());
    expect((tree.map as unknown as { _tree: unknown })._tree).toEqual((minisearch as unknown as { _tree: unknown })._tree);
  });

  it('finds words exactly, by prefix and within an edit distance, whatever their first letter', () => {
    const tree = build();
    for (const word of words) expect(tree.get(word)).toBe(sorted.indexOf(word));
    for (const missing of ['polici', 'kett', '警官', 'c', '', '𠀂']) expect(tree.has(missing)).toBe(false);
    for (const prefix of ['p', 'pol', 'polic', 'polo', 'kettl', '警', '警察', '𠀀', 'x', 'ab', 'abc']) {
      const expected = words.filter((word) => word.startsWith(prefix)).sort();
      expect([...tree.withPrefix(prefix)].map(([word]) => word).sort()).toEqual(expected);
      expect(tree.hasPrefix(prefix)).toBe(expected.length > 0);
    }
    expect([...tree.fuzzy('polise', 1).keys()]).toEqual(['police']);
  });
});

describe('snippets of text in unspaced scripts', () => {
  it('marks the Chinese and Japanese words found, and cuts a long section between characters', () => {
    const text = `${'他们在广场上集会，'.repeat(20)}警察可以搜查你的手机吗？${'我们不知道。'.repeat(20)}`;
    const snippet = snippetOf(text, new Set(['手机', '警察']));
    expect(snippet.text.length).toBeLessThanOrEqual(190);
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['警察', '手机']);
    const typed = termsOf('スマートフォン');
    const japanese = snippetOf('警察官がスマートフォンを押収した', new Set(typed));
    expect(japanese.marks.map(([s, e]) => japanese.text.slice(s, e))).toEqual(typed);
  });
});

describe('search service', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => ({ dir, remove } = await tempDir('fieldbook-search-')));
  afterEach(() => remove());

  const prebuild = async (source = catalog) => {
    const indexes = [...byLanguage(documentsOf(source))].map(([lang, docs]) => LanguageIndex.buildSync(lang, docs).serialise());
    await writeIndexFiles(dir, indexes, INDEX_FORMAT);
  };

  it('loads prebuilt indexes that match the content, and answers as a freshly built one does', async () => {
    await prebuild();
    const service = openSearch(catalog, { indexDir: dir });
    expect(await service.origins()).toEqual({ ar: 'prebuilt', en: 'prebuilt', es: 'prebuilt' });
    const built = openSearch(catalog);
    expect(await built.origins()).toEqual({ ar: 'built', en: 'built', es: 'built' });
    for (const q of ['recording police', 'encry', 'شرطه']) {
      const a = (await service.query({ q, myJurisdiction: 'US' })).map((r) => [r.doc.key, r.score]);
      const b = (await built.query({ q, myJurisdiction: 'US' })).map((r) => [r.doc.key, r.score]);
      expect(a).toEqual(b);
    }
  });

  it('rebuilds a stale, damaged or missing index, so content added after the build is searchable', async () => {
    await prebuild();
    const changed = catalogOf([...catalog.guides, guide('kettling', 'en', 'GB', 'Kettling', '## Containment\n\nPolice may contain a crowd.')]);
    await writeFile(join(dir, 'es.json'), '{ not json');
    const service = openSearch(changed, { indexDir: dir });
    expect(await service.origins()).toEqual({ ar: 'prebuilt', en: 'built', es: 'built' });
    expect((await service.query({ q: 'kettling', myJurisdiction: null }))[0]!.doc.key).toBe('kettling/en#containment');
    expect((await service.query({ q: 'cifrado', myJurisdiction: null }))[0]!.doc.key).toBe('encryption/es#android');
  });

  it('rebuilds an index file whose postings are damaged', async () => {
    await prebuild();
    const file = join(dir, 'en.json');
    const serialised = JSON.parse(await readFile(file, 'utf8'));
    serialised.index.scores = serialised.index.scores.slice(0, 8);
    await writeFile(file, JSON.stringify(serialised));
    const service = openSearch(catalog, { indexDir: dir });
    expect(await service.origins()).toEqual({ ar: 'prebuilt', en: 'built', es: 'prebuilt' });
    expect((await service.query({ q: 'passphrase', myJurisdiction: null }))[0]!.doc.key).toBe('encryption/en#passphrase');
  });

  it('answers a query that arrives before the index is loaded, once it is', async () => {
    const service = openSearch(catalog);
    const early = service.query({ q: 'passphrase', myJurisdiction: null });
    expect((await early)[0]!.doc.key).toBe('encryption/en#passphrase');
  });

  it('loads when first asked, from the content as it is by then: a refresh before that is what gets indexed', async () => {
    const logs: string[] = [];
    const service = openSearch(catalog, { log: (message) => logs.push(message) });
    const kettling = guide('kettling', 'en', 'GB', 'Kettling', '## Containment\n\nPolice may contain a crowd.');
    await service.refresh(catalogOf([...catalog.guides, kettling]));
    // Nothing was loaded for the content before the refresh: the one load, when ready() asks, is of the new content.
    expect(logs).toEqual([]);
    await service.ready();
    expect(logs).toEqual(['search: built the index for ar, en, es at load; `npm run build` prebuilds it into out/search']);
    expect((await service.query({ q: 'kettling', myJurisdiction: null }))[0]!.doc.key).toBe('kettling/en#containment');
  });

  it('indexes guides added later when refreshed', async () => {
    const service = openSearch(catalog);
    expect(await service.query({ q: 'kettling', myJurisdiction: null })).toEqual([]);
    await service.refresh(catalogOf([...catalog.guides, guide('kettling', 'en', 'GB', 'Kettling', '## Containment\n\nPolice may contain a crowd.')]));
    expect((await service.query({ q: 'kettling', myJurisdiction: null }))[0]!.doc.key).toBe('kettling/en#containment');
  });

  it('filters by where guidance applies, by topic and by language', async () => {
    const service = openSearch(catalog);
    const ids = async (filters: { jurisdiction?: string; topic?: string; lang?: string }) =>
      (await service.query({ q: 'police', myJurisdiction: null, ...filters })).map((r) => r.doc.guideId).sort();
    expect(await ids({ jurisdiction: 'US-CA', topic: 'recording-police' })).toEqual(['global-recording', 'us-ca-recording', 'us-recording']);
    expect(await ids({ jurisdiction: 'GB', topic: 'recording-police' })).toEqual(['gb-recording', 'global-recording']);
    const spanish = async (lang?: string) =>
      (await service.query({ q: 'policia', myJurisdiction: null, ...(lang && { lang }) })).map((r) => r.doc.key).sort();
    expect(await spanish()).toEqual(['encryption/es#android', 'grabar/es#derechos', 'police-en/en#words']);
    expect(await spanish('es')).toEqual(['encryption/es#android', 'grabar/es#derechos']);
  });
});
