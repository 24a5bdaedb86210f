import type { GuideCard, SearchHit } from '../../api/types';
import type { Ranked } from './query';

/** search/hits: a ranked section as the contract carries it, on top of its guide's card (title, review status …). */
export function toSearchHit(item: Ranked, card: GuideCard): SearchHit {
  return {
    ...card,
    anchor: item.doc.anchor,
    heading: item.doc.heading,
    titleMarks: item.titleMarks,
    headingMarks: item.headingMarks,
    snippet: item.snippet,
    terms: item.terms,
    score: Math.round(item.score * 1000) / 1000,
  };
}
