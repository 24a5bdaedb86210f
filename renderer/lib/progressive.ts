import { useEffect, useState } from 'react';
import { VIRTUAL_FROM } from './virtual-rows';

/** Items rendered at first, and added each time the end of what is rendered comes near the screen. */
export const STEP = 60;

/**
 * How many of `total` items to render: all of an ordinary list; for a long one, a first screenful and more as the
 * person scrolls (or tabs) towards the end, for lists whose layout (a grid of cards under headings) a virtual list
 * cannot measure. `restart` (what the person chose to see, such as a filter) goes back to the start when it changes;
 * the same list read again (content reloaded, a pack applied) keeps what is rendered. Put `sentinel` (a callback ref)
 * on an element after the rendered items: it is observed again whenever it is mounted again.
 */
export function useProgressiveCount(total: number, restart: unknown) {
  const [element, sentinel] = useState<HTMLDivElement | null>(null);
  const [count, setCount] = useState(STEP);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list starts from its first screenful again
  useEffect(() => setCount(STEP), [restart]);
  const all = total <= VIRTUAL_FROM || count >= total;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new observer for each count reports at once whether the end is still near
  useEffect(() => {
    if (all || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setCount((current) => current + STEP);
      },
      { rootMargin: '1200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [all, count, element]);
  return { shown: all ? total : count, more: !all, sentinel };
}
