import { type RefObject, useEffect, useState } from 'react';
import { REPORT_LIMITS } from '../../../electron/api/report-limits';

/** What the reader has picked in a guide's text to report on: the quoted words and the section they are in. */
export interface PickedPassage {
  quote: string;
  /** The anchor of the section the selection starts in; undefined before the first heading. */
  section: string | undefined;
}

/** A selection as one line, cut to the quote limit at a character (never inside a surrogate pair). */
export function boundQuote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= REPORT_LIMITS.quote ? line : `${chars.slice(0, REPORT_LIMITS.quote - 1).join('')}…`;
}

/** The section a node is in: the last section heading (`section-<anchor>` ids, as the reader gives them) before it. */
function sectionAt(root: HTMLElement, node: Node): string | undefined {
  let found: string | undefined;
  for (const heading of root.querySelectorAll<HTMLElement>('[id^="section-"]')) {
    if (heading === node || heading.contains(node) || heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)
      found = heading.id.replace(/^section-/, '');
    else break;
  }
  return found;
}

/**
 * Follows the text the person selects inside `container`. A selection elsewhere on the page (a field, the menu) is
 * not a passage of the guide and leaves the last one as it was; a click in the guide's text (an empty selection
 * there) clears it. Moving to the report button by mouse or keyboard keeps the selection, so it is still there.
 */
export function usePickedPassage(container: RefObject<HTMLElement | null>): [PickedPassage | null, () => void] {
  const [picked, setPicked] = useState<PickedPassage | null>(null);
  useEffect(() => {
    const onChange = () => {
      const root = container.current;
      const selection = document.getSelection();
      if (!root || !selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return;
      const quote = selection.isCollapsed ? '' : boundQuote(selection.toString());
      setPicked(quote === '' ? null : { quote, section: sectionAt(root, range.startContainer) });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [container]);
  return [picked, () => setPicked(null)];
}
