/// <reference path="./snowball-stemmers.d.ts" />
import { stopwords as arabic } from '@orama/stopwords/arabic';
import { stopwords as dutch } from '@orama/stopwords/dutch';
import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as german } from '@orama/stopwords/german';
import { stopwords as italian } from '@orama/stopwords/italian';
import { stopwords as portuguese } from '@orama/stopwords/portuguese';
import { stopwords as russian } from '@orama/stopwords/russian';
import { stopwords as spanish } from '@orama/stopwords/spanish';
import snowball from 'snowball-stemmers';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { foldTerm } from './normalize';

/**
 * words/stems: what a word means beyond how it is spelt, for the languages that have kept lists for it.
 *
 * - Stems, from the Snowball stemmers (snowball-stemmers, a port of Snowball's own algorithms): "detained",
 *   "detains" and "detaining" share "detain", "détenu" and "détention" do not. The search indexes each word's stem
 *   beside the word, so an exact form still counts for more than a word sharing its stem.
 * - Stop words and question words ("what", "how", "que", "comment", "ماذا"): the search weighs them down rather
 *   than dropping them, so a query of nothing else still finds something. The lists are Orama's
 *   (@orama/stopwords); French takes stopwords-iso's, since Orama's lacks the question words ("comment", "quand",
 *   "pourquoi", "où"); a language with neither has no stop words. stopwords-iso's English list is not used: it
 *   holds words these guides are about ("stop", "face", "group", "computer", "right", "new", "uk").
 *
 * Both work on folded words (normalize.ts), the form the index stores, so the index and the query always agree.
 * Arabic, Persian and the unspaced scripts are left as the folding rules treat them: their article and letter
 * variants are already folded, and Snowball's Arabic stemmer merges words that differ in meaning.
 *
 * Shared by the core (the index and the query) and the reader (which marks what the search matched).
 */

/** Snowball's algorithm for each content language it covers, by BCP 47 primary language subtag. */
const ALGORITHMS: Record<string, string> = {
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hu: 'hungarian',
  hy: 'armenian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sl: 'slovene',
  sv: 'swedish',
  tr: 'turkish',
};

/** Words shorter than this are kept as they are: stemming "law" or "ley" only merges them with unrelated words. */
const MIN_STEMMED = 4;

/** The stop-word list of each language, by primary subtag: Orama's, else stopwords-iso's (see the module comment). */
const STOP_LISTS: Record<string, readonly string[] | undefined> = {
  ar: arabic,
  de: german,
  en: english,
  es: spanish,
  fr: stopwordsIso.fr,
  it: italian,
  nl: dutch,
  pt: portuguese,
  ru: russian,
};

/** Marks a stem in the index's vocabulary, so that a stem is never mistaken for a word of the same spelling. */
export const STEM_MARK = '\u0001';

const primary = (lang: string) => lang.toLowerCase().split('-')[0] ?? '';

interface Analyser {
  stem: (term: string) => string;
  stops: ReadonlySet<string>;
}
const analysers = new Map<string, Analyser>();

function analyserFor(lang: string): Analyser {
  const code = primary(lang);
  let analyser = analysers.get(code);
  if (!analyser) {
    const algorithm = ALGORITHMS[code];
    const stemmer = algorithm ? snowball.newStemmer(algorithm) : null;
    const cache = new Map<string, string>();
    const list = STOP_LISTS[code] ?? [];
    analyser = {
      stem: (term) => {
        if (!stemmer || term.length < MIN_STEMMED) return term;
        let stem = cache.get(term);
        if (stem === undefined) {
          stem = stemmer.stem(term);
          // The vocabulary of a language is bounded, but a long session of queries is not.
          if (cache.size > 200_000) cache.clear();
          cache.set(term, stem);
        }
        return stem;
      },
      stops: new Set(list.map(foldTerm).filter((word) => word !== '')),
    };
    analysers.set(code, analyser);
  }
  return analyser;
}

/** Whether a folded word has a Snowball stemmer in `lang`. */
export function stems(lang: string): boolean {
  return ALGORITHMS[primary(lang)] !== undefined;
}

/** The stem of a folded word in `lang`; the word itself where `lang` has no stemmer or the word is short. */
export function stemOf(term: string, lang: string): string {
  return analyserFor(lang).stem(term);
}

/** Whether a folded word is a stop word or question word in `lang`. */
export function isStopWord(term: string, lang: string): boolean {
  return analyserFor(lang).stops.has(term);
}

/** Whether a folded word is a stop word in any of `langs`. */
export function isStopWordIn(term: string, langs: Iterable<string>): boolean {
  for (const lang of langs) if (isStopWord(term, lang)) return true;
  return false;
}
