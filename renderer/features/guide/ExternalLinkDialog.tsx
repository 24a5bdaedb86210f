import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Browser mode's confirmation before a guide's link leaves Fieldbook (the desktop app asks in a native dialog). */
export function ExternalLinkDialog({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="confirm" aria-labelledby="external-title" onClose={onClose} onCancel={onClose}>
      <h2 id="external-title">{t('guide.openExternal')}</h2>
      <p>
        <bdi dir="ltr">{t('guide.openExternalDetail', { url })}</bdi>
      </p>
      <div className="dialog-actions">
        <button
          type="button"
          onClick={() => {
            if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
            dialog.current?.close();
          }}
        >
          {t('guide.open')}
        </button>
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          {t('guide.cancel')}
        </button>
      </div>
    </dialog>
  );
}
