import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { externalLinkDecision, type LinkDecision } from '../../../electron/api/links';
import type { AppInfo, GuideView } from '../../../electron/api/types';
import { client, isRoomShare } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { displayLanguageName } from '../../lib/names';
import { hrefFor, type Route } from '../../lib/route';
import { ReadingTools } from '../safety/ReadingTools';
import { ReportPassage } from '../reports/ReportPassage';
import { useAsync } from '../../lib/use-async';
import { useContentRevision } from '../../lib/content-revision';
import { ErrorMessage } from '../shell/ErrorMessage';
import { ContentBanner } from '../packs/ContentFlags';
import { ReviewBanner } from '../review/ReviewBanner';
import { useCurrentSection } from './current-section';
import { ExternalLinkDialog } from './ExternalLinkDialog';
import { GuideHistory } from './HistoryPanel';
import { WriteFromGuide } from '../write/WriteFromGuide';
import { LIMITS } from './bounds';
import { GuideWorkshopTools, SectionAddControls } from '../workshops/GuideWorkshopTools';
import { SourceTitle } from './SourceTitle';
import { renderGuide } from './render';

/** Each language is named in itself, as a person looking for their own language expects. */
const languageLabel = (code: string) => displayLanguageName(code, code);

/** Gives the n-th heading the n-th section anchor from the core, and wires task-list boxes to saved progress. */
function useGuideDom(
  container: React.RefObject<HTMLDivElement | null>,
  guide: GuideView | null,
  section: string | undefined,
  onToggle: (checked: number[]) => void,
) {
  useEffect(() => {
    const root = container.current;
    if (!root || !guide) return;
    root.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((heading, index) => {
      const anchor = guide.sections[index]?.anchor;
      if (anchor) heading.id = `section-${anchor}`;
      heading.setAttribute('tabindex', '-1');
    });
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    boxes.forEach((box, index) => {
      box.disabled = false;
      box.checked = guide.checked.includes(index);
      box.setAttribute('aria-label', box.parentElement?.textContent?.trim() ?? '');
      box.onchange = () => onToggle(boxes.flatMap((b, i) => (b.checked ? [i] : [])));
    });
    if (section) {
      const target = root.querySelector<HTMLElement>(`#${CSS.escape(`section-${section}`)}`);
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    }
  }, [container, guide, section, onToggle]);
}

