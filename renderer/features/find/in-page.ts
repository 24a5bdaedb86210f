import type { FindResult } from '../../../electron/api/contract';

/** More matches than this are not worth marking one by one; the count says so by stopping there. */
export const MAX_MATCHES = 10_000;

const HIDDEN = '[hidden], [aria-hidden="true"], .visually-hidden, script, style, template, dialog:not([open]), details:not([open]) > :not(summary)';

/** Each place the text occurs inside root, ignoring case where that keeps lengths (so offsets stay true). */
export function matchRanges(root: Element, text: string): Range[] {
  const needle = text.toLocaleLowerCase();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(HIDDEN) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const ranges: Range[] = [];
  for (let node = walker.nextNode(); node && ranges.length < MAX_MATCHES; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    const lower = value.toLocaleLowerCase();
    const [haystack, sought] = lower.length === value.length && needle.length === text.length ? [lower, needle] : [value, text];
    for (let at = haystack.indexOf(sought); at !== -1 && ranges.length < MAX_MATCHES; at = haystack.indexOf(sought, at + sought.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + sought.length);
      ranges.push(range);
    }
  }
  return ranges;
}

/** The CSS Custom Highlight API, where the browser has it: marks without changing the page's DOM. */
const highlights = (): Map<string, unknown> | undefined => (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;

/**
 * The browser mode's find in page: the same bar as the desktop's, finding in the app's main content. Matches are
 * collected afresh on every step, so a page that changed since the last step is found as it is now.
 */
export function createPageFinder(root: () => Element | null) {
  let active = -1;
  const clear = () => {
    highlights()?.delete('find-match');
    highlights()?.delete('find-current');
    active = -1;
  };
  return {
    find(text: string, again: boolean, forward: boolean): FindResult {
      const container = root();
      const ranges = container && text !== '' ? matchRanges(container, text) : [];
      if (ranges.length === 0) {
        clear();
        return { available: true, matches: 0, active: 0 };
      }
      active = !again || active < 0 ? 0 : (active + (forward ? 1 : -1) + ranges.length) % ranges.length;
      const current = ranges[active]!;
      if (Highlight) {
        highlights()?.set('find-match', new Highlight(...ranges));
        highlights()?.set('find-current', new Highlight(current));
      }
      current.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      return { available: true, matches: ranges.length, active: active + 1 };
    },
    clear,
  };
}
