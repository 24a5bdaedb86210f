import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideDiff, PackGuideChange } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { ErrorMessage } from '../shell/ErrorMessage';
import { WordDiff } from './HistoryDiff';

/** "Show changes" for one guide of a previewed pack: the word diff between the version shown now and the pack's. */
export function PackGuideDiff({ token, change }: { token: string; change: PackGuideChange }) {
  const { t } = useTranslation();
  const [diff, setDiff] = useState<GuideDiff | { error: string } | null>(null);
  const [shown, setShown] = useState(false);
  const id = useId();
  const toggle = () => {
    setShown(!shown);
    if (diff) return;
    client.invoke('packs.diff', { token, path: change.path }).then(setDiff, (e: Error) => setDiff({ error: e.message.replace(/^packs: /, '') }));
  };
  const title = t('versions.packDiffTitle', { path: change.path });
  return (
    <div className="pack-guide-diff" data-testid="pack-guide-diff" data-path={change.path}>
      <button type="button" aria-expanded={shown} aria-controls={id} onClick={toggle} data-testid="show-changes">
        {shown ? t('versions.hideChanges') : t('versions.showChanges')}
      </button>
      <div id={id} hidden={!shown}>
        {shown && !diff && <p role="status">{t('app.loading')}</p>}
        {diff && 'error' in diff && <ErrorMessage message={diff.error} />}
        {diff && !('error' in diff) && <WordDiff parts={diff.parts} lang={change.lang} dir={diff.dir} label={title} />}
      </div>
    </div>
  );
}
