import { useCallback } from 'react';

/**
 * Calls `onNear` while the returned `sentinel` (a callback ref, put on an element after a long list's rendered
 * items) is within about two screens of the viewport and `active` is true: the list renders its next items then,
 * for lists whose layout (a grid of cards under headings) a virtual list cannot measure. The element is observed
 * again whenever it is mounted again, and whenever `rendered` (how many items are on the page) changes, so a
 * sentinel still near the screen after one step asks for the next.
 */
export function useNearEnd(active: boolean, onNear: () => void, rendered: number): (element: HTMLDivElement | null) => (() => void) | undefined {
  // A callback ref with a cleanup: the observer starts with the element and stops with it, and React makes a new
  // one whenever `active`, `onNear` or `rendered` changes. Keeping the element in state made its mounting a state
  // update inside React's commit, which drew the whole list a second time, synchronously, in one long task.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new observer for each count reports at once whether the end is still near
  return useCallback(
    (element: HTMLDivElement | null) => {
      if (!active || !element) return;
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) onNear();
        },
        { rootMargin: '1200px 0px' },
      );
      observer.observe(element);
      return () => observer.disconnect();
    },
    [active, rendered, onNear],
  );
}
