import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Settings } from '../../electron/api/types';
import { changeLanguage, systemLanguage } from './i18n';
import { client } from './client';

/** Where the last change stands; a failed one carries the core's message, which says what happened and what to do. */
export type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string };

interface SettingsContextValue {
  settings: Settings;
  /** Saves a change; never rejects: a failure is reported through `saveState` and the settings stay as they were. */
  update(change: Partial<Settings>): Promise<void>;
  saveState: SaveState;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

/** Theme and text size are attributes on the document element; the style sheet does the rest. */
function applyAppearance(settings: Settings): void {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.textSize = settings.textSize;
}

/** `local`: a participant's page on a room share, where changes (theme, text size, language) stay in this tab only. */
export function SettingsProvider({ initial, local = false, children }: { initial: Settings; local?: boolean; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const settingsRef = useRef(initial);
  settingsRef.current = settings;
  useEffect(() => applyAppearance(settings), [settings]);
  // The save state is also an attribute on the document, a signal tests and assistive scripts can wait for.
  useLayoutEffect(() => {
    document.documentElement.dataset.settingsSave = saveState.status;
  }, [saveState]);
  useEffect(() => client.on('settings-changed', setSettings), []);
  const update = useCallback(
    async (change: Partial<Settings>) => {
      setSaveState({ status: 'saving' });
      try {
        const next = local ? { ...settingsRef.current, ...change } : await client.invoke('settings.update', change);
        settingsRef.current = next;
        setSettings(next);
        if ('interfaceLanguage' in change) await changeLanguage(next.interfaceLanguage ?? systemLanguage());
        setSaveState({ status: 'saved' });
      } catch (error) {
        setSaveState({ status: 'failed', message: (error as Error).message });
      }
    },
    [local],
  );
  return <SettingsContext.Provider value={{ settings, update, saveState }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside SettingsProvider');
  return value;
}
