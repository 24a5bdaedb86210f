import { tokenize, type Token } from '../../api/words/tokenize';
import type { Jurisdiction } from '../content/model';
import { ancestry, ELSEWHERE_WEIGHT, GLOBAL_WEIGHT } from './rank';

/**
 * search/places: the places a query names. "NYC film", "CA arrest", "droits manifestation Royaume-Uni": a person
 * who names a place wants that place's guidance, so its guides weigh more (rank.ts, placeWeights) and the place's
 * words are not looked for in the text, where a name like "New York" would only match guides that happen to say it.
 *
 * A place is any of a jurisdiction's names, in every interface language, or one of its aliases (jurisdictions.yaml),
 * matched as whole folded words, longest first; its abbreviations count only when typed in capitals, because they
 * are also small words somewhere ("US" and "us", "DE" and Spanish "de").
 */

export interface PlacesInQuery {
  /** The jurisdictions named, in the order they were named. */
  codes: string[];
  /** The query with the place names blanked out; the query itself when it held nothing else. */
  rest: string;
}

interface Phrase {
  terms: string[];
  code: string;
  /** Matches only when written in capitals (see the module comment). */
  capitals: boolean;
}

const phraseCache = new WeakMap<readonly Jurisdiction[], Phrase[]>();

function phrasesOf(jurisdictions: readonly Jurisdiction[]): Phrase[] {
  let phrases = phraseCache.get(jurisdictions);
  if (phrases) return phrases;
  phrases = [];
  const seen = new Set<string>();
  for (const j of jurisdictions) {
    if (j.code === 'global') continue;
    const names = [...Object.values(j.names), ...j.aliases].map((name) => ({ name, capitals: false }));
    for (const { name, capitals } of [...names, ...j.abbreviations.map((name) => ({ name, capitals: true }))]) {
      const terms = tokenize(name).map((token) => token.term);
      const key = `${j.code}\0${terms.join(' ')}\0${capitals}`;
      if (terms.length === 0 || seen.has(key)) continue;
      seen.add(key);
      phrases.push({ terms, code: j.code, capitals });
    }
  }
  phrases.sort((a, b) => b.terms.length - a.terms.length);
  phraseCache.set(jurisdictions, phrases);
  return phrases;
}

function matchesAt(tokens: readonly Token[], at: number, phrase: Phrase, q: string): boolean {
  if (at + phrase.terms.length > tokens.length) return false;
  for (let k = 0; k < phrase.terms.length; k++) if (tokens[at + k]!.term !== phrase.terms[k]) return false;
  if (!phrase.capitals) return true;
  const written = q.slice(tokens[at]!.start, tokens[at]!.end);
  return written === written.toUpperCase();
}

/** The places `q` names (see the module comment). */
export function placesIn(q: string, jurisdictions: readonly Jurisdiction[]): PlacesInQuery {
  const tokens = tokenize(q);
  if (tokens.length === 0) return { codes: [], rest: q };
  const phrases = phrasesOf(jurisdictions);
  const codes: string[] = [];
  const blanks: [number, number][] = [];
  for (let at = 0; at < tokens.length; ) {
    const found = phrases.filter((phrase) => matchesAt(tokens, at, phrase, q));
    if (found.length === 0) {
      at++;
      continue;
    }
    // One name may stand for several places ("CA": California and Canada); all of them are meant.
    const length = found[0]!.terms.length;
    for (const phrase of found) if (phrase.terms.length === length && !codes.includes(phrase.code)) codes.push(phrase.code);
    blanks.push([tokens[at]!.start, tokens[at + length - 1]!.end]);
    at += length;
  }
  const covered = blanks.reduce((sum, [start, end]) => sum + tokens.filter((t) => t.start >= start && t.end <= end).length, 0);
  if (codes.length === 0 || covered === tokens.length) return { codes, rest: q };
  let rest = q;
  for (const [start, end] of blanks.reverse()) rest = `${rest.slice(0, start)}${' '.repeat(end - start)}${rest.slice(end)}`;
  return { codes, rest };
}

/**
 * Places named in a query weigh most, their own subdivisions with them; the places above them, whose guidance
 * applies there too, weigh a little more than global guidance; guidance for anywhere else weighs as little as it
 * does for a person who has set their own jurisdiction (rank.ts).
 */
export const NAMED_PLACE = 2.5;
export const ABOVE_NAMED_PLACE = 1.4;

/** The weight of each jurisdiction for a query that names `codes`. */
export function placeWeights(jurisdictions: readonly Jurisdiction[], codes: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>(jurisdictions.map((j) => [j.code, ELSEWHERE_WEIGHT]));
  weights.set('global', GLOBAL_WEIGHT);
  for (const code of codes) {
    for (const above of ancestry(jurisdictions, code).slice(1)) if (above !== 'global') weights.set(above, ABOVE_NAMED_PLACE);
  }
  for (const j of jurisdictions) {
    const chain = ancestry(jurisdictions, j.code);
    if (codes.some((code) => chain.includes(code))) weights.set(j.code, NAMED_PLACE);
  }
  return weights;
}
