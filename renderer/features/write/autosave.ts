import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftMeta, DraftProblem } from '../../../electron/api/drafts';
import { client } from '../../lib/client';

/** How long typing must pause before a save: short enough that a crash loses at most a few words. */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; message: string };

export interface DraftText {
  meta: DraftMeta;
  body: string;
}

/**
 * Saves a draft as the person types: after each pause (debounced), and at once when the editor loses focus, the
 * page is hidden or about to close. One save at a time, always of the latest text; a failed save keeps the text in
 * the editor (it is never replaced by what is on disk) and is tried again on the next change or on "Try again".
 */
export function useAutosave(id: string, initial: DraftText & { revision: number; problems: DraftProblem[] }) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const [savedRevision, setSavedRevision] = useState(initial.revision);
  const [problems, setProblems] = useState(initial.problems);
  const latest = useRef<DraftText>({ meta: initial.meta, body: initial.body });
  const dirty = useRef(false);
  const saving = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (saving.current || !dirty.current) return;
    dirty.current = false;
    saving.current = true;
    setStatus({ state: 'saving' });
    const text = latest.current;
    let failed = false;
    client
      .invoke('drafts.save', { id, meta: text.meta, body: text.body })
      .then(
        (saved) => {
          setSavedRevision(saved.revision);
          setProblems(saved.problems);
          if (!dirty.current) setStatus({ state: 'saved' });
        },
        (error: Error) => {
          failed = true;
          dirty.current = true;
          setStatus({ state: 'failed', message: error.message });
        },
      )
      .finally(() => {
        saving.current = false;
        // Typing went on during the save: save again, unless this one failed (then the next change or a retry does).
        if (dirty.current && !failed && timer.current === null) timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
      });
  }, [id]);

  const change = useCallback(
    (text: DraftText) => {
      latest.current = text;
      dirty.current = true;
      setStatus((current) => (current.state === 'failed' ? current : { state: 'saving' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving the editor (another screen): what was typed is saved on the way out.
      flush();
    };
  }, [flush]);

  return { status, savedRevision, problems, change, flush };
}
