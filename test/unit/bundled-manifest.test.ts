import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../electron/cli/packs/common';
import { runPackCommand } from '../../electron/cli/packs/run';
import { loadContent } from '../../electron/core/content/load';
import { BUNDLED_MANIFEST_FILE, bundledDigests, checkBundled } from '../../electron/core/packs/bundled';
import { sha256 } from '../../electron/core/packs/manifest';
import { encryptPrivateKey } from '../../electron/core/packs/keys';
import { loadTrustAnchors } from '../../electron/core/packs/trust';
import { fixedClock, inProcessClient } from '../support/in-process';
import { makeWorld, NOW, removeWorld, SPANISH_GUIDE } from '../support/packs';

/**
 * Bundled content checked at rest: the guides that ship with the app carry a manifest signed by a maintainer key
 * (content/keys/bundled-manifest.json). A file changed on disk after install is shown flagged as "modified outside
 * Fieldbook"; a missing or forged manifest is reported to maintainers. The first test is the check that keeps the
 * manifest from going stale: it fails until `npm run content -- sign-bundled` is run after editing a guide.
 */
let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  dirs = [];
});

async function copyOfContent(): Promise<{ contentDir: string; dataDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-bundled-'));
  dirs.push(dir);
  const contentDir = join(dir, 'content');
  await cp('content', contentDir, { recursive: true });
  return { contentDir, dataDir: join(dir, 'data') };
}

const open = (dataDir: string, contentDir: string) => inProcessClient(dataDir, { contentDir, clock: fixedClock('2027-01-15') });

