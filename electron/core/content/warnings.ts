import { isLegalGuide } from '../review/status';
import { bodyLine, fieldLine } from './guide-file';
import type { Catalog, ContentProblem, Guide } from './model';
import { codeFences } from './sections';
import { fieldName } from './yaml';

/**
 * content/warnings: mistakes in guides that load, for `npm run content -- validate`. They do not keep a guide out
 * of the app (an error does), but each one means a reader is told something wrong or is sent somewhere unsafe.
 * The date checks need "today", so they are made with the clock the command was given, not when content loads.
 */

/** Months until review after `updated` (or the last review): content/README.md, "Review intervals". */
export const REVIEW_MONTHS = { legal: 6, security: 12 } as const;

/** The calendar date `months` after `date` (YYYY-MM-DD), kept within the month: 2026-08-31 + 6 → 2027-02-28. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

const HTTP = /http:\/\/[^\s)<>\]"']*/gi;

/** `http://` addresses in a body outside fenced code, with their lines. */
function httpLinks(guide: Guide): { line: number; url: string }[] {
  const found: { line: number; url: string }[] = [];
  const first = bodyLine(guide);
  const inCode = codeFences();
  guide.body.split('\n').forEach((text, index) => {
    if (!inCode(text)) for (const match of text.matchAll(HTTP)) found.push({ line: first + index, url: match[0] });
  });
  return found;
}

function guideWarnings(guide: Guide, today: string): ContentProblem[] {
  const { meta, file } = guide;
  const warnings: ContentProblem[] = [];
  const warn = (path: PropertyKey[], message: string, line = fieldLine(guide, path)) =>
    warnings.push({ file, line, field: path.length > 0 ? fieldName(path) : '(body)', message, severity: 'warning' });

  for (const { line, url } of httpLinks(guide))
    warn([], `"${url}" is not encrypted, and Fieldbook does not open http:// links; use its https:// address`, line);
  meta.sources.forEach((source, index) => {
    // The schema refuses a source url that is not https://; a title or publisher may still carry an address.
    for (const field of ['title', 'publisher'] as const)
      if (/http:\/\//i.test(source[field] ?? ''))
        warn(['sources', index, field], 'names an http:// address; cite it as url, with its https:// address');
  });

  const { review_by: reviewBy, reviewed_on: reviewedOn } = meta.review;
  if (meta.updated > today) warn(['updated'], `${meta.updated} is after today (${today}); use the date this version was written`);
  if (reviewBy < meta.updated)
    warn(['review', 'review_by'], `${reviewBy} is before updated (${meta.updated}); set it to a date after this version, within its review interval`);
  else {
    const legal = isLegalGuide(meta);
    const months = legal ? REVIEW_MONTHS.legal : REVIEW_MONTHS.security;
    const since = reviewedOn && reviewedOn > meta.updated ? reviewedOn : meta.updated;
    const latest = addMonths(since, months);
    if (reviewBy > latest)
      warn(
        ['review', 'review_by'],
        `${reviewBy} is more than ${months} months after ${since === meta.updated ? 'updated' : 'reviewed_on'} (${since}): ` +
          `${legal ? 'guidance on the law' : 'security advice'} is reviewed within ${months} months (content/README.md, "Review intervals"); ` +
          `set it to ${latest} or earlier`,
      );
  }
  return warnings;
}

/** Warnings for every loaded guide; `today` is the clock's calendar date (UTC), YYYY-MM-DD. */
export function contentWarnings(catalog: Pick<Catalog, 'guides'>, today: string): ContentProblem[] {
  return catalog.guides.flatMap((guide) => guideWarnings(guide, today));
}
