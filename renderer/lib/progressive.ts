import { useEffect, useState } from 'react';

/**
 * Calls `onNear` while the returned `sentinel` (a callback ref, put on an element after a long list's rendered
 * items) is within about two screens of the viewport and `active` is true: the list renders its next items then,
 * for lists whose layout (a grid of cards under headings) a virtual list cannot measure. The element is observed
 * again whenever it is mounted again, and whenever `rendered` (how many items are on the page) changes, so a
 * sentinel still near the screen after one step asks for the next.
 */
export function useNearEnd(active: boolean, onNear: () => void, rendered: number) {
  const [element, sentinel] = useState<HTMLDivElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new observer for each count reports at once whether the end is still near
  useEffect(() => {
    if (!active || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onNear();
      },
      { rootMargin: '1200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [active, rendered, element, onNear]);
  return sentinel;
}
