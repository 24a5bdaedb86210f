import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import { client } from './lib/client';
import { initI18n, startupFailureText, systemLanguage } from './lib/i18n';
import { SettingsProvider } from './lib/settings';
import './styles.css';
import type { Settings } from '../electron/api/types';

const SHARE_SETTINGS: Settings = {
  interfaceLanguage: null,
  theme: 'system',
  textSize: 'normal',
  myJurisdiction: null,
  updateChecks: false,
  dueSoonDays: 30,
};

async function boot(): Promise<void> {
  const info = await client.invoke('app.info');
  // A room share keeps no settings of the trainer's: a participant starts from the defaults, changed in this tab only.
  const settings = info.mode === 'share' ? SHARE_SETTINGS : await client.invoke('settings.get');
  await initI18n(settings.interfaceLanguage ?? systemLanguage());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SettingsProvider initial={settings} local={info.mode === 'share'}>
        <App info={info} />
      </SettingsProvider>
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  const root = document.getElementById('root')!;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = startupFailureText((error as Error).message);
  root.replaceChildren(message);
});
