import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideCard as Card, LibraryData } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { jurisdictionName, languageName, topicName } from '../../lib/names';
import { hrefFor } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';

export function GuideCardView({ card, library }: { card: Card; library: LibraryData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li className="guide-card" data-testid="guide-card" data-guide={card.id} data-lang={card.lang}>
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
      <p className="review-line">
        {card.review.reviewedBy && card.review.reviewedOn ? (
          <bdi>{t('library.lastReviewed', { date: formatDate(card.review.reviewedOn, lang), by: card.review.reviewedBy })}</bdi>
        ) : (
          t('library.notReviewed')
        )}
        {' · '}
        {t('library.updated', { date: formatDate(card.updated, lang) })}
      </p>
    </li>
  );
}

export function LibraryView() {
  const { t, i18n } = useTranslation();
  const [state, retry] = useAsync(() => client.invoke('library.list'), []);
  const [jurisdiction, setJurisdiction] = useState('');
  const [language, setLanguage] = useState('');
  const library = state.status === 'ready' ? state.value : null;
  const shown = useMemo(
    () => (library?.guides ?? []).filter((card) => (!jurisdiction || card.jurisdiction === jurisdiction) && (!language || card.lang === language)),
    [library, jurisdiction, language],
  );
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const lib = state.value;
  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">{t('library.title')}</h1>
      <div className="filters">
        <label>
          {t('library.jurisdiction')}
          <select value={jurisdiction} onChange={(event) => setJurisdiction(event.target.value)}>
            <option value="">{t('library.all')}</option>
            {lib.jurisdictions.map((j) => (
              <option key={j.code} value={j.code}>
                {jurisdictionName(lib, j.code, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('library.language')}
          <select value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="">{t('library.all')}</option>
            {lib.languages
              .filter((l) => lib.guides.some((g) => g.lang === l.code))
              .map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      <p role="status" data-testid="library-count">
        {t('library.count', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p>{t('library.empty')}</p>
      ) : (
        <ul className="guide-list">
          {shown.map((card) => (
            <GuideCardView key={`${card.id}/${card.lang}`} card={card} library={lib} />
          ))}
        </ul>
      )}
    </section>
  );
}
