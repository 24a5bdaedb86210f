import { z } from 'zod';

/**
 * Readers' reports: a reader marks a passage of a guide (a quoted selection, a section, or the whole guide) as wrong,
 * outdated or unclear, with a note. Reports stay in the person's store (sealed by the lock, removed by wipe) until
 * they save them as a `.fbreports` file for the guide's partner, who opens it beside the guide in the writing area.
 * The file carries only what the reports say about the guide: no name, no device, no time of day.
 */

export { REPORT_KINDS, REPORT_LIMITS, type ReportKind } from './report-limits';
import { REPORT_KINDS, REPORT_LIMITS } from './report-limits';

export const REPORTS_FILE_TYPE = 'fieldbook-reports';
export const REPORTS_FILE_FORMAT = 1;

const guideId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a guide id (lower-case words joined by hyphens)');
const lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ar');
const version = z.number().int('must be a whole number').min(1, 'must be 1 or more').max(1_000_000);
/** A section's anchor as the reader made it (any script); null: the whole guide. */
const section = z
  .string()
  .min(1)
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\s#/?]+$/, 'must be a section anchor (no spaces, #, / or ?)');
const oneLineOrMore = (max: number) =>
  z
    .string()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters other than tab and line breaks are refused
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not hold control characters')
    .max(max, `must be at most ${max} characters`);
const kind = z.enum(REPORT_KINDS, { message: `must be one of ${REPORT_KINDS.join(', ')}` });
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** One report as a file carries it, and as the store keeps it (the store adds its own id). */
export const reportFields = {
  guide: guideId,
  lang,
  version,
  section: section.nullable(),
  quote: oneLineOrMore(REPORT_LIMITS.quote).nullable(),
  kind,
  note: oneLineOrMore(REPORT_LIMITS.note),
  date: calendarDate,
};
export const fileReportSchema = z.strictObject(reportFields);
export type FileReport = z.infer<typeof fileReportSchema>;

export const reportsFileSchema = z.strictObject({
  type: z.literal(REPORTS_FILE_TYPE, { message: `must be "${REPORTS_FILE_TYPE}": this is not a Fieldbook reports file` }),
  format: z.literal(REPORTS_FILE_FORMAT, { message: `must be ${REPORTS_FILE_FORMAT}; this file was written by a newer Fieldbook, update it` }),
  reports: z.array(fileReportSchema).max(REPORT_LIMITS.perFile, `must hold at most ${REPORT_LIMITS.perFile} reports`),
});
export type ReportsFile = z.infer<typeof reportsFileSchema>;

/** A report the person keeps, with the guide's title for the list. */
export interface MyReport extends FileReport {
  id: string;
  /** The guide's title here, or null when the guide is no longer in the library. */
  title: string | null;
  /** The section's heading here, or null (the whole guide, or a section no longer there). */
  heading: string | null;
}

/** A report read from a file, with what this library knows of its guide. */
export interface OpenedReport extends FileReport {
  title: string | null;
  heading: string | null;
  /** The guide's version here now (null: not in this library): a report on an older version may be dealt with. */
  currentVersion: number | null;
}

export interface OpenedReports {
  reports: OpenedReport[];
}

const reportId = z.string().regex(/^[0-9a-f]{16}$/, 'must be a report id');

export const reportInputs = {
  add: z.strictObject({
    guide: guideId,
    lang,
    version,
    section: section.optional(),
    quote: oneLineOrMore(REPORT_LIMITS.quote).optional(),
    kind,
    note: oneLineOrMore(REPORT_LIMITS.note).trim().min(1, 'must say what is wrong, outdated or unclear'),
  }),
  update: z.strictObject({
    id: reportId,
    kind: kind.optional(),
    note: oneLineOrMore(REPORT_LIMITS.note).trim().min(1, 'must say what is wrong, outdated or unclear').optional(),
  }),
  remove: z.strictObject({ id: reportId }),
  /** One guide's reports (guide and lang), or all of them (neither). */
  exportFile: z.strictObject({ guide: guideId.optional(), lang: lang.optional() }),
  open: z.strictObject({ text: z.string().max(REPORT_LIMITS.fileLength, 'is larger than a reports file Fieldbook reads (4 MB)') }),
};
