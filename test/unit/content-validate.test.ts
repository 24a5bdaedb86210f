import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/load';
import { formatProblem } from '../../electron/core/content/problems';

const run = promisify(execFile);
const FIXTURES = 'test/fixtures/problems';

/**
 * One fixture folder per kind of problem. Each holds the same valid guide (guides/global/valid-guide/en.md) beside
 * the broken file, so every case also proves that one bad file does not keep the good ones out.
 */
const CASES: Record<string, string[]> = {
  'bad-yaml': [
    'guides/global/bad-yaml/en.md:3: (yaml): Nested mappings are not allowed in compact mappings; put the value in quotes when it contains ": "',
  ],
  'schema-field': ['guides/global/schema-field/en.md:8: version: must be a number, not text'],
  'impossible-date': ['guides/global/impossible-date/en.md:9: updated: must be a real date written YYYY-MM-DD'],
  'unknown-jurisdiction': [
    'guides/XX/unknown-jurisdiction/en.md:5: jurisdiction: unknown jurisdiction "XX"; add it to jurisdictions.yaml or fix the code',
  ],
  'unknown-language': ['guides/global/unknown-language/xx.md:6: lang: unknown language "xx"; add it to languages.yaml or fix the tag'],
  'unknown-topic': ['guides/global/unknown-topic/en.md:7: topics[1]: unknown topic "cooking"; use one from topics.yaml'],
  'translation-missing-guide': [
    'guides/global/valid-guide/fr.md:26: translation_of.lang: no "ar" version of "valid-guide" to translate from; add it or fix translation_of.lang',
  ],
  'translation-missing-version': [
    'guides/global/valid-guide/fr.md:27: translation_of.version: source "guides/global/valid-guide/en.md" has no version 5 (it is at version 2)',
  ],
  'broken-guide-link': [
    'guides/global/broken-guide-link/en.md:33: (body): link to unknown guide "guide:no-such-guide"; fix the id or remove the link',
  ],
  'broken-section-anchor': [
    // Line 33 links to an anchor that exists; only line 34's is broken.
    `guides/global/broken-section-anchor/en.md:34: (body): link to "guide:valid-guide#last-steps": no section with that anchor; use a heading's anchor (content/README.md)`,
  ],
  'missing-sources': ['guides/global/missing-sources/en.md:21: sources: cite at least one source'],
  'duplicate-id': [
    'guides/US/valid-guide/en.md:2: id: duplicate id "valid-guide" in language "en": guides/global/valid-guide/en.md has it too; give one of them a new id',
  ],
  'id-folder-mismatch': ['guides/global/folder-name/en.md:2: id: "other-name" must match its folder "folder-name"'],
  'no-front-matter': ['guides/global/no-front-matter/en.md:1: (front matter): the file must start with YAML front matter between two "---" lines'],
};

describe('content checks, one fixture per kind of problem', () => {
  for (const [kind, expected] of Object.entries(CASES)) {
    it(`${kind}: prints path:line: field: message and still loads the valid guide`, async () => {
      const dir = join(FIXTURES, kind);
      const catalog = await loadContent(dir);
      expect(catalog.problems.map((problem) => formatProblem(dir, problem))).toEqual(expected.map((line) => `${dir}/${line}`));
      expect(catalog.guides.map((guide) => guide.file)).toEqual(['guides/global/valid-guide/en.md']);
      // The maintainer view lists the file that was left out, with the same problems.
      const file = expected[0]!.split(':')[0];
      expect(catalog.invalid).toEqual([{ file, problems: catalog.problems }]);
    });
  }
});

describe('the bundled content', () => {
  it('validates with no problems, and every guide loads', async () => {
    const catalog = await loadContent('content');
    expect(catalog.problems.map((problem) => formatProblem('content', problem))).toEqual([]);
    expect(catalog.guides.length).toBeGreaterThanOrEqual(60);
  });

  it('keeps earlier versions under content/history, each older than the guide it came from, and never loads them', async () => {
    const catalog = await loadContent('content');
    expect(catalog.guides.some((guide) => !guide.file.startsWith('guides/'))).toBe(false);
    const current = new Map(catalog.guides.map((guide) => [`${guide.meta.jurisdiction}/${guide.meta.id}/${guide.meta.lang}`, guide.meta.version]));
    const saved = (await readdir('content/history', { recursive: true })).filter((name) => name.endsWith('.md'));
    expect(saved.length).toBeGreaterThan(0);
    for (const name of saved) {
      const match = /^([^/]+)\/([^/]+)\/([^/]+)\.v(\d+)\.md$/.exec(name.split(sep).join('/'));
      expect(match, `${name} must be <JURISDICTION>/<guide-id>/<lang>.v<N>.md`).not.toBeNull();
      const [, jurisdiction, id, lang, version] = match!;
      const text = await readFile(join('content/history', name), 'utf8');
      expect(text, `${name} must hold version ${version}`).toMatch(new RegExp(`^version: ${version}$`, 'm'));
      expect(current.get(`${jurisdiction}/${id}/${lang}`), `${name}: the current guide must be newer`).toBeGreaterThan(Number(version));
    }
  });
});

describe('npm run content -- validate (the real command line)', () => {
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'electron/cli/content.ts', ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('exits 1 and prints each problem on its own line when a folder has problems', async () => {
    const result = await cli('validate', join(FIXTURES, 'unknown-topic'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${FIXTURES}/unknown-topic/${CASES['unknown-topic']![0]}\n`);
    expect(result.stderr).toMatch(/1 error\(s\) in 1 file\(s\), 0 warning\(s\); 1 guides are valid/);
  });

  it('exits 0 for a folder with no problems', async () => {
    const result = await cli('validate', 'test/fixtures/content');
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/guides checked: no problems/);
  });

  it('exits 2 with a clear message for a folder that does not exist, extra arguments or an unknown command', async () => {
    const missing = await cli('validate', 'no/such/folder');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/"no\/such\/folder" is not a folder; give the path to a content folder/);
    const extra = await cli('validate', 'content', 'more');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/validate takes one folder, not 2/);
    const unknown = await cli('check');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "check"/);
    expect(unknown.stderr).toMatch(/Usage: npm run content/);
  });
});
