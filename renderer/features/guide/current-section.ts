import { type RefObject, useEffect, useState } from 'react';

/** A heading counts as the one being read once its top passes this share of the viewport's height. */
const READING_LINE = 0.25;

/** The last of the (document-ordered) headings whose top is above the reading line: a binary search, as tops only grow. */
function lastAbove(headings: HTMLElement[], line: number): number {
  let low = 0;
  let high = headings.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (headings[middle]!.getBoundingClientRect().top <= line) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The anchor of the section being read, for the table of contents to mark: the last heading above the reading
 * line, re-judged whenever a heading crosses it (IntersectionObserver, so nothing runs while the page is still).
 * Before the first heading, the first section counts.
 */
export function useCurrentSection(container: RefObject<HTMLElement | null>, anchors: readonly string[]): string | undefined {
  const [current, setCurrent] = useState<string | undefined>(anchors[0]);
  useEffect(() => {
    const root = container.current;
    if (!root || anchors.length === 0) return;
    // The headings the reader gave section anchors to, in document order (one query, however long the guide).
    const headings = [...root.querySelectorAll<HTMLElement>('[id^="section-"]')];
    if (headings.length === 0) return;
    const judge = () => {
      const index = lastAbove(headings, window.innerHeight * READING_LINE);
      setCurrent((headings[Math.max(index, 0)]!.id || '').replace(/^section-/, ''));
    };
    const observer = new IntersectionObserver(judge, { rootMargin: `0px 0px -${100 - READING_LINE * 100}% 0px`, threshold: [0, 1] });
    for (const heading of headings) observer.observe(heading);
    // A fast scroll can carry a heading clean across the line between two observations: judge again when it ends.
    document.addEventListener('scrollend', judge, { capture: true, passive: true });
    judge();
    return () => {
      observer.disconnect();
      document.removeEventListener('scrollend', judge, { capture: true });
    };
  }, [container, anchors]);
  return current;
}
