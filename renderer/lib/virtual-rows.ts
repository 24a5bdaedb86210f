import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { VIRTUAL_FROM } from './virtual-from';

/**
 * The rows of a long list to render: those on screen and a few either side, with the space the others take before
 * and after them. `scrollRef` goes on the element that scrolls; `measure` on each rendered row (with `data-index`),
 * so rows that wrap to several lines keep their place.
 */
export function useVirtualRows(count: number, estimateSize: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = count > VIRTUAL_FROM;
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
  });
  if (!virtual) return { virtual, scrollRef, indexes: Array.from({ length: count }, (_, i) => i), before: 0, after: 0, measure: undefined };
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return { virtual, scrollRef, indexes: items.map((item) => item.index), before, after, measure: virtualizer.measureElement };
}
