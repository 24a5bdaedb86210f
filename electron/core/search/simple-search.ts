import MiniSearch from 'minisearch';
import type { SearchHit } from '../../api/types';
import type { Catalog } from '../content/model';
import { directionOf } from '../library';

interface Doc {
  key: string;
  id: string;
  lang: string;
  title: string;
  jurisdiction: string;
  anchor: string;
  heading: string;
  text: string;
}

/** A plain section-level full-text search over the loaded guides, with prefix and fuzzy matching. */
export function createSimpleSearch(catalog: Catalog): (q: string, limit?: number) => SearchHit[] {
  const index = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['title', 'heading', 'text'],
    storeFields: ['id', 'lang', 'title', 'jurisdiction', 'anchor', 'heading', 'text'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3, heading: 2 }, combineWith: 'AND' },
  });
  index.addAll(
    catalog.guides.flatMap((guide) =>
      guide.sections.map((section) => ({
        key: `${guide.meta.id}/${guide.meta.lang}#${section.anchor}`,
        id: guide.meta.id,
        lang: guide.meta.lang,
        title: guide.meta.title,
        jurisdiction: guide.meta.jurisdiction,
        anchor: section.anchor,
        heading: section.heading,
        text: section.text,
      })),
    ),
  );
  return (q, limit = 20) => {
    if (q.trim() === '') return [];
    return index.search(q).slice(0, limit).map((result) => ({
      id: result.id as string,
      lang: result.lang as string,
      dir: directionOf(catalog, result.lang as string),
      title: result.title as string,
      jurisdiction: result.jurisdiction as string,
      anchor: result.anchor as string,
      heading: result.heading as string,
      snippet: (result.text as string).slice(0, 200),
      terms: result.terms,
      score: result.score,
    }));
  };
}
