import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideDiff, GuideVersionInfo, GuideVersionText, GuideView } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { ErrorMessage } from '../shell/ErrorMessage';
import { forgetLastRead } from './HistoryBadge';
import { WordDiff } from './HistoryDiff';
import { renderGuide } from './render';

/** The version of each guide opened before this one, asked once per guide per page load (a re-render asks nothing). */
const previousRead = new Map<string, Promise<number | null>>();

/** The version read before this one (null the first time), or undefined until the core has recorded this reading. */
function usePreviousRead(guide: GuideView): number | null | undefined {
  const [previous, setPrevious] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    const key = `${guide.id}/${guide.lang}@${guide.version}`;
    let asked = previousRead.get(key);
    if (!asked) {
      asked = client.invoke('guide.markRead', { id: guide.id, lang: guide.lang, version: guide.version }).then(
        (answer) => {
          // The cards ask again, now that this reading is recorded.
          forgetLastRead();
          return answer.previous;
        },
        () => null,
      );
      previousRead.set(key, asked);
    }
    let current = true;
    setPrevious(undefined);
    void asked.then((value) => current && setPrevious(value));
    return () => {
      current = false;
    };
  }, [guide.id, guide.lang, guide.version]);
  return previous;
}

type Pane = { name: 'closed' } | { name: 'list' } | { name: 'diff'; from: number; to: number } | { name: 'read'; version: number };

/**
 * A guide's history in the reader: "changed since you last read it", the list of versions with their changelog
 * entries, a word-level diff between any two, and any earlier version read-only.
 */
export function GuideHistory({ guide }: { guide: GuideView }) {
  const { t, i18n } = useTranslation();
  const uiLang = i18n.language;
  const uiDir = i18n.dir(uiLang);
  const previous = usePreviousRead(guide);
  const [pane, setPane] = useState<Pane>({ name: 'closed' });
  const [versions, setVersions] = useState<GuideVersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const panel = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new guide or version starts from a closed history
  useEffect(() => {
    setPane({ name: 'closed' });
    setVersions(null);
  }, [guide.id, guide.lang, guide.version]);
  useEffect(() => {
    if (pane.name === 'closed' || versions) return;
    client.invoke('guide.versions', { id: guide.id, lang: guide.lang }).then(setVersions, (e: Error) => setError(e.message));
  }, [pane.name, versions, guide.id, guide.lang]);

  const open = (next: Pane) => {
    setError(null);
    setPane(next);
    requestAnimationFrame(() => panel.current?.focus());
  };
  const changed = typeof previous === 'number' && previous < guide.version;

  return (
    <section
      className="guide-history"
      aria-label={t('versions.title')}
      lang={uiLang}
      dir={uiDir}
      data-testid="guide-history"
      data-read-recorded={previous !== undefined}
    >
      {changed && (
        <p className="notice notice-changed" role="note" data-testid="changed-notice" data-last-read={previous}>
          {t('versions.changedNotice', { version: previous, current: guide.version })}{' '}
          <button type="button" onClick={() => open({ name: 'diff', from: previous as number, to: guide.version })}>
            {t('versions.showChangesSince', { version: previous })}
          </button>
        </p>
      )}
      <button
        type="button"
        aria-expanded={pane.name !== 'closed'}
        aria-controls={panelId}
        data-testid="history-toggle"
        onClick={() => (pane.name === 'closed' ? open({ name: 'list' }) : setPane({ name: 'closed' }))}
      >
        {t('versions.title')}
      </button>
      <div id={panelId} ref={panel} tabIndex={-1} hidden={pane.name === 'closed'} className="history-panel" data-testid="history-panel">
        {error && <ErrorMessage message={error} />}
        {pane.name !== 'closed' && !versions && !error && <p role="status">{t('app.loading')}</p>}
        {pane.name !== 'closed' && versions && (
          <>
            <VersionList guide={guide} versions={versions} onRead={(version) => open({ name: 'read', version })} />
            <ComparePicker
              versions={versions}
              initial={pane.name === 'diff' ? pane : null}
              onCompare={(from, to) => setPane({ name: 'diff', from, to })}
            />
            {pane.name === 'diff' && <DiffPane guide={guide} from={pane.from} to={pane.to} />}
            {pane.name === 'read' && <EarlierVersion guide={guide} version={pane.version} onClose={() => open({ name: 'list' })} />}
          </>
        )}
      </div>
    </section>
  );
}

