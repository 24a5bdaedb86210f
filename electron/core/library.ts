import { availabilityCounts, type Browsable, filterCards, groupCards, jurisdictionTree, languageCounts, placeOf, topicCounts } from '../api/browse';
import type { GuideCard, GuideView, LibraryBrowse, LibraryData, LibraryPage } from '../api/types';
import { preferredVersion } from '../api/applies';
import { FieldbookError } from '../api/errors';
import type { Catalog, Guide } from './content/model';
import { versionsOf } from './content/versions';
import { reviewStatus, sourceOf, type ReviewContext } from './review/status';

/** Reading direction of a content language; unknown languages read left to right. */
export function directionOf(catalog: Pick<Catalog, 'languages'>, lang: string): 'ltr' | 'rtl' {
  return catalog.languages.find((l) => l.code === lang)?.dir ?? 'ltr';
}

/** `review` gives the date and "due soon" window the card's review status is computed for. */
export function toCard(catalog: Catalog, guide: Guide, review: ReviewContext): GuideCard {
  const { meta } = guide;
  return {
    id: meta.id,
    lang: meta.lang,
    dir: directionOf(catalog, meta.lang),
    title: meta.title,
    summary: meta.summary,
    jurisdiction: meta.jurisdiction,
    topics: meta.topics,
    version: meta.version,
    updated: meta.updated,
    review: { reviewedBy: meta.review.reviewed_by, reviewedOn: meta.review.reviewed_on, reviewBy: meta.review.review_by },
    status: reviewStatus(guide, sourceOf(catalog, guide), review),
    translationOf: meta.translation_of ?? null,
    languages: versionsOf(catalog, meta.id).map((other) => other.meta.lang),
    packExpired: packExpired(guide, review),
    modifiedOutside: guide.modifiedOutside === true,
  };
}

/** The guide's pack and its expiry when that pack has expired at the review clock (TUF's freeze attack shows). */
function packExpired(guide: Guide, review: ReviewContext): GuideCard['packExpired'] {
  if (!guide.pack) return null;
  const now = Date.parse(review.now ?? `${review.today}T00:00:00Z`);
  return Date.parse(guide.pack.expires) <= now ? { pack: guide.pack.id, expires: guide.pack.expires } : null;
}

export function libraryData(catalog: Catalog, review: ReviewContext): LibraryData {
  return {
    guides: catalog.guides.map((guide) => toCard(catalog, guide, review)),
    jurisdictions: catalog.jurisdictions,
    topics: catalog.topics,
    languages: catalog.languages,
    invalid: catalog.invalid,
  };
}

type BrowsableGuide = Browsable & { guide: Guide };
/** Made once per list of guides (a catalog's list is replaced, never changed), so the browsing rules' own memo holds. */
const browsables = new WeakMap<readonly Guide[], BrowsableGuide[]>();

function browsableOf(guides: readonly Guide[]): BrowsableGuide[] {
  let list = browsables.get(guides);
  if (!list) {
    list = guides.map((guide) => ({
      id: guide.meta.id,
      jurisdiction: guide.meta.jurisdiction,
      topics: guide.meta.topics,
      lang: guide.meta.lang,
      translationOf: guide.meta.translation_of ?? null,
      guide,
    }));
    browsables.set(guides, list);
  }
  return list;
}

/** What library.browse is asked: what to browse, and which of its cards. */
export type LibraryPageInput = LibraryBrowse & { offset: number; limit: number; wholeUpTo?: number };

/**
 * A page of the library over `guides` (default: every valid guide; the room share passes only what it shares):
 * the browsing rules run over the guides' front matter, and only the page's own cards are made, so asking for the
 * first screenful of ten thousand guides costs a few milliseconds and a few kilobytes.
 */
export function libraryPage(
  catalog: Catalog,
  input: LibraryPageInput,
  options: { card: (guide: Guide) => GuideCard; guides?: readonly Guide[]; invalidFiles: number },
): LibraryPage {
  const browsable = browsableOf(options.guides ?? catalog.guides);
  const { jurisdictions } = catalog;
  const filter = { jurisdiction: input.jurisdiction, topic: input.topic, language: input.language, mine: input.mine };
  const ui = input.interfaceLanguage;
  const groups = groupCards(filterCards(browsable, jurisdictions, filter, ui), jurisdictions, placeOf(filter), input.myJurisdiction);
  const ordered = groups.flatMap((group) => group.cards);
  const limit = ordered.length <= (input.wholeUpTo ?? 0) ? ordered.length : input.limit;
  return {
    count: ordered.length,
    groups: groups.map(({ jurisdiction, relation, cards }) => ({ jurisdiction, relation, count: cards.length })),
    offset: input.offset,
    cards: ordered.slice(input.offset, input.offset + limit).map(({ guide }) => options.card(guide)),
    tree: jurisdictionTree(browsable, jurisdictions, filter, ui),
    topicCounts: topicCounts(
      browsable,
      jurisdictions,
      filter,
      catalog.topics.map((topic) => topic.id),
      ui,
    ),
    languageCounts: languageCounts(
      browsable,
      jurisdictions,
      filter,
      catalog.languages.map((language) => language.code),
    ),
    availability: availabilityCounts(browsable, ui),
    jurisdictions,
    topics: catalog.topics,
    languages: catalog.languages,
    invalidFiles: options.invalidFiles,
  };
}

/** The guide in `lang` if it exists, else its original (the version that is no translation). */
export function findGuide(catalog: Catalog, id: string, lang?: string): Guide {
  const versions = versionsOf(catalog, id);
  const chosen = preferredVersion(versions, lang, ({ meta }) => ({ lang: meta.lang, translation: Boolean(meta.translation_of) }));
  if (!chosen) throw new FieldbookError('not-found', `There is no guide "${id}". It may have been removed or renamed; go back to the library.`);
  return chosen;
}

export function checklistKey(id: string, lang: string, version: number): string {
  return `${id}/${lang}@${version}`;
}

export function guideView(catalog: Catalog, guide: Guide, checked: number[], review: ReviewContext): GuideView {
  const { meta } = guide;
  return {
    ...toCard(catalog, guide, review),
    body: guide.body,
    sections: guide.sections.filter((s) => s.anchor !== '').map(({ anchor, heading, level }) => ({ anchor, heading, level })),
    omittedSections: guide.omittedSections ?? 0,
    changelog: meta.changelog,
    sources: meta.sources,
    notCovered: meta.not_covered,
    authors: meta.authors,
    licence: meta.licence,
    checked,
  };
}
