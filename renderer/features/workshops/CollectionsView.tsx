import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_LIMITS } from '../../../electron/api/collection-limits';
import { client } from '../../lib/client';
import { formatDate } from '../../lib/i18n';
import { hrefFor, navigate } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { chosenFile } from '../../lib/chosen-file';
import { ErrorMessage } from '../shell/ErrorMessage';

/** The Collections screen: every collection, a new one, and importing a collection file. */
export function CollectionsView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [state, retry] = useAsync(() => client.invoke('collections.list'), []);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    try {
      const made = await client.invoke('collections.create', { name });
      navigate({ name: 'collection', id: made.id });
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      if (file.size > COLLECTION_LIMITS.fileLength) throw new Error(t('workshops.collections.tooLarge', { file: file.name }));
      const made = await client.invoke('collections.import', { text: await file.text() });
      navigate({ name: 'collection', id: made.id });
    } catch (failure) {
      setError(t('workshops.collections.importFailed', { file: file.name, message: (failure as Error).message }));
    }
  };

  return (
    <section aria-labelledby="collections-title" className="collections">
      <h1 id="collections-title">{t('workshops.collections.title')}</h1>
      <p>{t('workshops.collections.intro')}</p>
      <div className="collections-actions">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label>
            <span>{t('workshops.collections.newName')}</span>
            <input
              value={name}
              required
              maxLength={COLLECTION_LIMITS.nameLength}
              onChange={(event) => setName(event.target.value)}
              data-testid="new-collection-name"
            />
          </label>{' '}
          <button type="submit">{t('workshops.collections.create')}</button>
        </form>
        <label className="file-picker">
          <span>{t('workshops.collections.import')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-collection"
            onChange={(event) => void importFile(chosenFile(event))}
          />
        </label>
      </div>
      {error && (
        <p className="notice notice-warning" role="alert" data-testid="collections-error">
          {error}
        </p>
      )}
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <ErrorMessage message={state.message} retry={retry} />}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <p data-testid="collections-empty">{t('workshops.collections.empty')}</p>
        ) : (
          <ul className="collection-list" data-testid="collection-list">
            {state.value.map((c) => (
              <li key={c.id} data-testid="collection-entry">
                <a href={hrefFor({ name: 'collection', id: c.id })} dir="auto">
                  {c.name}
                </a>{' '}
                <span className="muted">
                  {t('workshops.collections.count', { count: c.count })} ·{' '}
                  {t('workshops.collections.changed', { date: formatDate(c.updated.slice(0, 10), lang) })}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
