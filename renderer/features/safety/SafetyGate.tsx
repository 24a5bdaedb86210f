import { useTranslation } from 'react-i18next';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useState } from 'react';
import type { SafetyStatus } from '../../../electron/api/safety';
import { client } from '../../lib/client';
import { navigate } from '../../lib/route';
import { isQuickExitKey, quickExit } from './quick-exit';
import { UnlockScreen } from './UnlockScreen';
import { useIdleLock } from './use-idle-lock';

interface SafetyContextValue {
  status: SafetyStatus;
  mode: 'desktop' | 'browser';
  /** Applies a status the core answered (after a change in Settings). */
  setStatus(status: SafetyStatus): void;
  quickExit(): void;
}

const SafetyContext = createContext<SafetyContextValue | null>(null);

export function useSafety(): SafetyContextValue {
  const value = useContext(SafetyContext);
  if (!value) throw new Error('useSafety must be used inside SafetyGate');
  return value;
}

/**
 * Stands between the person's data and the screen. Locked, it shows only the unlock screen: the app (and every
 * personal value it drew) is unmounted, and is loaded afresh from the core after unlocking or a wipe. It also owns
 * the quick-exit shortcut, the idle lock and the first-start panel.
 */
export function SafetyGate<T>(props: {
  initial: SafetyStatus;
  mode: 'desktop' | 'browser';
  /** Loads what the app needs from the core (settings, app info); called again after each unlock or wipe. */
  load(): Promise<T>;
  loaded: T;
  children(loaded: T): ReactNode;
}) {
  const { load, mode } = props;
  const { t } = useTranslation();
  const [status, setStatus] = useState(props.initial);
  const [loaded, setLoaded] = useState<{ value: T; epoch: number } | null>(
    props.initial.lock === 'locked' ? null : { value: props.loaded, epoch: 0 },
  );
  const [wiped, setWiped] = useState(false);
  const reload = useCallback(async () => {
    const [value, next] = await Promise.all([load(), client.invoke('safety.status')]);
    setStatus(next);
    setLoaded((previous) => ({ value, epoch: (previous?.epoch ?? 0) + 1 }));
  }, [load]);
  const exit = useCallback(() => quickExit(mode), [mode]);

  useEffect(
    () =>
      client.on('locked', ({ reason }) => {
        if (reason === 'wiped') {
          // The app is drawn afresh from the core's defaults: no view keeps a value from before the wipe.
          setWiped(true);
          return void reload();
        }
        // Shown again after a quick exit, the desktop window opens on the library, not on what was being read.
        if (reason === 'quick-exit' && mode === 'desktop') navigate({ name: 'library' });
        void client.invoke('safety.status').then((next) => {
          setStatus(next);
          if (next.lock === 'locked') setLoaded(null);
        });
      }),
    [reload, mode],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isQuickExitKey(event)) return;
      event.preventDefault();
      exit();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [exit]);
  useIdleLock(status.idleLockMinutes, status.lock === 'unlocked');
  // Tests and assistive scripts wait for this signal.
  useLayoutEffect(() => {
    document.documentElement.dataset.lock = loaded ? status.lock : 'locked';
  }, [status.lock, loaded]);

  return (
    <SafetyContext.Provider value={{ status, mode, setStatus, quickExit: exit }}>
      {loaded === null ? (
        <UnlockScreen onUnlocked={reload} />
      ) : (
        <div key={loaded.epoch} className="safety-unlocked">
          {wiped && (
            <p role="status" className="wiped-notice" data-testid="wiped-notice">
              {t('safety.wipe.done')}
            </p>
          )}
          {props.children(loaded.value)}
        </div>
      )}
    </SafetyContext.Provider>
  );
}