export function GuideReader({ route, mode }: { route: Extract<Route, { name: 'guide' }>; mode: AppInfo['mode'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Interface text inside a guide follows the interface's direction, not the guide's (an English note in an Arabic guide).
  const uiDir = i18n.dir(lang);
  const [state, retry] = useAsync(() => client.invoke('guide.get', { id: route.id, lang: route.lang }), [route.id, route.lang], useContentRevision());
  const guide = state.status === 'ready' ? state.value : null;
  const [checked, setChecked] = useState<number[] | null>(null);
  const [external, setExternal] = useState<{ url: string; decision: LinkDecision; id: number } | null>(null);
  /** Counts the link dialogs opened, so a late close event is matched to its own dialog. */
  const dialogs = useRef(0);
  const container = useRef<HTMLDivElement>(null);
  const { html, shortened } = useMemo(() => (guide ? renderGuide(guide.body, guide.lang) : { html: '', shortened: [] }), [guide]);
  const total = useMemo(() => (html.match(/type="checkbox"/g) ?? []).length, [html]);

  const [saveError, setSaveError] = useState<string | null>(null);
  const onToggle = useMemo(() => {
    let saved = guide?.checked ?? [];
    return (next: number[]) => {
      if (!guide) return;
      setChecked(next);
      // On a room share the ticks are the participant's, in this page only: the share keeps nothing.
      if (mode === 'share') return;
      client.invoke('guide.setChecked', { id: guide.id, lang: guide.lang, version: guide.version, checked: next }).then(
        (stored) => {
          saved = stored;
          setSaveError(null);
        },
        (error: unknown) => {
          // Nothing was saved: the boxes go back to what is stored, so the page never shows ticks that are not kept.
          for (const [index, box] of (container.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []).entries()) {
            box.checked = saved.includes(index);
          }
          setChecked(saved);
          setSaveError((error as Error).message);
        },
      );
    };
  }, [guide, mode]);
  useGuideDom(container, guide, route.section, onToggle);
  // After useGuideDom, which gives the headings the ids this looks for.
  const anchors = useMemo(() => guide?.sections.map((section) => section.anchor) ?? [], [guide]);
  const reading = useCurrentSection(container, anchors);
  useEffect(() => {
    const root = container.current;
    const query = route.highlight ?? '';
    // Nothing to mark, and no marks of an earlier query to clear.
    if (!guide || !root || (query === '' && !root.querySelector('mark[data-search-match]'))) return;
    // Loaded when first needed: the stemmers it marks words with are most of its size, and no first paint waits for them.
    void import('../search/highlight').then(({ highlightMatches }) => {
      if (container.current === root) highlightMatches(root, query);
    });
  }, [guide, route.highlight]);
  useEffect(() => setChecked(guide?.checked ?? null), [guide]);

  // Every link that leaves the app goes through the one shared policy, in both modes and for every way of following
  // it (a click, Enter, a modified click or a middle click): refused links say why; the rest ask first.
  const follow = (url: string) => {
    const decision = externalLinkDecision(url);
    // The desktop app asks in a native dialog once the window tries to open it (and checks the policy again there).
    if (decision.action === 'confirm' && mode === 'desktop') window.open(decision.url, '_blank', 'noopener,noreferrer');
    else {
      dialogs.current++;
      setExternal({ url, decision, id: dialogs.current });
    }
  };
  const onLink = (event: MouseEvent<HTMLElement>) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const link = (event.target as Element).closest('a[href], area[href]');
    if (link?.getAttribute('data-external') !== 'true') return;
    event.preventDefault();
    follow(link.getAttribute('href') ?? '');
  };

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const g = state.value;
  const done = (checked ?? g.checked).length;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: one delegated listener for the links inside; Enter on a link is a click.
    <article className="reader" aria-labelledby="guide-title" lang={g.lang} dir={g.dir} data-testid="reader" onClick={onLink} onAuxClick={onLink}>
      <p className="back" lang={lang} dir="auto">
        <a href="#/">{t('guide.back')}</a>
      </p>
      <h1 id="guide-title" dir="auto">
        {g.title}
      </h1>
      <p className="summary" dir="auto">
        {g.summary}
      </p>
      <ReviewBanner guide={g} />
      <ContentBanner guide={g} />
      {/* A participant on a room share reads only: nothing personal is kept or asked for there. */}
      {!isRoomShare() && <GuideWorkshopTools guide={g} />}
      {!isRoomShare() && <GuideHistory guide={g} />}
      {!isRoomShare() && <WriteFromGuide guide={g} />}
      {g.languages.length > 1 && (
        <nav className="translations" aria-label={t('guide.translations')} lang={lang} dir={uiDir}>
          <span>{t('guide.translations')}:</span>{' '}
          {g.languages.map((code) =>
            code === g.lang ? (
              <span key={code} aria-current="true" className="current-language" lang={code}>
                {languageLabel(code)}
              </span>
            ) : (
              <a key={code} href={hrefFor({ name: 'guide', id: g.id, lang: code })} lang={code} hrefLang={code}>
                {languageLabel(code)}
              </a>
            ),
          )}
        </nav>
      )}
      <div className="reader-layout">
        {g.sections.length > 0 && (
          <nav className="toc" aria-labelledby="toc-title" lang={lang} dir={uiDir}>
            <h2 id="toc-title">{t('guide.contents')}</h2>
            <ol>
              {g.sections.slice(0, LIMITS.tocEntries).map((section) => (
                <li key={section.anchor} className={`toc-level-${section.level}`} lang={g.lang} dir="auto">
                  <a
                    href={hrefFor({ name: 'guide', id: g.id, lang: g.lang, section: section.anchor })}
                    aria-current={section.anchor === reading ? 'location' : undefined}
                  >
                    {section.heading}
                  </a>
                </li>
              ))}
            </ol>
            {g.sections.length + g.omittedSections > LIMITS.tocEntries && (
              <p className="toc-more" data-testid="toc-more">
                {t('guide.moreSections', { count: g.sections.length + g.omittedSections - LIMITS.tocEntries })}
              </p>
            )}
          </nav>
        )}
        <div className="reader-main">
          {total > 0 && (
            <p className="checklist-progress" role="status" lang={lang} dir={uiDir}>
              {t('guide.checklistProgress', { done, total })}
            </p>
          )}
          {saveError && <ErrorMessage message={saveError} />}
          {!isRoomShare() && <ReadingTools guide={g} />}
          {!isRoomShare() && <ReportPassage guide={g} container={container} />}
          {shortened.length > 0 && (
            <p className="notice notice-warning render-note" role="note" lang={lang} dir={uiDir} data-testid="render-shortened">
              {t('guide.shortened')}
            </p>
          )}
          {/* The HTML comes from renderGuide: bounded, then marked, then DOMPurify with a strict allow-list. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify in renderGuide (see above) */}
          <div className="guide-body" ref={container} dangerouslySetInnerHTML={{ __html: html }} />
          <SectionAddControls container={container} guide={g} html={html} />
          <aside className="guide-about" aria-labelledby="about-title" lang={lang} dir={uiDir}>
            <h2 id="about-title">{t('guide.about')}</h2>
            <dl>
              <dt>{t('guide.review')}</dt>
              <dd>
                {g.review.reviewedBy && g.review.reviewedOn
                  ? t('library.lastReviewed', { date: formatDate(g.review.reviewedOn, lang), by: g.review.reviewedBy })
                  : t('library.notReviewed')}
                <br />
                {t('guide.reviewBy', { date: formatDate(g.review.reviewBy, lang) })}
              </dd>
              <dt>{t('guide.version', { version: g.version })}</dt>
              <dd>{t('library.updated', { date: formatDate(g.updated, lang) })}</dd>
            </dl>
            <h3>{t('guide.notCovered')}</h3>
            <ul lang={g.lang} dir="auto">
              {g.notCovered.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <h3>{t('guide.changelog')}</h3>
            <ul lang={g.lang} dir="auto">
              {g.changelog.map((entry) => (
                <li key={entry.version}>
                  <strong>{t('guide.version', { version: entry.version })}</strong> ({formatDate(entry.date, lang)}): <bdi>{entry.changes}</bdi>
                </li>
              ))}
            </ul>
            <h3>{t('guide.sources')}</h3>
            {/* Sources and credits are names and titles from the guide file: shown as written, never translated. */}
            <ul className="sources" translate="no">
              {g.sources.map((source) => (
                <li key={`${source.title}${source.url ?? ''}`} dir="auto">
                  <SourceTitle source={source} />
                  {source.url && (
                    <>
                      {' '}
                      <a href={source.url} dir="ltr" data-external="true" rel="noopener noreferrer">
                        {source.url}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
            <h3>{t('guide.authors')}</h3>
            <ul translate="no">
              {g.authors.map((author) => (
                <li key={`${author.name}/${author.role ?? ''}`}>
                  <bdi>{author.name}</bdi>
                  {author.role && <> ({author.role})</>}
                </li>
              ))}
            </ul>
            <p>
              {t('guide.licence')}: <span translate="no">{g.licence}</span>
            </p>
          </aside>
        </div>
      </div>
      {external && (
        <ExternalLinkDialog
          key={external.id}
          url={external.url}
          decision={external.decision}
          // A dialog's close event arrives after it is hidden: by then another link may have opened a new dialog,
          // which this one's closing must not take down.
          onClose={() => setExternal((shown) => (shown?.id === external.id ? null : shown))}
        />
      )}
    </article>
  );
}
