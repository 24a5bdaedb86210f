import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedReport } from '../../../electron/api/reports';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';

/**
 * The file opened last in this page, so the panel keeps it while the writing area switches tabs. Readers' words are
 * personal too: the page forgets it when the app locks or is wiped, like everything else it shows.
 */
let lastOpened: { name: string; reports: OpenedReport[] } | null = null;
let forgetsOnLock = false;
function remember(opened: { name: string; reports: OpenedReport[] }): void {
  if (!forgetsOnLock) {
    forgetsOnLock = true;
    client.on('locked', () => {
      lastOpened = null;
    });
  }
  lastOpened = opened;
}

/**
 * Readers' reports from a `.fbreports` file, for the guide being written: a partner opens the file a reader saved
 * and sees, beside the guide, what readers found wrong, outdated or unclear. With `guideId` and `lang`, only that
 * guide's reports are listed (and how many the file holds on others); without them, all of them by guide. The file
 * is checked by the core (each bad field named) and kept in the page only, never stored. `titled={false}` leaves out
 * the panel's own heading, for a place that already names it (a tab labelled "Readers' reports").
 */
export function ReportsPanel({ guideId, lang, titled = true }: { guideId?: string; lang?: string; titled?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [opened, setOpened] = useState(lastOpened);
  const [error, setError] = useState('');
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    try {
      const { reports } = await client.invoke('reports.open', { text: await file.text() });
      remember({ name: file.name, reports });
      setOpened(lastOpened);
    } catch (failure) {
      setError(t('reports.panel.failed', { file: file.name, message: (failure as Error).message }));
    }
  };
  const forGuide = (report: OpenedReport) => guideId === undefined || (report.guide === guideId && (lang === undefined || report.lang === lang));
  const shown = opened?.reports.filter(forGuide) ?? [];
  const others = (opened?.reports.length ?? 0) - shown.length;
  return (
    <section
      className="reports-panel"
      aria-labelledby={titled ? `${id}-title` : undefined}
      aria-label={titled ? undefined : t('reports.panel.title')}
      data-testid="reports-panel"
      data-state={error ? 'error' : opened ? 'opened' : 'empty'}
      data-count={shown.length}
    >
      {titled && <h2 id={`${id}-title`}>{t('reports.panel.title')}</h2>}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('reports.panel.open')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".fbreports,application/json"
          data-testid="reports-file"
          onChange={(event) => void openFile(event.target.files?.[0])}
        />
      </div>
      {error && (
        <p role="alert" className="error" data-testid="reports-panel-error">
          {error}
        </p>
      )}
      {opened && (
        <p role="status">
          {t('reports.panel.count', { count: shown.length, file: opened.name })} {others > 0 && t('reports.panel.others', { count: others })}
        </p>
      )}
      {shown.length > 0 && (
        <ol className="report-list">
          {shown.map((report, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a file's reports carry no ids (by design), and an opened list never reorders
              key={`${report.guide}/${report.lang}/${index}`}
              data-testid="opened-report"
              data-kind={report.kind}
              data-guide={report.guide}
              data-lang={report.lang}
            >
              <p>
                <strong>{t(`reports.kind.${report.kind}`)}</strong>{' '}
                {guideId === undefined && (
                  <bdi lang={report.lang} dir="auto">
                    {report.title ?? report.guide}{' '}
                  </bdi>
                )}
                {report.section ? <bdi lang={report.lang}>{report.heading ?? `#${report.section}`}</bdi> : t('reports.reader.wholeGuide')}
                {' · '}
                {t('reports.mine.where', { date: formatDate(report.date, i18n.language), version: report.version })}
              </p>
              {report.currentVersion !== null && report.currentVersion > report.version && (
                <p className="notice" data-testid="report-older">
                  {t('reports.panel.older', { version: report.version, current: report.currentVersion })}
                </p>
              )}
              {report.quote && (
                <blockquote lang={report.lang} dir="auto">
                  {report.quote}
                </blockquote>
              )}
              <p dir="auto" className="report-note">
                {report.note}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
