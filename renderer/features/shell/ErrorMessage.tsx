import { useTranslation } from 'react-i18next';

export function ErrorMessage({ message, retry }: { message: string; retry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-warning">
      <p>{t('app.error', { message })}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
