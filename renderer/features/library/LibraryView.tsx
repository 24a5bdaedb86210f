import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideCard as Card, LibraryData } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { jurisdictionName, languageName, topicName } from '../../lib/names';
import { hrefFor } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { useContentRevision } from '../../lib/content-revision';
import { useSettings } from '../../lib/settings';
import { ErrorMessage } from '../shell/ErrorMessage';
import { ContentBadges } from '../packs/ContentFlags';
import { ReviewBadge } from '../review/ReviewBadge';
import { filterCards, type BrowseFilter } from './browse';
import { BrowsePanel } from './BrowsePanel';
import { CardLanguageNote, LanguageAvailability } from './LanguageAvailability';

export function GuideCardView({ card, library }: { card: Card; library: LibraryData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li className="guide-card" data-testid="guide-card" data-guide={card.id} data-lang={card.lang} data-jurisdiction={card.jurisdiction}>
      <h3 lang={card.lang} dir={card.dir}>
        <a href={hrefFor({ name: 'guide', id: card.id, lang: card.lang })}>{card.title}</a>
      </h3>
      <p className="summary" lang={card.lang} dir={card.dir}>
        {card.summary}
      </p>
      <p className="meta">
        <span className="tag">{jurisdictionName(library, card.jurisdiction, lang)}</span>{' '}
        <span className="tag" lang={card.lang}>
          {languageName(library, card.lang)}
        </span>{' '}
        {card.topics.map((topic) => (
          <span className="tag tag-topic" key={topic}>
            {topicName(library, topic, lang)}
          </span>
        ))}
      </p>
      <ReviewBadge status={card.status} />
      <ContentBadges card={card} />
      <p className="review-line">
        {card.review.reviewedBy && card.review.reviewedOn ? (
          <bdi>{t('library.lastReviewed', { date: formatDate(card.review.reviewedOn, lang), by: card.review.reviewedBy })}</bdi>
        ) : (
          t('library.notReviewed')
        )}
        {' · '}
        {t('library.updated', { date: formatDate(card.updated, lang) })}
      </p>
      <CardLanguageNote card={card} />
    </li>
  );
}

/** What the library was browsing, kept while the person reads a guide and comes back. */
let remembered: Omit<BrowseFilter, 'mine'> & { onlyMine: boolean } = { jurisdiction: null, topic: null, language: null, onlyMine: true };

export function LibraryView() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [state, retry] = useAsync(() => client.invoke('library.list'), [], useContentRevision());
  const [browse, setBrowse] = useState(remembered);
  useEffect(() => {
    remembered = browse;
  }, [browse]);
  const filter: BrowseFilter = {
    jurisdiction: browse.jurisdiction,
    topic: browse.topic,
    language: browse.language,
    mine: browse.onlyMine ? settings.myJurisdiction : null,
  };
  const library = state.status === 'ready' ? state.value : null;
  const shown = useMemo(
    () => (library ? filterCards(library.guides, library.jurisdictions, filter) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [library, filter.jurisdiction, filter.topic, filter.language, filter.mine],
  );
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const lib = state.value;
  const filtered = filter.jurisdiction !== null || filter.topic !== null || filter.language !== null || filter.mine !== null;
  return (
    <section aria-labelledby="library-title" className="library">
      <h1 id="library-title">{t('library.title')}</h1>
      <div className="library-layout">
        <BrowsePanel
          library={lib}
          filter={filter}
          myJurisdiction={settings.myJurisdiction}
          onChange={(next) =>
            setBrowse({ jurisdiction: next.jurisdiction, topic: next.topic, language: next.language, onlyMine: next.mine !== null })
          }
        />
        <div className="library-results">
          <div className="results-bar">
            <LanguageAvailability library={lib} language={browse.language} onChange={(language) => setBrowse({ ...browse, language })} />
            <p role="status" data-testid="library-count">
              {t('library.count', { count: shown.length })}
            </p>
            {filtered && (
              <button type="button" onClick={() => setBrowse({ jurisdiction: null, topic: null, language: null, onlyMine: false })}>
                {t('library.showAll')}
              </button>
            )}
          </div>
          {lib.invalid.length > 0 && (
            <p className="notice notice-warning" data-testid="invalid-notice">
              {t('problems.notice', { count: lib.invalid.length })} <a href={hrefFor({ name: 'problems' })}>{t('problems.open')}</a>
            </p>
          )}
          {shown.length === 0 ? (
            <p>{t('library.empty')}</p>
          ) : (
            <ul className="guide-list">
              {shown.map((card) => (
                <GuideCardView key={`${card.id}/${card.lang}`} card={card} library={lib} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
