import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyStatus } from '../../../electron/api/safety';
import { client } from '../../lib/client';
import { useSafety } from './SafetyGate';

const IDLE_CHOICES = [null, 1, 5, 15, 30, 60] as const;
const WIPE_CHOICES = [null, 3, 5, 10] as const;

/** The passphrase form: set one, or with the current one change or remove it. */
function PassphraseForm({ status, onChanged }: { status: SafetyStatus; onChanged(status: SafetyStatus): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const has = status.lock !== 'off';
  const run = async (passphrase: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await client.invoke('safety.setPassphrase', { passphrase, ...(has ? { current } : {}) }));
      setCurrent('');
      setNext('');
      setAgain('');
      setMessage({ ok: true, text: passphrase === null ? t('safety.settings.removed') : t('safety.settings.set') });
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) return setMessage({ ok: false, text: t('safety.settings.mismatch') });
    void run(next);
  };
  return (
    <form onSubmit={submit} aria-busy={busy} data-testid="passphrase-form">
      <p>{has ? t('safety.settings.isOn') : t('safety.settings.isOff')}</p>
      {has && (
        <label htmlFor={`${id}-current`}>
          {t('safety.settings.current')}
          <input id={`${id}-current`} type="password" autoComplete="off" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
      )}
      <label htmlFor={`${id}-next`}>
        {t('safety.settings.new')}
        <input
          id={`${id}-next`}
          type="password"
          autoComplete="off"
          minLength={8}
          value={next}
          aria-describedby={`${id}-help`}
          onChange={(e) => setNext(e.target.value)}
        />
      </label>
      <p id={`${id}-help`} className="help">
        {t('safety.settings.help')}
      </p>
      <label htmlFor={`${id}-again`}>
        {t('safety.settings.again')}
        <input id={`${id}-again`} type="password" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || next === '' || (has && current === '')}>
        {has ? t('safety.settings.change') : t('safety.settings.setButton')}
      </button>
      {has && (
        <button type="button" disabled={busy || current === ''} onClick={() => void run(null)}>
          {t('safety.settings.remove')}
        </button>
      )}
      <p role={message?.ok === false ? 'alert' : 'status'} className={message?.ok === false ? 'error' : 'saved'}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}

/** The field-safety part of Settings: passphrase, idle lock, wipe after failures, keep nothing. */
export function SafetySettings() {
  const { t } = useTranslation();
  const { status, setStatus } = useSafety();
  const [error, setError] = useState<string | null>(null);
  const change = async (patch: Parameters<typeof client.invoke<'safety.update'>>[1]) => {
    setError(null);
    try {
      setStatus(await client.invoke('safety.update', patch ?? {}));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const minutes = (value: number | null) => (value === null ? t('safety.settings.never') : t('safety.settings.minutes', { count: value }));
  return (
    <section aria-labelledby="safety-settings-title" className="safety-settings">
      <h2 id="safety-settings-title">{t('safety.settings.title')}</h2>
      <PassphraseForm status={status} onChanged={setStatus} />
      {status.lock === 'unlocked' && (
        <button type="button" onClick={() => void client.invoke('safety.lock', { reason: 'manual' })}>
          {t('safety.settings.lockNow')}
        </button>
      )}
      <label>
        {t('safety.settings.idle')}
        <select
          data-testid="idle-lock"
          value={String(status.idleLockMinutes)}
          onChange={(event) => void change({ idleLockMinutes: event.target.value === 'null' ? null : Number(event.target.value) })}
        >
          {IDLE_CHOICES.map((value) => (
            <option key={String(value)} value={String(value)}>
              {minutes(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('safety.settings.wipeAfter')}
        <select
          data-testid="wipe-after"
          value={String(status.wipeAfterFailures)}
          onChange={(event) => void change({ wipeAfterFailures: event.target.value === 'null' ? null : Number(event.target.value) })}
        >
          {WIPE_CHOICES.map((value) => (
            <option key={String(value)} value={String(value)}>
              {value === null ? t('safety.settings.never') : t('safety.settings.attempts', { count: value })}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="keep-nothing"
          checked={status.keepNothing}
          aria-describedby="keep-nothing-help"
          onChange={(event) => void change({ keepNothing: event.target.checked })}
        />
        {t('safety.settings.keepNothing')}
      </label>
      <p id="keep-nothing-help" className="help">
        {t('safety.settings.keepNothingHelp')}
      </p>
      <p>
        <a href="#/keeps">{t('safety.keeps.link')}</a>
      </p>
      <p role="alert" className="error">
        {error ?? ''}
      </p>
    </section>
  );
}
