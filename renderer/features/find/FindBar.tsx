import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindResult } from '../../../electron/api/contract';
import { client } from '../../lib/client';
import { createPageFinder } from './in-page';
import { ROUTE_EVENT } from '../../lib/route';

/**
 * Find in page, Ctrl/Cmd+F: a bar under the header with the count, next and previous (Enter, Shift+Enter or the
 * buttons) and Escape to close. The desktop app finds through Electron's own find in page (the `view.find` method);
 * the browser mode finds in the page itself with the same bar, so both behave alike.
 */
export function FindBar({ mode }: { mode: 'desktop' | 'browser' }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const sequence = useRef(0);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  // The answer on screen and the text it answers: the bar is settled when that is what is typed.
  const [result, setResult] = useState<(FindResult & { text: string }) | null>(null);
  const finder = useMemo(() => createPageFinder(() => document.getElementById('main')), []);

  const run = async (value: string, again: boolean, forward: boolean) => {
    const ticket = ++sequence.current;
    const found = mode === 'desktop' ? await client.invoke('view.find', { text: value, again, forward }) : finder.find(value, again, forward);
    if (ticket !== sequence.current) return;
    setResult(value === '' ? null : { ...found, text: value });
    // Electron's find in page can take the focus from the field it was typed in.
    if (mode === 'desktop') input.current?.focus();
  };

  const stop = () => {
    sequence.current++;
    if (mode === 'desktop') void client.invoke('view.find', { text: '', again: false, forward: true }).catch(() => undefined);
    else finder.clear();
  };

  const close = () => {
    stop();
    setOpen(false);
    setResult(null);
    const back = returnFocus.current;
    if (back?.isConnected) back.focus();
    else document.getElementById('main')?.focus();
  };

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        if (document.activeElement !== input.current) returnFocus.current = document.activeElement as HTMLElement | null;
        setOpen(true);
        // The bar may be opening in this very event: focus once it is there.
        requestAnimationFrame(() => {
          input.current?.focus();
          input.current?.select();
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Every change of the text starts a new find; a new page (another route) is found afresh on the next step.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run is recreated each render; the text and the bar being open are what matter.
  useEffect(() => {
    if (!open) return;
    void run(text, false, true).catch(() => setResult(null));
  }, [text, open]);
  useEffect(() => {
    const onRoute = () => setResult(null);
    window.addEventListener(ROUTE_EVENT, onRoute);
    return () => window.removeEventListener(ROUTE_EVENT, onRoute);
  }, []);

  if (!open) return null;
  const settled = result !== null && result.text === text;
  const status =
    !settled || text === '' ? '' : result.matches === 0 ? t('find.none') : t('find.count', { current: result.active, total: result.matches });
  const step = (forward: boolean) => {
    if (text !== '') void run(text, settled, forward).catch(() => setResult(null));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && event.target === input.current) {
      event.preventDefault();
      step(!event.shiftKey);
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is not in React's element types yet; the role is the same.
    <div
      className="find-bar"
      role="search"
      aria-label={t('find.label')}
      data-testid="find-bar"
      data-answered={settled ? text : undefined}
      data-matches={settled ? result.matches : undefined}
      data-active={settled ? result.active : undefined}
      onKeyDown={onKeyDown}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('find.label')}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        data-testid="find-input"
        placeholder={t('find.label')}
        aria-describedby={`${id}-keys ${id}-count`}
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <span id={`${id}-count`} className="find-count" role="status" aria-live="polite" data-testid="find-count">
        {status}
      </span>
      <button type="button" onClick={() => step(false)} aria-label={t('find.previous')} title={t('find.previous')}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" onClick={() => step(true)} aria-label={t('find.next')} title={t('find.next')}>
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" onClick={close} aria-label={t('find.close')} title={t('find.close')}>
        <span aria-hidden="true">×</span>
      </button>
      <p id={`${id}-keys`} className="visually-hidden">
        {t('find.keys')}
      </p>
    </div>
  );
}
