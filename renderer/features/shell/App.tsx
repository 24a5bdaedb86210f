import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../electron/api/types';
import { type Route, useRouteChange } from '../../lib/route';
import { FindBar } from '../find/FindBar';
import { LibraryView } from '../library/LibraryView';
import { ProblemsLink, ProblemsView } from '../library/ProblemsView';
import { listenForOpenedPacks } from '../packs/opened';
import { IntroPanel } from '../safety/IntroPanel';
import { QuickExitButton } from '../safety/QuickExitButton';
import { SearchBox } from '../search/SearchBox';
import { ShareIndicator, ShareModeBanner } from '../share/ShareIndicator';
import { useShareStatus } from '../share/share-status';
import { HistoryButtons } from './HistoryButtons';
import { usePresentation } from '../workshops/presentation';
import { Notices } from './Notices';
import { ScreenLoading, ScreenShown } from './ScreenLoading';
import { client, isRoomShare } from '../../lib/client';
import { lazyScreen, preloadAfterFirstScreen } from '../../lib/lazy-screen';

// Only the library is needed to show the first screen: every other screen is its own chunk, fetched from the app's
// own files once the first screen is drawn (or when first opened, if sooner), so the page parses and runs less code
// before the library shows. That includes the guide reader, which brings the Markdown renderer and sanitiser.
const GuideReader = lazyScreen(() => import('../guide/GuideReader').then((m) => m.GuideReader));
const Presenter = lazyScreen(() => import('../workshops/Presenter').then((m) => m.Presenter));
const PacksView = lazyScreen(() => import('../packs/PacksView').then((m) => m.PacksView));
const ReviewView = lazyScreen(() => import('../review/ReviewView').then((m) => m.ReviewView));
const PartnersHelp = lazyScreen(() => import('../help/PartnersHelp').then((m) => m.PartnersHelp));
const ReportsView = lazyScreen(() => import('../reports/ReportsView').then((m) => m.ReportsView));
const KeepsView = lazyScreen(() => import('../safety/KeepsView').then((m) => m.KeepsView));
const SettingsView = lazyScreen(() => import('../settings/SettingsView').then((m) => m.SettingsView));
const ShareView = lazyScreen(() => import('../share/ShareView').then((m) => m.ShareView));
const SubmissionsView = lazyScreen(() => import('../submissions/SubmissionsView').then((m) => m.SubmissionsView));
const CollectionsView = lazyScreen(() => import('../workshops/CollectionsView').then((m) => m.CollectionsView));
const CollectionView = lazyScreen(() => import('../workshops/CollectionView').then((m) => m.CollectionView));
const HandoutView = lazyScreen(() => import('../workshops/HandoutView').then((m) => m.HandoutView));
const WriteView = lazyScreen(() => import('../write/WriteView').then((m) => m.WriteView));
const DraftEditorScreen = lazyScreen(() => import('../write/DraftEditor').then((m) => m.DraftEditorScreen));

/** The screen each route shows, where its code is fetched apart; the guide reader first, as the one opened next. */
const SCREEN_OF: Partial<Record<Route['name'], { preload: () => Promise<unknown>; readonly loaded: boolean }>> = {
  guide: GuideReader,
  settings: SettingsView,
  review: ReviewView,
  collections: CollectionsView,
  collection: CollectionView,
  handout: HandoutView,
  packs: PacksView,
  share: ShareView,
  reports: ReportsView,
  keeps: KeepsView,
  write: WriteView,
  draft: DraftEditorScreen,
  submissions: SubmissionsView,
  'help-partners': PartnersHelp,
};
const SCREENS = [...Object.values(SCREEN_OF), Presenter];
/**
 * The core loads the search index when asked, after the first screen, rather than while that screen is being
 * drawn. A room share's core has loaded it for the trainer (and refuses the call).
 */
const SEARCH_INDEX = { preload: () => client.invoke('search.prepare') };
const AFTER_FIRST_SCREEN = isRoomShare() ? SCREENS : [SEARCH_INDEX, ...SCREENS];
const waitsForCode = (next: Route) => SCREEN_OF[next.name]?.loaded === false;

