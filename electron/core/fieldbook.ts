import { join } from 'node:path';
import type { Handlers } from '../api/contract';
import type { AppInfo, EventMap, EventName, ShareStatus, UpdateCheck } from '../api/types';
import type { Clock } from './clock';
import type { Catalog } from './content/model';
import { liveContent } from './content/live';
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
import type { KdfParams } from './safety/vault';
import { openSearch, type SearchService } from './search/service';
import { historyHandlers } from './history/handlers';
import { packHandlers } from './packs/handlers';
import { submissionHandlers } from './submissions/handlers';
import { openPacks } from './packs/service';
import type { StoreFs } from './store/store-fs';
import { openUserData, type UserDataStore } from './store/user-data';
import { type WorkshopDeps, workshopHandlers } from './workshops/handlers';
import { draftHandlers } from './drafts/handlers';
import { shareOfCollection } from './workshops/public';

export interface FieldbookOptions {
  /** The bundled content folder (read-only). */
  contentDir: string;
  /** Where the person's own data lives (settings, checklist ticks). */
  dataDir: string;
  clock: Clock;
  version: string;
  mode: Exclude<AppInfo['mode'], 'share'>;
  /** Runs an update check; only the desktop app provides one. */
  checkForUpdates?: () => Promise<UpdateCheck>;
  /** Finds text in the app's window; only the desktop app provides it (the browser mode finds in the page). */
  findInPage?: Handlers['view.find'];
  log?: (message: string) => void;
  /** Prebuilt search indexes (`npm run build`); default: out/search beside the content folder. Stale ones are rebuilt. */
  searchIndexDir?: string;
  /** The store's file operations; tests pass one that fails like a full or read-only disk. */
  storeFs?: StoreFs;
  /** scrypt's cost for a new passphrase (tests use a cheaper one); default in safety/vault.ts. */
  kdf?: KdfParams;
  /** Reload the content when files in its folder change (the desktop app and the browser mode); off in unit tests. */
  watchContent?: boolean;
  /** Saves the showing handout as a PDF or prints it; only the desktop app provides one. */
  printHandout?: WorkshopDeps['printHandout'];
  /**
   * The content folder a maintainer edits (a Git working copy): accepted submissions and review marks are written
   * there as plain files. Absent in an installed app, whose content is read-only.
   */
  maintainerContentDir?: string;
  /** Starts and stops the read-only room share (electron/host/share); absent where sharing is not offered. */
  share?: ShareControl;
}

/** What the core needs of the room share: the host runs the server, the core only relays the trainer's requests. */
export interface ShareControl {
  status(): ShareStatus;
  /**
   * `only`: share just these guides (a collection's, as id/lang pairs), and `collection` names it in the status;
   * left out, the whole library.
   */
  start(options: {
    listen?: string;
    port?: number;
    only?: readonly { id: string; lang: string }[];
    collection?: { id: string; name: string };
  }): Promise<ShareStatus>;
  stop(): Promise<ShareStatus>;
  onChange(listener: (status: ShareStatus) => void): void;
}

export interface Fieldbook {
  handlers: Handlers;
  /** The content as last loaded; replaced when the folder changes (see `reloadContent`). */
  readonly catalog: Catalog;
  store: UserDataStore;
  search: SearchService;
  /** Finishes pending writes and gives up the data folder's lock, so another Fieldbook may use it. */
  close(): Promise<void>;
  /** Subscribes to core events; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Reads the content folder again, brings search up to date, then emits 'content-changed'. */
  reloadContent(): Promise<void>;
}

/** Loads content and the person's data, and returns the handlers that implement the contract. */
export async function openFieldbook(options: FieldbookOptions): Promise<Fieldbook> {
  const [packs, store] = await Promise.all([
    openPacks({
      contentDir: options.contentDir,
      keysDir: join(options.contentDir, 'keys'),
      dataDir: options.dataDir,
      now: () => options.clock.now(),
      log: options.log,
    }),
    openUserData(options.dataDir, () => options.clock.now(), { mode: options.mode, fs: options.storeFs, kdf: options.kdf }),
  ]);
  // Bundled content with the installed packs laid over it; replaced after each apply, undo or change on disk.
  const opened = await packs.catalog();
  const search = openSearch(opened, {
    indexDir: options.searchIndexDir ?? join(options.contentDir, '..', 'out', 'search'),
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
