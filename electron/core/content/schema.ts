import { z } from 'zod';

/**
 * The guide front-matter schema: the single source of truth for the app and the content command line.
 * content/README.md documents each field for the people who write guides; keep the two in step.
 */

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const calendarDate = z.string().refine(isCalendarDate, { message: 'must be a real date written YYYY-MM-DD' });

/** Days in each month of a common year; February gains one in a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a day that exists, from the year 100 (Date reads 0–99 as 1900–1999, so those were never taken). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= MONTH_DAYS[month - 1]! + (month === 2 && leap ? 1 : 0);
}

const partialDate = z
  .string()
  .refine((text) => /^\d{4}$/.test(text) || (/^\d{4}-\d{2}$/.test(text) && isCalendarDate(`${text}-01`)) || isCalendarDate(text), {
    message: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD (quote it in YAML)',
  });

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const bcp47 = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en, es or pt-BR');

export const sourceSchema = z.strictObject({
  title: text,
  publisher: text.optional(),
  url: z
    .string()
    .regex(/^https:\/\/[^\s]+$/, 'must be an https:// address')
    .optional(),
  date: partialDate.optional(),
});

export const guideFrontMatterSchema = z
  .strictObject({
    id: slug,
    title: text,
    summary: text,
    jurisdiction: z.string().regex(/^(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/, 'must be an ISO 3166 code such as US or US-CA, or global'),
    lang: bcp47,
    topics: z.array(slug).min(1, 'list at least one topic from content/topics.yaml'),
    version: z.number().int().min(1, 'must be a whole number from 1'),
    updated: calendarDate,
    changelog: z
      .array(z.strictObject({ version: z.number().int().min(1), date: calendarDate, changes: text }))
      .min(1, 'needs an entry for each version'),
    review: z.strictObject({
      reviewed_by: text.nullable(),
      reviewed_on: calendarDate.nullable(),
      review_by: calendarDate,
    }),
    sources: z.array(sourceSchema).min(1, 'cite at least one source'),
    not_covered: z.array(text).min(1, 'say at least one thing this guide does not cover'),
    authors: z.array(z.strictObject({ name: text, role: text.optional() })).min(1, 'credit at least one author'),
    licence: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'must be an SPDX licence id such as CC-BY-SA-4.0'),
    translation_of: z.strictObject({ lang: bcp47, version: z.number().int().min(1) }).optional(),
  })
  .superRefine((meta, ctx) => {
    const versions = meta.changelog.map((entry) => entry.version);
    if (versions[0] !== meta.version) {
      ctx.addIssue({ code: 'custom', path: ['changelog'], message: `the newest entry must be for version ${meta.version}` });
    }
    const expected = Array.from({ length: meta.version }, (_, i) => meta.version - i);
    if (versions.join() !== expected.join()) {
      ctx.addIssue({ code: 'custom', path: ['changelog'], message: `list one entry per version, newest first: ${expected.join(', ')}` });
    }
    if ((meta.review.reviewed_by === null) !== (meta.review.reviewed_on === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['review', 'reviewed_on'],
        message: 'reviewed_by and reviewed_on go together: both set, or both null when no local partner has reviewed it',
      });
    }
    if (meta.translation_of && meta.translation_of.lang === meta.lang) {
      ctx.addIssue({ code: 'custom', path: ['translation_of', 'lang'], message: 'a translation must come from another language' });
    }
  });
export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>;

const names = z.record(z.string(), text);

export const jurisdictionsSchema = z.array(
  z.strictObject({
    code: z.string().regex(/^(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/, 'must be an ISO 3166 code or global'),
    parent: z.string().optional(),
    names,
    /** Abbreviations and other names people type for it, in any language ("NYC", "EE. UU."): search understands them. */
    aliases: z.array(text).max(50).optional(),
    /** Abbreviations that are also small words somewhere ("US", "DE"): search understands them only in capitals. */
    abbreviations: z
      .array(z.string().regex(/^[A-Z]{2,4}$/, 'must be 2 to 4 capital letters'))
      .max(10)
      .optional(),
  }),
);
export const topicsSchema = z.array(z.strictObject({ id: slug, names }));
export const languagesSchema = z.array(z.strictObject({ code: bcp47, name: text, dir: z.enum(['ltr', 'rtl']) }));
