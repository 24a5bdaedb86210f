import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyLine, fieldLine } from '../../electron/core/content/guide-file';
import { contentSnapshot, loadContent } from '../../electron/core/content/load';
import type { Catalog } from '../../electron/core/content/model';
import { SNAPSHOT_FILE, snapshotKey } from '../../electron/core/content/snapshot';
import { tempDir } from '../support/temp';

/**
 * The content snapshot (content/snapshot.ts) lets the app open its bundled content without reading every guide
 * again: it must give exactly what reading the folder gives, and be used for nothing else.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A copy of a content folder that a test may change, and where its snapshot goes. */
async function copyOf(folder: string): Promise<{ dir: string; file: string }> {
  const { dir, remove } = await tempDir('fieldbook-snapshot-');
  cleanups.push(remove);
  await cp(folder, join(dir, 'content'), { recursive: true });
  return { dir: join(dir, 'content'), file: join(dir, SNAPSHOT_FILE) };
}

/** Everything a load gives that a person or a later check can see, sections' text and fields' lines included. */
function seen(catalog: Catalog) {
  return {
    ...catalog,
    guides: catalog.guides.map((guide) => ({
      ...guide,
      sections: guide.sections.map(({ anchor, heading, level, markdown, text }) => ({ anchor, heading, level, markdown, text })),
      lines: { body: bodyLine(guide), title: fieldLine(guide, ['title']), reviewBy: fieldLine(guide, ['review', 'review_by']) },
    })),
  };
}

const PROBLEM_FOLDERS = (await readdir('test/fixtures/problems')).map((name) => `test/fixtures/problems/${name}`);

describe('the content snapshot', () => {
  it.each(['content', 'test/fixtures/content', 'test/fixtures/hostile', ...PROBLEM_FOLDERS])(
    'gives exactly what reading %s gives: guides, sections, problems and lines',
    async (folder) => {
      const { dir, file } = await copyOf(folder);
      const { catalog, snapshot } = await contentSnapshot(dir);
      expect(snapshot).not.toBeNull();
      await writeFile(file, snapshot!);
      const read: string[] = [];
      const fromSnapshot = await loadContent(dir, { snapshot: file, onRead: (path) => read.push(path) });
      expect(seen(fromSnapshot)).toStrictEqual(seen(catalog));
      // The bundled check digests the bytes the load read: they are reported from a snapshot too.
      const guideFiles = catalog.guides.map((guide) => guide.file);
      expect(read.filter((path) => guideFiles.includes(path)).sort()).toEqual([...guideFiles].sort());
    },
  );

  it('is taken only for the very bytes and rules it was made of', async () => {
    const { dir, file } = await copyOf('content');
    const { snapshot } = await contentSnapshot(dir);
    // A snapshot whose key matches is taken as it stands (here, one altered on purpose)…
    const altered = JSON.parse(snapshot!);
    const guide = altered.guides[0];
    guide.meta.title = 'Altered in the snapshot';
    await writeFile(file, JSON.stringify(altered));
    const taken = await loadContent(dir, { snapshot: file });
    expect(taken.guides.find((g) => g.file === guide.file)?.meta.title).toBe('Altered in the snapshot');

    // …and one byte changed in any guide file makes it count for nothing: the folder is read in full.
    const other = join(dir, altered.guides.at(-1).file);
    await writeFile(other, `${await readFile(other, 'utf8')}\n`);
    const read = await loadContent(dir, { snapshot: file });
    expect(read).toStrictEqual(await loadContent(dir));
    expect(read.guides.find((g) => g.file === guide.file)?.meta.title).not.toBe('Altered in the snapshot');

    // Other rules (another version of the loader or its libraries) give another key.
    const files = [{ file: 'guides/x.md', bytes: Buffer.from('same bytes') }];
    expect(snapshotKey('rules-a', files)).not.toBe(snapshotKey('rules-b', files));
  });

  it('is ignored when damaged or of another format, and the folder is read in full', async () => {
    const { dir, file } = await copyOf('test/fixtures/content');
    const { catalog, snapshot } = await contentSnapshot(dir);
    const other = { ...JSON.parse(snapshot!), format: 99 };
    for (const text of [snapshot!.slice(0, snapshot!.length / 2), JSON.stringify(other), 'null', '[]', '{"format":1,"key":"x"}']) {
      await writeFile(file, text);
      expect(seen(await loadContent(dir, { snapshot: file }))).toStrictEqual(seen(catalog));
    }
    // No snapshot file at all: the same.
    expect(seen(await loadContent(dir, { snapshot: join(dir, 'none.json') }))).toStrictEqual(seen(catalog));
  });
});
