import { FieldbookError } from '../../api/errors';
import type { Catalog, Guide } from '../content/model';
import type { SearchDocument } from './documents';
import type { LanguageIndex } from './engine';
import { readIndexFile, readManifest } from './index-files';
import type { Ranked } from './query';
import { applicableTo } from '../../api/applies';
import { jurisdictionWeights } from './rank';
import { placesIn, placeWeights } from './places';

/**
 * search/service: the search the core answers 'search.query' with. It loads when first needed: the page asks for
 * it ('search.prepare') once its first screen is drawn, so the index never competes with that screen for the
 * machine, and a query that comes first loads it and waits. For each language it loads
 * the prebuilt index (out/search) when that matches the content, and otherwise builds one from the content in
 * small batches, so guides added after the build are searchable too.
 */

export interface SearchRequest {
  q: string;
  limit?: number;
  jurisdiction?: string;
  topic?: string;
  lang?: string;
  interfaceLanguage?: string;
  /** The person's jurisdiction, from the settings. */
  myJurisdiction: string | null;
}

export interface SearchResultItem extends Ranked {
  guide: Guide;
}

export interface SearchService {
  /** Loads the index if it has not started loading, and settles when every language is searchable. */
  ready(): Promise<void>;
  query(request: SearchRequest): Promise<SearchResultItem[]>;
  /** Brings the indexes up to date with changed content (installed packs, accepted submissions). */
  refresh(catalog: Catalog): Promise<void>;
  /** Which languages came from prebuilt files and which were built at load; for logs and tests. */
  origins(): Promise<Record<string, 'prebuilt' | 'built'>>;
}

export interface SearchServiceOptions {
  /** The folder of prebuilt index files; none, or a missing folder, means every index is built at load. */
  indexDir?: string;
  log?: (message: string) => void;
}

type Indexing = typeof import('./indexing');

interface State {
  code: Indexing;
  catalog: Catalog;
  indexes: Map<string, LanguageIndex>;
  guides: Map<string, Guide>;
  origins: Record<string, 'prebuilt' | 'built'>;
}

async function loadLanguage(
  { fingerprintOf, LanguageIndex }: Indexing,
  lang: string,
  documents: SearchDocument[],
  options: SearchServiceOptions,
  manifest: Record<string, string> | null,
  previous?: LanguageIndex,
) {
  const fingerprint = fingerprintOf(documents);
  if (previous && previous.fingerprint === fingerprint) return { index: previous, origin: 'prebuilt' as const };
  if (options.indexDir && manifest?.[lang] === fingerprint) {
    const serialised = await readIndexFile(options.indexDir, lang);
    const index = serialised && (await LanguageIndex.load(serialised, lang, documents, fingerprint).catch(() => null));
    if (index) return { index, origin: 'prebuilt' as const };
  }
  return { index: await LanguageIndex.build(lang, documents), origin: 'built' as const };
}

async function load(catalog: Catalog, options: SearchServiceOptions, previous?: State): Promise<State> {
  const code = previous?.code ?? (await import('./indexing'));
  const { byLanguage, documentsOf } = code;
  const manifest = options.indexDir ? ((await readManifest(options.indexDir))?.languages ?? null) : null;
  const indexes = new Map<string, LanguageIndex>();
  const origins: State['origins'] = {};
  for (const [lang, documents] of byLanguage(documentsOf(catalog))) {
    const { index, origin } = await loadLanguage(code, lang, documents, options, manifest, previous?.indexes.get(lang));
    indexes.set(lang, index);
    origins[lang] = previous?.indexes.get(lang) === index ? (previous.origins[lang] ?? origin) : origin;
  }
  const built = Object.keys(origins).filter((lang) => origins[lang] === 'built' && previous?.origins[lang] !== 'built');
  if (built.length > 0 && !previous)
    options.log?.(`search: built the index for ${built.join(', ')} at load; \`npm run build\` prebuilds it into out/search`);
  const guides = new Map(catalog.guides.map((guide) => [`${guide.meta.id}/${guide.meta.lang}`, guide]));
  return { code, catalog, indexes, guides, origins };
}

export function openSearch(initial: Catalog, options: SearchServiceOptions = {}): SearchService {
  let latest = initial;
  let state: Promise<State> | null = null;
  const started = (): Promise<State> => {
    if (!state) {
      state = load(latest, options);
      // A failed load is reported when a query needs it, not as an unhandled rejection.
      state.catch((error: unknown) => options.log?.(`search: could not load the index: ${(error as Error).message}`));
    }
    return state;
  };

  const current = async (): Promise<State> => {
    try {
      return await started();
    } catch (error) {
      throw new FieldbookError(
        'internal',
        `Search is unavailable: its index could not be loaded (${(error as Error).message}). Restart Fieldbook; if it persists, run \`npm run build\` again.`,
      );
    }
  };

  return {
    ready: async () => {
      await current();
    },
    async query(request) {
      const { code, catalog, indexes, guides } = await current();
      const applies = request.jurisdiction ? applicableTo(catalog.jurisdictions, request.jurisdiction) : null;
      const { topic } = request;
      // A place named in the query says where the person is asking about, over where they are (settings).
      const places = placesIn(request.q, catalog.jurisdictions);
      const answer = code.searchIndexes(indexes, places.rest, {
        limit: request.limit ?? 20,
        lang: request.lang,
        interfaceLanguage: request.interfaceLanguage ?? null,
        jurisdictionWeights:
          places.codes.length > 0
            ? placeWeights(catalog.jurisdictions, places.codes)
            : jurisdictionWeights(catalog.jurisdictions, request.myJurisdiction),
        accept: applies || topic ? (doc) => (!applies || applies.has(doc.jurisdiction)) && (!topic || doc.topics.includes(topic)) : undefined,
      });
      return answer.results.flatMap((result) => {
        const guide = guides.get(`${result.doc.guideId}/${result.doc.lang}`);
        return guide ? [{ ...result, guide }] : [];
      });
    },
    async refresh(catalog) {
      latest = catalog;
      // Not loaded yet: the first load reads the content as it is by then.
      if (!state) return;
      const previous = await state.catch(() => undefined);
      state = load(catalog, options, previous);
      await current();
    },
    async origins() {
      return { ...(await current()).origins };
    },
  };
}
