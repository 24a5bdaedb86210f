import { useTranslation } from 'react-i18next';
import type { Route } from '../../lib/route';
import { useAsync } from '../../lib/use-async';
import { client } from '../../lib/client';
import { useContentRevision } from '../../lib/content-revision';
import { ErrorMessage } from '../shell/ErrorMessage';
import { libraryLists } from './library-pages';

/** The main navigation's link to the maintainer view, shown only while some content file could not be loaded. */
export function ProblemsLink({ route }: { route: Route }) {
  const { t } = useTranslation();
  const revision = useContentRevision();
  const [state] = useAsync(() => libraryLists(), [], revision);
  const count = state.status === 'ready' ? state.value.invalidFiles : 0;
  if (count === 0 && route.name !== 'problems') return null;
  return (
    <a href="#/problems" data-testid="problems-link" aria-current={route.name === 'problems' ? 'page' : undefined}>
      {t('nav.maintainer')} <span className="count">{t('problems.fileCount', { count })}</span>
    </a>
  );
}

/**
 * For maintainers: content files that could not be loaded, each with its problems as `path:line: field: message`,
 * the same lines `npm run content -- validate` prints. The text is the content's own, so it is shown as code,
 * left to right, whatever the interface language.
 */
export function ProblemsView() {
  const { t } = useTranslation();
  const revision = useContentRevision();
  const [state, retry] = useAsync(() => client.invoke('library.list'), [], revision);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  const { invalid, guides } = state.value;
  return (
    <section aria-labelledby="problems-title" className="problems">
      <h1 id="problems-title">{t('nav.maintainer')}</h1>
      <p data-testid="problems-summary">
        {invalid.length === 0 ? t('problems.none', { count: guides.length }) : t('problems.summary', { count: invalid.length, valid: guides.length })}
      </p>
      {invalid.length > 0 && (
        <>
          <p className="help">{t('problems.help')}</p>
          <ul className="problem-files" data-testid="problem-files">
            {invalid.map((entry) => (
              <li key={entry.file} data-file={entry.file}>
                <h2 dir="ltr">
                  <code translate="no">{entry.file}</code>
                </h2>
                <ul className="problem-list">
                  {entry.problems.map((problem) => (
                    <li key={`${problem.line}:${problem.field}:${problem.message}`} dir="ltr" lang="en" data-testid="problem">
                      <code>
                        {problem.file}:{problem.line}: {problem.field}: {problem.message}
                      </code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
