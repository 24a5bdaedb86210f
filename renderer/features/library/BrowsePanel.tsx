import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ancestry, placeOf, type BrowseFilter, type JurisdictionNode } from '../../../electron/api/browse';
import type { LibraryLists, LibraryPage } from '../../../electron/api/types';
import { jurisdictionName, languageName, topicName } from '../../lib/names';
import { MyJurisdictionSelect } from './MyJurisdiction';

interface Props {
  /** The library as the core works it out under `filter`: the names, the tree and the counts. */
  page: LibraryPage;
  filter: BrowseFilter;
  /** The person's jurisdiction from Settings; `filter.mine` is it when "only mine" is on. */
  myJurisdiction: string | null;
  onChange(filter: BrowseFilter): void;
}

function Count({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="count" aria-hidden="true">
        {t('library.countShort', { count })}
      </span>
      <span className="visually-hidden">{t('library.count', { count })}</span>
    </>
  );
}

function TreeLevel({
  nodes,
  library,
  filter,
  onChange,
  root,
}: {
  nodes: JurisdictionNode[];
  library: LibraryLists;
  filter: BrowseFilter;
  onChange: Props['onChange'];
  root: boolean;
}) {
  const { i18n } = useTranslation();
  return (
    <ul className={root ? 'jurisdiction-tree' : undefined}>
      {nodes.map((node) => {
        // The top of the hierarchy holds every guide, so choosing it shows them all. Choosing a place replaces "only mine":
        // both show the guidance that applies in one jurisdiction.
        const place = placeOf(filter);
        const pressed = root ? place === null || place === node.code : place === node.code;
        return (
          <li key={node.code}>
            <button
              type="button"
              aria-pressed={pressed}
              data-jurisdiction={node.code}
              disabled={node.shows === 0 && !pressed}
              onClick={() => onChange({ ...filter, jurisdiction: root ? null : node.code, mine: null })}
            >
              <span className="name">{jurisdictionName(library, node.code, i18n.language)}</span> <Count count={node.count} />
            </button>
            {node.children.length > 0 && <TreeLevel nodes={node.children} library={library} filter={filter} onChange={onChange} root={false} />}
          </li>
        );
      })}
    </ul>
  );
}

/** The library's browsing controls: my jurisdiction, the jurisdiction hierarchy, topic and language, each with counts. */
export function BrowsePanel({ page, filter, myJurisdiction, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ids = { tree: useId(), mine: useId(), topic: useId(), language: useId(), body: useId() };
  // Folded away only where the stylesheet shows the toggle (a narrow library, as at 200% zoom); open by default elsewhere.
  const [expanded, setExpanded] = useState(false);
  const library: LibraryLists = page;
  const { tree, topicCounts: topics, languageCounts: languages } = page;
  const chain = myJurisdiction ? ancestry(library.jurisdictions, myJurisdiction) : [];
  return (
    <aside className="browse" aria-label={t('library.browse')} data-expanded={expanded}>
      <button
        type="button"
        className="browse-toggle"
        data-testid="browse-toggle"
        aria-expanded={expanded}
        aria-controls={ids.body}
        onClick={() => setExpanded(!expanded)}
      >
        {t('library.browseToggle')}
      </button>
      <div className="browse-body" id={ids.body}>
        <div className="browse-group">
          <MyJurisdictionSelect library={library} describedBy={myJurisdiction ? ids.mine : undefined} />
          {myJurisdiction && (
            <>
              <label className="checkbox">
                <input
                  type="checkbox"
                  data-testid="only-mine"
                  checked={filter.mine !== null}
                  onChange={(event) => onChange({ ...filter, jurisdiction: null, mine: event.target.checked ? myJurisdiction : null })}
                />
                {t('library.onlyMine', { name: jurisdictionName(library, myJurisdiction, lang) })}
              </label>
              <p id={ids.mine} className="help">
                {chain.length > 0
                  ? t('library.onlyMineHelp', { names: chain.map((code) => jurisdictionName(library, code, lang)).join(' · ') })
                  : t('library.myJurisdictionUnknown', { code: myJurisdiction })}
              </p>
            </>
          )}
        </div>
        <nav className="browse-group" aria-labelledby={ids.tree}>
          <h2 id={ids.tree}>{t('library.jurisdiction')}</h2>
          <TreeLevel nodes={tree} library={library} filter={filter} onChange={onChange} root />
        </nav>
        <div className="browse-group field">
          <label htmlFor={ids.topic}>{t('library.topic')}</label>
          <select
            id={ids.topic}
            data-testid="topic-filter"
            value={filter.topic ?? ''}
            onChange={(event) => onChange({ ...filter, topic: event.target.value || null })}
          >
            <option value="">{t('library.allTopics')}</option>
            {topics.map(({ id, count }) => (
              <option key={id} value={id} disabled={count === 0 && filter.topic !== id}>
                {t('library.withCount', { name: topicName(library, id, lang), count })}
              </option>
            ))}
          </select>
        </div>
        <div className="browse-group field">
          <label htmlFor={ids.language}>{t('library.language')}</label>
          <select
            id={ids.language}
            data-testid="language-filter"
            value={filter.language ?? ''}
            onChange={(event) => onChange({ ...filter, language: event.target.value || null })}
          >
            <option value="">{t('library.allLanguages')}</option>
            {languages.map(({ code, count }) => (
              <option key={code} value={code} lang={code} disabled={count === 0 && filter.language !== code}>
                {t('library.withCount', { name: languageName(library, code), count })}
              </option>
            ))}
          </select>
        </div>
      </div>
    </aside>
  );
}
