import { describe, expect, it } from 'vitest';
import type { GuideCard, ReviewStatus } from '../../electron/api/types';
import { compareUrgency, reviewCounts, reviewList } from '../../electron/core/review/dashboard';
import { csvCell, exportFileName, markdownCell, reviewCsv, reviewMarkdown } from '../../electron/core/review/export';

function status(change: Partial<ReviewStatus>): ReviewStatus {
  const states = change.states ?? [change.primary ?? 'current'];
  return { primary: states[0]!, states, today: '2027-06-01', reviewBy: '2027-05-28', daysLeft: -4, legal: true, behind: null, ...change };
}

function card(id: string, change: Omit<Partial<GuideCard>, 'status'> & { status?: Partial<ReviewStatus> } = {}): GuideCard {
  const { status: s, ...rest } = change;
  return {
    id,
    lang: 'en',
    dir: 'ltr',
    title: `Title of ${id}`,
    summary: 'Summary.',
    jurisdiction: 'US',
    topics: ['demonstrations'],
    version: 1,
    updated: '2026-11-28',
    review: { reviewedBy: null, reviewedOn: null, reviewBy: '2027-05-28' },
    translationOf: null,
    packExpired: null,
    modifiedOutside: false,
    languages: ['en'],
    ...rest,
    status: status(s ?? {}),
  };
}

/** An RFC 4180 reader, to check that what the export writes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV cells', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });
  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('حقوقك')).toBe('حقوقك');
  });
  it('writes computed numbers as numbers, negative ones included, and null as empty', () => {
    expect(csvCell(-4)).toBe('-4');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });
});

describe('CSV export', () => {
  const hostile = card('hostile', {
    title: '=cmd|\' /C calc\'!A0, "quoted"\nnext line',
    review: { reviewedBy: '@Clinic, "Legal"', reviewedOn: '2026-11-28', reviewBy: '2027-05-28' },
    status: { states: ['overdue'] },
  });
  const rows = parseCsv(reviewCsv([hostile, card('plain', { status: { primary: 'due-soon', states: ['due-soon', 'not-reviewed'], daysLeft: 3 } })]));

  it('starts with a byte-order mark and a header, one line per guide, CRLF line ends', () => {
    const text = reviewCsv([card('a')]);
    expect(text.startsWith('\uFEFFstatus,also,id,lang,jurisdiction,title,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('reads back the same cells, with formula starts prefixed and nothing else changed', () => {
    const header = rows[0]!.map((h) => h.replace('\uFEFF', ''));
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(first).toMatchObject({
      status: 'overdue',
      id: 'hostile',
      title: `'=cmd|' /C calc'!A0, "quoted"\nnext line`,
      reviewed_by: `'@Clinic, "Legal"`,
      days_left: '-4',
      legal: 'true',
    });
    const second = Object.fromEntries(header.map((h, i) => [h, rows[2]![i]]));
    expect(second).toMatchObject({ status: 'due-soon', also: 'not-reviewed', days_left: '3', reviewed_by: '' });
  });
});

describe('Markdown export', () => {
  it('escapes markup in cells, so a title cannot become a link, HTML or extra columns', () => {
    expect(markdownCell('a | b')).toBe('a \\| b');
    expect(markdownCell('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(markdownCell('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(markdownCell('two\r\nlines')).toBe('two lines');
  });

  it('writes a table with the same number of columns on every row, and says when and how it was computed', () => {
    const text = reviewMarkdown([card('a', { title: 'A | B\nC' }), card('b')], {
      today: '2027-06-01',
      clockFixed: true,
      dueSoonDays: 30,
      filter: { state: 'overdue' },
    });
    expect(text).toContain('As of 2027-06-01, UTC (clock set for a demonstration or test)');
    expect(text).toContain('within 30 days');
    expect(text).toContain('status overdue, 2 guide(s)');
    const tableRows = text.split('\n').filter((line) => line.startsWith('|'));
    expect(tableRows).toHaveLength(4);
    const columns = tableRows.map((line) => line.replace(/\\\|/g, '').split('|').length);
    expect(new Set(columns).size).toBe(1);
  });

  it('names files by the clock date', () => {
    expect(exportFileName('2027-06-01', 'csv')).toBe('fieldbook-review-2027-06-01.csv');
    expect(exportFileName('2027-06-01', 'markdown')).toBe('fieldbook-review-2027-06-01.md');
  });
});

describe('review list and counts', () => {
  const cards = [
    card('current', { status: { primary: 'current', daysLeft: 100 } }),
    card('not-reviewed', { lang: 'es', status: { states: ['not-reviewed'], daysLeft: 100 } }),
    card('overdue-recent', { status: { states: ['overdue', 'not-reviewed'], daysLeft: -1 } }),
    card('overdue-long', { jurisdiction: 'FR', status: { states: ['overdue'], daysLeft: -40 } }),
    card('behind', { lang: 'ar', jurisdiction: 'global', status: { states: ['translation-behind', 'not-reviewed'], daysLeft: 100, legal: false } }),
    card('due-soon', { status: { states: ['due-soon'], daysLeft: 5 } }),
  ];

  it('sorts by urgency: overdue (longest overdue first), due soon, behind, not reviewed, current', () => {
    expect(reviewList(cards).map((c) => c.id)).toEqual(['overdue-long', 'overdue-recent', 'due-soon', 'behind', 'not-reviewed', 'current']);
    expect([...cards].sort(compareUrgency)[0]!.id).toBe('overdue-long');
  });

  it('filters by any state a guide has, by jurisdiction, language and kind', () => {
    expect(reviewList(cards, { state: 'not-reviewed' }).map((c) => c.id)).toEqual(['overdue-recent', 'behind', 'not-reviewed']);
    expect(reviewList(cards, { state: 'overdue', jurisdiction: 'US' }).map((c) => c.id)).toEqual(['overdue-recent']);
    expect(reviewList(cards, { lang: 'ar' }).map((c) => c.id)).toEqual(['behind']);
    expect(reviewList(cards, { legal: false }).map((c) => c.id)).toEqual(['behind']);
    expect(reviewList(cards, { lang: 'de' })).toEqual([]);
  });

  it('counts each guide under every state it has, per jurisdiction and per language', () => {
    const counts = reviewCounts(cards);
    expect(counts.total).toEqual({
      key: 'all',
      total: 6,
      counts: { overdue: 2, 'due-soon': 1, 'translation-behind': 1, 'not-reviewed': 3, current: 1 },
    });
    expect(counts.byJurisdiction.map((row) => row.key)).toEqual(['FR', 'global', 'US']);
    expect(counts.byJurisdiction.find((row) => row.key === 'US')).toMatchObject({
      total: 4,
      counts: { overdue: 1, 'not-reviewed': 2, 'due-soon': 1, current: 1 },
    });
    expect(counts.byLanguage.map((row) => [row.key, row.total])).toEqual([
      ['ar', 1],
      ['en', 4],
      ['es', 1],
    ]);
  });
});
