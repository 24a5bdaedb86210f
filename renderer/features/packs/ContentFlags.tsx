import { useTranslation } from 'react-i18next';
import type { GuideCard } from '../../../electron/api/types';
import { directionOf, formatDate } from '../../lib/i18n';

/**
 * Where a guide's text came from, when that is a warning: an installed pack past its expiry (its guidance may be
 * stale, or a newer pack withheld), or a bundled file changed on disk outside Fieldbook. Both flags come computed from
 * the core (GuideCard.packExpired, GuideCard.modifiedOutside); they show beside the review status, never instead.
 */
export function ContentBadges({ card }: { card: Pick<GuideCard, 'packExpired' | 'modifiedOutside'> }) {
  const { t, i18n } = useTranslation();
  if (!card.packExpired && !card.modifiedOutside) return null;
  return (
    <>
      {card.packExpired && (
        <span
          className="review-badge content-badge"
          data-testid="pack-expired-badge"
          title={t('packs.flags.expiredDetail', { date: formatDate(card.packExpired.expires.slice(0, 10), i18n.language) })}
        >
          <span className="review-state review-overdue">
            <span aria-hidden="true">⌛ </span>
            {t('packs.flags.expired')}
          </span>
        </span>
      )}
      {card.modifiedOutside && (
        <span className="review-badge content-badge" data-testid="modified-badge">
          <span className="review-state review-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('packs.flags.modified')}
          </span>
        </span>
      )}
    </>
  );
}

/** The reader's notices for the same two flags: what they mean and what to do. */
export function ContentBanner({ guide }: { guide: Pick<GuideCard, 'packExpired' | 'modifiedOutside'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (!guide.packExpired && !guide.modifiedOutside) return null;
  return (
    <div lang={lang} dir={directionOf(lang)}>
      {guide.packExpired && (
        <section className="review-banner" role="alert" data-testid="pack-expired-banner" aria-labelledby="pack-expired-title">
          <h2 id="pack-expired-title">
            <span aria-hidden="true">⌛ </span>
            {t('packs.flags.expiredTitle')}
          </h2>
          <p>
            {t('packs.flags.expiredText', {
              pack: guide.packExpired.pack,
              date: formatDate(guide.packExpired.expires.slice(0, 10), lang),
            })}
          </p>
        </section>
      )}
      {guide.modifiedOutside && (
        <section className="review-banner" role="alert" data-testid="modified-banner" aria-labelledby="modified-title">
          <h2 id="modified-title">
            <span aria-hidden="true">⚠ </span>
            {t('packs.flags.modifiedTitle')}
          </h2>
          <p>{t('packs.flags.modifiedText')}</p>
        </section>
      )}
    </div>
  );
}
