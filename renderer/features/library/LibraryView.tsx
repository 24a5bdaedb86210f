import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideCard as Card, LibraryData } from '../../../electron/api/types';
import { isRoomShare } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { jurisdictionName, languageName, topicName } from '../../lib/names';
import { hrefFor } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { libraryList } from '../../lib/library-list';
import { useProgressiveCount } from '../../lib/progressive';
import { useContentRevision } from '../../lib/content-revision';
import { useSettings } from '../../lib/settings';
import { ErrorMessage } from '../shell/ErrorMessage';
import { ContentBadges } from '../packs/ContentFlags';
import { ReviewBadge } from '../review/ReviewBadge';
import { ChangedBadge } from '../guide/HistoryBadge';
import { AddToCollection } from '../workshops/AddToCollection';
import { filterCards, groupCards, placeOf, type BrowseFilter, type CardGroup } from './browse';
import { BrowsePanel } from './BrowsePanel';
import { CardLanguageNote, interfaceGuideLanguage, LanguageAvailability } from './LanguageAvailability';

export function GuideCardView({ card, library, position }: { card: Card; library: LibraryData; position?: { index: number; size: number } }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li
      className="guide-card"
      data-testid="guide-card"
      data-guide={card.id}
      data-lang={card.lang}
      data-jurisdiction={card.jurisdiction}
      aria-posinset={position && position.index + 1}
      aria-setsize={position?.size}
    >
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
      {!isRoomShare() && <ChangedBadge card={card} />}
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
      {!isRoomShare() && <AddToCollection guide={card.id} lang={card.lang} label={t('workshops.add.guide', { title: card.title })} />}
    </li>
  );
}

/** One jurisdiction's cards under a heading that says how its guidance relates to the place being looked at. */
function CardGroupView({ group, library, atPlace, limit }: { group: CardGroup<Card>; library: LibraryData; atPlace: boolean; limit: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const name = jurisdictionName(library, group.jurisdiction, i18n.language);
  const heading =
    group.relation === 'global' ? t('library.globalGuidance') : group.relation === 'parent' && atPlace ? t('library.appliesFrom', { name }) : name;
  return (
    <section
      className="guide-group"
      aria-labelledby={id}
      data-testid="library-group"
      data-jurisdiction={group.jurisdiction}
      data-relation={group.relation}
    >
      <h2 id={id}>{heading}</h2>
      <ul className="guide-list">
        {group.cards.slice(0, limit).map((card, index) => (
          <GuideCardView
            key={`${card.id}/${card.lang}`}
            card={card}
            library={library}
            // A list cut short still tells a screen reader how long it is.
            position={limit < group.cards.length ? { index, size: group.cards.length } : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

/** What the library was browsing, kept while the person reads a guide and comes back. */
let remembered: Omit<BrowseFilter, 'mine'> & { onlyMine: boolean } = { jurisdiction: null, topic: null, language: null, onlyMine: true };

export function LibraryView() {
  const { t, i18n } = useTranslation();
  const ui = interfaceGuideLanguage(i18n.language);
  const { settings } = useSettings();
  const revision = useContentRevision();
  const [state, retry] = useAsync(() => libraryList(revision), [], revision);
  const [browse, setBrowse] = useState(remembered);
  useEffect(() => {
    remembered = browse;
  }, [browse]);
  const mine = settings.myJurisdiction;
  const filter: BrowseFilter = useMemo(
    () => ({ jurisdiction: browse.jurisdiction, topic: browse.topic, language: browse.language, mine: browse.onlyMine ? mine : null }),
    [browse, mine],
  );
  const library = state.status === 'ready' ? state.value : null;
  const shown = useMemo(
    () => (library ? groupCards(filterCards(library.guides, library.jurisdictions, filter, ui), library.jurisdictions, placeOf(filter), mine) : []),
    [library, filter, ui, mine],
  );
  const total = shown.reduce((sum, group) => sum + group.cards.length, 0);
  // A new choice starts from the first screenful; the same choice over content read again keeps the place.
  const progressive = useProgressiveCount(total, `${JSON.stringify(filter)}|${ui}|${mine}`);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const lib = state.value;
  const count = total;
  // Of 10,000 cards only those near the screen are rendered: the groups in order, until `progressive.shown` cards.
  let budget = progressive.shown;
  const rendered = shown.flatMap((group) => {
    if (budget <= 0) return [];
    const limit = Math.min(budget, group.cards.length);
    budget -= limit;
    return [{ group, limit }];
  });
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
              {t('library.count', { count })}
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
          {count === 0 ? (
            <p>{t('library.empty')}</p>
          ) : (
            <>
              {rendered.map(({ group, limit }) => (
                <CardGroupView key={group.jurisdiction} group={group} library={lib} atPlace={placeOf(filter) !== null} limit={limit} />
              ))}
              {progressive.more && <div ref={progressive.sentinel} className="library-more" data-testid="library-more" aria-hidden="true" />}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
