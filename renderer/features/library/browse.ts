import type { GuideCard, JurisdictionInfo } from '../../../electron/api/types';

/** What browsing looks at on a card. */
export type Browsable = Pick<GuideCard, 'jurisdiction' | 'topics' | 'lang'>;

/**
 * The library's browsing rules, kept free of React so they can be tested on their own. Counts are facet counts:
 * each facet counts the guides the other facets let through, so a number next to a choice is always the number of
 * cards that choosing it would show.
 */
export interface BrowseFilter {
  /** A jurisdiction whose guides, and its children's, are shown; null for all. */
  jurisdiction: string | null;
  topic: string | null;
  language: string | null;
  /** When set, only guides for this jurisdiction, its parents and `global` are shown. */
  mine: string | null;
}

export const NO_FILTER: BrowseFilter = { jurisdiction: null, topic: null, language: null, mine: null };

/** A jurisdiction, then its parent, up to the top (`global`). Unknown codes and loops in the list end the walk. */
export function ancestry(jurisdictions: readonly JurisdictionInfo[], code: string): string[] {
  const byCode = new Map(jurisdictions.map((j) => [j.code, j]));
  const chain: string[] = [];
  for (let current = byCode.get(code); current && !chain.includes(current.code); current = current.parent ? byCode.get(current.parent) : undefined) {
    chain.push(current.code);
  }
  if (chain.length > 0 && !chain.includes('global') && byCode.has('global')) chain.push('global');
  return chain;
}

/** Guidance for a parent applies to its children: the jurisdictions whose guides apply to a person in `code`. */
export function applicableTo(jurisdictions: readonly JurisdictionInfo[], code: string): Set<string> {
  return new Set(ancestry(jurisdictions, code));
}

/** A jurisdiction and every jurisdiction below it. */
export function subtree(jurisdictions: readonly JurisdictionInfo[], code: string): Set<string> {
  const found = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const j of jurisdictions) {
      if (j.parent !== null && found.has(j.parent) && !found.has(j.code)) {
        found.add(j.code);
        grew = true;
      }
    }
  }
  return found;
}

type Facet = keyof BrowseFilter;

function matcher(jurisdictions: readonly JurisdictionInfo[], filter: BrowseFilter, skip: Facet | null): (card: Browsable) => boolean {
  const mine = filter.mine && skip !== 'mine' ? applicableTo(jurisdictions, filter.mine) : null;
  const under = filter.jurisdiction && skip !== 'jurisdiction' ? subtree(jurisdictions, filter.jurisdiction) : null;
  const topic = skip === 'topic' ? null : filter.topic;
  const language = skip === 'language' ? null : filter.language;
  return (card) =>
    (!mine || mine.has(card.jurisdiction)) &&
    (!under || under.has(card.jurisdiction)) &&
    (!topic || card.topics.includes(topic)) &&
    (!language || card.lang === language);
}

export function filterCards<C extends Browsable>(cards: readonly C[], jurisdictions: readonly JurisdictionInfo[], filter: BrowseFilter): C[] {
  return cards.filter(matcher(jurisdictions, filter, null));
}

export interface JurisdictionNode {
  code: string;
  /** Guides for this jurisdiction and every jurisdiction below it, under the other filters. */
  count: number;
  children: JurisdictionNode[];
}

/** The hierarchy as a tree, in the order jurisdictions.yaml lists them; a jurisdiction with an unknown parent becomes a root. */
export function jurisdictionTree(cards: readonly Browsable[], jurisdictions: readonly JurisdictionInfo[], filter: BrowseFilter): JurisdictionNode[] {
  const matches = matcher(jurisdictions, filter, 'jurisdiction');
  const own = new Map<string, number>();
  for (const card of cards) if (matches(card)) own.set(card.jurisdiction, (own.get(card.jurisdiction) ?? 0) + 1);
  const codes = new Set(jurisdictions.map((j) => j.code));
  const build = (code: string, seen: Set<string>): JurisdictionNode => {
    const children = jurisdictions.filter((j) => j.parent === code && !seen.has(j.code)).map((j) => build(j.code, new Set([...seen, j.code])));
    return { code, count: (own.get(code) ?? 0) + children.reduce((sum, child) => sum + child.count, 0), children };
  };
  return jurisdictions.filter((j) => j.parent === null || !codes.has(j.parent) || j.parent === j.code).map((j) => build(j.code, new Set([j.code])));
}

/** How many cards each topic would show, in the order the topics are listed; topics with no guide at all are left out. */
export function topicCounts(
  cards: readonly Browsable[],
  jurisdictions: readonly JurisdictionInfo[],
  filter: BrowseFilter,
  topics: readonly string[],
): { id: string; count: number }[] {
  const matches = matcher(jurisdictions, filter, 'topic');
  const kept = cards.filter(matches);
  return topics
    .filter((id) => cards.some((card) => card.topics.includes(id)))
    .map((id) => ({ id, count: kept.filter((card) => card.topics.includes(id)).length }));
}

/** How many cards each language would show; languages no guide is written in are left out. */
export function languageCounts(
  cards: readonly Browsable[],
  jurisdictions: readonly JurisdictionInfo[],
  filter: BrowseFilter,
  languages: readonly string[],
): { code: string; count: number }[] {
  const matches = matcher(jurisdictions, filter, 'language');
  const kept = cards.filter(matches);
  return languages
    .filter((code) => cards.some((card) => card.lang === code))
    .map((code) => ({ code, count: kept.filter((card) => card.lang === code).length }));
}
