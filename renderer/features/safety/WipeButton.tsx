import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wipeEverything } from './wipe';

/** Wipe, behind one confirmation that says exactly what goes and what stays. */
export function WipeButton() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  // Asking moves focus to the confirmation, so a screen reader reads what is about to go.
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  const [state, setState] = useState<'idle' | 'wiping' | 'done' | { failed: string }>('idle');
  const run = async () => {
    setState('wiping');
    try {
      await wipeEverything();
      // The app is redrawn after a wipe (SafetyGate), which says it is done; this button may be gone by now.
      setState('done');
      setAsking(false);
    } catch (error) {
      setState({ failed: (error as Error).message });
    }
  };
  return (
    <div className="wipe" data-wipe={typeof state === 'string' ? state : 'failed'}>
      {asking ? (
        <div role="alertdialog" aria-labelledby="wipe-confirm-title" aria-describedby="wipe-confirm-body">
          <h2 id="wipe-confirm-title">{t('safety.wipe.confirmTitle')}</h2>
          <p id="wipe-confirm-body">{t('safety.wipe.confirmBody')}</p>
          <button type="button" ref={confirm} className="danger" disabled={state === 'wiping'} onClick={() => void run()}>
            {t('safety.wipe.confirm')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('safety.wipe.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {t('safety.wipe.button')}
        </button>
      )}
      <p role="alert">{typeof state === 'object' ? state.failed : ''}</p>
    </div>
  );
}
