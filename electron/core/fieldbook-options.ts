import type { Handlers } from '../api/contract';
import type { AppInfo, EventMap, EventName, ShareStatus, UpdateCheck } from '../api/types';
import type { Clock } from './clock';
import type { Catalog } from './content/model';
import type { KdfParams } from './safety/vault';
import type { SearchService } from './search/service';
import type { StoreFs } from './store/store-fs';
import type { UserDataStore } from './store/user-data';
import type { WorkshopDeps } from './workshops/handlers';

/** What the desktop app, the browser mode and the tests give openFieldbook (fieldbook.ts), and what it returns. */

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
  /**
   * Prebuilt search indexes and the content's snapshot (`npm run build`); default: out/search beside the content
   * folder. Stale ones are rebuilt, and content the snapshot is not of is read in full.
   */
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
