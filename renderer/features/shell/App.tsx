import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../electron/api/types';
import { useRoute } from '../../lib/route';
import { FindBar } from '../find/FindBar';
import { GuideReader } from '../guide/GuideReader';
import { LibraryView } from '../library/LibraryView';
import { ProblemsLink, ProblemsView } from '../library/ProblemsView';
import { listenForOpenedPacks } from '../packs/opened';
import { PacksView } from '../packs/PacksView';
import { ReviewView } from '../review/ReviewView';
import { SearchBox } from '../search/SearchBox';
import { SettingsView } from '../settings/SettingsView';
import { HistoryButtons } from './HistoryButtons';
import { Notices } from './Notices';

export function App({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // A parent's effect runs after its children's, so by now every global listener (the search shortcut among them)
  // is attached: tests and the start-up benchmark wait for this signal, never for a fixed time.
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);
  useEffect(() => listenForOpenedPacks(), []);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The fragment holds the route, so the skip link moves focus itself instead of navigating.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <HistoryButtons mode={info.mode} />
        <a className="brand" href="#/">
          {t('app.name')}
        </a>
        <nav aria-label={t('app.mainNav')} className="main-nav">
          <a href="#/" aria-current={route.name === 'library' ? 'page' : undefined}>
            {t('nav.library')}
          </a>
          <a href="#/review" aria-current={route.name === 'review' ? 'page' : undefined}>
            {t('review.nav')}
          </a>
          <a href="#/packs" aria-current={route.name === 'packs' ? 'page' : undefined}>
            {t('nav.packs')}
          </a>
          <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
          <ProblemsLink route={route} />
        </nav>
        <SearchBox />
      </header>
      <FindBar mode={info.mode} />
      <Notices info={info} />
      <main id="main" ref={main} tabIndex={-1}>
        {route.name === 'library' && <LibraryView />}
        {route.name === 'guide' && <GuideReader key={`${route.id}/${route.lang ?? ''}`} route={route} mode={info.mode} />}
        {route.name === 'settings' && <SettingsView />}
        {route.name === 'problems' && <ProblemsView />}
        {route.name === 'review' && <ReviewView />}
        {route.name === 'packs' && <PacksView />}
      </main>
    </>
  );
}
