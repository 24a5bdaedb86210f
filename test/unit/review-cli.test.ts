import { execFile } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

/** `npm run content -- review`, run as a content repository's CI runs it: exit codes and output. */
const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');
const FOLDER = join('test', 'fixtures', 'review');

async function review(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['electron/cli/content.ts', 'review', ...args], { env: { ...process.env, FIELDBOOK_NOW: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run content -- review', () => {
  it('prints each guide with its status, most urgent first, and a summary', async () => {
    const { code, stdout, stderr } = await review(FOLDER, '--now', '2027-05-29');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`${join(FOLDER, 'guides/global/sec-overdue/en.md')}: overdue; review was due 2027-01-15, 134 day(s) ago`);
    expect(lines[2]).toMatch(/law-unreviewed\/en\.md: overdue \(also not-reviewed\); review was due 2027-05-28, 1 day\(s\) ago$/);
    expect(lines[4]).toMatch(/sec-guide\/es\.md: translation-behind \(also not-reviewed\)/);
    expect(stderr).toContain('As of 2027-05-29 (UTC, clock set): 7 guides: 3 overdue, 0 due soon (within 30 days), 2 translation(s) behind');
  });

  it('--fail-on overdue passes on the review-by day and fails the day after', async () => {
    // sec-overdue's review_by is 2027-01-15.
    const [onDay, dayAfter] = await Promise.all([
      review(FOLDER, '--now', '2027-01-15', '--fail-on', 'overdue'),
      review(FOLDER, '--now', '2027-01-16', '--fail-on', 'overdue'),
    ]);
    expect(onDay.code).toBe(0);
    expect(dayAfter.code).toBe(1);
    expect(dayAfter.stderr).toContain('1 guide(s) are overdue (--fail-on overdue).');
  });

  it('--fail-on due-soon also fails on guides due soon, from the first day of the window', async () => {
    // sec-overdue's review_by is 2027-01-15: with 30 days, due soon from 2026-12-16.
    const runs = await Promise.all([
      review(FOLDER, '--now', '2026-12-15', '--fail-on', 'due-soon'),
      review(FOLDER, '--now', '2026-12-16', '--fail-on', 'due-soon'),
      review(FOLDER, '--now', '2026-12-16', '--due-soon-days', '29', '--fail-on', 'due-soon'),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 1, 0]);
  });

  it('--json prints the same statuses and counts for a machine to read', async () => {
    const { code, stdout } = await review(FOLDER, '--now', '2027-05-28', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ today: '2027-05-28', clockFixed: true, dueSoonDays: 30, invalid: [] });
    expect(report.counts.total.counts).toEqual({ overdue: 1, 'due-soon': 2, 'translation-behind': 2, 'not-reviewed': 3, current: 2 });
    const es = report.guides.find((g: { id: string; lang: string }) => g.id === 'sec-guide' && g.lang === 'es');
    expect(es).toMatchObject({
      file: join(FOLDER, 'guides/global/sec-guide/es.md'),
      status: { primary: 'translation-behind', behind: { missed: [{ version: 3 }] } },
    });
  });

  it('takes the date from FIELDBOOK_NOW when --now is not given', async () => {
    const { stdout } = await run(TSX, ['electron/cli/content.ts', 'review', FOLDER, '--json'], {
      env: { ...process.env, FIELDBOOK_NOW: '2027-05-29' },
    });
    expect(JSON.parse(stdout).today).toBe('2027-05-29');
  });

  it('refuses wrong arguments with exit 2 and says what to write', async () => {
    const cases: [string[], RegExp][] = [
      [['--fail-on', 'stale'], /--fail-on takes overdue or due-soon, not "stale"/],
      [['--now', '2027-02-30'], /--now: "2027-02-30" is not a real date/],
      [['--now', 'tomorrow'], /--now takes a calendar date written YYYY-MM-DD/],
      [['--due-soon-days', '0'], /--due-soon-days takes a whole number of days from 1 to 365/],
      [['--colour'], /Unknown option '--colour'/],
      [[FOLDER, 'content'], /review takes one folder, not 2/],
      [['no/such/folder'], /"no\/such\/folder" is not a folder/],
    ];
    const answers = await Promise.all(cases.map(([args]) => review(...args)));
    answers.forEach(({ code, stderr }, i) => {
      expect(code, cases[i]![0].join(' ')).toBe(2);
      expect(stderr).toMatch(cases[i]![1]);
    });
  });
});

describe('npm run content -- review mark', () => {
  it('marks a guide reviewed in the folder given, prints what it wrote, and exits 0; then its status is current', async () => {
    const { dir, remove } = await tempDir();
    try {
      await cp(FOLDER, dir, { recursive: true });
      const file = join(dir, 'guides/US/law-unreviewed/en.md');
      const before = await readFile(file, 'utf8');
      const marked = await review('mark', 'law-unreviewed', 'en', '--by', 'Test Legal Clinic', '--content-dir', dir, '--now', '2027-06-10');
      expect(marked.code).toBe(0);
      expect(marked.stdout).toContain(
        'reviewed by Test Legal Clinic on 2027-06-10; next review by 2027-12-10 (6 months, guidance on the law); version 1 unchanged.',
      );
      expect(await readFile(file, 'utf8')).not.toBe(before);
      const after = await review(dir, '--now', '2027-06-10', '--json');
      const guide = JSON.parse(after.stdout).guides.find((g: { id: string }) => g.id === 'law-unreviewed');
      expect(guide.status).toMatchObject({ primary: 'current', reviewBy: '2027-12-10' });
    } finally {
      await remove();
    }
  });

  it('exits 1 for an unknown guide and 2 without --by, writing nothing', async () => {
    const { dir, remove } = await tempDir();
    try {
      await cp(FOLDER, dir, { recursive: true });
      const file = join(dir, 'guides/US/law-unreviewed/en.md');
      const before = await readFile(file, 'utf8');
      const unknown = await review('mark', 'no-such-guide', 'en', '--by', 'Clinic', '--content-dir', dir);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('there is no guide "no-such-guide"');
      const noBy = await review('mark', 'law-unreviewed', 'en', '--content-dir', dir);
      expect(noBy.code).toBe(2);
      expect(noBy.stderr).toContain('--by NAME');
      expect(await readFile(file, 'utf8')).toBe(before);
    } finally {
      await remove();
    }
  });
});
