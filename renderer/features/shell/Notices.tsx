import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../electron/api/types';
import { formatDate } from '../../lib/i18n';
import { useSettings } from '../../lib/settings';
import { ErrorMessage } from './ErrorMessage';

/**
 * Things the person must know about this run: a set clock, data that could not be read and was kept aside, or a
 * change that could not be saved (shown on every screen, since settings change from the library and review too).
 */
export function Notices({ info }: { info: AppInfo }) {
  const { t, i18n } = useTranslation();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const { saveState } = useSettings();
  const notices = info.notices.filter((notice) => !dismissed.includes(notice.keptAs ?? notice.file));
  return (
    <div className="notices">
      {info.clockFixed && (
        <p className="notice notice-clock" role="status" data-testid="clock-notice">
          {t('app.clockSet', { date: formatDate(info.now.slice(0, 10), i18n.language) })}
        </p>
      )}
      {notices.map((notice) => (
        <div className="notice notice-warning" role="alert" key={notice.keptAs ?? notice.file}>
          <p>
            {notice.keptAs === null
              ? t('app.dataLeftInPlace', { file: notice.file, reason: notice.reason })
              : t('app.dataSetAside', { file: notice.file, reason: notice.reason, keptAs: notice.keptAs })}
          </p>
          <button type="button" onClick={() => setDismissed((list) => [...list, notice.keptAs ?? notice.file])}>
            {t('app.dismiss')}
          </button>
        </div>
      ))}
      {saveState.status === 'failed' && <ErrorMessage message={saveState.message} />}
    </div>
  );
}
