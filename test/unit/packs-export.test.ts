import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/core/packs/build';
import type { inProcessClient } from '../support/in-process';
import { appWorld, bundledFile, FRENCH_GUIDE, makePack, nextVersion, packInput, removeWorld, SPANISH_GUIDE } from '../support/packs';

/**
 * Pass it on: a trainer exports what is installed (all of it, or one jurisdiction's part) and hands the file over;
 * the receiver opens it in a fresh installation and it is verified exactly as the original packs were, with the same
 * signer, because the export carries the original signed pack files untouched.
 */
let cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map(removeWorld));
  cleanup = [];
});

async function twoInstallations() {
  const { world, open } = await appWorld();
  cleanup.push(world.dir);
  return { world, open, trainer: join(world.dir, 'trainer'), observer: join(world.dir, 'observer') };
}

type Client = Awaited<ReturnType<typeof inProcessClient>>['client'];
async function importFile(client: Client, bytes: string) {
  const preview = await client.invoke('packs.preview', { bytes });
  await client.invoke('packs.apply', { token: preview.token });
  return preview;
}

describe('passing installed content on', () => {
  it('exports a full pack and its delta for one jurisdiction, and a fresh installation imports them with the same signer', async () => {
    const { world, open, trainer, observer } = await twoInstallations();
    const spanish = (await bundledFile(SPANISH_GUIDE)).toString('utf8');
    const v1 = nextVersion(spanish, 'Primera actualización.');
    const v2 = nextVersion(v1, 'Segunda actualización: palabraexportada.');
    const full = await buildPack(packInput(world.keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(v1) }]));
    const delta = await makePack(world.keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(v2) }], {
      sequence: 2,
      base: { sequence: 1, guides: full.manifest.guides },
    });
    const french = nextVersion((await bundledFile(FRENCH_GUIDE)).toString('utf8'), 'Mise à jour.');
    const frenchPack = await makePack(world.keys.maintainer, [{ path: FRENCH_GUIDE, bytes: Buffer.from(french) }], { pack: 'fr-update' });

    const a = await open(trainer);
    await importFile(a.client, full.bytes.toString('base64'));
    await importFile(a.client, delta.toString('base64'));
    await importFile(a.client, frenchPack.toString('base64'));
    const spanishThere = await a.client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' });

    // One jurisdiction: only the Spanish pack's chain, as a bundle of the two original files.
    const es = await a.client.invoke('packs.export', { jurisdiction: 'ES' });
    expect(es.packs).toEqual([
      { pack: 'es-clinic', sequence: 1 },
      { pack: 'es-clinic', sequence: 2 },
    ]);
    expect(es.fileName).toBe('fieldbook-es-2027-01-15.fbpack');
    const all = await a.client.invoke('packs.export', {});
    expect(all.packs.map((p) => `${p.pack}#${p.sequence}`)).toEqual(['es-clinic#1', 'es-clinic#2', 'fr-update#1']);
    // A single pack goes on as the very file that arrived.
    const fr = await a.client.invoke('packs.export', { jurisdiction: 'FR' });
    expect(Buffer.from(fr.bytes, 'base64').equals(frenchPack)).toBe(true);
    await expect(a.client.invoke('packs.export', { jurisdiction: 'US' })).rejects.toThrow(/no installed pack holds a guide for US/);
    await a.fieldbook.close();

    const b = await open(observer);
    const preview = await b.client.invoke('packs.preview', { bytes: es.bytes });
    expect(preview.parts?.map((part) => [part.pack, part.sequence, part.signer.id])).toEqual([
      ['es-clinic', 1, world.keys.partnerES.id],
      ['es-clinic', 2, world.keys.partnerES.id],
    ]);
    await b.client.invoke('packs.apply', { token: preview.token });
    const received = await b.client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' });
    expect(received.version).toBe(spanishThere.version);
    expect(received.body).toBe(spanishThere.body);
    expect((await b.client.invoke('search.query', { q: 'palabraexportada' })).map((hit) => hit.id)).toEqual(['es-recording-police']);
    expect((await b.client.invoke('packs.list')).installed).toMatchObject([{ pack: 'es-clinic', sequence: 2, signer: world.keys.partnerES.id }]);

    // The French pack alone, then the whole bundle: what is already there is skipped, the rest applies.
    await expect(b.client.invoke('packs.preview', { bytes: es.bytes })).rejects.toThrow(/already installed/);
    const rest = await b.client.invoke('packs.preview', { bytes: all.bytes });
    expect(rest.parts?.map((part) => part.pack)).toEqual(['fr-update']);
  });

  it('refuses a bundle whose pack was tampered with, and changes nothing', async () => {
    const { world, open, trainer, observer } = await twoInstallations();
    const v1 = nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Primera.');
    const full = await buildPack(packInput(world.keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(v1) }]));
    const french = nextVersion((await bundledFile(FRENCH_GUIDE)).toString('utf8'), 'Mise à jour.');
    const a = await open(trainer);
    await importFile(a.client, full.bytes.toString('base64'));
    await importFile(
      a.client,
      (await makePack(world.keys.maintainer, [{ path: FRENCH_GUIDE, bytes: Buffer.from(french) }], { pack: 'fr-update' })).toString('base64'),
    );
    const all = Buffer.from((await a.client.invoke('packs.export', {})).bytes, 'base64');
    await a.fieldbook.close();

    // The stranger's key re-packs the same file names: the bundle's listing then no longer matches what it holds.
    const { readArchive, writeArchive } = await import('../../electron/core/packs/archive');
    const files = await readArchive(all, {
      maxPackBytes: 1 << 26,
      maxUncompressedBytes: 1 << 28,
      maxRatio: 100,
      maxEntries: 100,
      maxEntryBytes: 1 << 26,
    });
    const names = [...files.keys()];
    const forged = await makePack(world.keys.stranger, [{ path: FRENCH_GUIDE, bytes: Buffer.from(french) }], { pack: 'fr-update' });
    const tampered = await writeArchive(names.map((name, i) => ({ name, bytes: i === names.length - 1 ? forged : files.get(name)! })));
    const b = await open(observer);
    await expect(b.client.invoke('packs.preview', { bytes: tampered.toString('base64') })).rejects.toThrow(/does not hold as listed/);
    expect(await b.client.invoke('packs.list')).toMatchObject({ installed: [], canUndo: false });
  });
});
