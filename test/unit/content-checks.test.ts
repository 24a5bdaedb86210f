import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/load';
import { formatProblem } from '../../electron/core/content/problems';
import { addMonths, contentWarnings } from '../../electron/core/content/warnings';
import { openFieldbook } from '../../electron/core/fieldbook';
import { contentCopy, SAMPLE_BODY_LINE, sampleGuide } from '../support/content-folder';
import { fixedClock } from '../support/in-process';
import { tempDir } from '../support/temp';

const run = promisify(execFile);
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'electron/cli/content.ts', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

let folder: ReturnType<typeof contentCopy> | undefined;
afterEach(() => {
  folder?.remove();
  folder = undefined;
});

const lines = (problems: Parameters<typeof formatProblem>[1][]) => problems.map((problem) => formatProblem('', problem));

describe('warnings: mistakes in guides that still load', () => {
  it('adds months within the month', () => {
    expect(addMonths('2026-06-01', 6)).toBe('2026-12-01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-28', 12)).toBe('2027-11-28');
  });

  it('warns on http:// links, on a review_by beyond its interval or before updated, and on updated in the future', async () => {
    folder = contentCopy();
    // The sample is legal guidance (US, demonstrations): six months. Line numbers count from its body's first line.
    folder.guide('plain-links', 'See <http://example.org/a> and [this](http://example.org/b).\n\n```\nhttp://example.org/in-code\n```\n');
    folder.guide('late-review', undefined, { review_by: '2026-12-02' });
    folder.guide('future', undefined, { updated: '2026-12-02', date: '2026-12-02', review_by: '2027-06-01' });
    folder.guide('review-before-update', undefined, { review_by: '2026-05-31' });
    folder.write(
      'guides/global/security-late/en.md',
      sampleGuide('security-late', undefined, { jurisdiction: 'global', topics: '[devices]', review_by: '2027-06-02' }),
    );
    folder.write(
      'guides/global/security-ok/en.md',
      sampleGuide('security-ok', undefined, { jurisdiction: 'global', topics: '[devices]', review_by: '2027-06-01' }),
    );
    const catalog = await loadContent(folder.dir);
    expect(catalog.problems).toEqual([]);
    expect(lines(contentWarnings(catalog, '2026-12-01'))).toEqual([
      'guides/global/security-late/en.md:17: warning: review.review_by: 2027-06-02 is more than 12 months after updated (2026-06-01): security advice is reviewed within 12 months (content/README.md, "Review intervals"); set it to 2027-06-01 or earlier',
      'guides/US/future/en.md:9: warning: updated: 2026-12-02 is after today (2026-12-01); use the date this version was written',
      'guides/US/late-review/en.md:17: warning: review.review_by: 2026-12-02 is more than 6 months after updated (2026-06-01): guidance on the law is reviewed within 6 months (content/README.md, "Review intervals"); set it to 2026-12-01 or earlier',
      `guides/US/plain-links/en.md:${SAMPLE_BODY_LINE}: warning: (body): "http://example.org/a" is not encrypted, and Fieldbook does not open http:// links; use its https:// address`,
      `guides/US/plain-links/en.md:${SAMPLE_BODY_LINE}: warning: (body): "http://example.org/b" is not encrypted, and Fieldbook does not open http:// links; use its https:// address`,
      'guides/US/review-before-update/en.md:17: warning: review.review_by: 2026-05-31 is before updated (2026-06-01); set it to a date after this version, within its review interval',
    ]);
    // The same guides a day later: "future" is no longer in the future.
    expect(lines(contentWarnings(catalog, '2026-12-02')).filter((line) => line.includes('after today'))).toEqual([]);
  });

  it('validate prints warnings apart from errors, exits 0 for warnings only and 1 with --strict; --now sets "today"', async () => {
    folder = contentCopy();
    folder.guide('future', undefined, { updated: '2026-12-02', date: '2026-12-02', review_by: '2027-06-01' });
    // The command names files relative to where it runs, whatever the depth of that folder.
    const warning = `${relative(process.cwd(), join(folder.dir, 'guides/US/future/en.md'))}:9: warning: updated: 2026-12-02 is after today (2026-12-01); use the date this version was written`;
    const plain = await cli('validate', folder.dir, '--now', '2026-12-01');
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n')).toEqual([warning, '']);
    expect(plain.stderr).toMatch(/0 error\(s\) in 0 file\(s\), 1 warning\(s\); 4 guides are valid\. Warnings do not fail the check/);
    const strict = await cli('validate', folder.dir, '--now', '2026-12-01', '--strict');
    expect(strict.code).toBe(1);
    const later = await cli('validate', folder.dir, '--now', '2026-12-02');
    expect(later).toMatchObject({ code: 0, stdout: '' });
    const wrong = await cli('validate', folder.dir, '--now', 'tomorrow');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--now takes a calendar date written YYYY-MM-DD/);
  });

  it('the bundled content has no errors and no warnings today', async () => {
    const result = await cli('validate', '--strict');
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('one invalid file does not cause misleading problems in others', () => {
  it('a translation of a guide that failed to parse says its source is broken, and still loads', async () => {
    folder = contentCopy();
    folder.write('guides/global/sample-checklist/en.md', '---\ntitle: "unclosed\n---\nBody\n');
    const catalog = await loadContent(folder.dir);
    expect(lines(catalog.problems)).toEqual([
      'guides/global/sample-checklist/ar.md:27: warning: translation_of.lang: its source guides/global/sample-checklist/en.md could not be loaded (see its own problems), so this translation was not checked against it',
      'guides/global/sample-checklist/en.md:3: (yaml): Missing closing "quote; close the quote or bracket (the problem may start on an earlier line)',
    ]);
    expect(catalog.guides.map((guide) => guide.file)).toEqual(['guides/global/sample-checklist/ar.md', 'guides/US/sample-rights/en.md']);
    expect(catalog.invalid.map((entry) => entry.file)).toEqual(['guides/global/sample-checklist/en.md']);
  });

  it('a link to a guide that failed to parse names that file, rather than an unknown guide', async () => {
    folder = contentCopy();
    folder.guide('broken', undefined, { version: 'two' });
    folder.guide('linking', 'Read [the other guide](guide:broken#steps).\n');
    const catalog = await loadContent(folder.dir);
    expect(lines(catalog.problems)).toEqual([
      'guides/US/broken/en.md:8: version: must be a number, not text',
      `guides/US/linking/en.md:${SAMPLE_BODY_LINE}: warning: (body): link to "guide:broken", whose file guides/US/broken/en.md could not be loaded (see its own problems); fix that file`,
    ]);
    expect(catalog.guides.map((guide) => guide.meta.id)).toContain('linking');
  });

  it('a broken topics.yaml is reported once, not as an unknown topic in every guide', async () => {
    folder = contentCopy();
    folder.write('topics.yaml', '- id: devices\n  names: { en: "Devices }\n');
    const catalog = await loadContent(folder.dir);
    expect(lines(catalog.problems)).toEqual([
      'topics.yaml:3: (yaml): Missing closing "quote; close the quote or bracket (the problem may start on an earlier line)',
    ]);
    expect(catalog.guides).toHaveLength(3);
  });

  it('prints a YAML mistake once, even where the parser finds several errors on its line', async () => {
    folder = contentCopy();
    folder.guide('colons', undefined, { summary: 'one: two: three' });
    const catalog = await loadContent(folder.dir);
    expect(lines(catalog.problems)).toEqual([
      'guides/US/colons/en.md:4: (yaml): Nested mappings are not allowed in compact mappings; put the value in quotes when it contains ": "',
    ]);
    const result = await cli('validate', folder.dir);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('validating part of a content folder', () => {
  it('checks a subfolder of the bundled content against the whole folder', async () => {
    const result = await cli('validate', 'content/guides/FR');
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/^\d+ guides checked in guides\/FR: no problems\.$/m);
    const count = Number(/^(\d+) guides/m.exec(result.stderr)![1]);
    expect(count).toBeGreaterThan(0);
    const whole = await loadContent('content');
    expect(count).toBe(whole.guides.filter((guide) => guide.file.startsWith('guides/FR/')).length);
  });

  it('prints only the problems inside the subfolder', async () => {
    folder = contentCopy();
    folder.guide('broken', undefined, { version: 'two' });
    folder.write('guides/global/other/en.md', '---\nid: [\n---\n');
    const result = await cli('validate', join(folder.dir, 'guides', 'US'));
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([expect.stringMatching(/guides\/US\/broken\/en\.md:8: version: must be a number, not text$/)]);
  });

  it('checks a folder of guides with no jurisdictions.yaml against the bundled lists and guides', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-partner-'));
    try {
      cpSync('content/guides/FR', join(dir, 'guides', 'FR'), { recursive: true });
      for (const target of [dir, join(dir, 'guides'), join(dir, 'guides', 'FR')]) {
        const result = await cli('validate', target);
        expect(result, target).toMatchObject({ code: 0, stdout: '' });
        expect(result.stderr).toMatch(/No jurisdictions\.yaml beside .*: checking against the bundled lists\./);
        expect(result.stderr).toMatch(/guides checked.*: no problems\./);
      }
      const lost = await cli('validate', tmpdir());
      expect(lost.code).toBe(2);
      expect(lost.stderr).toMatch(/holds no guides\/ folder and is inside none/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('content changed while Fieldbook runs', () => {
  it('reloads the library and search after a guide is added, changed and broken', async () => {
    folder = contentCopy();
    const data = await tempDir();
    const fieldbook = await openFieldbook({
      contentDir: folder.dir,
      dataDir: data.dir,
      clock: fixedClock('2026-07-01'),
      version: '0.0.0-test',
      mode: 'browser',
      log: () => undefined,
      watchContent: true,
    });
    const changed = () => new Promise((resolve) => fieldbook.on('content-changed', resolve));
    try {
      await fieldbook.search.ready();
      expect(await fieldbook.handlers['search.query']({ q: 'zanzibar' })).toEqual([]);

      let next = changed();
      folder.guide('added-later', '## Zanzibar\n\nA word no other guide has.\n', { title: 'Added later' });
      expect(await next).toEqual({ revision: 1, reason: 'folder-changed', guides: 4, invalid: 0 });
      const library = await fieldbook.handlers['library.list']({});
      expect(library.guides.map((card) => card.id)).toContain('added-later');
      expect((await fieldbook.handlers['search.query']({ q: 'zanzibar' })).map((hit) => hit.id)).toEqual(['added-later']);

      next = changed();
      folder.guide('added-later', '## Zanzibar\n\nA word no other guide has.\n', { title: 'Renamed while running' });
      await next;
      expect((await fieldbook.handlers['guide.get']({ id: 'added-later' })).title).toBe('Renamed while running');

      next = changed();
      folder.guide('added-later', undefined, { version: 'two' });
      expect(await next).toMatchObject({ guides: 3, invalid: 1 });
      expect((await fieldbook.handlers['library.list']({})).invalid.map((entry) => entry.file)).toEqual(['guides/US/added-later/en.md']);
      expect(await fieldbook.handlers['search.query']({ q: 'zanzibar' })).toEqual([]);
    } finally {
      fieldbook.close();
      await data.remove();
    }
  });
});
