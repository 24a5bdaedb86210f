// The kinds and bounds of readers' reports, apart from their schemas (reports.ts): the page needs only these, and
// importing them from there would put the whole schema library in the code it loads at start-up.

export const REPORT_KINDS = ['wrong', 'outdated', 'unclear'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_LIMITS = {
  /** A quoted passage: enough to find it again, never a copy of the guide. */
  quote: 500,
  note: 2000,
  /** Reports kept in the store. */
  kept: 1000,
  /** Reports in one file. */
  perFile: 5000,
  /** Characters in a file the app will read. */
  fileLength: 4 * 1024 * 1024,
} as const;
