import { useTranslation } from 'react-i18next';
import { client } from '../../lib/client';
import { navigate } from '../../lib/route';
import { useSafety } from './SafetyGate';

/** Offered once, at first start: what the lock does, in plain words; dismissed for good either way. */
export function IntroPanel() {
  const { t } = useTranslation();
  const { status, setStatus } = useSafety();
  const dismiss = async (thenSettings: boolean) => {
    setStatus(await client.invoke('safety.update', { introSeen: true }));
    if (thenSettings) navigate({ name: 'settings' });
  };
  if (status.introSeen || status.lock !== 'off') return null;
  return (
    <section className="safety-intro" aria-labelledby="safety-intro-title" data-testid="safety-intro">
      <h2 id="safety-intro-title">{t('safety.intro.title')}</h2>
      <p>{t('safety.intro.body')}</p>
      <p>{t('safety.intro.quickExit')}</p>
      <div className="actions">
        <button type="button" onClick={() => void dismiss(true)}>
          {t('safety.intro.setUp')}
        </button>
        <button type="button" onClick={() => void dismiss(false)}>
          {t('safety.intro.notNow')}
        </button>
      </div>
    </section>
  );
}
