import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A screen whose code is fetched when it is first needed, or beforehand with `preload` (the same fetch: the module
 * is loaded once). `loaded` says whether it has arrived: a change to a screen whose code has not is a transition
 * (lib/route.ts useRouteChange), so the screen before it stays rather than a loading line, which React would hold
 * for at least 300 ms.
 */
export type LazyScreen<P> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown>; readonly loaded: boolean };

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded = false;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetch = () => {
    pending ??= load().then((component) => {
      loaded = true;
      return component;
    });
    return pending;
  };
  const screen = lazy(async () => ({ default: await fetch() }));
  return Object.defineProperties(screen, {
    preload: { value: fetch },
    loaded: { get: () => loaded },
  }) as LazyScreen<P>;
}

let waiting: readonly { preload: () => Promise<unknown> }[] = [];
let drawn = false;

function preloadWhenIdle(): void {
  const screens = waiting;
  waiting = [];
  // A failed fetch (the host stopped, say) is left for the screen itself to report when it is opened.
  const run = () => {
    for (const screen of screens) screen.preload().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 0);
}

/**
 * What to fetch once the first screen is drawn (screenDrawn), while the page is idle: the other screens, and the
 * search index the core loads when asked. Fetched any sooner, the screens' code competed with the library's first
 * cards for the page's one thread (about 100 ms later at 10,000 guides), and the index with the core's answers.
 */
export function preloadAfterFirstScreen(screens: readonly { preload: () => Promise<unknown> }[]): void {
  waiting = screens;
  if (drawn) preloadWhenIdle();
}

/** Called by the first screen once it shows what the person came for (the library: its first cards). */
export function screenDrawn(): void {
  if (drawn) return;
  drawn = true;
  preloadWhenIdle();
}
