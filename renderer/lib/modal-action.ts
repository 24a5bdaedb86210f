import { useCallback, useEffect, useRef, useState } from 'react';

/** A <dialog> shown modal as soon as it mounts (focus moves into it, Escape closes it), and a way to close it. */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const close = useCallback(() => ref.current?.close(), []);
  return { ref, close };
}

/**
 * One call at a time from a form: `busy` while it runs (to disable the button), and its failure's message in
 * `error` (cleared when the next call starts), so a refused save says why and leaves what was typed in place.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await task();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
