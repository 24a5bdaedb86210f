import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * Runs `load` whenever `deps` change, dropping answers that arrive after a newer request started. A change of
 * `refresh` alone (such as the content revision) loads again but keeps showing the current value until the new one
 * arrives, so a library that updates in the background neither flashes "Loading" nor loses the person's place.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], refresh?: unknown): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const lastDeps = useRef<readonly unknown[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps, not the closure, decide when to load
  useEffect(() => {
    let current = true;
    const onlyRefresh =
      lastDeps.current !== null && lastDeps.current.length === deps.length && lastDeps.current.every((d, i) => Object.is(d, deps[i]));
    lastDeps.current = deps;
    if (!onlyRefresh) setState({ status: 'loading' });
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', message: (error as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [...deps, attempt, refresh]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}
