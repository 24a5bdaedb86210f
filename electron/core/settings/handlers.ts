import type { Handlers } from '../../api/contract';
import type { Settings } from '../../api/types';
import type { ReadingDeps } from '../domain';
import { checkSettingsChange } from '../stored-values';

/** The person's settings: read them, and change some while keeping the rest (saved atomically, then announced). */
export function settingsHandlers(deps: ReadingDeps & { changed: (settings: Settings) => void }): Pick<Handlers, 'settings.get' | 'settings.update'> {
  const { store } = deps;
  return {
    'settings.get': () => store.read().settings,
    'settings.update': async (change) => {
      checkSettingsChange(deps.catalog(), change);
      const data = await store.update((draft) => {
        draft.settings = { ...draft.settings, ...change };
      });
      deps.changed(data.settings);
      return data.settings;
    },
  };
}
