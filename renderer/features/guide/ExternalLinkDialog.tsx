import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkDecision } from '../../../electron/api/links';

/**
 * Asks before a guide's link leaves Fieldbook (browser mode; the desktop app asks in a native dialog), or says why a
 * link is not opened (both modes), as the shared link policy decided.
 */
export function ExternalLinkDialog({ url, decision, onClose }: { url: string; decision: LinkDecision; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const close = () => dialog.current?.close();
  return (
    <dialog
      ref={dialog}
      className="confirm"
      aria-labelledby="external-title"
      data-testid="external-link-dialog"
      data-decision={decision.action}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id="external-title">{decision.action === 'confirm' ? t('guide.openExternal') : t('links.refusedTitle')}</h2>
      <p>
        <bdi dir="ltr">
          {decision.action === 'confirm' ? t('guide.openExternalDetail', { url: decision.url }) : t(`links.${decision.refusal}`, { url })}
        </bdi>
      </p>
      <div className="dialog-actions">
        {decision.action === 'confirm' ? (
          <>
            <button
              type="button"
              onClick={() => {
                window.open(decision.url, '_blank', 'noopener,noreferrer');
                close();
              }}
            >
              {t('guide.open')}
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its safe choice, as the WAI-ARIA dialog pattern asks */}
            <button type="button" autoFocus onClick={close}>
              {t('guide.cancel')}
            </button>
          </>
        ) : (
          // biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its only button, as the WAI-ARIA dialog pattern asks
          <button type="button" autoFocus onClick={close}>
            {t('links.close')}
          </button>
        )}
      </div>
    </dialog>
  );
}
