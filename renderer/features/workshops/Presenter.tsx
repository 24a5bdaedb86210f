import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatNumber } from '../../lib/i18n';
import { useAsync } from '../../lib/use-async';
import { ReviewBadge } from '../review/ReviewBadge';
import { ReviewBanner } from '../review/ReviewBanner';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Nodes } from './Nodes';
import { partsFor } from './sections';
import { type Deck, endPresentation, usePresentation } from './presentation';
import './workshops.css';

interface Screen {
  guide: GuideView;
  /** The guide's title screen opens a whole guide; a single section starts at its heading. */
  titleScreen: boolean;
  heading: string | null;
  nodes: DocumentFragment[];
}

async function screensOf(deck: Deck): Promise<Screen[]> {
  const unique = [...new Map(deck.items.map((item) => [`${item.guide}/${item.lang}`, item])).values()];
  const guides = new Map(
    await Promise.all(
      unique.map(
        async (item) =>
          [`${item.guide}/${item.lang}`, await client.invoke('guide.get', { id: item.guide, lang: item.lang }).catch(() => null)] as const,
      ),
    ),
  );
  return deck.items.flatMap((item): Screen[] => {
    const guide = guides.get(`${item.guide}/${item.lang}`);
    if (!guide) return [];
    const parts = partsFor(guide, item.section);
    const intro = item.section === null && parts[0]?.anchor === null ? parts.shift() : undefined;
    const screens = parts.map((part) => ({ guide, titleScreen: false, heading: part.heading, nodes: [part.nodes] }));
    return item.section === null ? [{ guide, titleScreen: true, heading: null, nodes: intro ? [intro.nodes] : [] }, ...screens] : screens;
  });
}

/** The presentation, over everything else while it runs; mounted once by the shell. */
export function Presenter() {
  const deck = usePresentation();
  return deck ? createPortal(<Presentation deck={deck} />, document.body) : null;
}

function Presentation({ deck }: { deck: Deck }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [state, retry] = useAsync(() => screensOf(deck), [deck]);
  const [index, setIndex] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const screens = state.status === 'ready' ? state.value : [];
  const screen = screens[index];
  const count = screens.length;
  const go = useMemo(() => (delta: number) => setIndex((n) => Math.max(0, Math.min(count - 1, n + delta))), [count]);

  // Full screen where the browser allows it (it needs the click that started the presentation); else the overlay
  // already fills the window. Leaving full screen with the browser's own Escape ends the presentation too.
  useEffect(() => {
    const element = root.current;
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    document.documentElement.classList.add('presenting');
    element?.focus();
    element
      ?.requestFullscreen?.({ navigationUI: 'hide' })
      .then(() => setFullscreen(true))
      .catch(() => setFullscreen(false));
    const onChange = () => {
      if (!document.fullscreenElement) endPresentation();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      app?.removeAttribute('inert');
      document.documentElement.classList.remove('presenting');
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const dir = screen?.guide.dir ?? i18n.dir(lang);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Pages of a right-to-left text turn the other way: the next one lies to the left, so in Arabic ← moves
      // forward and → back, as a reader of an Arabic book expects. Space and Page Down always go forward.
      const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
      const backward = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
      let delta: number | null = null;
      if (event.key === forward || event.key === 'PageDown' || (event.key === ' ' && !event.shiftKey)) delta = 1;
      else if (event.key === backward || event.key === 'PageUp' || (event.key === ' ' && event.shiftKey)) delta = -1;
      else if (event.key === 'Home') delta = -Infinity;
      else if (event.key === 'End') delta = Infinity;
      else if (event.key === 'Escape') {
        event.preventDefault();
        endPresentation();
        return;
      }
      // Space on a focused button presses that button, as everywhere else.
      if (delta === null || (event.key === ' ' && (event.target as Element | null)?.closest?.('button'))) return;
      event.preventDefault();
      go(delta === Infinity ? count : delta === -Infinity ? -count : delta);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dir, go, count]);

  const position = t('workshops.present.position', { n: formatNumber(index + 1, lang), total: formatNumber(count, lang) });
  return (
    <div
      ref={root}
      className="presenter"
      role="dialog"
      aria-modal="true"
      aria-label={t('workshops.present.label', { title: deck.title })}
      tabIndex={-1}
      lang={lang}
      dir={i18n.dir(lang)}
      data-testid="presenter"
      data-screen={state.status === 'ready' ? index + 1 : undefined}
      data-screens={state.status === 'ready' ? count : undefined}
      data-fullscreen={fullscreen}
    >
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorMessage message={state.message} retry={retry} />}
      {state.status === 'ready' && !screen && <p role="status">{t('workshops.present.empty')}</p>}
      {screen && (
        <>
          <header className="presenter-meta">
            <span lang={screen.guide.lang} dir="auto" className="presenter-guide">
              {screen.guide.title}
            </span>
            <span>{t('guide.version', { version: screen.guide.version })}</span>
            {screen.guide.status.states.includes('overdue') ? <ReviewBanner guide={screen.guide} /> : <ReviewBadge status={screen.guide.status} />}
          </header>
          <section
            className="presenter-screen"
            lang={screen.guide.lang}
            dir={screen.guide.dir}
            data-testid="presenter-screen"
            aria-label={screen.heading ?? screen.guide.title}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a long section scrolls, and the keyboard must reach it too
            tabIndex={0}
          >
            {screen.titleScreen && (
              <>
                <h1 dir="auto">{screen.guide.title}</h1>
                <p className="presenter-summary" dir="auto">
                  {screen.guide.summary}
                </p>
              </>
            )}
            <Nodes key={index} nodes={screen.nodes} className="presenter-body" />
          </section>
          <footer className="presenter-controls">
            <button type="button" onClick={() => go(-1)} disabled={index === 0}>
              {t('workshops.present.previous')}
            </button>
            <p className="presenter-position" aria-live="polite" data-testid="presenter-position">
              {position}
            </p>
            <button type="button" onClick={() => go(1)} disabled={index === count - 1}>
              {t('workshops.present.next')}
            </button>
            <button type="button" onClick={() => endPresentation()}>
              {t('workshops.present.exit')}
            </button>
          </footer>
          <p className="visually-hidden">{t(dir === 'rtl' ? 'workshops.present.keysRtl' : 'workshops.present.keys')}</p>
        </>
      )}
    </div>
  );
}
