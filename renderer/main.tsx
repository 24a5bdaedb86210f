import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/shell/App';
import { client } from './lib/client';
import { initI18n, startupFailureText, systemLanguage } from './lib/i18n';
import { SettingsProvider } from './lib/settings';
import './styles.css';

async function boot(): Promise<void> {
  const [settings, info] = await Promise.all([client.invoke('settings.get'), client.invoke('app.info')]);
  await initI18n(settings.interfaceLanguage ?? systemLanguage());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SettingsProvider initial={settings}>
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
