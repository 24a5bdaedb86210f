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
  const last = useRef<{ deps: readonly unknown[]; attempt: number } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps, not the closure, decide when to load
  useEffect(() => {
    let current = true;
    const previous = last.current;
    const onlyRefresh =
      previous !== null &&
      previous.attempt === attempt &&
      previous.deps.length === deps.length &&
      previous.deps.every((dep, i) => Object.is(dep, deps[i]));
    last.current = { deps, attempt };
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
