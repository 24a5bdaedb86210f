import { useTranslation } from 'react-i18next';
import type { ShareStatus } from '../../../electron/api/types';

/** Shown in the header on every screen while the room share runs, so the trainer never forgets it is on. */
export function ShareIndicator({ status }: { status: ShareStatus | null }) {
  const { t } = useTranslation();
  if (!status?.running) return null;
  return (
    <span role="status">
      <a className="share-indicator" href="#/share" data-sharing="true">
        <span aria-hidden="true">●</span> {t('share.indicator', { url: status.url })}
      </a>
    </span>
  );
}

/** What a participant sees on the share: that the page is read-only and what it leaves out. */
export function ShareModeBanner() {
  const { t } = useTranslation();
  return (
    <p className="share-mode-banner" data-share-mode="true">
      {t('share.readOnlyBanner')}
    </p>
  );
}
