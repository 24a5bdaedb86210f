import { stripArticle } from '../../../electron/api/words/normalize';
import { tokenize } from '../../../electron/api/words/tokenize';

/**
 * Marks the words of a query in a rendered guide: each matching word is wrapped in a <mark>, built with DOM
 * methods around the existing text nodes (no HTML is parsed, so nothing in a query or a guide can inject markup).
 * A word matches as the search matched it (electron/core/search/engine.ts): folded the same way, the word being
 * typed also as a prefix, longer words also with a typo.
 */

const CJK_OR_THAI = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const MARK_ATTRIBUTE = 'data-search-match';
/** Elements whose text is not prose a person reads for the match. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'MARK']);

interface QueryWord {
  term: string;
  prefix: boolean;
  fuzzy: number;
}

function queryWords(query: string): QueryWord[] {
  const openEnded = !/\s$/.test(query);
  const terms = tokenize(query).map((token) => token.term);
  const lastTyped = terms.at(-1)?.length ?? 0;
  if (openEnded && terms.length > 0) terms[terms.length - 1] = stripArticle(terms[terms.length - 1]!, 1);
  return terms.map((term, index, all) => {
    const unspaced = CJK_OR_THAI.test(term);
    const min = unspaced ? 1 : 2;
    const last = index === all.length - 1 && openEnded;
    return {
      term,
      prefix: (last ? lastTyped : term.length) >= (last ? min : min + 1),
      fuzzy: unspaced || term.length < 4 ? 0 : term.length >= 8 ? 2 : 1,
    };
  });
}

/** Levenshtein distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** Whether a folded word of the text matches a query (see the module comment). */
export function matcherFor(query: string): (term: string) => boolean {
  const words = queryWords(query);
  return (term) =>
    words.some(
      (word) =>
        term === word.term ||
        (word.prefix && term.startsWith(word.term)) ||
        (word.fuzzy > 0 && editDistance(term, word.term, word.fuzzy) <= word.fuzzy),
    );
}

/** Removes the marks a previous call added, leaving the text as it was. */
export function clearHighlights(root: HTMLElement): void {
  for (const mark of root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    parent.replaceChild(document.createTextNode(mark.textContent ?? ''), mark);
    parent.normalize();
  }
}

/** Wraps each word of `root`'s text that matches `query` in <mark>; returns the marks, in document order. */
export function highlightMatches(root: HTMLElement, query: string): HTMLElement[] {
  clearHighlights(root);
  if (query.trim() === '') return [];
  const matches = matcherFor(query);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement && SKIP.has(node.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);

  const marks: HTMLElement[] = [];
  for (const node of textNodes) {
    const text = node.data;
    const ranges = tokenize(text).filter((token) => matches(token.term));
    if (ranges.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const range of ranges) {
      if (range.start > at) fragment.append(text.slice(at, range.start));
      const mark = document.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, '');
      mark.className = 'search-match';
      mark.textContent = text.slice(range.start, range.end);
      fragment.append(mark);
      marks.push(mark);
      at = range.end;
    }
    if (at < text.length) fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }
  return marks;
}
