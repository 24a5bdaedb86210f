import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '../../../electron/api/types';
import { directionOf, formatDate } from '../../lib/i18n';
import { displayLanguageName } from '../../lib/names';
import { hrefFor } from '../../lib/route';
import { ReviewBadge } from './ReviewBadge';

/**
 * What the reader must say before a person relies on a guide: its review state; for an overdue guide, a banner with
 * what that means, when the review was due, who last reviewed it and to check locally (it cannot be dismissed on legal
 * guidance); for a translation behind its source, the newer version and the changes this one lacks.
 */
export function ReviewBanner({ guide }: { guide: GuideView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const dir = directionOf(lang);
  const { status, review } = guide;
  const [hidden, setHidden] = useState(false);
  const overdue = status.states.includes('overdue');
  const behind = status.behind;
  return (
    <div className="review-reader" lang={lang} dir={dir}>
      <p className="review-reader-status">
        <ReviewBadge status={status} />
      </p>
      {overdue && !hidden && (
        <section className="review-banner" role="alert" aria-labelledby="review-banner-title" data-testid="review-banner" data-legal={status.legal}>
          <h2 id="review-banner-title">
            <span aria-hidden="true">⚠ </span>
            {t('review.banner.title')}
          </h2>
          <p>{t(status.legal ? 'review.banner.meaningLegal' : 'review.banner.meaningOther', { date: formatDate(status.reviewBy, lang) })}</p>
          <p>
            {review.reviewedBy && review.reviewedOn ? (
              <bdi>{t('review.banner.lastReviewed', { by: review.reviewedBy, date: formatDate(review.reviewedOn, lang) })}</bdi>
            ) : (
              t('review.banner.notReviewed')
            )}
          </p>
          <p>
            <strong>{t(status.legal ? 'review.banner.check' : 'review.banner.checkOther')}</strong>
          </p>
          {!status.legal && (
            <button type="button" onClick={() => setHidden(true)}>
              {t('review.banner.dismiss')}
            </button>
          )}
        </section>
      )}
      {behind && (
        <section className="review-behind" aria-labelledby="review-behind-title" data-testid="translation-behind">
          <h2 id="review-behind-title">{t('review.behind.title')}</h2>
          <p>{t('review.behind.text', { from: behind.translatedFrom, version: behind.version, language: displayLanguageName(behind.lang, lang) })}</p>
          <p>
            <a href={hrefFor({ name: 'guide', id: guide.id, lang: behind.lang })} hrefLang={behind.lang}>
              {t('review.behind.link', { language: displayLanguageName(behind.lang, lang) })}
            </a>
          </p>
          {behind.missed.length > 0 && (
            <>
              <p>{t('review.behind.missed')}</p>
              <ul>
                {behind.missed.map((entry) => (
                  <li key={entry.version}>
                    <strong>{t('guide.version', { version: entry.version })}</strong> ({formatDate(entry.date, lang)}):{' '}
                    <bdi lang={behind.lang} dir="auto">
                      {entry.changes}
                    </bdi>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
