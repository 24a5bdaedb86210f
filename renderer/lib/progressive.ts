import { useEffect, useRef, useState } from 'react';
import { VIRTUAL_FROM } from './virtual-rows';

/** Items rendered at first, and added each time the end of what is rendered comes near the screen. */
export const STEP = 60;

/**
 * How many of `total` items to render: all of an ordinary list; for a long one, a first screenful and more as the
 * person scrolls (or tabs) towards the end, for lists whose layout (a grid of cards under headings) a virtual list
 * cannot measure. `restart` (the list shown) going back to the start when it changes. Put `sentinel` on an element
 * after the rendered items.
 */
export function useProgressiveCount(total: number, restart: unknown) {
  const sentinel = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(STEP);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list starts from its first screenful again
  useEffect(() => setCount(STEP), [restart]);
  const all = total <= VIRTUAL_FROM || count >= total;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new observer for each count reports at once whether the end is still near
  useEffect(() => {
    const element = sentinel.current;
    if (all || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setCount((current) => current + STEP);
      },
      { rootMargin: '1200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [all, count]);
  return { shown: all ? total : count, more: !all, sentinel };
}
