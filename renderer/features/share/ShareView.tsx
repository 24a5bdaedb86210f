import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareStatus } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { ErrorMessage } from '../shell/ErrorMessage';
import { QrCode } from './QrCode';

/** "Share to the room": start the read-only share, show its address and QR code, stop it. */
export function ShareView({ status, onStatus }: { status: ShareStatus | null; onStatus: (status: ShareStatus) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (method: 'share.start' | 'share.stop') => {
    setBusy(true);
    setFailure(null);
    try {
      onStatus(await client.invoke(method));
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      className="share-view"
      aria-labelledby="share-title"
      data-share-state={status === null ? 'loading' : status.running ? 'running' : 'stopped'}
    >
      <h1 id="share-title">{t('share.title')}</h1>
      <p>{t('share.intro')}</p>
      <ul>
        <li>{t('share.servesOnly')}</li>
        <li>{t('share.neverShared')}</li>
        <li>{t('share.sameNetwork')}</li>
      </ul>
      {failure && <ErrorMessage message={failure} />}
      {status?.running ? (
        <>
          <p role="status">{t('share.running')}</p>
          <p className="share-address">
            {t('share.address')} <strong data-testid="share-url">{status.url}</strong>
          </p>
          {status.urls.length > 1 && <p className="help">{t('share.alsoAt', { urls: status.urls.slice(1).join(', ') })}</p>}
          <QrCode qr={status.qr} label={t('share.qrLabel', { url: status.url })} />
          <button type="button" onClick={() => void run('share.stop')} disabled={busy} data-testid="share-stop">
            {t('share.stop')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void run('share.start')} disabled={busy || status === null} data-testid="share-start">
          {t('share.start')}
        </button>
      )}
    </section>
  );
}
