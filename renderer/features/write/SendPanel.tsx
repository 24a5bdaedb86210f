import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LIMITS, type DraftSummary } from '../../../electron/api/drafts';
import type { LibraryData } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { download, fromBase64 } from '../../lib/download';
import { languageName } from '../../lib/names';

const SENDABLE = ['draft', 'changes-requested'];

/** Send: choose drafts, write a message, give the key's passphrase, and save the signed submission file. */
export function SendPanel({ drafts, library, sent }: { drafts: DraftSummary[]; library: LibraryData; sent: () => void }) {
  const { t } = useTranslation();
  const sendable = drafts.filter((d) => SENDABLE.includes(d.state));
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<{ ok: true; fileName: string; submission: string } | { ok: false; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const file = await client.invoke('partner.send', { drafts: chosen, message, passphrase });
      download(file.fileName, 'application/octet-stream', fromBase64(file.bytes));
      setResult({ ok: true, fileName: file.fileName, submission: file.submission });
      setPassphrase('');
      setChosen([]);
      sent();
    } catch (failure) {
      setResult({ ok: false, message: (failure as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="send-title" className="send-panel" data-testid="send">
      <h2 id="send-title">{t('write.send.title')}</h2>
      <p>{t('write.send.intro')}</p>
      {result?.ok && (
        <p role="status" className="notice" data-testid="sent" data-submission={result.submission}>
          {t('write.send.saved', { file: result.fileName })}
        </p>
      )}
      {sendable.length === 0 ? (
        <p>{t('write.send.nothing')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <fieldset>
            <legend>{t('write.send.which')}</legend>
            {sendable.map((draft) => (
              <label key={draft.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(draft.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, draft.id] : chosen.filter((id) => id !== draft.id))}
                  data-testid="send-choose"
                  data-draft-id={draft.id}
                />{' '}
                <bdi lang={draft.lang}>
                  {draft.title || t('write.untitled')} ({languageName(library, draft.lang)})
                </bdi>
              </label>
            ))}
          </fieldset>
          <div className="form-row">
            <label htmlFor="send-message">{t('write.send.message')}</label>
            <textarea
              id="send-message"
              rows={3}
              value={message}
              maxLength={DRAFT_LIMITS.messageChars}
              onChange={(e) => setMessage(e.target.value)}
              dir="auto"
              data-testid="send-message"
            />
          </div>
          <div className="form-row">
            <label htmlFor="send-passphrase">{t('write.send.passphrase')}</label>
            <input
              id="send-passphrase"
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              required
              data-testid="send-passphrase"
            />
          </div>
          <button type="submit" disabled={busy || chosen.length === 0} data-testid="send-button">
            {t('write.send.button')}
          </button>
        </form>
      )}
      {result && !result.ok && (
        <p role="alert" className="notice notice-warning" data-testid="send-error">
          {result.message}
        </p>
      )}
    </section>
  );
}
