import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { navigate } from '../../lib/route';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** The search box: a combobox whose results follow every keystroke; Ctrl/Cmd+K or "/" focuses it from anywhere. */
export function SearchBox() {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') || (event.key === '/' && !isTyping(event.target))) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    let current = true;
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    client.invoke('search.query', { q: query, limit: 20 }).then((found) => {
      if (!current) return;
      setHits(found);
      setActive(found.length > 0 ? 0 : -1);
    }, () => current && setHits([]));
    return () => {
      current = false;
    };
  }, [query]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    navigate({ name: 'guide', id: hit.id, lang: hit.lang, section: hit.anchor || undefined, highlight: query });
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-hit-${active}` : undefined}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        data-testid="search-input"
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((n) => Math.min(n + 1, hits.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((n) => Math.max(n - 1, 0));
          } else if (event.key === 'Enter' && hits[active]) {
            event.preventDefault();
            choose(hits[active]);
          } else if (event.key === 'Escape') setOpen(false);
        }}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {showList ? (hits.length > 0 ? t('search.results', { count: hits.length }) : t('search.noResults', { query })) : ''}
      </p>
      {showList && (
        <ul id={`${id}-list`} role="listbox" aria-label={t('search.resultsLabel')} className="search-results" data-testid="search-results">
          {hits.length === 0 && <li className="empty">{t('search.noResults', { query })}</li>}
          {hits.map((hit, index) => (
            <li
              key={`${hit.id}/${hit.lang}#${hit.anchor}`}
              id={`${id}-hit-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(hit)}
            >
              <span className="hit-title" lang={hit.lang} dir={hit.dir}>
                {hit.title}
                {hit.heading && hit.anchor ? ` › ${hit.heading}` : ''}
              </span>
              <span className="hit-meta">
                {hit.jurisdiction} · {hit.lang}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
