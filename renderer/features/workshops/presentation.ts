import { useSyncExternalStore } from 'react';

/** What to present: a collection's items in order, or one guide. */
export interface Deck {
  title: string;
  items: { guide: string; lang: string; section: string | null }[];
}

/** Where the trainer was when the presentation started: Escape brings them back to exactly this. */
interface Return {
  hash: string;
  scrollX: number;
  scrollY: number;
  focus: HTMLElement | null;
}

let current: { deck: Deck; back: Return } | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

export function present(deck: Deck): void {
  const focus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  current = { deck, back: { hash: location.hash, scrollX: window.scrollX, scrollY: window.scrollY, focus } };
  notify();
}

/** Ends the presentation and puts the trainer back on the same screen, at the same scroll position and focus. */
export function endPresentation(): void {
  if (!current) return;
  const { back } = current;
  current = null;
  notify();
  if (location.hash !== back.hash) location.hash = back.hash;
  // After the overlay is gone and the page has its full height again.
  requestAnimationFrame(() => {
    window.scrollTo(back.scrollX, back.scrollY);
    back.focus?.focus({ preventScroll: true });
  });
}

export function usePresentation(): Deck | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current?.deck ?? null,
  );
}
