import { ancestry, applicableTo, preferredVersion } from './applies';
import type { GuideCard, JurisdictionInfo } from './types';

export { ancestry };

/** What browsing looks at on a card: one language version of one guide. */
export type Browsable = Pick<GuideCard, 'id' | 'jurisdiction' | 'topics' | 'lang' | 'translationOf'>;

/**
 * The library's browsing rules, free of React and of the transport: the core works out each page of the library
 * with them (library.browse), and they are tested on their own.
 *
 * - A place (a jurisdiction chosen in the tree, or "only mine") shows the guidance that applies there: its own
 *   guides, its parents' and global ones (api/applies.ts, the rule search and "my jurisdiction" follow too), grouped
 *   so the person sees which is which. A jurisdiction's children's guides do not apply to all of it, so they are not
 *   shown; the tree lists the children to choose instead.
 * - One card per guide, in the language chosen in the language filter (guides without it are left out), else in the
 *   interface language where that version exists, else the original.
 * - Counts are facet counts over guides, not language copies: a number next to a topic or language is the number of
 *   cards choosing it would show; a number in the tree is how many guides were written for that jurisdiction (every
 *   node would otherwise also count the global guidance all of them share).
 */
export interface BrowseFilter {
  /** A jurisdiction chosen in the tree; null for all. Takes the place of `mine` when both are set. */
  jurisdiction: string | null;
  topic: string | null;
  language: string | null;
  /** "Only mine": the person's jurisdiction, when the library shows only the guidance that applies there. */
  mine: string | null;
}

export const NO_FILTER: BrowseFilter = { jurisdiction: null, topic: null, language: null, mine: null };

/** The jurisdiction whose applicable guidance is shown, or null when every guide is. */
export function placeOf(filter: BrowseFilter): string | null {
  return filter.jurisdiction ?? filter.mine;
}

/** Jurisdictions in tree order with their depth: parents before children, siblings as jurisdictions.yaml lists them. */
export function inTreeOrder(jurisdictions: readonly JurisdictionInfo[]): { code: string; depth: number }[] {
  const codes = new Set(jurisdictions.map((j) => j.code));
  const out: { code: string; depth: number }[] = [];
  const visit = (code: string, depth: number) => {
    if (out.some((row) => row.code === code)) return;
    out.push({ code, depth });
    for (const child of jurisdictions) if (child.parent === code) visit(child.code, depth + 1);
  };
  for (const j of jurisdictions) if (j.parent === null || !codes.has(j.parent)) visit(j.code, 0);
  return out;
}

/**
 * One card per guide, in the order guides first appear: the version in `language` (guides without one are left
 * out) or, with no language chosen, the version in `uiLanguage` where it exists, else the original.
 */
export function oneCardPerGuide<C extends Browsable>(cards: readonly C[], language: string | null, uiLanguage: string): C[] {
  // The list, the tree and the counts each ask for the same choice over the same cards: it is made once.
  const key = `${language ?? ''}|${uiLanguage}`;
  let made = chosenCards.get(cards);
  if (!made) {
    made = new Map();
    chosenCards.set(cards, made);
  }
  const known = made.get(key);
  if (known) return known as C[];
  const chosen = chooseCards(cards, language, uiLanguage);
  made.set(key, chosen);
  return chosen;
}

const chosenCards = new WeakMap<readonly Browsable[], Map<string, readonly Browsable[]>>();

function chooseCards<C extends Browsable>(cards: readonly C[], language: string | null, uiLanguage: string): C[] {
  const versions = new Map<string, C[]>();
  for (const card of cards) {
    const list = versions.get(card.id);
    if (list) list.push(card);
    else versions.set(card.id, [card]);
  }
  const out: C[] = [];
  for (const list of versions.values()) {
    const chosen = language
      ? list.find((card) => card.lang === language)
      : preferredVersion(list, uiLanguage, (card) => ({ lang: card.lang, translation: card.translationOf !== null }));
    if (chosen) out.push(chosen);
  }
  return out;
}

type Facet = 'place' | 'topic';

function matcher(jurisdictions: readonly JurisdictionInfo[], filter: BrowseFilter, skip: Facet | null): (card: Browsable) => boolean {
  const place = placeOf(filter);
  const applies = place && skip !== 'place' ? applicableTo(jurisdictions, place) : null;
  const topic = skip === 'topic' ? null : filter.topic;
  return (card) => (!applies || applies.has(card.jurisdiction)) && (!topic || card.topics.includes(topic));
}

/** The cards the library shows: one per guide, under every filter. */
export function filterCards<C extends Browsable>(
  cards: readonly C[],
  jurisdictions: readonly JurisdictionInfo[],
  filter: BrowseFilter,
  uiLanguage: string,
): C[] {
  return oneCardPerGuide(cards, filter.language, uiLanguage).filter(matcher(jurisdictions, filter, null));
}

/** How a group of cards relates to the place being looked at. */
export type Relation = 'own' | 'parent' | 'global' | 'other';

export interface CardGroup<C> {
  jurisdiction: string;
  relation: Relation;
  cards: C[];
}

