import type { GuideCard, GuideView, LibraryData } from '../api/types';
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
