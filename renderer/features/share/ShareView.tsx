import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareStatus } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';
import { QrCode } from './QrCode';

/** The value of the "whole library" choice; any other value is a collection's id. */
const LIBRARY = '';

/** "Share to the room": choose the whole library or one collection, start the read-only share, show its address and QR code, stop it. */
export function ShareView({ status, onStatus }: { status: ShareStatus | null; onStatus: (status: ShareStatus) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [chosen, setChosen] = useState(LIBRARY);
  const [collections] = useAsync(() => client.invoke('collections.list'), []);
  const run = async (method: 'share.start' | 'share.stop') => {
    setBusy(true);
    setFailure(null);
    try {
      onStatus(await (method === 'share.start' ? client.invoke(method, chosen === LIBRARY ? {} : { collection: chosen }) : client.invoke(method)));
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
          <p role="status" data-testid="share-what">
            {t('share.running')}{' '}
            {status.collection ? (
              <>
                {t('share.sharingCollection')} <bdi data-testid="share-collection">{status.collection.name}</bdi>
              </>
            ) : (
              t('share.sharingLibrary')
            )}
          </p>
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
        <>
          <fieldset className="share-choice" data-testid="share-choice">
            <legend>{t('share.what')}</legend>
            <label>
              <input type="radio" name="share-what" value={LIBRARY} checked={chosen === LIBRARY} onChange={() => setChosen(LIBRARY)} />{' '}
              {t('share.wholeLibrary')}
            </label>
            {collections.status === 'ready' &&
              collections.value.map((collection) => (
                <label key={collection.id}>
                  <input
                    type="radio"
                    name="share-what"
                    value={collection.id}
                    checked={chosen === collection.id}
                    onChange={() => setChosen(collection.id)}
                  />{' '}
                  {t('share.collection')} <bdi>{collection.name}</bdi>
                </label>
              ))}
            {collections.status === 'ready' && collections.value.length === 0 && <p className="help">{t('share.noCollections')}</p>}
            {collections.status === 'error' && <ErrorMessage message={collections.message} />}
          </fieldset>
          <button type="button" onClick={() => void run('share.start')} disabled={busy || status === null} data-testid="share-start">
            {t('share.start')}
          </button>
        </>
      )}
    </section>
  );
}
