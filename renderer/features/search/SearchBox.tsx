import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../electron/api/contract';
import type { LibraryPage, SearchHit } from '../../../electron/api/types';
import { INTERFACE_LANGUAGES } from '../../../electron/api/options';
import { client } from '../../lib/client';
import { jurisdictionName, languageName, topicName } from '../../lib/names';
import { navigate } from '../../lib/route';
import { isTyping } from '../../lib/typing';
import { ContentBadges } from '../packs/ContentFlags';
import { ReviewBadge } from '../review/ReviewBadge';
import { AddToCollection } from '../workshops/AddToCollection';
import { Marked } from './Marked';
import { libraryLists } from '../library/library-pages';

const LIMIT = 20;
type FilterName = 'jurisdiction' | 'topic' | 'lang';
const FILTERS: FilterName[] = ['jurisdiction', 'topic', 'lang'];
type Filters = Record<FilterName, string>;
const NO_FILTERS: Filters = { jurisdiction: '', topic: '', lang: '' };

/** A filter that, dropped, would give results; 'all' drops every filter. */
interface Suggestion {
  drop: FilterName | 'all';
  count: number;
}

function request(q: string, filters: Filters, interfaceLanguage: string): Input<'search.query'> {
  return {
    q,
    limit: LIMIT,
    ...(filters.jurisdiction && { jurisdiction: filters.jurisdiction }),
    ...(filters.topic && { topic: filters.topic }),
    ...(filters.lang && { lang: filters.lang }),
    ...((INTERFACE_LANGUAGES as readonly string[]).includes(interfaceLanguage) && { interfaceLanguage }),
  };
}

function requestKey(q: string, filters: Filters, interfaceLanguage: string): string {
  return JSON.stringify(request(q, filters, interfaceLanguage));
}

/** A result's identity: the same section of the same guide in the same language. */
function hitKey(hit: SearchHit): string {
  return `${hit.id}/${hit.lang}#${hit.anchor}`;
}

/** When a filtered search finds nothing: which filters, dropped, would find something. */
async function suggestionsFor(q: string, filters: Filters, interfaceLanguage: string): Promise<Suggestion[]> {
  const active = FILTERS.filter((name) => filters[name] !== '');
  const drops: Suggestion['drop'][] = active.length > 1 ? [...active, 'all'] : active;
  const counts = await Promise.all(
    drops.map((drop) =>
      client
        .invoke('search.query', request(q, drop === 'all' ? NO_FILTERS : { ...filters, [drop]: '' }, interfaceLanguage))
        .then((hits) => hits.length),
    ),
  );
  return drops.map((drop, index) => ({ drop, count: counts[index]! })).filter((suggestion) => suggestion.count > 0);
}

/**
 * The search: a combobox in the header whose results follow every keystroke. Ctrl/Cmd+K or "/" reaches it from
 * anywhere; arrow keys choose a result and Enter opens the guide at the matched section with the words marked.
 * Filters narrow by jurisdiction, topic and language; an empty result says which filter to drop. Queries are kept
 * only in this component's state, never saved.
 */
