import { REVIEW_STATES, type ReviewState, type ReviewStatus } from '../../api/types';
import type { Clock } from '../clock';
import type { Catalog, Guide } from '../content/model';
import { versionsOf } from '../content/versions';

/**
 * Review status: computed from a guide's front matter and a clock, never stored.
 *
 * All dates are calendar dates compared in UTC: "today" is the clock's date in UTC, whatever the machine's time zone,
 * so a guide changes state at midnight UTC everywhere and a test at a fixed clock gives the same answer on any machine.
 *
 * The states, each decided on its own (a guide can be in several at once):
 * - overdue: today is AFTER review_by. On the review-by day itself the guide is still in date ("review by" includes
 *   that day); from the next day it is overdue.
 * - due-soon: not overdue, and review_by is at most `dueSoonDays` days away: with the default 30 and review_by
 *   2027-05-28, due soon from 2027-04-28 through 2027-05-28 inclusive.
 * - translation-behind: the guide is a translation, its source (same id, language translation_of.lang) exists, and
 *   translation_of.version is lower than the source's current version.
 * - not-reviewed: review.reviewed_by is null (no local partner has reviewed it).
 * - current: none of the above.
 *
 * `primary` is the most urgent state that applies, in the order of REVIEW_STATES: overdue, due-soon,
 * translation-behind, not-reviewed, current. The date states come first because they say whether the guidance may no
 * longer match the law or practice at all; a badge shows the primary state and names the others beside it.
 */

export interface ReviewContext {
  /** The clock's calendar date in UTC, YYYY-MM-DD. */
  today: string;
  /** How many days before review_by a guide counts as "due soon" (the person's setting; default 30). */
  dueSoonDays: number;
  /** The clock's instant (ISO 8601): what a pack's expiry is compared with. Absent: the start of `today`. */
  now?: string;
}

export const DEFAULT_DUE_SOON_DAYS = 30;

const DAY_MS = 86_400_000;

/** The calendar date (UTC) of an instant, YYYY-MM-DD. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function reviewContext(clock: Clock, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): ReviewContext {
  return { today: utcDate(clock.now()), dueSoonDays, now: clock.now().toISOString() };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD, read as UTC dates): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Topics whose guidance states the law rather than general digital-security practice. */
const LEGAL_TOPICS: ReadonlySet<string> = new Set(['demonstrations', 'stop-search-arrest', 'recording-police', 'legal-observing']);

/**
 * The one rule for "legal guidance": a guide written for a jurisdiction's law, that is, any jurisdiction but
 * `global`, with at least one legal topic. Global guides that touch demonstrations (a phone at a demonstration, photo
 * metadata) give security practice, not law, and carry the twelve-month review interval of security advice
 * (content/README.md, "Review intervals"); a jurisdiction's guide always speaks of its law, so every topic there is
 * legal today, and the topic check keeps a future "digital security in France" guide out of the legal set.
 */
export function isLegalGuide(meta: { jurisdiction: string; topics: readonly string[] }): boolean {
  return meta.jurisdiction !== 'global' && meta.topics.some((topic) => LEGAL_TOPICS.has(topic));
}

/** The guide a translation was made from: same id, in translation_of.lang; undefined for an original or a lost source. */
export function sourceOf(catalog: Pick<Catalog, 'guides'>, guide: Guide): Guide | undefined {
  const from = guide.meta.translation_of;
  if (!from) return undefined;
  return versionsOf(catalog, guide.meta.id).find((other) => other.meta.lang === from.lang);
}

/** The review status of one guide; `source` is the guide it translates (see sourceOf), if any. */
export function reviewStatus(guide: Guide, source: Guide | undefined, context: ReviewContext): ReviewStatus {
  const { meta } = guide;
  const daysLeft = daysBetween(context.today, meta.review.review_by);
  const from = meta.translation_of;
  const behind =
    from && source && from.version < source.meta.version
      ? {
          lang: source.meta.lang,
          version: source.meta.version,
          translatedFrom: from.version,
          missed: source.meta.changelog
            .filter((entry) => entry.version > from.version)
            .map(({ version, date, changes }) => ({ version, date, changes })),
        }
      : null;
  const applies: Record<ReviewState, boolean> = {
    overdue: daysLeft < 0,
    'due-soon': daysLeft >= 0 && daysLeft <= context.dueSoonDays,
    'translation-behind': behind !== null,
    'not-reviewed': meta.review.reviewed_by === null,
    current: false,
  };
  const states = REVIEW_STATES.filter((state) => applies[state]);
  if (states.length === 0) states.push('current');
  return { primary: states[0]!, states, today: context.today, reviewBy: meta.review.review_by, daysLeft, legal: isLegalGuide(meta), behind };
}

/** Position in urgency order (0 = most urgent). */
export function urgencyRank(state: ReviewState): number {
  return REVIEW_STATES.indexOf(state);
}

/** True when a status has `state` or a more urgent one: what `--fail-on` tests. */
export function atLeast(status: ReviewStatus, state: ReviewState): boolean {
  return urgencyRank(status.primary) <= urgencyRank(state);
}
