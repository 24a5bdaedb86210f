import { describe, expect, it } from 'vitest';
import type { Clock } from '../../electron/core/clock';
import type { Guide } from '../../electron/core/content/model';
import type { GuideFrontMatter } from '../../electron/core/content/schema';
import { atLeast, isLegalGuide, reviewContext, reviewStatus, sourceOf } from '../../electron/core/review/status';

/** A guide as the loader would produce it, with only the fields review status reads made to vary. */
function guide(change: Omit<Partial<GuideFrontMatter>, 'review'> & { review?: Partial<GuideFrontMatter['review']> } = {}): Guide {
  const { review, ...rest } = change;
  const version = rest.version ?? 1;
  const meta: GuideFrontMatter = {
    id: 'g',
    title: 'A guide',
    summary: 'A summary.',
    jurisdiction: 'US',
    lang: 'en',
    topics: ['demonstrations'],
    version,
    updated: '2026-11-28',
    changelog: Array.from({ length: version }, (_, i) => ({ version: version - i, date: '2026-11-28', changes: `Change ${version - i}.` })),
    review: { reviewed_by: 'A Clinic', reviewed_on: '2026-11-28', review_by: '2027-05-28', ...review },
    sources: [{ title: 'Source' }],
    not_covered: ['Nothing.'],
    authors: [{ name: 'Someone' }],
    licence: 'CC-BY-SA-4.0',
    ...rest,
  };
  return { meta, body: '', file: `guides/${meta.jurisdiction}/${meta.id}/${meta.lang}.md`, sections: [] };
}

const at = (iso: string): Clock => ({ now: () => new Date(iso), fixed: true });
const on = (date: string, dueSoonDays = 30) => reviewContext(at(`${date}T12:00:00Z`), dueSoonDays);

describe('review status by date (review_by 2027-05-28, due-soon window 30 days)', () => {
  const reviewed = guide();

  it('is current the day before the due-soon window opens', () => {
    expect(reviewStatus(reviewed, undefined, on('2027-04-27'))).toMatchObject({ primary: 'current', states: ['current'], daysLeft: 31 });
  });

  it('is due soon from the first day of the window, 30 days before review_by', () => {
    expect(reviewStatus(reviewed, undefined, on('2027-04-28'))).toMatchObject({ primary: 'due-soon', states: ['due-soon'], daysLeft: 30 });
  });

  it('is due soon, not overdue, on the review-by day itself', () => {
    expect(reviewStatus(reviewed, undefined, on('2027-05-28'))).toMatchObject({ primary: 'due-soon', daysLeft: 0 });
  });

  it('is overdue from the day after review_by', () => {
    const status = reviewStatus(reviewed, undefined, on('2027-05-29'));
    expect(status).toMatchObject({ primary: 'overdue', states: ['overdue'], daysLeft: -1, reviewBy: '2027-05-28', today: '2027-05-29' });
    expect(status.states).not.toContain('due-soon');
  });

  it('uses the configured window', () => {
    expect(reviewStatus(reviewed, undefined, on('2027-05-21', 7)).primary).toBe('due-soon');
    expect(reviewStatus(reviewed, undefined, on('2027-05-20', 7)).primary).toBe('current');
    expect(reviewStatus(reviewed, undefined, on('2027-02-27', 90)).primary).toBe('due-soon');
  });

  it('compares calendar dates in UTC, whatever the time of day or the offset the clock was given in', () => {
    expect(reviewStatus(reviewed, undefined, reviewContext(at('2027-05-28T23:59:59Z'))).primary).toBe('due-soon');
    expect(reviewStatus(reviewed, undefined, reviewContext(at('2027-05-29T00:00:00Z'))).primary).toBe('overdue');
    // 01:00 on the 29th in UTC+2 is still the 28th in UTC.
    expect(reviewStatus(reviewed, undefined, reviewContext(at('2027-05-29T01:00:00+02:00'))).primary).toBe('due-soon');
    // 20:00 on the 28th in UTC-5 is already the 29th in UTC.
    expect(reviewStatus(reviewed, undefined, reviewContext(at('2027-05-28T20:00:00-05:00'))).primary).toBe('overdue');
  });

  it('counts days across a leap day and a year end', () => {
    const leap = guide({ review: { review_by: '2028-03-01' } });
    expect(reviewStatus(leap, undefined, on('2028-02-28')).daysLeft).toBe(2);
    const newYear = guide({ review: { review_by: '2027-01-01' } });
    expect(reviewStatus(newYear, undefined, on('2026-12-31')).daysLeft).toBe(1);
    expect(reviewStatus(newYear, undefined, on('2027-01-02')).primary).toBe('overdue');
  });
});

