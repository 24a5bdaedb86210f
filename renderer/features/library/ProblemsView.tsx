import { useTranslation } from 'react-i18next';
import { client } from '../../lib/client';
import { useAsync } from '../../lib/use-async';
import { ErrorMessage } from '../shell/ErrorMessage';

/** For maintainers: content files that could not be loaded, each problem with its file, line and field. */
export function ProblemsView() {
  const { t } = useTranslation();
  const [state, retry] = useAsync(() => client.invoke('library.list'), []);
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorMessage message={state.message} retry={retry} />;
  return (
    <section aria-labelledby="problems-title">
      <h1 id="problems-title">{t('nav.maintainer')}</h1>
      <ul className="problem-list">
        {state.value.invalid.flatMap((entry) =>
          entry.problems.map((problem, index) => (
            <li key={`${entry.file}:${index}`} dir="ltr">
              <code>
                {problem.file}:{problem.line}
              </code>{' '}
              <strong>{problem.field}</strong>: {problem.message}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
