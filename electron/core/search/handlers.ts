import type { Handlers } from '../../api/contract';
import type { ReadingDeps } from '../domain';
import { toCard } from '../library';
import { toSearchHit } from './hits';
import type { SearchService } from './service';

/** Search as the UI asks for it: ranked for the person's jurisdiction (from settings), each hit on its guide's card. */
export function searchHandlers(deps: ReadingDeps & { search: SearchService }): Pick<Handlers, 'search.query' | 'search.prepare'> {
  return {
    'search.prepare': async () => {
      await deps.search.ready();
      return { ready: true };
    },
    'search.query': async (input) => {
      const items = await deps.search.query({ ...input, myJurisdiction: deps.store.read().settings.myJurisdiction });
      const context = deps.review();
      const catalog = deps.catalog();
      return items.map((item) => toSearchHit(item, toCard(catalog, item.guide, context)));
    },
  };
}
