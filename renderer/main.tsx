import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { keepFormStateOutOfHistory } from './features/safety/no-form-state';
import { SafetyGate } from './features/safety/SafetyGate';
import { App } from './features/shell/App';
import { askFirstPage } from './features/library/library-pages';
import { client, isRoomShare, launchProblemOf } from './lib/client';
import { currentRoute } from './lib/route';
import { effectiveLanguage, initI18n, launchProblemText, RTL_LANGUAGES, startupFailureText, systemLanguage } from './lib/i18n';
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
  keepFormStateOutOfHistory();
  const load = () => Promise.all([client.invoke('settings.get'), client.invoke('app.info')]);
  // A page with a session asks for everything the first screen needs at once; a page without one (a room share's,
  // or a trainer's page reloaded) first learns from app.info which it is, since it may ask for nothing personal.
  const first = isRoomShare() ? null : Promise.all([load(), client.invoke('safety.status')]);
  first?.catch(() => undefined);
  const info = first ? (await first)[0][1] : await client.invoke('app.info');
  const root = createRoot(document.getElementById('root')!);
  if (info.mode === 'share') {
    // A room share keeps no settings of the trainer's and has no lock: a participant starts from the defaults,
    // changed in this tab only.
    await initI18n(systemLanguage());
    root.render(
      <StrictMode>
        <SettingsProvider initial={SHARE_SETTINGS} local>
          <App info={info} />
        </SettingsProvider>
      </StrictMode>,
    );
    return;
  }
  const [[settings, current], safety] = await (first ?? Promise.all([load(), client.invoke('safety.status')]));
  const language = settings.interfaceLanguage ?? systemLanguage();
  // Asked before the translations are set up, so that the answer is on its way meanwhile.
  if (safety.lock !== 'locked' && currentRoute().name === 'library') askFirstPage(settings.myJurisdiction, effectiveLanguage(language));
  await initI18n(language);
  // Locked, only the readable settings (language, theme) are known until the passphrase opens the rest.
  root.render(
    <StrictMode>
      <SafetyGate initial={safety} mode={current.mode === 'desktop' ? 'desktop' : 'browser'} load={load} loaded={[settings, current] as const}>
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
  const problem = launchProblemOf();
  if (problem) {
    // The page has no session: say why in the person's language and what to do; the signal tests wait for.
    const text = launchProblemText(problem);
    const section = document.createElement('section');
    section.setAttribute('role', 'alert');
    section.lang = text.lang;
    section.dir = RTL_LANGUAGES.has(text.lang) ? 'rtl' : 'ltr';
    for (const [tag, content] of [
      ['h1', text.title],
      ['p', text.why],
      ['p', text.whatToDo],
    ] as const) {
      const element = section.appendChild(document.createElement(tag));
      element.textContent = content;
    }
    root.replaceChildren(section);
    document.documentElement.dataset.launchProblem = problem;
    return;
  }
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = startupFailureText((error as Error).message);
  root.replaceChildren(message);
});
