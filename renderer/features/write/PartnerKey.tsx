import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditChoice, PartnerInfo } from '../../../electron/api/drafts';
import { client } from '../../lib/client';
import { download } from '../../lib/download';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';

/**
 * "Your partner key": made once, with a name or pseudonym, an explicit choice of how to be credited (no default),
 * and a passphrase typed twice; then its public key file is saved for the maintainers to delegate.
 */
export function PartnerKey() {
  const { t } = useTranslation();
  const [state, retry] = useAsync(() => client.invoke('partner.get'), []);
  return (
    <section aria-labelledby="partner-title" className="partner-key" data-testid="partner-key">
      <h2 id="partner-title">{t('write.partner.title')}</h2>
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorMessage message={state.message} retry={retry} />}
      {state.status === 'ready' && (state.value.partner ? <KeyMade partner={state.value.partner} /> : <MakeKey made={retry} />)}
    </section>
  );
}

function KeyMade({ partner }: { partner: PartnerInfo }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const credit =
    partner.credit.as === 'organisation'
      ? t('write.partner.creditedOrganisation', { organisation: partner.credit.organisation })
      : partner.credit.as === 'name'
        ? t('write.partner.creditedName', { name: partner.name })
        : t('write.partner.creditedNone');
  const save = async () => {
    try {
      const file = await client.invoke('partner.publicKey');
      download(file.fileName, 'application/json', file.text);
      setSaved(file.fileName);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <div data-testid="partner-made" data-key-id={partner.id}>
      <p>
        {t('write.partner.made', { name: partner.name, id: partner.id })} {credit}
      </p>
      <p>{t('write.partner.delegate')}</p>
      <button type="button" onClick={() => void save()} data-testid="save-public-key">
        {t('write.partner.savePublic')}
      </button>
      {saved && <p role="status">{t('write.partner.publicSaved', { file: saved })}</p>}
      {error && <ErrorMessage message={error} />}
    </div>
  );
}

function MakeKey({ made }: { made: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [as, setAs] = useState<CreditChoice['as'] | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (as === null) return setError(t('write.partner.chooseCredit'));
    if (passphrase !== again) return setError(t('write.partner.mismatch'));
    const credit: CreditChoice = as === 'organisation' ? { as, organisation } : { as };
    setBusy(true);
    try {
      await client.invoke('partner.create', { name, credit, passphrase });
      made();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="make-key"
    >
      <p>{t('write.partner.intro')}</p>
      <div className="form-row">
        <label htmlFor="partner-name">{t('write.partner.name')}</label>
        <input id="partner-name" value={name} required maxLength={120} onChange={(e) => setName(e.target.value)} dir="auto" />
      </div>
      <fieldset>
        <legend>{t('write.partner.credit')}</legend>
        {(['name', 'organisation', 'none'] as const).map((choice) => (
          <label key={choice} className="check">
            <input type="radio" name="partner-credit" value={choice} checked={as === choice} required onChange={() => setAs(choice)} />{' '}
            {t(`write.partner.creditAs.${choice}`)}
          </label>
        ))}
        {as === 'organisation' && (
          <div className="form-row">
            <label htmlFor="partner-organisation">{t('write.partner.organisation')}</label>
            <input
              id="partner-organisation"
              value={organisation}
              required
              maxLength={120}
              onChange={(e) => setOrganisation(e.target.value)}
              dir="auto"
            />
          </div>
        )}
      </fieldset>
      <div className="form-row">
        <label htmlFor="partner-passphrase">{t('write.partner.passphrase')}</label>
        <input id="partner-passphrase" type="password" value={passphrase} minLength={8} required onChange={(e) => setPassphrase(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor="partner-passphrase-again">{t('write.partner.passphraseAgain')}</label>
        <input id="partner-passphrase-again" type="password" value={again} minLength={8} required onChange={(e) => setAgain(e.target.value)} />
      </div>
      <button type="submit" disabled={busy} data-testid="make-key-button">
        {t('write.partner.make')}
      </button>
      {error && (
        <p role="alert" className="notice notice-warning" data-testid="make-key-error">
          {error}
        </p>
      )}
    </form>
  );
}
