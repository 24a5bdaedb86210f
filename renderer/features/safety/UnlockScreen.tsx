import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../lib/client';
import { WipeButton } from './WipeButton';

/** The only screen shown while locked: it names nothing the person keeps, only asks for the passphrase. */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The only thing to do on this screen: the passphrase field takes focus.
  useEffect(() => input.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await client.invoke('safety.unlock', { passphrase });
      setPassphrase('');
      await onUnlocked();
    } catch (failure) {
      const code = (failure as { code?: string }).code;
      setError(code === 'wrong-passphrase' ? t('safety.unlock.wrong', { detail: (failure as Error).message }) : (failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <main className="unlock-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('safety.unlock.title')}</h1>
      <p>{t('safety.unlock.explain')}</p>
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label htmlFor={`${id}-pass`}>{t('safety.unlock.passphrase')}</label>
        <input
          id={`${id}-pass`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          ref={input}
          value={passphrase}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <button type="submit" disabled={busy || passphrase === ''}>
          {busy ? t('safety.unlock.opening') : t('safety.unlock.submit')}
        </button>
        <p id={`${id}-error`} role="alert" className="error" data-testid="unlock-error">
          {error ?? ''}
        </p>
      </form>
      <WipeButton />
    </main>
  );
}
