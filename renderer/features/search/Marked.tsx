import type { ReactNode } from 'react';
import type { Mark } from '../../../electron/api/types';

/**
 * Text with the ranges the search matched wrapped in <mark>: React elements built from plain strings, never HTML,
 * so a guide's text cannot inject markup. Ranges out of order, overlapping or out of bounds are ignored.
 */
export function Marked({ text, marks }: { text: string; marks: readonly Mark[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
