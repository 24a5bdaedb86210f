import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, inProcessClient } from '../support/in-process';
import { bundledFile, bundledVersion, FRENCH_GUIDE, makePack, makeWorld, nextVersion, removeWorld, snapshot, SPANISH_GUIDE } from '../support/packs';

/** The bundled Spanish guide's version: the pack in these tests raises it by one. */
const V = bundledVersion(SPANISH_GUIDE);

/**
 * Import through the contract, as the app does: preview a pack file, apply it, find the new text by search at once,
 * undo, import again, and restart. The bundled content is a copy of content/ whose keys folder holds this run's keys.
 */
let cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map(removeWorld));
  cleanup = [];
});

async function app() {
  const world = await makeWorld();
  cleanup.push(world.dir);
  const contentDir = join(world.dir, 'content');
  await cp('content', contentDir, { recursive: true });
  await rm(join(contentDir, 'keys'), { recursive: true });
  await cp(world.keysDir, join(contentDir, 'keys'), { recursive: true });
  const open = () => inProcessClient(world.dataDir, { contentDir, clock: fixedClock('2027-01-15') });
  return { ...world, open };
}

const WORD = 'zarzaparrillaprueba';

describe('packs through the contract', () => {
  it('preview, apply, searchable at once, undo, apply again, and the same after a restart', async () => {
    const { keys, open, dataDir } = await app();
    const { client, fieldbook } = await open();
    const events: string[] = [];
    fieldbook.on('content-changed', ({ reason }) => events.push(reason));
    const updated = nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), `Texto de prueba con la palabra ${WORD}.`);
    const bytes = (await makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(updated) }])).toString('base64');

    expect(await client.invoke('packs.list')).toEqual({ installed: [], canUndo: false, keyListVersion: 1 });
    const preview = await client.invoke('packs.preview', { bytes });
    expect(preview.signer.description).toContain('may publish for ES and their children');
    expect(preview.changes).toMatchObject([{ path: SPANISH_GUIDE, kind: 'changed', from: V, to: V + 1 }]);
    expect(await client.invoke('search.query', { q: WORD })).toEqual([]);

    await client.invoke('packs.apply', { token: preview.token });
    expect(events).toEqual(['pack-applied']);
    expect((await client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' })).version).toBe(V + 1);
    expect((await client.invoke('search.query', { q: WORD })).map((hit) => `${hit.id}/${hit.lang}`)).toEqual(['es-recording-police/es']);
    const list = await client.invoke('packs.list');
    expect(list).toMatchObject({ canUndo: true, keyListVersion: 1, installed: [{ pack: 'es-clinic', sequence: 1, guides: 1, expired: false }] });

    await client.invoke('packs.undo');
    expect(events).toEqual(['pack-applied', 'pack-undone']);
    expect((await client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' })).version).toBe(V);
    expect(await client.invoke('search.query', { q: WORD })).toEqual([]);
    // The token was spent: applying again needs the file again.
    await expect(client.invoke('packs.apply', { token: preview.token })).rejects.toThrow(/no longer previewed; open the pack file again/);

    const again = await client.invoke('packs.preview', { bytes });
    await client.invoke('packs.apply', { token: again.token });
    expect((await client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' })).version).toBe(V + 1);

    const restarted = await open();
    expect((await restarted.client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' })).version).toBe(V + 1);
    expect((await restarted.client.invoke('search.query', { q: WORD })).length).toBe(1);
    const disk = await snapshot(dataDir);
    await expect(restarted.client.invoke('packs.preview', { bytes })).rejects.toThrow(/pack "es-clinic" #1 is already installed/);
    expect(await snapshot(dataDir)).toEqual(disk);
  });

  it('a refused pack crosses the contract as bad input with its message, and nothing changes', async () => {
    const { keys, open } = await app();
    const { client, router } = await open();
    const bytes = (await makePack(keys.partnerES, [{ path: FRENCH_GUIDE, bytes: await bundledFile(FRENCH_GUIDE) }])).toString('base64');
    const envelope = await router.dispatch('packs.preview', { bytes });
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/^packs: guides\/FR\/fr-recording-police\/fr.md is a guide for FR/) },
    });
    expect(await client.invoke('packs.list')).toMatchObject({ installed: [], canUndo: false });
    expect(await router.dispatch('packs.preview', { bytes: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    await expect(client.invoke('packs.undo')).rejects.toThrow(/nothing to undo/);
  });
});
