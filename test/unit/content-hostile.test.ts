import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../electron/core/content/load';
import { formatProblem } from '../../electron/core/content/problems';
import { BODY_LIMITS, parseHeading, splitBody } from '../../electron/core/content/sections';
import { guideView } from '../../electron/core/library';
import { reviewContext } from '../../electron/core/review/status';
import { aliasBomb, contentCopy, SAMPLE_BODY_LINE, sampleGuide } from '../support/content-folder';

/**
 * One hostile file in a content folder must not stop Fieldbook: each is refused with a problem on its path and line,
 * in time linear in its size, and the fixture's three valid guides still load. Every input is generated here, in a
 * temporary copy of test/fixtures/content. "Linear" is proven by finishing within the test timeout on inputs the
 * old code never finished (the timing figures are in `npm run bench:content`).
 */

// Read errors that root (which CI runs as) cannot cause with chmod are injected at the one call that reads a file.
const failures = vi.hoisted(() => new Map<string, string>());
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: string, ...rest: unknown[]) => {
    const code = [...failures].find(([suffix]) => String(path).endsWith(suffix))?.[1];
    if (code) throw Object.assign(new Error(`${code}: injected`), { code });
    return (actual.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof actual.readFileSync;
  return { ...actual, readFileSync, default: { ...actual, readFileSync } };
});

// In the order of the folder walk (names compared as a person sorts them: global before US).
const VALID = ['guides/global/sample-checklist/ar.md', 'guides/global/sample-checklist/en.md', 'guides/US/sample-rights/en.md'];

let folder: ReturnType<typeof contentCopy>;
afterEach(() => {
  failures.clear();
  folder?.remove();
});

async function load() {
  const catalog = await loadContent(folder.dir);
  return { catalog, lines: catalog.problems.map((problem) => formatProblem('', problem)) };
}

describe('headings in linear time', () => {
  it('reads a heading of "#", a space, "#" and 50,000 spaces (with or without more after) at once', () => {
    // The pattern this replaced took 7 s for 4,000 spaces followed by "x#", and grew with the cube of the length.
    expect(parseHeading(`# #${' '.repeat(50_000)}`)).toEqual({ level: 1, text: '' });
    expect(parseHeading(`# #${' '.repeat(50_000)}x#`)).toEqual({ level: 1, text: `#${' '.repeat(50_000)}x#` });
    expect(parseHeading('## Steps ##')).toEqual({ level: 2, text: 'Steps' });
    expect(parseHeading('   ### Indented')).toEqual({ level: 3, text: 'Indented' });
    expect(parseHeading('#hashtag')).toBeNull();
    expect(parseHeading('####### seven')).toBeNull();
  });

  it('refuses the guide with the 50,000-space heading on its line, and loads every other guide', async () => {
    folder = contentCopy();
    folder.guide('spaces', `Intro.\n\n# #${' '.repeat(50_000)}\n`);
    folder.guide('spaces-then-text', `# #${' '.repeat(50_000)}x#\n`);
    folder.guide('long-heading', `## ${'word '.repeat(100)}\n`);
    const { catalog, lines } = await load();
    expect(lines).toEqual([
      `guides/US/long-heading/en.md:${SAMPLE_BODY_LINE}: (body): this heading has 503 characters; the limit is 300: shorten it, and start body text on its own line`,
      `guides/US/spaces/en.md:${SAMPLE_BODY_LINE + 2}: (body): this heading has 50003 characters; the limit is 300: shorten it, and start body text on its own line`,
      `guides/US/spaces-then-text/en.md:${SAMPLE_BODY_LINE}: (body): this heading has 50005 characters; the limit is 300: shorten it, and start body text on its own line`,
    ]);
    expect(catalog.guides.map((guide) => guide.file)).toEqual(VALID);
    expect(catalog.invalid.map((entry) => entry.file)).toEqual([
      'guides/US/long-heading/en.md',
      'guides/US/spaces/en.md',
      'guides/US/spaces-then-text/en.md',
    ]);
  });

  it('splits a guide of 200,000 headings into at most 500 sections and counts the rest for the table of contents', async () => {
    const body = Array.from({ length: 200_000 }, (_, i) => `## Section ${i}\n\nText ${i}.`).join('\n\n');
    const split = splitBody(body, 'Many');
    expect(split.sections).toHaveLength(BODY_LIMITS.sections);
    expect(split.omitted).toBe(200_000 - BODY_LIMITS.sections);
    expect(split.sections.at(-1)!.heading).toBe(`Section ${BODY_LIMITS.sections - 1}`);

    // The same count of headings in a file under the 2 MB limit, loaded as the app loads it.
    folder = contentCopy();
    folder.guide('many-headings', Array.from({ length: 200_000 }, (_, i) => `# ${i}`).join('\n'));
    const { catalog, lines } = await load();
    expect(lines).toEqual([]);
    const guide = catalog.guides.find((g) => g.meta.id === 'many-headings')!;
    const view = guideView(catalog, guide, [], reviewContext({ now: () => new Date('2026-07-01'), fixed: true }));
    expect(view.sections).toHaveLength(BODY_LIMITS.sections);
    expect(view.omittedSections).toBe(200_000 - BODY_LIMITS.sections);
  });
});