function VersionList({ guide, versions, onRead }: { guide: GuideView; versions: GuideVersionInfo[]; onRead: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="version-list" data-testid="version-list" aria-label={t('versions.versions')}>
      {versions.map((v) => (
        <li key={v.version} data-version={v.version} data-source={v.source}>
          <strong>{t('guide.version', { version: v.version })}</strong>
          {v.date && <> ({formatDate(v.date, i18n.language)})</>}
          {v.current && <> — {t('versions.current')}</>}:{' '}
          <bdi lang={guide.lang} data-testid="version-changes">
            {v.changes || t('versions.noChangelog')}
          </bdi>{' '}
          {!v.current && (
            <button type="button" onClick={() => onRead(v.version)} data-testid="read-version">
              {t('versions.readVersion', { version: v.version })}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

function ComparePicker({
  versions,
  initial,
  onCompare,
}: {
  versions: GuideVersionInfo[];
  initial: { from: number; to: number } | null;
  onCompare: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const newest = versions[0]?.version ?? 1;
  const older = versions[1]?.version ?? newest;
  const [from, setFrom] = useState(initial?.from ?? older);
  const [to, setTo] = useState(initial?.to ?? newest);
  useEffect(() => {
    if (initial) {
      setFrom(initial.from);
      setTo(initial.to);
    }
  }, [initial]);
  const fromId = useId();
  const toId = useId();
  if (versions.length < 2) return <p>{t('versions.onlyOne')}</p>;
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      {t('guide.version', { version: v.version })}
    </option>
  ));
  return (
    <form
      className="compare-picker"
      onSubmit={(event) => {
        event.preventDefault();
        onCompare(from, to);
      }}
    >
      <label htmlFor={fromId}>{t('versions.compareFrom')}</label>{' '}
      <select id={fromId} value={from} onChange={(e) => setFrom(Number(e.target.value))} data-testid="compare-from">
        {options}
      </select>{' '}
      <label htmlFor={toId}>{t('versions.compareTo')}</label>{' '}
      <select id={toId} value={to} onChange={(e) => setTo(Number(e.target.value))} data-testid="compare-to">
        {options}
      </select>{' '}
      <button type="submit" data-testid="compare">
        {t('versions.compare')}
      </button>
    </form>
  );
}

function DiffPane({ guide, from, to }: { guide: GuideView; from: number; to: number }) {
  const { t } = useTranslation();
  const [diff, setDiff] = useState<GuideDiff | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    setDiff(null);
    client.invoke('guide.diff', { id: guide.id, lang: guide.lang, from, to }).then(
      (value) => current && setDiff(value),
      (e: Error) => current && setDiff({ error: e.message }),
    );
    return () => {
      current = false;
    };
  }, [guide.id, guide.lang, from, to]);
  if (!diff) return <p role="status">{t('app.loading')}</p>;
  if ('error' in diff) return <ErrorMessage message={diff.error} />;
  return (
    <section aria-label={t('versions.diffTitle', { from, to })} data-testid="diff-pane" data-from={from} data-to={to}>
      <h3>{t('versions.diffTitle', { from, to })}</h3>
      <WordDiff parts={diff.parts} lang={guide.lang} dir={guide.dir} label={t('versions.diffTitle', { from, to })} />
    </section>
  );
}

function EarlierVersion({ guide, version, onClose }: { guide: GuideView; version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState<GuideVersionText | { error: string } | null>(null);
  useEffect(() => {
    let current = true;
    setText(null);
    client.invoke('guide.version', { id: guide.id, lang: guide.lang, version }).then(
      (value) => current && setText(value),
      (e: Error) => current && setText({ error: e.message }),
    );
    return () => {
      current = false;
    };
  }, [guide.id, guide.lang, version]);
  // The same pipeline as the reader: bounded, marked, then DOMPurify.
  const html = useMemo(() => (text && !('error' in text) ? renderGuide(text.body, guide.lang).html : ''), [text, guide.lang]);
  if (!text) return <p role="status">{t('app.loading')}</p>;
  if ('error' in text) return <ErrorMessage message={text.error} />;
  return (
    <section
      className="earlier-version"
      aria-label={t('versions.readingVersion', { version, latest: guide.version })}
      data-testid="earlier-version"
      data-version={version}
    >
      <p className="notice notice-warning" role="note" data-testid="earlier-notice">
        {t('versions.readingVersion', { version, latest: guide.version })}{' '}
        <button type="button" onClick={onClose}>
          {t('versions.readCurrent')}
        </button>
      </p>
      {/* renderGuide's output: bounded, then marked, then DOMPurify with the reader's strict allow-list. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderGuide (DOMPurify), as the reader's own body */}
      <div className="guide-body" lang={guide.lang} dir={guide.dir} dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
