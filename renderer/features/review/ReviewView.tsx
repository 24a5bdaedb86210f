import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ReviewItem,
  REVIEW_STATES,
  type ReviewCountRow,
  type ReviewDashboard,
  type ReviewFilter,
  type ReviewMark,
  type ReviewState,
} from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { jurisdictionName, languageName } from '../../lib/names';
import { hrefFor } from '../../lib/route';
import { useSettings } from '../../lib/settings';
import { useAsync } from '../../lib/use-async';
import { download } from '../../lib/download';
import { useVirtualRows } from '../../lib/virtual-rows';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useContentRevision } from '../../lib/content-revision';
import { MarkReviewedDialog } from './MarkReviewedDialog';
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
export function ReviewView({ maintainer = false }: { maintainer?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { settings, update } = useSettings();
  const ids = useId();
  const [filter, setFilter] = useState<ReviewFilter>({});
  // A mark (or any edit of the folder) reloads the content: the list follows without losing its filters.
  const revision = useContentRevision();
  const [state, retry] = useAsync(() => client.invoke('review.dashboard', filter), [filter, settings.dueSoonDays], revision);
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
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled scroll region around two tables, not a page section */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard (axe: scrollable-region-focusable) */}
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
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled row of export buttons */}
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
        <ReviewList
          dashboard={d}
          maintainer={maintainer}
          onMarked={(mark) => {
            setMessage(t('review.mark.done', { who: mark.reviewedBy, next: formatDate(mark.reviewBy, lang) }));
            retry();
          }}
        />
      )}
    </section>
  );
}

/** Rows of 10,000 guides cost seconds to lay out: a long list renders only what is in its scrolling box. */
function ReviewList({
  dashboard: d,
  maintainer,
  onMarked,
}: {
  dashboard: ReviewDashboard;
  maintainer: boolean;
  onMarked: (mark: ReviewMark) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = useVirtualRows(d.items.length, 41);
  const [marking, setMarking] = useState<ReviewItem | null>(null);
  const columns = maintainer ? 8 : 7;
  const ownerOf = (jurisdiction: string) => {
    const names = d.owners[jurisdiction] ?? [];
    return names.length > 0 ? names.join('; ') : t('review.dashboard.maintainers');
  };
  return (
    <div className={rows.virtual ? 'review-scroll review-scroll-virtual' : 'review-scroll'} ref={rows.scrollRef}>
      <table className="review-list" aria-labelledby="review-list-title" aria-rowcount={d.items.length + 1} data-testid="review-list">
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('review.dashboard.status')}</th>
            <th scope="col">{t('review.dashboard.guide')}</th>
            <th scope="col">{t('review.dashboard.language')}</th>
            <th scope="col">{t('review.dashboard.jurisdiction')}</th>
            <th scope="col">{t('review.dashboard.reviewBy')}</th>
            <th scope="col">{t('review.dashboard.lastReviewed')}</th>
            <th scope="col">{t('review.dashboard.owner')}</th>
            {maintainer && <th scope="col">{t('review.dashboard.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.before > 0 && (
            <tr className="virtual-space" style={{ blockSize: rows.before }}>
              <td colSpan={columns} aria-hidden="true" />
            </tr>
          )}
          {rows.indexes.map((index) => {
            const card = d.items[index]!;
            return (
              <tr
                key={`${card.id}/${card.lang}`}
                ref={rows.measure}
                data-index={index}
                aria-rowindex={index + 2}
                data-guide={card.id}
                data-lang={card.lang}
                data-status={card.status.primary}
              >
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
                <td data-testid="review-owner">
                  <bdi>{ownerOf(card.jurisdiction)}</bdi>
                </td>
                {maintainer && (
                  <td>
                    <button type="button" onClick={() => setMarking(card)} aria-label={t('review.mark.action', { title: card.title })}>
                      {t('review.mark.button')}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
          {rows.after > 0 && (
            <tr className="virtual-space" style={{ blockSize: rows.after }}>
              <td colSpan={columns} aria-hidden="true" />
            </tr>
          )}
        </tbody>
      </table>
      {marking && <MarkReviewedDialog key={`${marking.id}/${marking.lang}`} card={marking} onClose={() => setMarking(null)} onMarked={onMarked} />}
    </div>
  );
}
