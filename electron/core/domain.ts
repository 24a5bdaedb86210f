import type { Clock } from './clock';
import type { Catalog } from './content/model';
import type { ReviewContext } from './review/status';
import type { UserDataStore } from './store/user-data';

/**
 * What the reading domains (guides, search, review, settings) need of the core that fieldbook.ts composes: the
 * content as shown now (it changes with packs and edits on disk), the person's store, the clock, and the review
 * context computed from them per call.
 */
export interface ReadingDeps {
  catalog: () => Catalog;
  store: UserDataStore;
  clock: Clock;
  review: () => ReviewContext;
}
