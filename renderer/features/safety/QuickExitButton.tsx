import { useTranslation } from 'react-i18next';
import { useSafety } from './SafetyGate';

/** Always in the header: one click (or Ctrl+Shift+L) hides the app and locks it. */
export function QuickExitButton() {
  const { t } = useTranslation();
  const { quickExit } = useSafety();
  return (
    <button
      type="button"
      className="quick-exit"
      data-testid="quick-exit"
      aria-keyshortcuts="Control+Shift+L"
      title={t('safety.quickExit.hint')}
      onClick={quickExit}
    >
      {t('safety.quickExit.button')}
    </button>
  );
}
