/**
 * search/normalize: turns one word, as written, into the form the index stores and queries compare.
 *
 * The same function runs over guide text when the index is built and over what a person types, so both sides fold
 * the same way: a person who types "policia" finds "policía", and one who types "امن" without hamza finds "أمن".
 * Folding is deliberately lossy only where readers of a script treat the variants as the same word:
 *
 * - Latin: lower case, accents and other combining marks dropped (é → e, ñ → n), and the letters that do not
 *   decompose spelled out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d, þ → th, ı → i). Marks on other scripts
 *   are kept: in Cyrillic, Devanagari or Thai a mark can make a different word.
 * - Arabic: short vowels and other diacritics (harakat, shadda, sukun, Quranic marks) and tatweel removed; alef
 *   with hamza or madda and alef wasla → bare alef; waw and yeh with hamza → waw and yeh; alef maksura → yeh;
 *   teh marbuta → heh. Persian and Urdu letters are mapped to their Arabic counterparts (keheh → kaf, Farsi yeh →
 *   yeh, heh goal/doachashmee → heh), and Eastern Arabic and Persian digits to ASCII digits. The definite article
 *   ال, written joined to its word, is removed, with a conjunction or preposition joined before it (وال، بال، كال،
 *   فال، لل), so "شرطة" finds "الشرطة" and "والشرطة"; only when three letters or more remain, so that short words
 *   which merely begin with those letters (الم, "pain") keep them.
 * - Hebrew: points (niqqud) and cantillation removed.
 * - Compatibility forms (full-width Latin, ligatures, Arabic presentation forms) are unified first (NFKD).
 * - Zero-width joiners and non-joiners, which Persian writes inside words, are removed.
 *
 * Words are already split apart when they get here (see tokenize.ts); this module never splits.
 */

const LATIN_MARKS = /(\p{Script=Latin})\p{Mn}+/gu;
/** Arabic harakat, shadda, sukun, hamza and madda marks, superscript alef, Quranic annotation marks and tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const HEBREW_MARKS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g;
const JOINERS = /\u200C|\u200D|\u00AD/g;

const LETTER_MAP: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŋ: 'n',
  // Arabic letter variants that do not decompose under NFKD.
  '\u0671': '\u0627', // alef wasla → alef
  '\u0649': '\u064A', // alef maksura → yeh
  '\u0629': '\u0647', // teh marbuta → heh
  // Persian and Urdu letters → Arabic.
  '\u06A9': '\u0643', // keheh → kaf
  '\u06AA': '\u0643', // swash kaf → kaf
  '\u06CC': '\u064A', // Farsi yeh → yeh
  '\u06D2': '\u064A', // yeh barree → yeh
  '\u06C1': '\u0647', // heh goal → heh
  '\u06BE': '\u0647', // heh doachashmee → heh
  '\u06D5': '\u0647', // ae (what heh with yeh above decomposes to) → heh
  '\u06C3': '\u0647', // teh marbuta goal → heh
};
const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** Arabic-Indic (U+0660…) and extended Arabic-Indic, i.e. Persian (U+06F0…), digits. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Anything that needs more than lower-casing; most English words skip the slow path. */
const NEEDS_FOLDING = /[\u0080-\u{10FFFF}]/u;

const ARABIC_ARTICLES = ['\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644', '\u0641\u0627\u0644', '\u0644\u0644', '\u0627\u0644'];
const MIN_STEM = 3;

/** A folded Arabic word without its article (see the module comment); `minStem` is how many letters must remain. */
export function stripArticle(term: string, minStem = MIN_STEM): string {
  for (const article of ARABIC_ARTICLES) {
    if (term.startsWith(article) && term.length - article.length >= minStem) return term.slice(article.length);
  }
  return term;
}

/** Folded words by word as written: text repeats its words, and folding is the costly part of indexing and snippets. */
const folded = new Map<string, string>();
const FOLDED_CACHE_SIZE = 100_000;

/** The indexed form of one word: lower case, folded as the module comment describes. Empty when nothing is left. */
export function foldTerm(word: string): string {
  let term = folded.get(word);
  if (term === undefined) {
    if (folded.size >= FOLDED_CACHE_SIZE) folded.clear();
    term = fold(word);
    folded.set(word, term);
  }
  return term;
}

/** The same folding over a longer stretch of text, not cached: for testing whether text may hold a word. */
export function foldText(text: string): string {
  return fold(text);
}

function fold(word: string): string {
  const lower = word.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(LATIN_MARKS, '$1')
    .replace(ARABIC_MARKS, '')
    .replace(HEBREW_MARKS, '')
    .replace(JOINERS, '')
    .replace(LETTERS, (letter) => LETTER_MAP[letter]!)
    .replace(EASTERN_DIGITS, (digit) => String((digit.charCodeAt(0) & 0xf) % 10))
    .normalize('NFC')
    .toLowerCase()
    .replace(/^[\u0600-\u06FF]+$/, (arabic) => stripArticle(arabic));
}
