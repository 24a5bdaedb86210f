import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../electron/core/content/model';
import { MAX_DIFF_BYTES, wordDiff } from '../../electron/core/history/diff';
import { historyHandlers } from '../../electron/core/history/handlers';
import { MAX_LAST_READ, recordRead } from '../../electron/core/history/last-read';
import { sha256 } from '../../electron/core/packs/manifest';
import { openPacks } from '../../electron/core/packs/service';
import { openUserData, type UserData } from '../../electron/core/store/user-data';
import { bundledFile, bundledVersion, CONTENT, makePack, makeWorld, NOW, nextVersion, removeWorld, SPANISH_GUIDE } from '../support/packs';

const V = bundledVersion(SPANISH_GUIDE);
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.reverse()) await done();
  cleanup = [];
});

async function history() {
  const world = await makeWorld();
  const packs = await openPacks({ contentDir: CONTENT, keysDir: world.keysDir, dataDir: world.dataDir, now: () => NOW });
  const store = await openUserData(world.dataDir, () => NOW);
  cleanup.push(
    () => removeWorld(world.dir),
    () => store.close(),
  );
  let catalog: Catalog = await packs.catalog();
  const handlers = historyHandlers({ contentDir: CONTENT, catalog: () => catalog, packs, store });
  const refresh = async () => {
    catalog = await packs.catalog();
  };
  return { world, packs, store, handlers, refresh };
}

