import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateCheck } from '../../../electron/api/types';
import { client } from '../../lib/client';

type Shown = UpdateCheck | { status: 'checking' };

/** The translation key for an outcome: a check that was not made says why, in the person's language. */
const keyOf = (shown: Shown) => `settings.updateStatus.${shown.status === 'not-run' ? shown.reason : shown.status}` as const;

/**
 * "Check now" and what the check found. Says "up to date" only when an update server answered; the status line's
 * `data-update-status` is the signal that an answer arrived.
 */
export function UpdateCheckNow() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const check = async () => {
    setShown({ status: 'checking' });
    try {
      setShown(await client.invoke('updates.check'));
    } catch (error) {
      setShown({ status: 'error', message: (error as Error).message });
    }
  };
  return (
    <div className="update-check">
      <button type="button" onClick={() => void check()} disabled={shown?.status === 'checking'}>
        {t('settings.updatesCheckNow')}
      </button>
      {/* Announced like a status, without role="status": the settings' own "Saved." is that view's status line. */}
      <p aria-live="polite" data-update-status={shown?.status === 'not-run' ? shown.reason : (shown?.status ?? '')}>
        {shown ? t(keyOf(shown), shown) : ''}
      </p>
    </div>
  );
}
