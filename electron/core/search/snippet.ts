import type { Mark, MarkedText } from '../../api/types';
import { tokenizeFor, wholeRun, type Token } from '../../api/words/tokenize';
import { stemOf } from '../../api/words/stems';

/**
 * search/snippet: where the matched words stand in a result's title, heading and text, as character ranges the UI
 * turns into highlight elements itself (the search never produces HTML), and which stretch of a long section to
 * show: the window that holds the most different matched words.
 */

/** How much of a section a result shows, in characters. */
export const SNIPPET_LENGTH = 180;
/** How much text to keep before the first matched word in the window, so it is read in context. */
const LEAD = 40;

/**
 * What a result matched: folded words of the index (as typed, completed or near a typo), and stems, which mark
 * every word of the text that has one of them as its stem in `lang`.
 */
export interface Matched {
  terms: ReadonlySet<string>;
  stems?: ReadonlySet<string>;
  lang?: string;
}

function matcherOf(matched: Matched | ReadonlySet<string>): { terms: ReadonlySet<string>; has: (term: string) => boolean; empty: boolean } {
  if (matched instanceof Set) return { terms: matched, has: (term) => matched.has(term), empty: matched.size === 0 };
  const { terms, stems, lang = '' } = matched as Matched;
  const has = stems && stems.size > 0 ? (term: string) => terms.has(term) || stems.has(stemOf(term, lang)) : (term: string) => terms.has(term);
  return { terms, has, empty: terms.size === 0 && (stems?.size ?? 0) === 0 };
}

/** The ranges of `text` whose words fold to one of the matched terms, or share a matched stem. */
export function marksIn(text: string, matched: Matched | ReadonlySet<string>): Mark[] {
  const { terms, has, empty } = matcherOf(matched);
  if (empty || text === '') return [];
  return tokenizeFor(text, terms)
    .filter((token) => has(token.term))
    .map((token) => [token.start, token.end] as Mark);
}

/** Whether any word of `text` is one of the matched ones. */
export function matchesIn(text: string, matched: Matched | ReadonlySet<string>): boolean {
  const { terms, has, empty } = matcherOf(matched);
  return !empty && tokenizeFor(text, terms).some((token) => has(token.term));
}

/**
 * A stretch of about SNIPPET_LENGTH characters of `text`, chosen to hold as many different matched words as it
 * can, cut at word boundaries, with "…" where it was cut, and the matched words' ranges within it.
 */
export function snippetOf(text: string, matched: Matched | ReadonlySet<string>, length = SNIPPET_LENGTH): MarkedText {
  const { terms, has } = matcherOf(matched);
  const flat = text.replace(/\s+/g, ' ').trim();
  const tokens = tokenizeFor(flat, terms);
  const matches = tokens.filter((token) => has(token.term));
  let start = 0;
  if (matches.length > 0) {
    // For each matched word, count the different matched words in the window it starts; keep the best.
    // A window slides over the matches, counting each word in it: a prefix can match dozens of words in a section.
    let best = -1;
    const inWindow = new Map<string, number>();
    let end = 0;
    for (let i = 0; i < matches.length; i++) {
      for (; end < matches.length && matches[end]!.end - matches[i]!.start <= length - LEAD; end++)
        inWindow.set(matches[end]!.term, (inWindow.get(matches[end]!.term) ?? 0) + 1);
      if (inWindow.size > best) {
        best = inWindow.size;
        start = matches[i]!.start;
      }
      if (i < end) {
        const left = inWindow.get(matches[i]!.term)! - 1;
        if (left === 0) inWindow.delete(matches[i]!.term);
        else inWindow.set(matches[i]!.term, left);
      } else end = i + 1;
    }
    start = Math.max(0, start - LEAD);
  }
  if (flat.length - start < length) start = Math.max(0, flat.length - length);
  // Cut at word boundaries, never inside a word.
  const first = findWord(flat, tokens, (token) => token.end > start);
  if (start > 0 && first && first.start < start) start = first.start;
  let end = Math.min(flat.length, start + length);
  const straddling = findWord(flat, tokens, (token) => token.start < end && token.end > end);
  if (straddling && straddling.start > start) end = straddling.start;
  const lead = start > 0 ? '… ' : '';
  const tail = end < flat.length ? ' …' : '';
  const body = flat.slice(start, end).trim();
  const trimmedLead = flat.slice(start, end).length - flat.slice(start, end).trimStart().length;
  const offset = lead.length - start - trimmedLead;
  const marks = matches
    .filter((m) => m.start >= start + trimmedLead && m.end <= start + trimmedLead + body.length)
    .map((m) => [m.start + offset, m.end + offset] as Mark);
  return { text: `${lead}${body}${tail}`, marks };
}

/** The first word that `test` accepts, splitting a whole unspaced run (tokenizeFor) first when it is the one. */
function findWord(text: string, tokens: Token[], test: (token: Token) => boolean): Token | undefined {
  const index = tokens.findIndex(test);
  const token = tokens[index];
  if (!token?.whole) return token;
  tokens.splice(index, 1, ...wholeRun(text, token));
  return tokens.find(test);
}
