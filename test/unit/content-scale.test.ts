import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/load';
import { generatedContent } from '../support/generated-content';

/**
 * Content at scale: a generated folder of 2,000 guide files (copies of the bundled guides, so of real sizes,
 * languages and jurisdictions). The heap is measured in a fresh Node process with a full collection before and
 * after loading; the ratio was 5.7 heap bytes per character of text while every parsed front-matter document was
 * kept for line numbers, and 3.3 while each section's plain text, and the front matter's text twice over, were kept
 * beside the body. `npm run bench:content` reports the same figure at 10,000 guides.
 */
const GUIDES = 2000;
const folder = generatedContent(GUIDES, 7);
afterAll(() => folder.remove());

const lineOf = (text: string, pattern: RegExp) => text.split('\n').findIndex((line) => pattern.test(line)) + 1;

describe('a folder of 2,000 guides', () => {
  it('loads every guide, holding at most 2 bytes of heap per character of text', () => {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, '..', 'support', 'content-heap.ts'), folder.dir],
      {
        encoding: 'utf8',
      },
    );
    const { heapBytes, guides, problems } = JSON.parse(out) as { heapBytes: number; guides: number; problems: number };
    expect({ guides, problems }).toEqual({ guides: GUIDES, problems: 0 });
    expect(heapBytes / folder.textChars).toBeLessThanOrEqual(2);
  }, 120_000);

  it('lets other work run while it reads the files, as the host serves the page during a launch', async () => {
    // Files are read synchronously for speed; the loader must still hand the event loop its turns between them.
    let turns = 0;
    let loaded = false;
    const tick = () => {
      if (loaded) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const catalog = await loadContent(folder.dir);
    loaded = true;
    expect(catalog.guides).toHaveLength(GUIDES);
    expect(turns).toBeGreaterThan(10);
  }, 120_000);

  it('still names the right line for a problem found after loading, in each file that has one', async () => {
    const catalog = await loadContent(folder.dir);
    const [first, second] = catalog.guides.filter((guide) => !guide.meta.translation_of).slice(-2);
    const firstPath = join(folder.dir, first!.file);
    const secondPath = join(folder.dir, second!.file);
    // Unknown codes are found by the checks across guides, after every file is parsed and put away.
    const firstText = readFileSync(firstPath, 'utf8').replace(/^topics: \[(.*)\]$/m, 'topics:\n  - $1\n  - no-such-topic');
    writeFileSync(firstPath, firstText);
    const secondText = readFileSync(secondPath, 'utf8').replace(/^jurisdiction: .*$/m, 'jurisdiction: XX');
    writeFileSync(secondPath, secondText);

    const broken = await loadContent(folder.dir);
    expect(broken.guides).toHaveLength(GUIDES - 2);
    expect(broken.problems.filter((problem) => problem.file === first!.file)).toEqual([
      expect.objectContaining({ field: `topics[${first!.meta.topics.length}]`, line: lineOf(firstText, /^ {2}- no-such-topic$/) }),
    ]);
    expect(broken.problems.filter((problem) => problem.file === second!.file)).toEqual([
      expect.objectContaining({ field: 'jurisdiction', line: lineOf(secondText, /^jurisdiction: XX$/) }),
    ]);
  }, 120_000);
});
