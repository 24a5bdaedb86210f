import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { keepFormStateOutOfHistory } from './features/safety/no-form-state';
import { SafetyGate } from './features/safety/SafetyGate';
import { App } from './features/shell/App';
import { client } from './lib/client';
import { initI18n, startupFailureText, systemLanguage } from './lib/i18n';
import { SettingsProvider } from './lib/settings';
import './styles.css';

async function boot(): Promise<void> {
  keepFormStateOutOfHistory();
  const load = () => Promise.all([client.invoke('settings.get'), client.invoke('app.info')]);
  const [[settings, info], safety] = await Promise.all([load(), client.invoke('safety.status')]);
  await initI18n(settings.interfaceLanguage ?? systemLanguage());
  // Locked, only the readable settings (language, theme) are known until the passphrase opens the rest.
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SafetyGate initial={safety} mode={info.mode} load={load} loaded={[settings, info] as const}>
        {([settings, info]) => (
          <SettingsProvider initial={settings}>
            <App info={info} />
          </SettingsProvider>
        )}
      </SafetyGate>
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
