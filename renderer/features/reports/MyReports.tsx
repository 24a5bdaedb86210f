import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, REPORT_LIMITS, type ReportKind } from '../../../electron/api/report-limits';
import type { MyReport } from '../../../electron/api/reports';
import { client } from '../../lib/client';
import { download } from '../../lib/download';
import { formatDate } from '../../lib/i18n';
import { hrefFor } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';

/** The person's own reports, by guide: change or delete each, and save a guide's reports (or all) for its partner. */
export function MyReports() {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [state, retry] = useAsync(() => client.invoke('reports.list'), [attempt]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (task: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await task() });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    }
    setAttempt((n) => n + 1);
  };
  const save = (guide?: { guide: string; lang: string }) =>
    run(async () => {
      const file = await client.invoke('reports.export', guide ?? {});
      download(file.fileName, file.mediaType, file.text);
      return t('reports.mine.savedFile', { file: file.fileName });
    });

  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const reports = state.status === 'ready' ? state.value : null;
  const groups = new Map<string, MyReport[]>();
  for (const report of reports ?? []) {
    const key = `${report.guide}/${report.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), report]);
  }
  return (
    <section aria-labelledby="my-reports-title" data-testid="my-reports" data-count={reports?.length ?? ''}>
      <h2 id="my-reports-title">{t('reports.mine.title')}</h2>
      <p className="help">{t('reports.mine.help')}</p>
      <p role={message?.ok === false ? 'alert' : 'status'} className={message?.ok === false ? 'error' : 'saved'} data-testid="my-reports-status">
        {message?.text ?? ''}
      </p>
      {reports === null ? (
        <p role="status">{t('app.loading')}</p>
      ) : reports.length === 0 ? (
        <p>{t('reports.mine.none')}</p>
      ) : (
        <>
          <button type="button" onClick={() => void save()} data-testid="reports-save-all">
            {t('reports.mine.saveAll', { count: reports.length })}
          </button>
          {[...groups.values()].map((list) => {
            const first = list[0]!;
            return (
              <section
                key={`${first.guide}/${first.lang}`}
                className="report-group"
                aria-label={first.title ?? first.guide}
                data-guide={first.guide}
                data-lang={first.lang}
              >
                <h3 lang={first.lang} dir="auto">
                  <a href={hrefFor({ name: 'guide', id: first.guide, lang: first.lang })}>{first.title ?? first.guide}</a>
                </h3>
                <button type="button" onClick={() => void save({ guide: first.guide, lang: first.lang })} data-testid="reports-save-guide">
                  {t('reports.mine.saveGuide', { count: list.length })}
                </button>
                <ul className="report-list">
                  {list.map((report) => (
                    <li key={report.id}>
                      <ReportEditor
                        report={report}
                        onSave={(change) =>
                          run(async () => {
                            await client.invoke('reports.update', { id: report.id, ...change });
                            return t('reports.mine.changed');
                          })
                        }
                        onDelete={() =>
                          run(async () => {
                            await client.invoke('reports.delete', { id: report.id });
                            return t('reports.mine.deleted');
                          })
                        }
                      />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

function ReportEditor({
  report,
  onSave,
  onDelete,
}: {
  report: MyReport;
  onSave: (change: { kind: ReportKind; note: string }) => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState(report.kind);
  const [note, setNote] = useState(report.note);
  return (
    <form
      className="report-editor"
      data-testid="my-report"
      data-kind={report.kind}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ kind, note });
      }}
    >
      <p className="report-where">
        {t('reports.mine.where', { date: formatDate(report.date, i18n.language), version: report.version })}{' '}
        {report.section ? <bdi lang={report.lang}>{report.heading ?? `#${report.section}`}</bdi> : t('reports.reader.wholeGuide')}
      </p>
      {report.quote && (
        <blockquote lang={report.lang} dir="auto">
          {report.quote}
        </blockquote>
      )}
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('reports.reader.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as ReportKind)}>
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`reports.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('reports.reader.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={REPORT_LIMITS.note}
          spellCheck={false}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="dialog-actions">
        <button type="submit" disabled={note.trim() === '' || (kind === report.kind && note === report.note)}>
          {t('reports.mine.saveChanges')}
        </button>
        <button type="button" onClick={onDelete}>
          {t('reports.mine.delete')}
        </button>
      </div>
    </form>
  );
}