describe('the bundled manifest', () => {
  it('matches every guide file in content/ and is signed by a maintainer key in the shipped key list', async () => {
    const { keyList } = await loadTrustAnchors('content/keys');
    const check = await checkBundled('content', 'content/keys', keyList);
    expect(check.problems, 'run `npm run content -- sign-bundled --key <maintainer key>` (content/README.md)').toEqual([]);
    expect([...check.modified], 'these guide files changed since the manifest was signed: run `npm run content -- sign-bundled`').toEqual([]);
  });

  it('checks the guide files by the bytes the content loaded, reading again only the earlier versions', async () => {
    const { contentDir } = await copyOfContent();
    const digests = bundledDigests();
    const catalog = await loadContent(contentDir, { onRead: digests.onRead });
    // Every guide shown was digested under the path the manifest lists, from the bytes on disk.
    expect([...digests.read.keys()].sort()).toEqual(catalog.guides.map((guide) => guide.file).sort());
    for (const [path, digest] of digests.read) expect(digest, path).toBe(sha256(await readFile(join(contentDir, path))));
    const { keyList } = await loadTrustAnchors(join(contentDir, 'keys'));
    expect(await checkBundled(contentDir, join(contentDir, 'keys'), keyList, digests.read)).toEqual({ modified: new Set(), problems: [] });

    // A file changed after it was loaded is judged by what was loaded and shown, not by what is on disk now; the
    // watcher reloads it, and that load's digests find it changed.
    const path = join(contentDir, SPANISH_GUIDE);
    await writeFile(path, `${await readFile(path, 'utf8')}\nUna corrección.\n`);
    expect(await checkBundled(contentDir, join(contentDir, 'keys'), keyList, digests.read)).toEqual({ modified: new Set(), problems: [] });
    const again = bundledDigests();
    await loadContent(contentDir, { onRead: again.onRead });
    expect([...(await checkBundled(contentDir, join(contentDir, 'keys'), keyList, again.read)).modified]).toEqual([SPANISH_GUIDE]);
  });

  it('shows a guide changed on disk as modified outside Fieldbook, at start and after a reload, and no other', async () => {
    const { contentDir, dataDir } = await copyOfContent();
    const { client, fieldbook } = await open(dataDir, contentDir);
    expect((await client.invoke('library.list')).guides.filter((card) => card.modifiedOutside)).toEqual([]);
    expect((await client.invoke('library.list')).invalid).toEqual([]);

    // Changed while the app runs: the folder watcher reloads the content, and the check runs again.
    const path = join(contentDir, SPANISH_GUIDE);
    await writeFile(path, `${await readFile(path, 'utf8')}\nTexto añadido a mano: no llame a nadie.\n`);
    await fieldbook.reloadContent();
    const changed = await client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' });
    expect(changed.modifiedOutside).toBe(true);
    expect(changed.body).toContain('Texto añadido a mano');
    const flagged = (await client.invoke('library.list')).guides.filter((card) => card.modifiedOutside);
    expect(flagged.map((card) => `${card.id}/${card.lang}`)).toEqual(['es-recording-police/es']);
    await fieldbook.close();

    // And at the next start.
    const again = await open(dataDir, contentDir);
    expect((await again.client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' })).modifiedOutside).toBe(true);
    expect((await again.client.invoke('guide.get', { id: 'es-recording-police', lang: 'en' })).modifiedOutside).toBe(false);
  });

  it('reports a missing or badly signed manifest in the problems view, and keeps showing the guides', async () => {
    const { contentDir, dataDir } = await copyOfContent();
    const manifestPath = join(contentDir, 'keys', BUNDLED_MANIFEST_FILE);
    const original = JSON.parse(await readFile(manifestPath, 'utf8'));

    original.signed.files[0].sha256 = '0'.repeat(64);
    await writeFile(manifestPath, JSON.stringify(original));
    const forged = await open(dataDir, contentDir);
    const library = await forged.client.invoke('library.list');
    expect(library.invalid).toMatchObject([
      { file: `keys/${BUNDLED_MANIFEST_FILE}`, problems: [{ message: expect.stringMatching(/does not match it/) }] },
    ]);
    expect(library.guides.length).toBeGreaterThan(10);
    await forged.fieldbook.close();

    await rm(manifestPath);
    const missing = await open(dataDir, contentDir);
    expect((await missing.client.invoke('library.list')).invalid).toMatchObject([
      { file: `keys/${BUNDLED_MANIFEST_FILE}`, problems: [{ message: expect.stringMatching(/missing.*reinstall Fieldbook/) }] },
    ]);
  });

  it('`sign-bundled` re-signs after a maintainer edits a guide, and refuses a call without a key', async () => {
    const world = await makeWorld();
    dirs.push(world.dir);
    const { contentDir } = await copyOfContent();
    await rm(join(contentDir, 'keys'), { recursive: true });
    await cp(world.keysDir, join(contentDir, 'keys'), { recursive: true });
    const keyFile = join(world.dir, 'maintainer.key.json');
    await writeFile(keyFile, JSON.stringify(encryptPrivateKey(world.keys.maintainer, 'Test maintainer', 'a long test passphrase', NOW)));
    await writeFile(join(world.dir, 'pass'), 'a long test passphrase\n');
    const lines: string[] = [];
    const io: CommandIO = { out: (line) => lines.push(line), err: (line) => lines.push(line), now: () => NOW, askPassphrase: async () => null };
    const sign = () => runPackCommand('sign-bundled', [contentDir, '--key', keyFile, '--passphrase-file', join(world.dir, 'pass')], io);
    const check = async () => checkBundled(contentDir, join(contentDir, 'keys'), (await loadTrustAnchors(join(contentDir, 'keys'))).keyList);

    expect(await sign()).toBe(0);
    expect(lines.join('\n')).toMatch(/signed \d+ bundled guide file\(s\) with key/);
    expect(await check()).toEqual({ modified: new Set(), problems: [] });

    const path = join(contentDir, SPANISH_GUIDE);
    await writeFile(path, `${await readFile(path, 'utf8')}\nUna corrección.\n`);
    expect([...(await check()).modified]).toEqual([SPANISH_GUIDE]);
    expect(await sign()).toBe(0);
    expect(await check()).toEqual({ modified: new Set(), problems: [] });

    lines.length = 0;
    expect(await runPackCommand('sign-bundled', [contentDir], io)).toBe(2);
    expect(lines.join('\n')).toMatch(/--key is required/);
    await removeWorld(world.dir);
  });
});
