import { cp, lstat, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldbookError } from '../../electron/api/errors';
import { loadContent } from '../../electron/core/content/load';
import { markReviewed, planMark } from '../../electron/core/review/mark';
import { tempDir } from '../support/temp';

/** "Mark reviewed" in the core: the three review fields change, by the subject's interval, and nothing else. */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'review');
const LAW = 'guides/US/law-unreviewed/en.md';
const SECURITY = 'guides/global/sec-overdue/en.md';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await tempDir());
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(() => remove());

const text = (file: string) => readFile(join(dir, file), 'utf8');

/** The lines of `after` that differ from `before` (same line count: a mark only replaces values). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, index) => line !== a[index]);
}

async function refusal(promise: Promise<unknown>): Promise<FieldbookError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldbookError);
  return error as FieldbookError;
}

describe('review mark', () => {
  it('records who and today, sets the next review six months on for guidance on the law, and keeps the version', async () => {
    const before = await text(LAW);
    const mark = await markReviewed({ contentDir: dir, id: 'law-unreviewed', lang: 'en', by: 'Clínica Legal "Norte"', today: '2027-02-10' });
    expect(mark).toMatchObject({
      file: LAW,
      version: 1,
      reviewedBy: 'Clínica Legal "Norte"',
      reviewedOn: '2027-02-10',
      reviewBy: '2027-08-10',
      months: 6,
      legal: true,
    });
    const after = await text(LAW);
    expect(changedLines(before, after).map((line) => line.trim())).toEqual([
      'reviewed_by: Clínica Legal "Norte"',
      'reviewed_on: 2027-02-10',
      'review_by: 2027-08-10',
    ]);
    const catalog = await loadContent(dir);
    expect(catalog.problems.filter((p) => p.file === LAW)).toEqual([]);
    const guide = catalog.guides.find((g) => g.file === LAW)!;
    expect(guide.meta.version).toBe(1);
    expect(guide.meta.changelog).toHaveLength(1);
    expect(guide.meta.review).toEqual({ reviewed_by: 'Clínica Legal "Norte"', reviewed_on: '2027-02-10', review_by: '2027-08-10' });
  });

  it('gives security advice twelve months, and keeps a month-end date within the month', async () => {
    const mark = await markReviewed({ contentDir: dir, id: 'sec-overdue', lang: 'en', by: 'Test Security Trainers', today: '2027-08-31' });
    expect(mark).toMatchObject({ months: 12, legal: false, reviewBy: '2028-08-31' });
    const law = await markReviewed({ contentDir: dir, id: 'law-unreviewed', lang: 'en', by: 'Clinic', today: '2027-08-31' });
    expect(law.reviewBy).toBe('2028-02-29');
    expect((await loadContent(dir)).guides.find((g) => g.file === SECURITY)!.meta.review.review_by).toBe('2028-08-31');
  });

  it('a plan writes nothing', async () => {
    const before = await text(LAW);
    const { mark } = await planMark({ contentDir: dir, id: 'law-unreviewed', lang: 'en', by: 'Clinic', today: '2027-02-10' });
    expect(mark.reviewBy).toBe('2027-08-10');
    expect(await text(LAW)).toBe(before);
  });

  it('refuses an unknown guide or language, naming what exists, and writes nothing', async () => {
    const unknown = await refusal(markReviewed({ contentDir: dir, id: 'no-such-guide', lang: 'en', by: 'Clinic', today: '2027-02-10' }));
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toContain('there is no guide "no-such-guide"');
    const lang = await refusal(markReviewed({ contentDir: dir, id: 'sec-guide', lang: 'de', by: 'Clinic', today: '2027-02-10' }));
    expect(lang.message).toMatch(/has no "de" version .*\(it has .*en/);
    const outside = await refusal(markReviewed({ contentDir: dir, id: '../../etc', lang: 'en', by: 'Clinic', today: '2027-02-10' }));
    expect(outside).toMatchObject({ code: 'bad-input', message: expect.stringContaining('is not a guide id') });
    const blank = await refusal(markReviewed({ contentDir: dir, id: 'law-unreviewed', lang: 'en', by: '  ', today: '2027-02-10' }));
    expect(blank.code).toBe('bad-input');
  });

  it('refuses a guide file that is a link, and leaves the link as it was', async () => {
    const file = join(dir, LAW);
    const target = join(dir, 'elsewhere.md');
    await writeFile(target, await text(LAW));
    await rm(file);
    await symlink(target, file);
    const error = await refusal(markReviewed({ contentDir: dir, id: 'law-unreviewed', lang: 'en', by: 'Clinic', today: '2027-02-10' }));
    expect(error.message).toContain('is not a plain file');
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
  });

  it('refuses to mark a guide that does not pass the content rules now, says to validate it, and leaves it as it was', async () => {
    const file = join(dir, LAW);
    const before = (await text(LAW)).replace('licence: CC-BY-SA-4.0', 'licence: CC-BY-SA-4.0\nunknown_field: true');
    await writeFile(file, before);
    const error = await refusal(markReviewed({ contentDir: dir, id: 'law-unreviewed', lang: 'en', by: 'Clinic', today: '2027-02-10' }));
    expect(error.code).toBe('bad-input');
    expect(error.message).toMatch(/^review mark: guides\/US\/law-unreviewed\/en\.md:\d+: .*unknown_field.*the file was not changed/);
    expect(error.message).toContain('npm run content -- validate');
    expect(await text(LAW)).toBe(before);
  });
});
