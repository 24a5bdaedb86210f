import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_STATES, type ReviewCountRow, type ReviewDashboard, type ReviewFilter, type ReviewState } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { jurisdictionName, languageName } from '../../lib/names';
import { hrefFor } from '../../lib/route';
import { useSettings } from '../../lib/settings';
import { useAsync } from '../../lib/use-async';
import { download } from '../../lib/download';
import { ErrorMessage } from '../shell/ErrorMessage';
import { ReviewBadge } from './ReviewBadge';

function CountsTable({
  caption,
  keyLabel,
  rows,
  total,
  nameOf,
  testId,
}: {
  caption: string;
  keyLabel: string;
  rows: ReviewCountRow[];
  total: ReviewCountRow;
  nameOf: (key: string) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="review-counts" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">{t('review.dashboard.guides')}</th>
          {REVIEW_STATES.map((state) => (
            <th scope="col" key={state}>
              {t(`review.state.${state}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{nameOf(row.key)}</th>
            <td>{row.total}</td>
            {REVIEW_STATES.map((state) => (
              <td key={state} data-state={state} className={row.counts[state] > 0 ? `count-${state}` : undefined}>
                {row.counts[state]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-key="all">
          <th scope="row">{t('review.dashboard.all')}</th>
          <td>{total.total}</td>
          {REVIEW_STATES.map((state) => (
            <td key={state} data-state={state}>
              {total.counts[state]}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

/** For maintainers and trainers: which guides need review, counted by jurisdiction and language, most urgent first. */
export function ReviewView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { settings, update } = useSettings();
  const ids = useId();
  const [filter, setFilter] = useState<ReviewFilter>({});
  const [state, retry] = useAsync(() => client.invoke('review.dashboard', filter), [filter, settings.dueSoonDays]);
  const [windowDays, setWindowDays] = useState(String(settings.dueSoonDays));
  const [message, setMessage] = useState('');
  useEffect(() => setWindowDays(String(settings.dueSoonDays)), [settings.dueSoonDays]);
  // Keep the last answer on screen while a new filter loads, so the controls do not vanish under the person's hand.
  const [shown, setShown] = useState<ReviewDashboard | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setShown(state.value);
  }, [state]);

  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  if (!shown) return <p role="status">{t('app.loading')}</p>;
  const d = shown;
  const setField = <K extends keyof ReviewFilter>(key: K, value: ReviewFilter[K] | undefined) =>
    setFilter((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const saveWindow = () => {
    const days = Number(windowDays);
    if (Number.isInteger(days) && days >= 1 && days <= 365 && days !== settings.dueSoonDays) void update({ dueSoonDays: days });
    else setWindowDays(String(settings.dueSoonDays));
  };
  const exportAs = async (format: 'csv' | 'markdown') => {
    setMessage('');
    try {
      const file = await client.invoke('review.export', { format, ...filter });
      download(file.fileName, file.mediaType, file.text);
      setMessage(t('review.dashboard.exported', { file: file.fileName }));
    } catch (error) {
      setMessage(t('app.error', { message: (error as Error).message }));
    }
  };

  return (
    <section aria-labelledby="review-title" className="review-dashboard">
      <h1 id="review-title">{t('review.dashboard.title')}</h1>
      <p data-testid="review-as-of">{t('review.dashboard.asOf', { date: formatDate(d.today, lang) })}</p>
      <p className="help">{t('review.dashboard.rule')}</p>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          saveWindow();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-1`}>{t('review.dashboard.window')}</label>
          <input
            id={`${ids}-1`}
            type="number"
            min={1}
            max={365}
            step={1}
            value={windowDays}
            onChange={(event) => setWindowDays(event.target.value)}
            onBlur={saveWindow}
            data-testid="due-soon-days"
          />
        </div>
      </form>

      <h2>{t('review.dashboard.counts')}</h2>
      <p className="help">{t('review.dashboard.countsHelp')}</p>
      {/* Focusable so that a keyboard can scroll the tables sideways on a narrow window. */}
      <div className="review-counts-wrap" role="region" tabIndex={0} aria-label={t('review.dashboard.counts')}>
        <CountsTable
          caption={t('review.dashboard.byJurisdiction')}
          keyLabel={t('review.dashboard.jurisdiction')}
          rows={d.byJurisdiction}
          total={d.total}
          nameOf={(code) => jurisdictionName(d, code, lang)}
          testId="counts-jurisdiction"
        />
        <CountsTable
          caption={t('review.dashboard.byLanguage')}
          keyLabel={t('review.dashboard.language')}
          rows={d.byLanguage}
          total={d.total}
          nameOf={(code) => languageName(d, code)}
          testId="counts-language"
        />
      </div>

      <h2 id="review-list-title">{t('review.dashboard.list')}</h2>
      <fieldset className="filters">
        <legend>{t('review.dashboard.filters')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-2`}>{t('review.dashboard.status')}</label>
          <select
            id={`${ids}-2`}
            value={filter.state ?? ''}
            onChange={(event) => setField('state', (event.target.value || undefined) as ReviewState | undefined)}
          >
            <option value="">{t('review.dashboard.any')}</option>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`review.state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-3`}>{t('review.dashboard.jurisdiction')}</label>
          <select id={`${ids}-3`} value={filter.jurisdiction ?? ''} onChange={(event) => setField('jurisdiction', event.target.value || undefined)}>
            <option value="">{t('review.dashboard.any')}</option>
            {d.byJurisdiction.map((row) => (
              <option key={row.key} value={row.key}>
                {jurisdictionName(d, row.key, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-4`}>{t('review.dashboard.language')}</label>
          <select id={`${ids}-4`} value={filter.lang ?? ''} onChange={(event) => setField('lang', event.target.value || undefined)}>
            <option value="">{t('review.dashboard.any')}</option>
            {d.byLanguage.map((row) => (
              <option key={row.key} value={row.key} lang={row.key}>
                {languageName(d, row.key)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-5`}>{t('review.dashboard.kind')}</label>
          <select
            id={`${ids}-5`}
            value={filter.legal === undefined ? '' : filter.legal ? 'legal' : 'other'}
            onChange={(event) => setField('legal', event.target.value === '' ? undefined : event.target.value === 'legal')}
          >
            <option value="">{t('review.dashboard.any')}</option>
            <option value="legal">{t('review.dashboard.legal')}</option>
            <option value="other">{t('review.dashboard.other')}</option>
          </select>
        </div>
      </fieldset>
      <div className="review-actions" role="group" aria-label={t('review.dashboard.export')}>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('review.dashboard.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('markdown')}>
          {t('review.dashboard.exportMarkdown')}
        </button>
      </div>
      <p role="status" data-testid="review-shown">
        {t('review.dashboard.shown', { count: d.items.length })} {message}
      </p>
      {d.items.length === 0 ? (
        <p>{t('review.dashboard.empty')}</p>
      ) : (
        <div className="review-scroll">
          <table className="review-list" aria-labelledby="review-list-title" data-testid="review-list">
            <thead>
              <tr>
                <th scope="col">{t('review.dashboard.status')}</th>
                <th scope="col">{t('review.dashboard.guide')}</th>
                <th scope="col">{t('review.dashboard.language')}</th>
                <th scope="col">{t('review.dashboard.jurisdiction')}</th>
                <th scope="col">{t('review.dashboard.reviewBy')}</th>
                <th scope="col">{t('review.dashboard.lastReviewed')}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((card) => (
                <tr key={`${card.id}/${card.lang}`} data-guide={card.id} data-lang={card.lang} data-status={card.status.primary}>
                  <td>
                    <ReviewBadge status={card.status} />
                  </td>
                  <td lang={card.lang} dir="auto">
                    <a href={hrefFor({ name: 'guide', id: card.id, lang: card.lang })}>{card.title}</a>
                  </td>
                  <td lang={card.lang}>{languageName(d, card.lang)}</td>
                  <td>{jurisdictionName(d, card.jurisdiction, lang)}</td>
                  <td>{formatDate(card.status.reviewBy, lang)}</td>
                  <td>
                    {card.review.reviewedBy && card.review.reviewedOn ? (
                      <bdi>
                        {card.review.reviewedBy}, {formatDate(card.review.reviewedOn, lang)}
                      </bdi>
                    ) : (
                      t('review.dashboard.notReviewed')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
