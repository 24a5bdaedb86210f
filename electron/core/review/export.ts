import type { GuideCard, ReviewFilter } from '../../api/types';

/**
 * The review list as CSV (RFC 4180) and as Markdown. Every text cell comes from a guide, and every guide is untrusted
 * input: CSV cells are quoted where needed and cells a spreadsheet would run as a formula are defused; Markdown cells
 * have their markup characters escaped, so a title cannot become a link, HTML or a broken table.
 */

export interface ExportHeader {
  today: string;
  clockFixed: boolean;
  dueSoonDays: number;
  filter: ReviewFilter;
}

const COLUMNS = [
  'status',
  'also',
  'id',
  'lang',
  'jurisdiction',
  'title',
  'legal',
  'review_by',
  'days_left',
  'reviewed_by',
  'reviewed_on',
  'version',
  'translation_of',
  'source_version',
  'owner',
] as const;

type Cell = string | number | boolean | null;

/** Who looks after guides for each jurisdiction (ReviewDashboard.owners); a jurisdiction missing or empty: the maintainers. */
export type Owners = Readonly<Record<string, readonly string[]>>;

/** The owner cell: the partner keys' names, or "Maintainers" where no partner's delegation covers the jurisdiction. */
export function ownerText(owners: Owners, jurisdiction: string): string {
  const names = owners[jurisdiction] ?? [];
  return names.length > 0 ? names.join('; ') : 'Maintainers';
}

function row(card: GuideCard, owners: Owners = {}): Record<(typeof COLUMNS)[number], Cell> {
  return {
    status: card.status.primary,
    also: card.status.states.filter((state) => state !== card.status.primary).join(' '),
    id: card.id,
    lang: card.lang,
    jurisdiction: card.jurisdiction,
    title: card.title,
    legal: card.status.legal,
    review_by: card.status.reviewBy,
    days_left: card.status.daysLeft,
    reviewed_by: card.review.reviewedBy,
    reviewed_on: card.review.reviewedOn,
    version: card.version,
    translation_of: card.translationOf ? `${card.translationOf.lang}@${card.translationOf.version}` : null,
    source_version: card.status.behind?.version ?? null,
    owner: ownerText(owners, card.jurisdiction),
  };
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Numbers and booleans we computed are written as they are (a negative day count stays a number); any
 * text that starts like a formula gets a leading apostrophe, and text with a comma, quote or line break is quoted
 * with its quotes doubled.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a header line and CRLF line ends; starts with a byte-order mark so spreadsheets read Arabic and accents as UTF-8. */
export function reviewCsv(cards: readonly GuideCard[], owners: Owners = {}): string {
  const lines = [COLUMNS.join(','), ...cards.map((card) => COLUMNS.map((column) => csvCell(row(card, owners)[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One Markdown table cell: line breaks become spaces and markup characters are backslash-escaped. */
export function markdownCell(value: Cell): string {
  if (value === null) return '';
  return String(value)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`)
    .trim();
}

function describeFilter(filter: ReviewFilter): string {
  const parts = [
    filter.state && `status ${filter.state}`,
    filter.jurisdiction && `jurisdiction ${filter.jurisdiction}`,
    filter.lang && `language ${filter.lang}`,
    filter.legal === true ? 'legal guidance only' : filter.legal === false ? 'other than legal guidance' : undefined,
  ].filter(Boolean);
  return parts.length === 0 ? 'all guides' : parts.join('; ');
}

export function reviewMarkdown(cards: readonly GuideCard[], header: ExportHeader, owners: Owners = {}): string {
  const clock = header.clockFixed ? ' (clock set for a demonstration or test)' : '';
  const lines = [
    '# Fieldbook review status',
    '',
    `As of ${header.today}, UTC${clock}. "Due soon" means within ${header.dueSoonDays} days of the review-by date; overdue means after it.`,
    '',
    `Shown: ${markdownCell(describeFilter(header.filter))}, ${cards.length} guide(s), most urgent first.`,
    '',
    '| Status | Also | Guide | Id | Language | Jurisdiction | Review by | Days left | Last reviewed | Owner |',
    '| --- | --- | --- | --- | --- | --- | --- | ---: | --- | --- |',
    ...cards.map((card) => {
      const r = row(card, owners);
      const reviewed = card.review.reviewedBy ? `${card.review.reviewedBy}, ${card.review.reviewedOn ?? ''}` : 'not yet reviewed';
      const cells = [r.status, r.also, r.title, r.id, r.lang, r.jurisdiction, r.review_by, r.days_left, reviewed, r.owner];
      return `| ${cells.map(markdownCell).join(' | ')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

/** A file name for an export, dated by the clock so two exports on different days do not overwrite each other. */
export function exportFileName(today: string, format: 'csv' | 'markdown'): string {
  return `fieldbook-review-${today}.${format === 'csv' ? 'csv' : 'md'}`;
}
