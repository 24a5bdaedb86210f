import { editDistance } from '../../../electron/api/words/distance';
import { stripArticle } from '../../../electron/api/words/normalize';
import { isStopWord, stemOf } from '../../../electron/api/words/stems';
import { tokenize, type Token } from '../../../electron/api/words/tokenize';

/**
 * Marks the words of a query in a rendered guide: each matching word is wrapped in a <mark>, built with DOM
 * methods around the existing text nodes (no HTML is parsed, so nothing in a query or a guide can inject markup).
 * A word matches as the search matched it (electron/core/search/engine.ts): folded the same way, as typed, the word
 * being typed also as a prefix, by its stem in the guide's language, and longer words also with a typo — but only
 * where the guide does not hold the word as typed, since then the person made no typo ("york" marks "York", never
 * "work"). Stop words ("what", "if", "que") are not marked, unless the query has nothing else.
 */

const CJK_OR_THAI = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const MARK_ATTRIBUTE = 'data-search-match';
/** Elements whose text is not prose a person reads for the match. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'MARK']);

interface QueryWord {
  term: string;
  prefix: boolean;
  fuzzy: number;
  stem: string | null;
}

function queryWords(query: string, lang: string): QueryWord[] {
  const openEnded = !/\s$/.test(query);
  const terms = tokenize(query).map((token) => token.term);
  const lastTyped = terms.at(-1)?.length ?? 0;
  if (openEnded && terms.length > 0) terms[terms.length - 1] = stripArticle(terms[terms.length - 1]!, 1);
  const meaningful = terms.filter((term) => !isStopWord(term, lang));
  return (meaningful.length > 0 ? meaningful : terms).map((term) => {
    const unspaced = CJK_OR_THAI.test(term);
    const min = unspaced ? 1 : 2;
    const last = term === terms.at(-1) && openEnded;
    return {
      term,
      prefix: (last ? lastTyped : term.length) >= (last ? min : min + 1),
      fuzzy: unspaced || term.length < 4 ? 0 : term.length >= 8 ? 2 : 1,
      stem: stemOf(term, lang),
    };
  });
}

export { editDistance };

/**
 * Whether a folded word of a text in `lang` matches a query (see the module comment); `words` are the text's own
 * folded words, which tell whether a query word is in it as typed.
 */
export function matcherFor(query: string, lang = 'en', words: ReadonlySet<string> = new Set()): (term: string) => boolean {
  const typed = queryWords(query, lang).map((word) => ({ ...word, fuzzy: words.has(word.term) ? 0 : word.fuzzy }));
  return (term) =>
    typed.some(
      (word) =>
        term === word.term ||
        (word.prefix && term.startsWith(word.term)) ||
        (word.stem !== null && stemOf(term, lang) === word.stem) ||
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
export function highlightMatches(root: HTMLElement, query: string, lang = root.closest('[lang]')?.getAttribute('lang') ?? 'en'): HTMLElement[] {
  clearHighlights(root);
  if (query.trim() === '') return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement && SKIP.has(node.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  const tokens = new Map<Text, Token[]>(textNodes.map((node) => [node, tokenize(node.data)]));
  const words = new Set([...tokens.values()].flatMap((list) => list.map((token) => token.term)));
  const matches = matcherFor(query, lang, words);

  const marks: HTMLElement[] = [];
  for (const node of textNodes) {
    const text = node.data;
    const ranges = tokens.get(node)!.filter((token) => matches(token.term));
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