describe('YAML that would stop the app', () => {
  it('refuses an alias bomb in a guide’s front matter on the line of its first alias, and loads the rest', async () => {
    folder = contentCopy();
    folder.write('guides/US/bomb/en.md', sampleGuide('bomb').replace('---\n', `---\n${aliasBomb()}`));
    const { catalog, lines } = await load();
    // Line 1 is "---", 2 "bomb:", 3 the anchor &a, 4 the first alias *a.
    expect(lines).toEqual([
      'guides/US/bomb/en.md:4: (yaml): aliases (*name) copy more than 20 values; write the values out instead of using & anchors and * aliases',
    ]);
    expect(catalog.guides.map((guide) => guide.file)).toEqual(VALID);
  });

  it('refuses an alias to an anchor that does not exist', async () => {
    folder = contentCopy();
    folder.write('guides/US/no-anchor/en.md', sampleGuide('no-anchor', undefined, { title: '*nowhere' }));
    const { catalog, lines } = await load();
    expect(lines).toEqual([
      'guides/US/no-anchor/en.md:3: (yaml): Unresolved alias (the anchor must be set before the alias): nowhere; write the value out, or define the & anchor before its * alias',
    ]);
    expect(catalog.guides.map((guide) => guide.file)).toEqual(VALID);
  });

  for (const list of ['jurisdictions.yaml', 'topics.yaml', 'languages.yaml']) {
    it(`reports an alias bomb in ${list} as a problem of that file, lists it for the problems view, and still loads every guide`, async () => {
      folder = contentCopy();
      folder.write(list, aliasBomb());
      const { catalog, lines } = await load();
      expect(lines).toEqual([
        `${list}:3: (yaml): aliases (*name) copy more than 20 values; write the values out instead of using & anchors and * aliases`,
      ]);
      expect(catalog.invalid).toEqual([{ file: list, problems: catalog.problems }]);
      // Nothing can be checked against a list that failed, so no guide is reported "unknown" because of it.
      expect(catalog.guides.map((guide) => guide.file)).toEqual(VALID);
    });
  }

  it('reports an invalid entry in a list file on its line', async () => {
    folder = contentCopy();
    folder.write('jurisdictions.yaml', '- code: global\n  names: { en: Everywhere }\n- code: US\n  parent: XX\n  names: { en: United States }\n');
    const { lines } = await load();
    expect(lines).toEqual(['jurisdictions.yaml:4: [1].parent: unknown parent "XX" of US; add the parent to the list or fix the code']);
  });

  it('reports a list entry that breaks the schema on its line, though the list is read by the fast reader', async () => {
    folder = contentCopy();
    folder.write('topics.yaml', '# Topics\n- id: fine\n  names: { en: Fine }\n- id: Not A Slug\n  names: { en: Bad }\n');
    const { lines } = await load();
    expect(lines.filter((line) => line.startsWith('topics.yaml'))).toEqual([expect.stringMatching(/^topics\.yaml:4: \[1\]\.id: /)]);
  });
});