export function App({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { route, pending } = useRouteChange(waitsForCode);
  const main = useRef<HTMLElement>(null);
  // A participant's page on the room share shows reading and search only: the share refuses everything else.
  const shared = info.mode === 'share';
  // Back/forward and find in page only tell the desktop window from a browser tab, and a share's page is a tab.
  const tab = info.mode === 'desktop' ? 'desktop' : 'browser';
  // A parent's effect runs after its children's, so by now every global listener (the search shortcut among them)
  // is attached: tests and the start-up benchmark wait for this signal, never for a fixed time.
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);
  useEffect(() => listenForOpenedPacks(), []);
  // The search index first, then the guide reader: it is what a person opens next.
  useEffect(() => preloadAfterFirstScreen(AFTER_FIRST_SCREEN), []);
  const presenting = usePresentation() !== null;
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link; it moves focus itself because the fragment holds the route */}
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
        <HistoryButtons mode={tab} />
        <a className="brand" href="#/">
          {t('app.name')}
        </a>
        {/* Writing and reviewing guides beside the name, so the readers' links keep their line in a narrow window. */}
        {!shared && (
          <nav aria-label={t('nav.contribute')} className="main-nav">
            <a href="#/write" aria-current={route.name === 'write' || route.name === 'draft' ? 'page' : undefined}>
              {t('write.nav')}
            </a>
            {info.maintainer && (
              <a href="#/submissions" aria-current={route.name === 'submissions' ? 'page' : undefined}>
                {t('submissions.nav')}
              </a>
            )}
            <a href="#/help/partners" aria-current={route.name === 'help-partners' ? 'page' : undefined}>
              {t('help.nav')}
            </a>
          </nav>
        )}
        <nav aria-label={t('app.mainNav')} className="main-nav">
          <a href="#/" aria-current={route.name === 'library' ? 'page' : undefined}>
            {t('nav.library')}
          </a>
          {!shared && (
            <>
              <a href="#/review" aria-current={route.name === 'review' ? 'page' : undefined}>
                {t('review.nav')}
              </a>
              <a href="#/packs" aria-current={route.name === 'packs' ? 'page' : undefined}>
                {t('nav.packs')}
              </a>
              <a href="#/collections" aria-current={route.name === 'collections' || route.name === 'collection' ? 'page' : undefined}>
                {t('workshops.nav')}
              </a>
              <a href="#/settings" aria-current={route.name === 'settings' ? 'page' : undefined}>
                {t('nav.settings')}
              </a>
              <a href="#/share" aria-current={route.name === 'share' ? 'page' : undefined}>
                {t('share.nav')}
              </a>
              <ProblemsLink route={route} />
            </>
          )}
        </nav>
        <SearchBox />
        {!shared && <SharingNow />}
        {!shared && <QuickExitButton />}
      </header>
      {shared && <ShareModeBanner />}
      <FindBar mode={tab} />
      <Notices info={info} />
      {!shared && <IntroPanel />}
      {/* Busy while the next screen's code is on its way: the current screen stays meanwhile. */}
      <main id="main" ref={main} tabIndex={-1} aria-busy={pending || undefined}>
        <Suspense fallback={<ScreenLoading main={main} />}>
          <ScreenShown main={main} name={route.name} />
          {route.name === 'library' && <LibraryView />}
          {route.name === 'guide' && <GuideReader key={`${route.id}/${route.lang ?? ''}`} route={route} mode={info.mode} />}
          {shared && !['library', 'guide'].includes(route.name) && <LibraryView />}
          {!shared && route.name === 'settings' && <SettingsView />}
          {!shared && route.name === 'problems' && <ProblemsView />}
          {!shared && route.name === 'review' && <ReviewView maintainer={info.maintainer} />}
          {!shared && route.name === 'reports' && <ReportsView guideId={route.id} lang={route.lang} />}
          {!shared && route.name === 'help-partners' && <PartnersHelp />}
          {!shared && route.name === 'share' && <ShareScreen />}
          {!shared && route.name === 'packs' && <PacksView />}
          {!shared && route.name === 'collections' && <CollectionsView />}
          {!shared && route.name === 'collection' && <CollectionView key={route.id} id={route.id} />}
          {route.name === 'handout' && <HandoutView route={route} mode={info.mode} />}
          {!shared && route.name === 'keeps' && <KeepsView />}
          {!shared && info.maintainer && route.name === 'submissions' && <SubmissionsView />}
          {!shared && route.name === 'write' && <WriteView />}
          {!shared && route.name === 'draft' && <DraftEditorScreen key={route.id} id={route.id} />}
        </Suspense>
      </main>
      {presenting && (
        <Suspense fallback={null}>
          <Presenter />
        </Suspense>
      )}
    </>
  );
}

/** The trainer's side of the room share: the indicator in the header, and the screen to start and stop it. */
function SharingNow() {
  const [status] = useShareStatus();
  return <ShareIndicator status={status} />;
}

function ShareScreen() {
  const [status, setStatus] = useShareStatus();
  return <ShareView status={status} onStatus={setStatus} />;
}