export function SearchBox() {
  const { t, i18n } = useTranslation();
  const uiLang = i18n.language;
  const id = useId();
  const container = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [hits, setHits] = useState<SearchHit[]>([]);
  // The request (query, filters, language) whose answer is on screen: the panel is settled when it is the current one.
  const [answered, setAnswered] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The result chosen with the arrow keys or the pointer, by identity rather than position, so a list that updates
  // under the arrow keys keeps the choice; null means the first result.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const sequence = useRef(0);
  const [open, setOpen] = useState(false);
  const [library, setLibrary] = useState<LibraryPage | null>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (
        ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') ||
        (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target))
      ) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Names for the filters and results; asked for once, when the search is first used.
  useEffect(() => {
    if (!open || library) return;
    let current = true;
    // The names alone, not every card: at ten thousand guides the whole library is megabytes.
    libraryLists().then(
      (data) => current && setLibrary(data),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [open, library]);

  const asked = requestKey(query, filters, uiLang);
  useEffect(() => {
    // Every request gets the next number; an answer is shown only while its number is still the latest, so a slow
    // answer to an earlier keystroke can never replace a later one's.
    const ticket = ++sequence.current;
    const latest = () => ticket === sequence.current;
    if (query.trim() === '') {
      setHits([]);
      setActiveKey(null);
      setAnswered('');
      setSuggestions([]);
      setError(null);
      return;
    }
    const key = requestKey(query, filters, uiLang);
    client.invoke('search.query', request(query, filters, uiLang)).then(
      async (found) => {
        if (!latest()) return;
        const next = found.length === 0 ? await suggestionsFor(query, filters, uiLang).catch(() => []) : [];
        if (!latest()) return;
        setHits(found);
        setSuggestions(next);
        setError(null);
        // A result the person chose stays chosen while the list still holds it; otherwise the first one is.
        setActiveKey((chosen) => (chosen !== null && found.some((hit) => hitKey(hit) === chosen) ? chosen : null));
        setAnswered(key);
      },
      (failure: unknown) => {
        if (!latest()) return;
        setHits([]);
        setSuggestions([]);
        setError((failure as Error).message);
        setAnswered(key);
      },
    );
  }, [query, filters, uiLang]);

  const found = hits.findIndex((hit) => hitKey(hit) === activeKey);
  const active = found >= 0 ? found : hits.length > 0 ? 0 : -1;
  const setActive = (update: (index: number) => number) => {
    const next = hits[update(active)];
    if (next) setActiveKey(hitKey(next));
  };

  const choose = (hit: SearchHit) => {
    setOpen(false);
    navigate({ name: 'guide', id: hit.id, lang: hit.lang, section: hit.anchor || undefined, highlight: query.trim() });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((n) => Math.min(n + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((n) => Math.max(n - 1, 0));
    } else if (event.key === 'Enter' && open && hits[active]) {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open) setOpen(false);
      else setQuery('');
    }
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const showPanel = open && query.trim() !== '';
  const settled = answered === asked;
  const anyFilter = FILTERS.some((name) => filters[name] !== '');
  const status =
    !showPanel || !settled
      ? ''
      : error
        ? error
        : hits.length > 0
          ? t('search.results', { count: hits.length })
          : t('search.noResults', { query: query.trim() });
  const filterLabel = (name: FilterName) => t(`search.filter.${name}`);
  const filterValue = (name: FilterName) => {
    const value = filters[name];
    if (!library) return value;
    return name === 'jurisdiction'
      ? jurisdictionName(library, value, uiLang)
      : name === 'topic'
        ? topicName(library, value, uiLang)
        : languageName(library, value);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a landmark <div role="search"> is announced alike, and styled as before
    <div
      className="search"
      role="search"
      ref={container}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showPanel}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-keys`}
        aria-activedescendant={showPanel && active >= 0 && hits[active] ? `${id}-hit-${active}` : undefined}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
        value={query}
        data-testid="search-input"
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-keys`} className="visually-hidden">
        {t('search.keys')}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {showPanel && (
        // biome-ignore lint/a11y/noStaticElementInteractions: the mouse-down only keeps focus in the box; the panel is no control
        <div
          className="search-panel"
          data-testid="search-panel"
          // Set once the answer to exactly what is typed (with these filters) is on screen: tests wait for it.
          data-answered-query={settled ? query : undefined}
          onMouseDown={(event) => {
            // Keep the focus in the box when a result or the panel itself is clicked; the filters take it as usual.
            if (!(event.target as Element).closest('select, button')) event.preventDefault();
          }}
        >
          {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of filters, laid out in a row; a fieldset's legend would not fit */}
          <div className="search-filters" role="group" aria-label={t('search.filters')}>
            {FILTERS.map((name) => (
              <label key={name}>
                <span>{filterLabel(name)}</span>
                <select
                  value={filters[name]}
                  data-testid={`search-filter-${name}`}
                  onChange={(event) => setFilters((f) => ({ ...f, [name]: event.target.value }))}
                >
                  <option value="">{t('search.any')}</option>
                  {filters[name] && !library && <option value={filters[name]}>{filters[name]}</option>}
                  {library &&
                    (name === 'jurisdiction'
                      ? library.jurisdictions.map((j) => (
                          <option key={j.code} value={j.code}>
                            {jurisdictionName(library, j.code, uiLang)}
                          </option>
                        ))
                      : name === 'topic'
                        ? library.topics.map((topic) => (
                            <option key={topic.id} value={topic.id}>
                              {topicName(library, topic.id, uiLang)}
                            </option>
                          ))
                        : library.languages
                            .filter((l) => library.languageCounts.some((count) => count.code === l.code))
                            .map((l) => (
                              <option key={l.code} value={l.code} lang={l.code}>
                                {l.name}
                              </option>
                            )))}
                </select>
              </label>
            ))}
          </div>
          {error && settled && (
            <p className="search-error" role="alert">
              {error}
            </p>
          )}
          {settled && !error && hits.length === 0 && (
            <div className="search-empty" data-testid="search-empty">
              <p>{t('search.noResults', { query: query.trim() })}</p>
              {suggestions.length > 0 ? (
                <ul className="search-suggestions">
                  {suggestions.map((suggestion) => (
                    <li key={suggestion.drop}>
                      <button
                        type="button"
                        data-testid={`search-drop-${suggestion.drop}`}
                        onClick={() => {
                          setFilters((f) => (suggestion.drop === 'all' ? NO_FILTERS : { ...f, [suggestion.drop]: '' }));
                          input.current?.focus();
                        }}
                      >
                        {suggestion.drop === 'all'
                          ? t('search.dropAll', { count: suggestion.count })
                          : t('search.dropFilter', {
                              filter: filterLabel(suggestion.drop),
                              value: filterValue(suggestion.drop),
                              count: suggestion.count,
                            })}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="help">{anyFilter ? t('search.noneEvenUnfiltered') : t('search.tryOther')}</p>
              )}
            </div>
          )}
          {/* The WAI-ARIA combobox pattern: the box keeps the focus and names the active option (aria-activedescendant),
              so the options are neither focusable nor keyboard handlers themselves. */}
          <ul
            id={`${id}-list`}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the combobox pattern's listbox
            role="listbox"
            aria-label={t('search.resultsLabel')}
            className="search-results"
            data-testid="search-results"
            hidden={hits.length === 0}
          >
            {hits.map((hit, index) => (
              // biome-ignore lint/a11y/useFocusableInteractive: the box holds the focus and points at the option
              // biome-ignore lint/a11y/useKeyWithClickEvents: the box handles the keys for every option
              <li
                key={hitKey(hit)}
                id={`${id}-hit-${index}`}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the combobox pattern's option
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                data-testid="search-hit"
                data-guide={hit.id}
                data-lang={hit.lang}
                data-anchor={hit.anchor}
                onClick={() => choose(hit)}
                onMouseMove={() => index !== active && setActive(() => index)}
              >
                <span className="hit-title" lang={hit.lang} dir={hit.dir}>
                  <Marked text={hit.title} marks={hit.titleMarks} />
                  {hit.heading && (
                    <>
                      <span aria-hidden="true"> › </span>
                      <span className="hit-heading">
                        <Marked text={hit.heading} marks={hit.headingMarks} />
                      </span>
                    </>
                  )}
                </span>
                <span className="hit-meta">
                  <span className="tag">{library ? jurisdictionName(library, hit.jurisdiction, uiLang) : hit.jurisdiction}</span>
                  <span className="tag" lang={hit.lang}>
                    {library ? languageName(library, hit.lang) : hit.lang}
                  </span>
                  <ReviewBadge status={hit.status} />
                  <ContentBadges card={hit} />
                </span>
                <span className="hit-snippet" lang={hit.lang} dir={hit.dir}>
                  <Marked text={hit.snippet.text} marks={hit.snippet.marks} />
                </span>
              </li>
            ))}
          </ul>
          {hits[active] && (
            <div className="search-add" data-testid="search-add">
              <AddToCollection
                guide={hits[active].id}
                lang={hits[active].lang}
                section={hits[active].anchor || undefined}
                label={t('workshops.add.hit', {
                  title: hits[active].heading ? `${hits[active].title} › ${hits[active].heading}` : hits[active].title,
                })}
              />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