describe('files that are not what they seem', () => {
  it('reports a symbolic link, to a guide or as a list file, instead of skipping or following it', async () => {
    folder = contentCopy();
    mkdirSync(join(folder.dir, 'guides', 'US', 'linked'), { recursive: true });
    symlinkSync(join(folder.dir, 'guides', 'US', 'sample-rights', 'en.md'), join(folder.dir, 'guides', 'US', 'linked', 'en.md'));
    symlinkSync('/etc', join(folder.dir, 'guides', 'etc'));
    rmSync(join(folder.dir, 'languages.yaml'));
    symlinkSync(join(import.meta.dirname, '..', 'fixtures', 'content', 'languages.yaml'), join(folder.dir, 'languages.yaml'));
    const { catalog, lines } = await load();
    expect(lines).toEqual([
      'languages.yaml:1: (file): symbolic links are not followed: replace it with the file',
      'guides/etc:1: (file): symbolic links are not followed: replace it with the file',
      'guides/US/linked/en.md:1: (file): symbolic links are not followed: replace it with the file',
    ]);
    expect(catalog.guides.map((guide) => guide.file)).toEqual(VALID);
    expect(catalog.invalid.map((entry) => entry.file)).toEqual(['languages.yaml', 'guides/etc', 'guides/US/linked/en.md']);
  });

  it('says what happened when a file cannot be read, instead of "missing"', async () => {
    folder = contentCopy();
    rmSync(join(folder.dir, 'topics.yaml'));
    mkdirSync(join(folder.dir, 'topics.yaml'));
    execFileSync('mkfifo', [join(folder.dir, 'guides', 'US', 'pipe.md')]);
    folder.guide('unreadable');
    folder.guide('bad-disk');
    failures.set(join('unreadable', 'en.md'), 'EACCES');
    failures.set(join('bad-disk', 'en.md'), 'EIO');
    failures.set('jurisdictions.yaml', 'EACCES');
    const { catalog, lines } = await load();
    expect(lines).toEqual([
      'jurisdictions.yaml:1: (file): permission denied (EACCES): Fieldbook may not read it; make it readable for your user, or copy it again',
      'topics.yaml:1: (file): this is a folder where a file belongs; replace it with the file',
      'guides/US/bad-disk/en.md:1: (file): the disk reported an error while reading it (EIO); copy it again from a good copy and check the disk',
      'guides/US/pipe.md:1: (file): this is not a regular file (a pipe, socket or device); replace it with the file',
      'guides/US/unreadable/en.md:1: (file): permission denied (EACCES): Fieldbook may not read it; make it readable for your user, or copy it again',
    ]);
    expect(catalog.guides.map((guide) => guide.file)).toEqual(VALID);
  });

  it('still says "missing" for a list file that is not there', async () => {
    folder = contentCopy();
    rmSync(join(folder.dir, 'topics.yaml'));
    const { lines } = await load();
    expect(lines).toEqual(['topics.yaml:1: (file): missing: create topics.yaml as content/README.md describes']);
  });

  it('lists at most 20 problems of one file, then says how many more there are', async () => {
    folder = contentCopy();
    folder.guide('many-long-lines', Array.from({ length: 300 }, () => `# ${'x'.repeat(BODY_LIMITS.headingLength)}`).join('\n'));
    const { catalog, lines } = await load();
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toMatch(
      /^guides\/US\/many-long-lines\/en\.md:\d+: \(file\): 280 more problem\(s\) in this file are not listed; fix these and check again$/,
    );
    expect(catalog.guides.map((guide) => guide.file)).toEqual(VALID);
  });
});