describe('several states at once', () => {
  it('a guide no local partner has reviewed is "not reviewed", and due soon and overdue on top', () => {
    const unreviewed = guide({ review: { reviewed_by: null, reviewed_on: null } });
    expect(reviewStatus(unreviewed, undefined, on('2026-12-01'))).toMatchObject({ primary: 'not-reviewed', states: ['not-reviewed'] });
    expect(reviewStatus(unreviewed, undefined, on('2027-05-01'))).toMatchObject({ primary: 'due-soon', states: ['due-soon', 'not-reviewed'] });
    expect(reviewStatus(unreviewed, undefined, on('2027-06-01'))).toMatchObject({ primary: 'overdue', states: ['overdue', 'not-reviewed'] });
  });

  it('a translation behind its source that is also overdue shows overdue first and keeps both', () => {
    const source = guide({ lang: 'en', version: 2 });
    const translation = guide({ lang: 'es', translation_of: { lang: 'en', version: 1 } });
    expect(reviewStatus(translation, source, on('2027-06-01'))).toMatchObject({ primary: 'overdue', states: ['overdue', 'translation-behind'] });
    expect(reviewStatus(translation, source, on('2026-12-01'))).toMatchObject({ primary: 'translation-behind', states: ['translation-behind'] });
  });
});

describe('translation behind its source', () => {
  const source = guide({ jurisdiction: 'global', topics: ['devices'], lang: 'en', version: 3 });
  const catalog = {
    guides: [
      source,
      guide({ jurisdiction: 'global', topics: ['devices'], lang: 'es', translation_of: { lang: 'en', version: 2 } }),
      guide({ jurisdiction: 'global', topics: ['devices'], lang: 'fr', translation_of: { lang: 'en', version: 3 } }),
      guide({ jurisdiction: 'global', topics: ['devices'], lang: 'ar', translation_of: { lang: 'en', version: 1 } }),
      guide({ jurisdiction: 'global', topics: ['devices'], lang: 'de', translation_of: { lang: 'pt', version: 1 } }),
    ],
  };
  const of = (lang: string) => {
    const translation = catalog.guides.find((g) => g.meta.lang === lang)!;
    return reviewStatus(translation, sourceOf(catalog, translation), on('2026-12-01'));
  };

  it('is behind when exactly one version behind, and lists only the missed change', () => {
    expect(of('es')).toMatchObject({
      primary: 'translation-behind',
      behind: { lang: 'en', version: 3, translatedFrom: 2, missed: [{ version: 3, changes: 'Change 3.' }] },
    });
    expect(of('es').behind!.missed).toHaveLength(1);
  });

  it('is not behind when made from the current version', () => {
    expect(of('fr')).toMatchObject({ primary: 'current', behind: null });
  });

  it('lists every missed change, newest first, when several versions behind', () => {
    expect(of('ar').behind!.missed.map((entry) => entry.version)).toEqual([3, 2]);
  });

  it('is not called behind when its source is not in the catalog (nothing to compare with)', () => {
    expect(of('de').behind).toBeNull();
    expect(sourceOf(catalog, catalog.guides[4]!)).toBeUndefined();
  });

  it('an original is never behind', () => {
    expect(of('en').behind).toBeNull();
  });
});

describe('legal guidance', () => {
  it('is guidance for a jurisdiction on a legal topic', () => {
    expect(isLegalGuide({ jurisdiction: 'US', topics: ['demonstrations'] })).toBe(true);
    expect(isLegalGuide({ jurisdiction: 'GB-EAW', topics: ['stop-search-arrest', 'demonstrations'] })).toBe(true);
    expect(isLegalGuide({ jurisdiction: 'FR', topics: ['recording-police'] })).toBe(true);
    expect(isLegalGuide({ jurisdiction: 'CA', topics: ['legal-observing'] })).toBe(true);
  });
  it('is not global security advice, even on a demonstration topic, nor a jurisdiction guide on security topics only', () => {
    expect(isLegalGuide({ jurisdiction: 'global', topics: ['devices', 'demonstrations'] })).toBe(false);
    expect(isLegalGuide({ jurisdiction: 'global', topics: ['data', 'recording-police'] })).toBe(false);
    expect(isLegalGuide({ jurisdiction: 'DE', topics: ['devices'] })).toBe(false);
  });
  it('is carried on the status', () => {
    expect(reviewStatus(guide(), undefined, on('2026-12-01')).legal).toBe(true);
    expect(reviewStatus(guide({ jurisdiction: 'global', topics: ['devices'] }), undefined, on('2026-12-01')).legal).toBe(false);
  });
});

describe('--fail-on threshold', () => {
  const status = (date: string) => reviewStatus(guide({ review: { reviewed_by: null, reviewed_on: null } }), undefined, on(date));
  it('overdue fails only on overdue guides', () => {
    expect(atLeast(status('2027-05-29'), 'overdue')).toBe(true);
    expect(atLeast(status('2027-05-28'), 'overdue')).toBe(false);
  });
  it('due-soon fails on due-soon and overdue guides, not on merely unreviewed ones', () => {
    expect(atLeast(status('2027-05-29'), 'due-soon')).toBe(true);
    expect(atLeast(status('2027-04-28'), 'due-soon')).toBe(true);
    expect(atLeast(status('2027-04-27'), 'due-soon')).toBe(false);
  });
});
