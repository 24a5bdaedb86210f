import { FieldbookError } from '../../api/errors';
import { type FileReport, REPORTS_FILE_FORMAT, REPORTS_FILE_TYPE, type ReportsFile, reportsFileSchema } from '../../api/reports';
import type { StoredReport } from './schema';

/**
 * The `.fbreports` file: what a reader hands to a guide's partner. Written from the store with only the report's
 * own fields (the store's ids stay behind); read back as untrusted input, every field checked.
 */

const ISSUES_NAMED = 5;

/** Orders reports the way a partner reads them: by guide, language, then where in the guide, then by date. */
export function compareReports(a: FileReport, b: FileReport): number {
  return (
    a.guide.localeCompare(b.guide, 'en') ||
    a.lang.localeCompare(b.lang, 'en') ||
    (a.section ?? '').localeCompare(b.section ?? '', 'en') ||
    a.date.localeCompare(b.date, 'en')
  );
}

export function reportsFileText(reports: readonly StoredReport[]): string {
  const file: ReportsFile = {
    type: REPORTS_FILE_TYPE,
    format: REPORTS_FILE_FORMAT,
    reports: reports
      .map(({ guide, lang, version, section, quote, kind, note, date }) => ({ guide, lang, version, section, quote, kind, note, date }))
      .sort(compareReports),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A path as a person reads it: reports[2].kind. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Reads a reports file; a bad one is refused with each wrong field named (the first few) and what to do. */
export function parseReportsFile(text: string, name = 'the reports file'): ReportsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FieldbookError(
      'bad-input',
      `${name} is not a Fieldbook reports file (it is not JSON: ${(error as Error).message}); ask for it to be saved again.`,
    );
  }
  const parsed = reportsFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const named = issues.slice(0, ISSUES_NAMED).map((issue) => `${fieldPath(issue.path) || '(the file)'}: ${issue.message}`);
  const more = issues.length > ISSUES_NAMED ? `; and ${issues.length - ISSUES_NAMED} more` : '';
  throw new FieldbookError('bad-input', `${name} cannot be opened: ${named.join('; ')}${more}. Nothing was read; ask for it to be saved again.`);
}
