import type { ContentChange } from '../../api/types';
import type { Emit } from '../events';
import type { PacksService } from '../packs/service';
import type { SearchService } from '../search/service';
import type { Catalog } from './model';
import { watchContent } from './watch';

export interface LiveContentOptions {
  contentDir: string;
  /** The bundled content with the installed packs laid over it, as opened. */
  catalog: Catalog;
  packs: PacksService;
  search: SearchService;
  emit: Emit;
  /** Read the folder again when its files change (the desktop app and the browser mode). */
  watch?: boolean;
  log?: (message: string) => void;
}

/** The content as shown now: replaced after each pack applied or undone and each change on disk. */
export interface LiveContent {
  catalog(): Catalog;
  /** Puts new content in place, brings search up to date with it, and tells the UI ('content-changed'). */
  show(next: Catalog, reason: ContentChange['reason']): Promise<void>;
  /** Reads the content folder again, with the installed packs laid over it, then shows it. */
  reload(): Promise<void>;
  close(): void;
}

export function liveContent(options: LiveContentOptions): LiveContent {
  const { packs, search, emit } = options;
  let catalog = options.catalog;
  let revision = 0;
  const show = async (next: Catalog, reason: ContentChange['reason']) => {
    catalog = next;
    await search.refresh(next);
    revision++;
    emit('content-changed', { revision, reason, guides: next.guides.length, invalid: next.invalid.length });
  };

  // One reload at a time; changes that arrive during one start another when it ends, so the last state always wins.
  let reloading: Promise<void> | null = null;
  let pending = false;
  let closed = false;
  const reload = (): Promise<void> => {
    if (reloading) {
      pending = true;
      return reloading;
    }
    reloading = (async () => {
      do {
        pending = false;
        await packs.rereadBundled();
        const next = await packs.catalog();
        if (closed) return;
        await show(next, 'folder-changed');
      } while (pending && !closed);
    })()
      .catch((error: unknown) => options.log?.(`content: could not reload ${options.contentDir}: ${(error as Error).message}`))
      .finally(() => {
        reloading = null;
      });
    return reloading;
  };
  const watcher = options.watch ? watchContent(options.contentDir, () => void reload(), { log: options.log }) : null;

  return {
    catalog: () => catalog,
    show,
    reload,
    close() {
      closed = true;
      watcher?.close();
    },
  };
}
