import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { AppInfo, UpdateCheck } from '../../api/types';
import type { Clock } from '../clock';
import type { ShareControl } from '../fieldbook';
import type { UserDataStore } from '../store/user-data';

export interface AppDeps {
  version: string;
  mode: AppInfo['mode'];
  clock: Clock;
  store: UserDataStore;
  checkForUpdates?: () => Promise<UpdateCheck>;
  findInPage?: Handlers['view.find'];
  share?: ShareControl;
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
    'share.start': (input) => share().start(input),
    'share.stop': () => share().stop(),
  };
}
