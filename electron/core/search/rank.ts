/**
 * search/rank: how a section's text score becomes its place in the results. The score the engine gives
 * (MiniSearch's BM25 with field boosts, engine.ts) says how well the words match; these weights then say how useful
 * the guide is to this person:
 *
 * - Jurisdiction: guidance for the person's own jurisdiction first, then for each of its parents (nearest first),
 *   then global guidance, then everything else. Without a jurisdiction in the settings, no jurisdiction is favoured.
 * - Language: sections in the language the query is written in: the one whose vocabulary holds most of the query's
 *   words (which settles the script, too); a tie favours the interface language, and otherwise no language.
 *
 * The weights multiply, so a much better text match still wins over a slightly better jurisdiction.
 */

import { ancestry, type JurisdictionLink } from '../../api/applies';

export const OWN_JURISDICTION = 2;
/** Each step up from the person's jurisdiction weighs less, down to GLOBAL_WEIGHT. */
export const PARENT_STEP = 0.25;
export const GLOBAL_WEIGHT = 1.3;
/**
 * Guidance for somewhere else, when the person has set where they are: it does not apply to them, so their own
 * jurisdiction's guide comes first for the same words, even where another place's guide says them more often.
 */
export const ELSEWHERE_WEIGHT = 0.5;
export const QUERY_LANGUAGE = 1.8;

/** Which jurisdictions apply where is one rule for search and the library (api/applies.ts). */
export type JurisdictionNode = JurisdictionLink;
export { ancestry };

/** The weight of each jurisdiction for a person whose own is `mine` (absent codes weigh 1). */
export function jurisdictionWeights(jurisdictions: readonly JurisdictionNode[], mine: string | null): Map<string, number> {
  const weights = new Map<string, number>();
  if (!mine) return weights;
  for (const j of jurisdictions) weights.set(j.code, ELSEWHERE_WEIGHT);
  const chain = ancestry(jurisdictions, mine);
  chain.forEach((code, depth) => {
    weights.set(code, Math.max(GLOBAL_WEIGHT, OWN_JURISDICTION - PARENT_STEP * depth));
  });
  weights.set('global', GLOBAL_WEIGHT);
  if (chain[0] === 'global') weights.set('global', OWN_JURISDICTION);
  return weights;
}

/**
 * The query's language, from the candidates' vocabulary scores (see LanguageIndex.vocabularyScore); null when no
 * language stands out.
 */
export function queryLanguage(scores: ReadonlyMap<string, number>, interfaceLanguage: string | null): string | null {
  let best = 0;
  let leaders: string[] = [];
  for (const [lang, score] of scores) {
    if (score > best) {
      best = score;
      leaders = [lang];
    } else if (score === best && score > 0) leaders.push(lang);
  }
  if (leaders.length === 1) return leaders[0]!;
  if (interfaceLanguage && leaders.includes(interfaceLanguage)) return interfaceLanguage;
  return null;
}
