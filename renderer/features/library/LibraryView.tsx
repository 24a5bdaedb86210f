import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeOf, type BrowseFilter } from '../../../electron/api/browse';
import type { GuideCard as Card, LibraryBrowse, LibraryLists, LibraryPage } from '../../../electron/api/types';
import { isRoomShare } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { jurisdictionName, languageName, topicName } from '../../lib/names';
import { hrefFor } from '../../lib/route';
import { screenDrawn } from '../../lib/lazy-screen';
import { useNearEnd } from '../../lib/progressive';
import { useContentRevision } from '../../lib/content-revision';
import { useSettings } from '../../lib/settings';
import { ErrorMessage } from '../shell/ErrorMessage';
import { ContentBadges } from '../packs/ContentFlags';
import { ReviewBadge } from '../review/ReviewBadge';
import { ChangedBadge } from '../guide/HistoryBadge';
import { AddToCollection } from '../workshops/AddToCollection';
import { BrowsePanel } from './BrowsePanel';
import { CardLanguageNote, LanguageAvailability } from './LanguageAvailability';
import { browseOf, FIRST_CHOICE, type LibraryChoice, useLibraryPages } from './library-pages';

export function GuideCardView({ card, library, position }: { card: Card; library: LibraryLists; position?: { index: number; size: number } }) {
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

type Group = LibraryPage['groups'][number];

/** One jurisdiction's cards under a heading that says how its guidance relates to the place being looked at. */
function CardGroupView({ group, cards, library, atPlace }: { group: Group; cards: Card[]; library: LibraryLists; atPlace: boolean }) {
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
        {cards.map((card, index) => (
          <GuideCardView
            key={`${card.id}/${card.lang}`}
            card={card}
            library={library}
            // A list cut short still tells a screen reader how long it is.
            position={cards.length < group.count ? { index, size: group.count } : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

/** The cards loaded so far, under the groups they belong to (the core sends them in the groups' order). */
function inGroups(groups: readonly Group[], cards: readonly Card[]): { group: Group; cards: Card[] }[] {
  let at = 0;
  return groups.flatMap((group) => {
    const own = cards.slice(at, at + group.count);
    at += group.count;
    return own.length > 0 ? [{ group, cards: own }] : [];
  });
}

/** What the library was browsing, kept while the person reads a guide and comes back. */
let remembered: LibraryChoice = FIRST_CHOICE;

export function LibraryView() {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const revision = useContentRevision();
  const [browse, setBrowse] = useState(remembered);
  useEffect(() => {
    remembered = browse;
  }, [browse]);
  const mine = settings.myJurisdiction;
  const asked: LibraryBrowse = useMemo(() => browseOf(browse, mine, i18n.language), [browse, mine, i18n.language]);
  const filter: BrowseFilter = asked;
  const { state, busy, more, retry } = useLibraryPages(asked, revision);
  // Of 10,000 cards only those near the screen are on the page: the next page is asked for as its end comes near.
  const loaded = state.status === 'ready' ? state.cards.length : 0;
  const remaining = state.status === 'ready' && loaded < state.page.count;
  const sentinel = useNearEnd(remaining && !busy, more, loaded);
  const ready = state.status === 'ready';
  useEffect(() => {
    if (ready) screenDrawn();
  }, [ready]);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const { page } = state;
  const count = page.count;
  const filtered = filter.jurisdiction !== null || filter.topic !== null || filter.language !== null || filter.mine !== null;
  return (
    <section aria-labelledby="library-title" className="library">
      <h1 id="library-title">{t('library.title')}</h1>
      <div className="library-layout">
        <BrowsePanel
          page={page}
          filter={filter}
          myJurisdiction={settings.myJurisdiction}
          onChange={(next) =>
            setBrowse({ jurisdiction: next.jurisdiction, topic: next.topic, language: next.language, onlyMine: next.mine !== null })
          }
        />
        <div className="library-results" aria-busy={busy} data-testid="library-results">
          <div className="results-bar">
            <LanguageAvailability counts={page.availability} language={browse.language} onChange={(language) => setBrowse({ ...browse, language })} />
            <p role="status" data-testid="library-count">
              {t('library.count', { count })}
            </p>
            {filtered && (
              <button type="button" onClick={() => setBrowse({ jurisdiction: null, topic: null, language: null, onlyMine: false })}>
                {t('library.showAll')}
              </button>
            )}
          </div>
          {page.invalidFiles > 0 && (
            <p className="notice notice-warning" data-testid="invalid-notice">
              {t('problems.notice', { count: page.invalidFiles })} <a href={hrefFor({ name: 'problems' })}>{t('problems.open')}</a>
            </p>
          )}
          {count === 0 ? (
            <p>{t('library.empty')}</p>
          ) : (
            <>
              {inGroups(page.groups, state.cards).map(({ group, cards }) => (
                <CardGroupView key={group.jurisdiction} group={group} cards={cards} library={page} atPlace={placeOf(filter) !== null} />
              ))}
              {remaining && <div ref={sentinel} className="library-more" data-testid="library-more" aria-hidden="true" />}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
