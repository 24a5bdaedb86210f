import { contract, type Handlers, type Method } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { GuideCard } from '../../api/types';
import { createRouter, type Router } from '../../api/router';
import type { Clock } from '../../core/clock';
import type { Fieldbook } from '../../core/fieldbook';
import { findGuide, guideView, libraryData, libraryPage, toCard } from '../../core/library';
import { reviewContext } from '../../core/review/status';
import { toSearchHit } from '../../core/search/hits';
import { isShareMethod } from './allow-list';

/** One guide in one language: what a collection share restricts the library to. */
export interface SharedGuide {
  id: string;
  lang: string;
}

export interface ShareContentOptions {
  fieldbook: Pick<Fieldbook, 'catalog' | 'search'>;
  clock: Clock;
  version: string;
  /** Restricts the share to these guides (a collection); left out, the whole library is shared. */
  only?: readonly SharedGuide[];
}

const keyOf = (guide: SharedGuide) => `${guide.id}/${guide.lang}`;
/** How many hits a collection share asks the index for before keeping those in the collection. */
const COLLECTION_SEARCH_DEPTH = 100;

function refused(method: string): never {
  throw new FieldbookError('forbidden', `${method} is not available on a room share: it serves reading and search only.`);
}

/**
 * The share's handlers. They are written from the core's parts rather than wrapping the person's handlers, so
 * nothing personal is ever read: no checklist ticks, no "my jurisdiction" weighting of search, the default review
 * window rather than the trainer's, no maintainer list of invalid files, and a minimal app.info.
 */
export function shareHandlers(options: ShareContentOptions): Handlers {
  // Read per call: the catalog changes when content reloads or a pack is applied while the share runs.
  const { fieldbook } = options;
  const shared = options.only ? new Set(options.only.map(keyOf)) : null;
  const isShared = (guide: SharedGuide) => !shared || shared.has(keyOf(guide));
  const review = () => reviewContext(options.clock);
  // A card names only the languages of its guide that are shared too.
  const sharedCard = (card: GuideCard): GuideCard => ({ ...card, languages: card.languages.filter((lang) => isShared({ id: card.id, lang })) });
  const handlers = Object.fromEntries(Object.keys(contract).map((method) => [method, () => refused(method)])) as unknown as Handlers;
  const allowed: Pick<Handlers, 'app.info' | 'library.list' | 'library.browse' | 'guide.get' | 'search.query'> = {
    'app.info': () => ({
      version: options.version,
      mode: 'share',
      maintainer: false,
      now: options.clock.now().toISOString(),
      clockFixed: options.clock.fixed,
      notices: [],
    }),
    'library.list': () => {
      const data = libraryData(fieldbook.catalog, review());
      return { ...data, guides: data.guides.filter(isShared).map(sharedCard), invalid: [] };
    },
    'library.browse': (input) => {
      const { catalog } = fieldbook;
      const context = review();
      return libraryPage(catalog, input, {
        guides: catalog.guides.filter((guide) => isShared(guide.meta)),
        card: (guide) => sharedCard(toCard(catalog, guide, context)),
        invalidFiles: 0,
      });
    },
    'guide.get': ({ id, lang }) => {
      const { catalog } = fieldbook;
      const guide = findGuide(catalog, id, lang);
      if (!isShared(guide.meta)) throw new FieldbookError('not-found', `The guide "${id}" is not part of this share; go back to the library.`);
      return guideView(catalog, guide, [], review());
    },
    'search.query': async (input) => {
      const limit = input.limit ?? 20;
      const items = await fieldbook.search.query({ ...input, limit: shared ? COLLECTION_SEARCH_DEPTH : limit, myJurisdiction: null });
      const context = review();
      return items
        .filter((item) => isShared(item.guide.meta))
        .slice(0, limit)
        .map((item) => toSearchHit(item, toCard(fieldbook.catalog, item.guide, context)));
    },
  };
  return Object.assign(handlers, allowed);
}

/** The router the share dispatches through: the app's own router over the share's handlers, behind the allow-list. */
export function shareRouter(options: ShareContentOptions, log?: (message: string) => void): Router {
  const inner = createRouter(shareHandlers(options), log);
  return {
    dispatch(method, input) {
      if (!isShareMethod(method)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: `${String(method)} is not available on a room share: it serves reading and search only.` },
        });
      }
      return inner.dispatch(method satisfies Method, input);
    },
  };
}
