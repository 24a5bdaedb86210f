import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem, ReviewMark } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { useAction, useModalDialog } from '../../lib/modal-action';

/**
 * Records a review of a guide that did not change, in two steps: who reviewed it, then the dates it would write
 * (today, and the next review from the guide's subject), which the reviewer confirms. Nothing is written before that.
 */
export function MarkReviewedDialog({ card, onClose, onMarked }: { card: ReviewItem; onClose: () => void; onMarked: (mark: ReviewMark) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ids = useId();
  const dialog = useModalDialog();
  const [by, setBy] = useState(card.review.reviewedBy ?? '');
  const [plan, setPlan] = useState<ReviewMark | null>(null);
  const { busy, error, run } = useAction();
  const close = dialog.close;
  const call = (confirm: boolean) =>
    run(async () => {
      const mark = await client.invoke('review.mark', { id: card.id, lang: card.lang, by, confirm });
      if (confirm) {
        onMarked(mark);
        close();
      } else setPlan(mark);
    });
  return (
    <dialog
      ref={dialog.ref}
      className="confirm"
      aria-labelledby={`${ids}-title`}
      data-testid="mark-reviewed-dialog"
      data-step={plan ? 'confirm' : 'who'}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id={`${ids}-title`}>
        {t('review.mark.title')}: <bdi lang={card.lang}>{card.title}</bdi>
      </h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void call(plan !== null);
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-by`}>{t('review.mark.who')}</label>
          <input
            id={`${ids}-by`}
            value={by}
            maxLength={200}
            required
            autoFocus
            onChange={(event) => {
              setBy(event.target.value);
              setPlan(null);
            }}
            data-testid="mark-by"
          />
        </div>
        {plan && (
          <p role="status" data-testid="mark-plan" data-review-by={plan.reviewBy}>
            {t('review.mark.plan', {
              who: plan.reviewedBy,
              today: formatDate(plan.reviewedOn, lang),
              next: formatDate(plan.reviewBy, lang),
              months: plan.months,
              version: plan.version,
            })}
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={busy || by.trim() === ''} data-testid={plan ? 'mark-confirm' : 'mark-check'}>
            {plan ? t('review.mark.confirm') : t('review.mark.check')}
          </button>
          <button type="button" onClick={close}>
            {t('guide.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
