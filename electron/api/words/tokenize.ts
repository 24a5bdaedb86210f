import { foldTerm, foldText } from './normalize';

/**
 * search/tokenize: splits text into words, remembering where each word stands in the original text, and folds
 * each one (normalize.ts). Positions let the search answer with character ranges to highlight, whatever folding
 * did to the word's length.
 *
 * Most scripts separate words with spaces or punctuation: a word is a run of letters, marks and digits (each
 * character classified once, by a regular expression, then looked up). Chinese, Japanese, Thai, Lao, Khmer and Myanmar are written without spaces; runs of those scripts
 * go through Intl.Segmenter (ICU's dictionary-based word breaking). Intl.Segmenter is quadratic in the length of
 * its input on Node 20 (each segment carries a copy of the whole input), so it only ever sees one run of letters,
 * cut into pieces of at most SEGMENT_CHUNK characters, never a whole section.
 */

export interface Token {
  /** The folded word, as the index stores it. */
  term: string;
  /** Where the word stands in the text given, in UTF-16 code units: text.slice(start, end) is the word as written. */
  start: number;
  end: number;
  /** A run of an unspaced script left unsplit by tokenizeFor; its term is empty. */
  whole?: boolean;
}

/** A run of letters, combining marks, digits and the joiners Persian writes inside words. */
const WORD = /[\p{L}\p{M}\p{N}\u200C\u200D]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const THAI_LIKE = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SINGLE_LATIN = /^[a-z]$/;

/** Longest piece of an unspaced run given to Intl.Segmenter at once; longer runs are cut (see the module comment). */
export const SEGMENT_CHUNK = 256;
/** Longer "words" are URLs, hashes or runs of symbols: nobody searches for them, and they bloat the index. */
export const MAX_WORD_LENGTH = 40;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

function localeOf(run: string): string {
  if (THAI_LIKE.test(run)) return 'th';
  return KANA.test(run) ? 'ja' : 'zh';
}

function push(tokens: Token[], word: string, start: number): void {
  if (word.length > MAX_WORD_LENGTH) return;
  const term = foldTerm(word);
  // A single Latin letter ("l'" in French, "s" after an apostrophe) matches nearly every section and means nothing.
  if (term === '' || SINGLE_LATIN.test(term)) return;
  tokens.push({ term, start, end: start + word.length });
}

function segmentRun(tokens: Token[], run: string, offset: number): void {
  const segmenter = segmenterFor(localeOf(run));
  for (let from = 0; from < run.length; from += SEGMENT_CHUNK) {
    const piece = run.slice(from, from + SEGMENT_CHUNK);
    for (const segment of segmenter.segment(piece)) {
      if (segment.isWordLike) push(tokens, segment.segment, offset + from + segment.index);
    }
  }
}

/** Whether a character is a word character, and of an unspaced script: 0 not yet known, 1 no, 2 yes, 3 yes and unspaced. */
const classes = new Uint8Array(0x10000);
const ONE_WORD_CHARACTER = new RegExp(`^${WORD.source.slice(0, -1)}$`, 'u');

function classOf(character: string): number {
  return !ONE_WORD_CHARACTER.test(character) ? 1 : UNSPACED.test(character) ? 3 : 2;
}

/**
 * Calls `run` for each run of word characters of `text` (what WORD matches), and whether it holds a character of
 * an unspaced script. The same as matching WORD, without a match object per word: this loop is most of the cost
 * of tokenizing, which a query does over every result it shows.
 */
function forEachRun(text: string, run: (start: number, end: number, unspaced: boolean, ascii: boolean) => void): void {
  let start = -1;
  let unspaced = false;
  let ascii = true;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let width = 1;
    let kind: number;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      width = 2;
      kind = classOf(text.slice(i, i + 2));
    } else {
      kind = classes[code]!;
      if (kind === 0) classes[code] = kind = classOf(text[i]!);
    }
    if (kind === 1) {
      if (start >= 0) run(start, i, unspaced, ascii);
      start = -1;
    } else {
      if (start < 0) {
        start = i;
        unspaced = false;
        ascii = true;
      }
      if (kind === 3) unspaced = true;
      if (code > 0x7f) ascii = false;
    }
    i += width;
  }
  if (start >= 0) run(start, text.length, unspaced, ascii);
}