describe('guide.versions', () => {
  it('lists the bundled current version and the kept earlier one, each with its changelog entry and source', async () => {
    const { handlers } = await history();
    const versions = await handlers['guide.versions']({ id: 'es-recording-police', lang: 'es' });
    expect(versions.map((v) => [v.version, v.source, v.current])).toEqual([
      [2, 'bundled', true],
      [1, 'history', false],
    ]);
    expect(versions[0]!.changes).toMatch(/Ley Orgánica 4\/2015/);
    expect(versions[1]).toMatchObject({ changes: 'Primera versión.' });
    expect(versions[1]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('adds the version a signed pack installed, and keeps reading the bundled ones after it', async () => {
    const { world, packs, handlers, refresh } = await history();
    const updated = nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Párrafo nuevo de la clínica.');
    await packs.apply(await makePack(world.keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(updated) }]));
    await refresh();
    const versions = await handlers['guide.versions']({ id: 'es-recording-police', lang: 'es' });
    expect(versions.map((v) => [v.version, v.source, v.current])).toEqual([
      [V + 1, 'pack', true],
      [V, 'bundled', false],
      [V - 1, 'history', false],
    ]);
    expect(versions[0]!.changes).toBe('Test change.');
    const text = await handlers['guide.version']({ id: 'es-recording-police', lang: 'es', version: V + 1 });
    expect(text).toMatchObject({ version: V + 1, latest: V + 1, source: 'pack' });
    expect(text.body).toContain('Párrafo nuevo de la clínica.');
    const diff = await handlers['guide.diff']({ id: 'es-recording-police', lang: 'es', from: V, to: V + 1 });
    expect(
      diff.parts
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('Párrafo nuevo de la clínica.');
    expect(diff.parts.some((p) => p.kind === 'removed')).toBe(false);
  });

  it('an earlier version reads as Markdown without front matter, and a missing one names the versions kept', async () => {
    const { handlers } = await history();
    const v1 = await handlers['guide.version']({ id: 'es-recording-police', lang: 'es', version: 1 });
    expect(v1).toMatchObject({ version: 1, latest: 2, source: 'history' });
    expect(v1.body).not.toMatch(/^---/);
    await expect(handlers['guide.version']({ id: 'es-recording-police', lang: 'es', version: 9 })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('kept: 1, 2'),
    });
    await expect(handlers['guide.versions']({ id: 'no-such-guide', lang: 'es' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('the diff between the two bundled versions marks the words version 2 added', async () => {
    const { handlers } = await history();
    const diff = await handlers['guide.diff']({ id: 'es-recording-police', lang: 'es', from: 1, to: 2 });
    const added = diff.parts
      .filter((p) => p.kind === 'added')
      .map((p) => p.text)
      .join('');
    expect(added).toContain('4/2015');
    const [v1, v2] = await Promise.all([1, 2].map((version) => handlers['guide.version']({ id: 'es-recording-police', lang: 'es', version })));
    // Each side can be rebuilt from the parts: nothing is lost or invented.
    expect(
      diff.parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(v1!.body);
    expect(
      diff.parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(v2!.body);
  });
});

describe('packs.diff', () => {
  it('shows the words a previewed pack adds to a guide, and refuses a token or path it did not preview', async () => {
    const { world, packs, handlers } = await history();
    const updated = nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Frase que trae el paquete.');
    const pack = await makePack(world.keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(updated) }]);
    await packs.preview(pack);
    const token = sha256(pack);
    const diff = await handlers['packs.diff']({ token, path: SPANISH_GUIDE });
    expect(diff).toMatchObject({ from: V, to: V + 1, dir: 'ltr' });
    expect(
      diff.parts
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('Frase que trae el paquete.');
    await expect(handlers['packs.diff']({ token: '0'.repeat(64), path: SPANISH_GUIDE })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('open the pack file again'),
    });
    await expect(handlers['packs.diff']({ token, path: 'guides/FR/fr-recording-police/fr.md' })).rejects.toMatchObject({ code: 'not-found' });
    // Once applied, the preview is spent: its diff is no longer offered.
    await packs.apply(pack);
    await expect(handlers['packs.diff']({ token, path: SPANISH_GUIDE })).rejects.toMatchObject({ code: 'bad-input' });
  });
});

describe('word diff bounds', () => {
  it('refuses a side over 200 KB with a message naming it, at once', () => {
    const big = 'palabra '.repeat(MAX_DIFF_BYTES / 8 + 1);
    const started = performance.now();
    expect(() => wordDiff('corto', big, { before: 'version 1', after: 'version 2' })).toThrow(
      /version 2 has \d+ bytes; a word diff compares at most 204800/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('compares two unrelated texts just under the cap without hanging: a diff or a clear refusal', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    let outcome: string;
    try {
      outcome = wordDiff(a, b, { before: 'version 1', after: 'version 2' }).length > 0 ? 'diff' : 'empty';
    } catch (error) {
      outcome = (error as Error).message;
    }
    expect(outcome === 'diff' || /differ too much to compare word by word/.test(outcome)).toBe(true);
  });
});

describe('last read', () => {
  it('markRead records only the version shown, returns the one read before, survives a restart, and stays bounded', async () => {
    const { handlers, store, world } = await history();
    // Only the version shown can be recorded: an earlier or unknown one is refused and nothing is stored.
    await expect(handlers['guide.markRead']({ id: 'es-recording-police', lang: 'es', version: 1 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(handlers['guide.markRead']({ id: 'no-such-guide', lang: 'es', version: 2 })).rejects.toMatchObject({ code: 'not-found' });
    expect(await handlers['guide.markRead']({ id: 'es-recording-police', lang: 'es', version: 2 })).toEqual({ previous: null });
    expect(await handlers['guide.markRead']({ id: 'es-recording-police', lang: 'es', version: 2 })).toEqual({ previous: 2 });
    await store.close();
    const reopened = await openUserData(world.dataDir, () => NOW);
    expect(reopened.read().lastRead).toEqual({ 'es-recording-police/es': 2 });
    expect(reopened.read().lastRead['no-such-guide/es']).toBeUndefined();
    await reopened.close();

    const draft = { lastRead: {} } as UserData;
    for (let i = 0; i < MAX_LAST_READ + 5; i++) recordRead(draft, `guide-${i}`, 'en', 1);
    recordRead(draft, 'guide-0', 'en', 3);
    expect(Object.keys(draft.lastRead)).toHaveLength(MAX_LAST_READ);
    expect(draft.lastRead['guide-1']).toBeUndefined();
    expect(draft.lastRead['guide-0/en']).toBe(3);
  });
});
