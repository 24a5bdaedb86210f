import { useTranslation } from 'react-i18next';
import type { ReviewState, ReviewStatus } from '../../../electron/api/types';
import { formatDate } from '../../lib/i18n';

/** A glyph beside each label, so the state never rests on colour alone. */
const GLYPHS: Record<ReviewState, string> = {
  overdue: '⚠',
  'due-soon': '◔',
  'translation-behind': '⇄',
  'not-reviewed': '○',
  current: '✓',
};

/**
 * A guide's review state, as a badge: the most urgent state (`status.primary`) stands out, and any other states that
 * also apply follow in small text, so a translation that is both overdue and behind says both.
 * The status comes computed from the core through the contract (GuideCard.status); nothing is decided here.
 */
export function ReviewBadge({ status }: { status: ReviewStatus }) {
  const { t, i18n } = useTranslation();
  const others = status.states.filter((state) => state !== status.primary);
  const date = formatDate(status.reviewBy, i18n.language);
  const detail =
    status.primary === 'overdue'
      ? t('review.detail.overdue', { date, count: -status.daysLeft })
      : status.primary === 'due-soon'
        ? status.daysLeft === 0
          ? t('review.detail.dueToday', { date })
          : t('review.detail.dueSoon', { date, count: status.daysLeft })
        : t('review.detail.reviewBy', { date });
  return (
    <span className="review-badge" data-testid="review-badge" data-status={status.primary} data-states={status.states.join(' ')} title={detail}>
      <span className={`review-state review-${status.primary}`}>
        <span aria-hidden="true">{GLYPHS[status.primary]} </span>
        {t(`review.state.${status.primary}`)}
      </span>
      {others.length > 0 && <span className="review-also">{others.map((state) => t(`review.state.${state}`)).join(' · ')}</span>}
      <span className="visually-hidden"> ({detail})</span>
    </span>
  );
}
