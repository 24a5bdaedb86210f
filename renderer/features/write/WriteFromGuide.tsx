import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { navigate } from '../../lib/route';

/** The reader's way into the writing area: a new version of this guide file, as a draft to edit and send. */
export function WriteFromGuide({ guide }: { guide: GuideView }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    try {
      const draft = await client.invoke('drafts.create', { kind: 'version', guide: guide.id, lang: guide.lang });
      navigate({ name: 'draft', id: draft.id });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <div className="write-from-guide" lang={i18n.language} dir={i18n.dir(i18n.language)}>
      <button type="button" className="small" onClick={() => void start()} data-testid="suggest-change">
        {t('write.suggest')}
      </button>
      {error && (
        <p role="alert" className="notice notice-warning">
          {error}
        </p>
      )}
    </div>
  );
}
