import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { AppInfo, UpdateCheck } from '../../api/types';
import type { Clock } from '../clock';
import type { ShareControl } from '../fieldbook';
import type { UserDataStore } from '../store/user-data';
import type { CollectionShare } from '../workshops/public';

export interface AppDeps {
  version: string;
  mode: AppInfo['mode'];
  clock: Clock;
  store: UserDataStore;
  checkForUpdates?: () => Promise<UpdateCheck>;
  findInPage?: Handlers['view.find'];
  share?: ShareControl;
  /** The guides of a stored collection, for a share limited to it (workshops/public.ts). */
  collectionShare: (id: string) => Promise<CollectionShare>;
  maintainer: boolean;
}

/**
 * What the app itself answers, as opposed to its content: its version and transport, an update check (only when the
 * person turned checks on, and only in the desktop app), find in page, and the trainer's requests to the room share.
 */
export function appHandlers(
  deps: AppDeps,
): Pick<Handlers, 'app.info' | 'updates.check' | 'view.find' | 'share.status' | 'share.start' | 'share.stop'> {
  const { store } = deps;
  const share = (): ShareControl => {
    if (!deps.share)
      throw new FieldbookError(
        'forbidden',
        'Sharing to a room is not available here; start it from the desktop app or with `npm run serve -- --share`.',
      );
    return deps.share;
  };
  const sharedCollection = async (id: string): Promise<CollectionShare> => {
    try {
      return await deps.collectionShare(id);
    } catch (error) {
      if (!(error instanceof FieldbookError) || error.code !== 'not-found') throw error;
      throw new FieldbookError(
        'not-found',
        `There is no collection "${id}" to share: it may have been deleted. Choose another on the Share screen, or share the whole library.`,
      );
    }
  };
  return {
    'app.info': () => ({
      version: deps.version,
      mode: deps.mode,
      now: deps.clock.now().toISOString(),
      clockFixed: deps.clock.fixed,
      notices: store.setAside.map((event) => ({ kind: 'data-set-aside' as const, ...event })),
      maintainer: deps.maintainer,
    }),
    'updates.check': async () => {
      if (!store.read().settings.updateChecks)
        return { status: 'not-run', reason: 'turned-off', message: 'Update checks are off. Turn them on in Settings to check.' };
      if (!deps.checkForUpdates) return { status: 'not-run', reason: 'browser-mode', message: 'Updates are checked by the desktop app only.' };
      return deps.checkForUpdates();
    },
    'view.find': (input) => deps.findInPage?.(input) ?? { available: false, matches: 0, active: 0 },
    'share.status': () => deps.share?.status() ?? { running: false },
    'share.start': async ({ collection, ...where }) => {
      const control = share();
      if (collection === undefined) return control.start(where);
      return control.start({ ...where, ...(await sharedCollection(collection)) });
    },
    'share.stop': () => share().stop(),
  };
}
