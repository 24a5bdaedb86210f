import { REVIEW_STATES, type GuideCard, type ReviewCountRow, type ReviewFilter, type ReviewState } from '../../api/types';
import { urgencyRank } from './status';

/**
 * The review dashboard's list and counts, over library cards (which carry their computed status), so the app, the
 * export and the content command line all sort, filter and count the same way.
 */

export function matchesFilter(card: GuideCard, filter: ReviewFilter): boolean {
  return (
    (filter.state === undefined || card.status.states.includes(filter.state)) &&
    (filter.jurisdiction === undefined || card.jurisdiction === filter.jurisdiction) &&
    (filter.lang === undefined || card.lang === filter.lang) &&
    (filter.legal === undefined || card.status.legal === filter.legal)
  );
}

/**
 * Most urgent first: by primary state; within a state, the earliest review-by date first (the longest overdue), then
 * legal guidance before the rest, then by jurisdiction, id and language so the order is stable.
 */
export function compareUrgency(a: GuideCard, b: GuideCard): number {
  return (
    urgencyRank(a.status.primary) - urgencyRank(b.status.primary) ||
    a.status.daysLeft - b.status.daysLeft ||
    Number(b.status.legal) - Number(a.status.legal) ||
    a.jurisdiction.localeCompare(b.jurisdiction, 'en') ||
    a.id.localeCompare(b.id, 'en') ||
    a.lang.localeCompare(b.lang, 'en')
  );
}

export function reviewList(cards: readonly GuideCard[], filter: ReviewFilter = {}): GuideCard[] {
  return cards.filter((card) => matchesFilter(card, filter)).sort(compareUrgency);
}

function emptyCounts(): Record<ReviewState, number> {
  return Object.fromEntries(REVIEW_STATES.map((state) => [state, 0])) as Record<ReviewState, number>;
}

function countRow(key: string, cards: readonly GuideCard[]): ReviewCountRow {
  const counts = emptyCounts();
  for (const card of cards) for (const state of card.status.states) counts[state] += 1;
  return { key, total: cards.length, counts };
}

function groupCounts(cards: readonly GuideCard[], keyOf: (card: GuideCard) => string): ReviewCountRow[] {
  const groups = new Map<string, GuideCard[]>();
  for (const card of cards) {
    const key = keyOf(card);
    groups.set(key, [...(groups.get(key) ?? []), card]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([key, group]) => countRow(key, group));
}

/** Counts for all guides, for each jurisdiction and for each language; a guide in several states counts in each. */
export function reviewCounts(cards: readonly GuideCard[]): { total: ReviewCountRow; byJurisdiction: ReviewCountRow[]; byLanguage: ReviewCountRow[] } {
  return {
    total: countRow('all', cards),
    byJurisdiction: groupCounts(cards, (card) => card.jurisdiction),
    byLanguage: groupCounts(cards, (card) => card.lang),
  };
}