/** The words of `text`, in order, with their positions and folded terms. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachRun(text, (start, end, unspaced) => {
    if (unspaced) segmentRun(tokens, text.slice(start, end), start);
    else push(tokens, text.slice(start, end), start);
  });
  return tokens;
}

/** The folded terms of `text`, in order: what the index stores for a field and what a query looks for. */
export function termsOf(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

/**
 * The words of `text` as tokenize gives them, for finding `terms` in it, without the cost of Intl.Segmenter (a
 * third of a millisecond for a short Chinese section, most of what a query costs):
 *
 * - In Han and kana, where a line may break between any two characters, the terms are found as they are written,
 *   longest first, and the rest of the run is one `whole` token with an empty term.
 * - Another unspaced run (Thai, or one with compatibility forms) is split into words only if it may hold a term;
 *   else it is one `whole` token too.
 *
 * `wholeRun` splits a whole token when the snippet must cut inside it.
 */
export function tokenizeFor(text: string, terms: ReadonlySet<string>): Token[] {
  const tokens: Token[] = [];
  // An ASCII word folds to itself in lower case: one whose length or first letter no term has is not folded at all.
  const lengths = new Set<number>();
  const firsts = new Set<number>();
  for (const term of terms) {
    lengths.add(term.length);
    firsts.add(term.charCodeAt(0));
  }
  forEachRun(text, (start, end, unspaced, ascii) => {
    if (ascii && !(lengths.has(end - start) && firsts.has(lowerCase(text.charCodeAt(start))))) {
      if (end - start <= MAX_WORD_LENGTH && !(end - start === 1 && lowerCase(text.charCodeAt(start)) >= 0x61)) tokens.push({ term: '', start, end });
      return;
    }
    const run = text.slice(start, end);
    if (!unspaced) push(tokens, run, start);
    else if (UNFOLDED.test(run)) findIn(tokens, run, start, terms);
    else if (mayHold(foldText(run), terms)) segmentRun(tokens, run, start);
    else tokens.push({ term: '', start, end, whole: true });
  });
  return tokens;
}

/** Han and kana that folding leaves as they are (no compatibility forms), all in the Basic Multilingual Plane. */
const UNFOLDED = /^[\u3041-\u3096\u30A1-\u30FA\u30FC\u4E00-\u9FFF]+$/;

function mayHold(folded: string, terms: ReadonlySet<string>): boolean {
  for (const term of terms) if (folded.includes(term)) return true;
  return false;
}

function findIn(tokens: Token[], run: string, offset: number, terms: ReadonlySet<string>): void {
  let rest = 0;
  for (let i = 0; i < run.length; ) {
    let found = '';
    for (const term of terms) if (term.length > found.length && run.startsWith(term, i)) found = term;
    if (found === '') {
      i++;
      continue;
    }
    if (rest < i) tokens.push({ term: '', start: offset + rest, end: offset + i, whole: true });
    tokens.push({ term: found, start: offset + i, end: offset + i + found.length });
    i += found.length;
    rest = i;
  }
  if (rest < run.length) tokens.push({ term: '', start: offset + rest, end: offset + run.length, whole: true });
}

/** The words of a `whole` token of `text`: as tokenize splits them, or each character of Han and kana. */
export function wholeRun(text: string, token: Token): Token[] {
  const run = text.slice(token.start, token.end);
  const tokens: Token[] = [];
  if (UNFOLDED.test(run)) for (let i = 0; i < run.length; i++) tokens.push({ term: '', start: token.start + i, end: token.start + i + 1 });
  else segmentRun(tokens, run, token.start);
  return tokens;
}

/** The lower case of an ASCII letter's code; other codes as they are. */
function lowerCase(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}
