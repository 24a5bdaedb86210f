import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, GuideView } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { hrefFor, navigate, type Route } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';
import { SourceTitle } from '../guide/SourceTitle';
import { Nodes } from './Nodes';
import { type GuidePart, partsFor } from './sections';

interface HandoutPart {
  guide: GuideView;
  /** The one section printed, or null for the whole guide. */
  section: string | null;
  parts: GuidePart[];
}

interface Handout {
  /** The route this was loaded for: the page signals which handout is ready, not only that one is. */
  route: string;
  title: string;
  /** A collection's name, printed once at the top; null for one guide. */
  collection: string | null;
  docs: HandoutPart[];
  missing: string[];
}

async function loadHandout(route: Extract<Route, { name: 'handout' }>): Promise<Handout> {
  return { route: hrefFor(route), ...(await loadParts(route)) };
}

async function loadParts(route: Extract<Route, { name: 'handout' }>): Promise<Omit<Handout, 'route'>> {
  if (route.of === 'guide') {
    const guide = await client.invoke('guide.get', { id: route.id, lang: route.lang });
    return { title: guide.title, collection: null, docs: [{ guide, section: null, parts: partsFor(guide, null) }], missing: [] };
  }
  const collection = await client.invoke('collections.get', { id: route.id });
  const docs: HandoutPart[] = [];
  const missing: string[] = [];
  for (const item of collection.items) {
    if (!item.card) {
      missing.push(`${item.guide} (${item.lang})`);
      continue;
    }
    const guide = await client.invoke('guide.get', { id: item.guide, lang: item.lang });
    docs.push({ guide, section: item.section, parts: partsFor(guide, item.section) });
  }
  // The trainer's notes stay out: a handout carries the guides only, never what the person wrote or ticked.
  return { title: collection.name, collection: collection.name, docs, missing };
}

/**
 * The print view of a guide or a collection: what a handout carries on paper. Each guide is a table whose header
 * row Chromium repeats at the top of every printed page (CSS @page margin boxes are not supported there), so every
 * page names the guide, its version, review status and the date. Ticks and notes never appear.
 */
export function HandoutView({ route, mode }: { route: Extract<Route, { name: 'handout' }>; mode: AppInfo['mode'] }) {
  const { t } = useTranslation();
  const [state, retry] = useAsync(() => loadHandout(route), [route.of, route.id, route.lang, route.large]);
  const [message, setMessage] = useState<string | null>(null);
  const large = route.large === true;
  useEffect(() => {
    document.documentElement.classList.toggle('handout-large-print', large);
    return () => document.documentElement.classList.remove('handout-large-print');
  }, [large]);

  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const handout = state.value;
  const fileName = `${handout.title}.pdf`;
  const back = route.of === 'guide' ? hrefFor({ name: 'guide', id: route.id, lang: route.lang }) : hrefFor({ name: 'collection', id: route.id });
  const printDesktop = async (action: 'pdf' | 'print') => {
    try {
      setMessage((await client.invoke('handout.print', { action, fileName })).message);
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };

  return (
    <div className={large ? 'handout handout-large' : 'handout'} data-testid="handout" data-ready="true" data-route={handout.route}>
      <fieldset className="handout-toolbar">
        <legend className="visually-hidden">{t('workshops.print.toolbar')}</legend>
        <a href={back}>{t('workshops.print.back')}</a>
        <label>
          <input
            type="checkbox"
            checked={large}
            data-testid="large-print"
            onChange={(event) => navigate({ ...route, large: event.target.checked })}
          />{' '}
          {t('workshops.print.large')}
        </label>
        {mode === 'desktop' ? (
          <>
            <button type="button" onClick={() => void printDesktop('pdf')}>
              {t('workshops.print.savePdf')}
            </button>
            <button type="button" onClick={() => void printDesktop('print')}>
              {t('workshops.print.print')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="print-now" onClick={() => window.print()}>
            {t('workshops.print.print')}
          </button>
        )}
        <p role="status">{message}</p>
        <p className="help">{t('workshops.print.help')}</p>
      </fieldset>
      {handout.collection && (
        <h1 className="handout-collection" dir="auto">
          {handout.collection}
        </h1>
      )}
      {handout.missing.length > 0 && <p className="notice notice-warning">{t('workshops.print.missing', { guides: handout.missing.join(', ') })}</p>}
      {handout.docs.map((doc) => (
        <HandoutGuide key={`${doc.guide.id}/${doc.guide.lang}#${doc.section ?? ''}`} doc={doc} heading={handout.collection ? 2 : 1} />
      ))}
    </div>
  );
}

function HandoutGuide({ doc, heading }: { doc: HandoutPart; heading: 1 | 2 }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { guide } = doc;
  const Title = heading === 1 ? 'h1' : 'h2';
  const status = [guide.status.primary, ...guide.status.states.filter((s) => s !== guide.status.primary && s !== 'current')]
    .map((state) => t(`review.state.${state}`))
    .join(' · ');
  const reviewed =
    guide.review.reviewedBy && guide.review.reviewedOn
      ? t('library.lastReviewed', { date: formatDate(guide.review.reviewedOn, lang), by: guide.review.reviewedBy })
      : t('library.notReviewed');
  return (
    <table className="handout-guide" role="presentation" data-testid="handout-guide" data-guide={guide.id} data-lang={guide.lang}>
      <thead>
        <tr>
          <th className="handout-running" data-testid="handout-running">
            <bdi lang={guide.lang}>{guide.title}</bdi> · {t('guide.version', { version: guide.version })} · <strong>{status}</strong> ·{' '}
            {t('workshops.print.printed', { date: formatDate(guide.status.today, lang) })}
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>
            <div lang={guide.lang} dir={guide.dir}>
              <Title dir="auto">{guide.title}</Title>
              <p className="summary" dir="auto">
                {guide.summary}
              </p>
              <Nodes nodes={doc.parts.map((part) => part.nodes)} className="guide-body handout-body" />
            </div>
            <section className="handout-about">
              <h3>{t('guide.about')}</h3>
              <p>
                {t('guide.version', { version: guide.version })} · {t('library.updated', { date: formatDate(guide.updated, lang) })} ·{' '}
                <strong>{status}</strong>
              </p>
              <p>
                <bdi>{reviewed}</bdi> · {t('guide.reviewBy', { date: formatDate(guide.review.reviewBy, lang) })}
              </p>
              {guide.notCovered.length > 0 && (
                <>
                  <h4>{t('guide.notCovered')}</h4>
                  <ul lang={guide.lang} dir="auto">
                    {guide.notCovered.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </>
              )}
              <h4>{t('guide.sources')}</h4>
              <ul className="handout-sources" translate="no">
                {guide.sources.map((source) => (
                  <li key={`${source.title}${source.url ?? ''}`} dir="auto">
                    <SourceTitle source={source} />
                    {/* Printed as its address: a link cannot be followed on paper. */}
                    {source.url && (
                      <>
                        {' '}
                        <span dir="ltr" className="handout-url">
                          {source.url}
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              <p translate="no">
                {t('guide.authors')}: {guide.authors.map((author) => author.name).join(', ')} · {t('guide.licence')}: {guide.licence}
              </p>
            </section>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
