import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFT_LIMITS } from '../../../electron/api/drafts';
import { client } from '../../lib/client';
import { chosenFile } from '../../lib/chosen-file';

/** Opens a maintainer's reply (.fbreply): the drafts it answers take its state, and its notes show beside them. */
export function ReplyOpener({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      if (file.size > DRAFT_LIMITS.replyChars) throw new Error(t('write.reply.tooLarge'));
      const opened = await client.invoke('partner.openReply', { text: await file.text() });
      setResult({ ok: true, text: t('write.reply.opened', { state: t(`write.state.${opened.decision}`) }) });
      onOpened();
    } catch (failure) {
      setResult({ ok: false, text: t('write.reply.failed', { file: file.name, message: (failure as Error).message }) });
    }
  };
  return (
    <div className="reply-opener">
      <label className="file-picker">
        <span>{t('write.reply.open')}</span>
        <input type="file" accept=".fbreply,application/json" data-testid="open-reply" onChange={(event) => void open(chosenFile(event))} />
      </label>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'notice' : 'notice notice-warning'} data-testid="reply-result">
          {result.text}
        </p>
      )}
    </div>
  );
}
