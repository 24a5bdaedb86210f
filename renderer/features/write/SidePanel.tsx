import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../electron/api/drafts';
import type { LibraryData } from '../../../electron/api/types';
import { ReportsPanel } from '../reports/ReportsPanel';
import { RenderedMarkdown } from './RenderedMarkdown';

interface Tab {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Beside the editor: the text being translated, the maintainer's answer, and readers' reports on this guide (a
 * .fbreports file opened here). Each is a tab of one tab list; arrow keys move between them.
 */
export function SidePanel({ draft, library, uiLang }: { draft: DraftView; library: LibraryData; uiLang: string }) {
  const { t, i18n } = useTranslation();
  const tabs: Tab[] = [];
  const { source, reply } = draft;
  if (source) {
    const dir = library.languages.find((l) => l.code === source.lang)?.dir ?? 'ltr';
    tabs.push({
      id: 'source',
      label: t('write.side.source', { lang: library.languages.find((l) => l.code === source.lang)?.name ?? source.lang }),
      content: (
        <div lang={source.lang} dir={dir} data-testid="side-source">
          <h3 dir="auto">{source.title}</h3>
          <p className="side-version">{t('write.side.sourceVersion', { version: source.version })}</p>
          <RenderedMarkdown markdown={source.body} lang={source.lang} dir={dir} />
        </div>
      ),
    });
  }
  if (reply) {
    tabs.push({
      id: 'notes',
      label: t('write.side.notes'),
      content: (
        <div data-testid="side-notes">
          <p>{t(`write.reply.${reply.decision}`, { date: reply.date, version: reply.published ?? '' })}</p>
          {reply.message && (
            <blockquote dir="auto" data-testid="reply-message">
              {reply.message}
            </blockquote>
          )}
          {reply.notes.length > 0 && (
            <ul data-testid="reply-notes">
              {reply.notes.map((note) => (
                <li key={note} dir="auto">
                  {note}
                </li>
              ))}
            </ul>
          )}
        </div>
      ),
    });
  }
  // A guide that exists (a new version or translation of it) may have readers' reports to read while writing.
  if (draft.kind !== 'new') {
    tabs.push({
      id: 'reports',
      label: t('reports.panel.title'),
      content: <ReportsPanel guideId={draft.guide} lang={draft.lang} titled={false} />,
    });
  }
  const [chosen, setChosen] = useState(reply ? 'notes' : (tabs[0]?.id ?? ''));
  if (tabs.length === 0) return null;
  const active = tabs.find((tab) => tab.id === chosen) ?? tabs[0]!;
  const move = (event: KeyboardEvent, index: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const rtl = i18n.dir(uiLang) === 'rtl';
    const next = tabs[(index + (rtl ? -step : step) + tabs.length) % tabs.length]!;
    setChosen(next.id);
    document.getElementById(`side-tab-${next.id}`)?.focus();
  };
  return (
    <aside className="side-panel" aria-label={t('write.side.label')} lang={uiLang} dir={i18n.dir(uiLang)} data-testid="side-panel">
      <div role="tablist" aria-label={t('write.side.label')}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            id={`side-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === active.id}
            aria-controls={`side-panel-${tab.id}`}
            tabIndex={tab.id === active.id ? 0 : -1}
            onClick={() => setChosen(tab.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the ARIA tabs pattern: a panel of long text is reached and scrolled by keyboard */}
      <div role="tabpanel" id={`side-panel-${active.id}`} aria-labelledby={`side-tab-${active.id}`} tabIndex={0}>
        {active.content}
      </div>
    </aside>
  );
}