/**
 * The shown cards grouped by jurisdiction. At a place: its own guides, then each parent's (nearest first), then
 * global guidance. With every guide shown: the person's own jurisdiction's chain first when they have set one, then
 * the rest in tree order. Empty groups are left out; cards keep their order within a group.
 */
export function groupCards<C extends Browsable>(
  cards: readonly C[],
  jurisdictions: readonly JurisdictionInfo[],
  place: string | null,
  myJurisdiction: string | null,
): CardGroup<C>[] {
  const chain = ancestry(jurisdictions, place ?? myJurisdiction ?? '');
  const order = [...chain, ...inTreeOrder(jurisdictions).map((row) => row.code)];
  for (const card of cards) order.push(card.jurisdiction);
  const relation = (code: string): Relation => {
    if (code === 'global') return 'global';
    const step = chain.indexOf(code);
    return step === 0 ? 'own' : step > 0 ? 'parent' : 'other';
  };
  const byJurisdiction = new Map<string, C[]>();
  for (const card of cards) {
    const list = byJurisdiction.get(card.jurisdiction);
    if (list) list.push(card);
    else byJurisdiction.set(card.jurisdiction, [card]);
  }
  return [...new Set(order)].flatMap((code) => {
    const own = byJurisdiction.get(code);
    return own ? [{ jurisdiction: code, relation: relation(code), cards: own }] : [];
  });
}

export interface JurisdictionNode {
  code: string;
  /** Guides written for this jurisdiction, under the topic and language filters; for a root, every guide. */
  count: number;
  /** The cards choosing it would show: its own guides and those that apply from above. */
  shows: number;
  children: JurisdictionNode[];
}

/** The hierarchy as a tree, in the order jurisdictions.yaml lists them; a jurisdiction with an unknown parent becomes a root. */
export function jurisdictionTree(
  cards: readonly Browsable[],
  jurisdictions: readonly JurisdictionInfo[],
  filter: BrowseFilter,
  uiLanguage: string,
): JurisdictionNode[] {
  const kept = oneCardPerGuide(cards, filter.language, uiLanguage).filter(matcher(jurisdictions, filter, 'place'));
  const own = new Map<string, number>();
  for (const card of kept) own.set(card.jurisdiction, (own.get(card.jurisdiction) ?? 0) + 1);
  const codes = new Set(jurisdictions.map((j) => j.code));
  const build = (code: string, seen: Set<string>, root: boolean): JurisdictionNode => {
    const children = jurisdictions.filter((j) => j.parent === code && !seen.has(j.code)).map((j) => build(j.code, new Set([...seen, j.code]), false));
    // Choosing the top of the hierarchy shows every guide, so its count is all of them.
    const shows = root ? kept.length : ancestry(jurisdictions, code).reduce((sum, above) => sum + (own.get(above) ?? 0), 0);
    return { code, count: root ? kept.length : (own.get(code) ?? 0), shows, children };
  };
  return jurisdictions
    .filter((j) => j.parent === null || !codes.has(j.parent) || j.parent === j.code)
    .map((j) => build(j.code, new Set([j.code]), true));
}

/** How many times each value of `of` occurs over `cards`, in one pass. */
function tally<C>(cards: readonly C[], of: (card: C) => readonly string[] | string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const card of cards) {
    const values = of(card);
    const list = typeof values === 'string' ? [values] : values;
    // A value listed twice on one card still counts that card once.
    list.forEach((value, index) => {
      if (list.indexOf(value) === index) counts.set(value, (counts.get(value) ?? 0) + 1);
    });
  }
  return counts;
}

/** How many cards each topic would show, in the order the topics are listed; topics with no guide at all are left out. */
export function topicCounts(
  cards: readonly Browsable[],
  jurisdictions: readonly JurisdictionInfo[],
  filter: BrowseFilter,
  topics: readonly string[],
  uiLanguage: string,
): { id: string; count: number }[] {
  const kept = tally(oneCardPerGuide(cards, filter.language, uiLanguage).filter(matcher(jurisdictions, filter, 'topic')), (card) => card.topics);
  const used = tally(cards, (card) => card.topics);
  return topics.filter((id) => used.has(id)).map((id) => ({ id, count: kept.get(id) ?? 0 }));
}

/** How many cards each language would show (guides that have a version in it); languages no guide is written in are left out. */
export function languageCounts(
  cards: readonly Browsable[],
  jurisdictions: readonly JurisdictionInfo[],
  filter: BrowseFilter,
  languages: readonly string[],
): { code: string; count: number }[] {
  const kept = tally(cards.filter(matcher(jurisdictions, filter, null)), (card) => card.lang);
  const used = tally(cards, (card) => card.lang);
  return languages.filter((code) => used.has(code)).map((code) => ({ code, count: kept.get(code) ?? 0 }));
}

/** The interface language as guides are tagged (a regional or pseudo tag reads as its base language). */
export function interfaceGuideLanguage(uiLanguage: string): string {
  return uiLanguage.toLowerCase().split('-')[0]!;
}

/** Counted in guides, not language copies: the library shows one card per guide. */
export function availabilityCounts(guides: readonly Pick<Browsable, 'id' | 'lang'>[], lang: string): { inLanguage: number; all: number } {
  return { inLanguage: guides.filter((card) => card.lang === lang).length, all: new Set(guides.map((card) => card.id)).size };
}
