import { join } from 'node:path';
import { liveContent } from './content/live';
import { SNAPSHOT_FILE } from './content/snapshot';
import { createEvents } from './events';
import { appHandlers } from './app/handlers';
import type { ReadingDeps } from './domain';
import { guideHandlers } from './guides/handlers';
import { reportHandlers } from './reports/handlers';
import { reviewHandlers } from './review/handlers';
import { reviewContext } from './review/status';
import { searchHandlers } from './search/handlers';
import { settingsHandlers } from './settings/handlers';
import { exportHandlers } from './safety/export';
import { safetyHandlers } from './safety/handlers';
import { readingHandlers } from './safety/reading';
import { openSearch } from './search/service';
import { historyHandlers } from './history/handlers';
import { packHandlers } from './packs/handlers';
import { submissionHandlers } from './submissions/handlers';
import { openPacks } from './packs/service';
import { openUserData } from './store/user-data';
import { workshopHandlers } from './workshops/handlers';
import { draftHandlers } from './drafts/handlers';
import { shareOfCollection } from './workshops/public';
import type { Handlers } from '../api/contract';
import type { Fieldbook, FieldbookOptions } from './fieldbook-options';

export type { Fieldbook, FieldbookOptions, ShareControl } from './fieldbook-options';

/** Loads content and the person's data, and returns the handlers that implement the contract. */
export async function openFieldbook(options: FieldbookOptions): Promise<Fieldbook> {
  const indexDir = options.searchIndexDir ?? join(options.contentDir, '..', 'out', 'search');
  const [packs, store] = await Promise.all([
    openPacks({
      contentDir: options.contentDir,
      keysDir: join(options.contentDir, 'keys'),
      dataDir: options.dataDir,
      now: () => options.clock.now(),
      log: options.log,
      snapshot: join(indexDir, SNAPSHOT_FILE),
    }),
    openUserData(options.dataDir, () => options.clock.now(), { mode: options.mode, fs: options.storeFs, kdf: options.kdf }),
  ]);
  // Bundled content with the installed packs laid over it; replaced after each apply, undo or change on disk.
  const opened = await packs.catalog();
  const search = openSearch(opened, {
    indexDir,
    log: options.log,
  });
  const { emit, on } = createEvents();
  const content = liveContent({
    contentDir: options.contentDir,
    catalog: opened,
    packs,
    search,
    emit,
    watch: options.watchContent,
    log: options.log,
  });
  const catalog = content.catalog;

  options.share?.onChange((status) => emit('share-changed', status));

  // Review status is computed per call from the clock and the person's "due soon" window, never stored.
  const review = () => reviewContext(options.clock, store.read().settings.dueSoonDays);
  const reading: ReadingDeps = { catalog, store, clock: options.clock, review };

  const handlers: Handlers = {
    ...packHandlers({
      packs,
      now: () => options.clock.now(),
      contentChanged: (next, reason) => content.show(next, reason),
      progress: (event) => emit('pack-progress', event),
    }),
    ...historyHandlers({ contentDir: options.contentDir, catalog, packs, store }),
    ...appHandlers({
      version: options.version,
      mode: options.mode,
      clock: options.clock,
      store,
      checkForUpdates: options.checkForUpdates,
      findInPage: options.findInPage,
      share: options.share,
      // The share sees a collection only through its public form, so the trainer's notes never leave the core.
      collectionShare: (id) => shareOfCollection(handlers['collections.get'], id),
      maintainer: options.maintainerContentDir !== undefined,
    }),
    ...settingsHandlers({ ...reading, changed: (settings) => emit('settings-changed', settings) }),
    ...guideHandlers(reading),
    ...searchHandlers({ ...reading, search }),
    ...reviewHandlers({
      ...reading,
      keyList: () => packs.keyList(),
      maintainerContentDir: options.maintainerContentDir,
      reload: content.reload,
    }),
    ...safetyHandlers({ store, onLocked: (reason) => emit('locked', { reason }) }, options.dataDir),
    ...readingHandlers(store, catalog, () => options.clock.now()),
    ...exportHandlers(store, options.kdf),
    ...reportHandlers(reading),
    ...workshopHandlers({ catalog, store, clock: options.clock, review, printHandout: options.printHandout }),
    ...submissionHandlers({
      maintainerContentDir: options.maintainerContentDir,
      now: () => options.clock.now(),
      contentWritten: content.reload,
    }),
    ...draftHandlers({ catalog, contentDir: options.contentDir, store, clock: options.clock, kdf: options.kdf }),
  };

  return {
    handlers,
    get catalog() {
      return catalog();
    },
    store,
    search,
    reloadContent: content.reload,
    async close() {
      content.close();
      await store.close();
    },
    on,
  };
}
