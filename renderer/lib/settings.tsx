import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../electron/api/types';
import { changeLanguage, systemLanguage } from './i18n';
import { client } from './client';

interface SettingsContextValue {
  settings: Settings;
  update(change: Partial<Settings>): Promise<void>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

/** Theme and text size are attributes on the document element; the style sheet does the rest. */
function applyAppearance(settings: Settings): void {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.textSize = settings.textSize;
}

export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const [settings, setSettings] = useState(initial);
  useEffect(() => applyAppearance(settings), [settings]);
  useEffect(() => client.on('settings-changed', setSettings), []);
  const update = useCallback(async (change: Partial<Settings>) => {
    const next = await client.invoke('settings.update', change);
    setSettings(next);
    if ('interfaceLanguage' in change) await changeLanguage(next.interfaceLanguage ?? systemLanguage());
  }, []);
  return <SettingsContext.Provider value={{ settings, update }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside SettingsProvider');
  return value;
}
