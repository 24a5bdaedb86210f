import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readInstalledVersion } from '../../electron/core/packs/layer';
import { openPacks } from '../../electron/core/packs/service';
import {
  bundledFile,
  bundledVersion,
  CONTENT,
  FRENCH_GUIDE,
  keyEntry,
  makePack,
  makeWorld,
  NOW,
  nextVersion,
  refusalOf,
  removeWorld,
  signKeyList,
  snapshot,
  SPANISH_GUIDE,
} from '../support/packs';

/** The bundled Spanish guide's version: packs in these tests raise it by one at a time. */
const V = bundledVersion(SPANISH_GUIDE);

let cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map(removeWorld));
  cleanup = [];
});

async function world(...args: Parameters<typeof makeWorld>) {
  const made = await makeWorld(...args);
  cleanup.push(made.dir);
  const open = () => openPacks({ contentDir: CONTENT, keysDir: made.keysDir, dataDir: made.dataDir, now: () => NOW });
  return { ...made, open };
}

function guideOf(catalog: Awaited<ReturnType<Awaited<ReturnType<typeof openPacks>>['catalog']>>, id: string, lang: string) {
  return catalog.guides.find((guide) => guide.meta.id === id && guide.meta.lang === lang);
}

describe('a partner publishes for its own jurisdiction', () => {
  it('delegated ES key: verify, apply, read the new version, undo, apply again, and the state survives a restart', async () => {
    const { keys, open, dataDir } = await world();
    const packs = await open();
    const before = guideOf(await packs.catalog(), 'es-recording-police', 'es')!;
    expect(before.meta.version).toBe(V);

    const updated = Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Texto de prueba añadido en la versión 2.'));
    const pack = await makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: updated }]);

    const preview = await packs.preview(pack);
    expect(preview.signer).toMatchObject({ id: keys.partnerES.id, role: 'partner', jurisdictions: ['ES'] });
    expect(preview.changes).toEqual([
      { path: SPANISH_GUIDE, id: 'es-recording-police', lang: 'es', jurisdiction: 'ES', kind: 'changed', from: V, to: V + 1 },
    ]);
    expect(guideOf(await packs.catalog(), 'es-recording-police', 'es')!.meta.version).toBe(V);

    await packs.apply(pack);
    const after = guideOf(await packs.catalog(), 'es-recording-police', 'es')!;
    expect(after.meta.version).toBe(V + 1);
    expect(after.body).toContain('Texto de prueba añadido en la versión 2.');
    // The other language of the same guide stays as bundled.
    expect(guideOf(await packs.catalog(), 'es-recording-police', 'en')!.meta.version).toBe(bundledVersion('guides/ES/es-recording-police/en.md'));
    expect(await readInstalledVersion(packs.store, packs.state(), 'es-recording-police', 'es', V + 1)).toBe(updated.toString('utf8'));

    await packs.undo();
    const undone = guideOf(await packs.catalog(), 'es-recording-police', 'es')!;
    expect(undone.meta.version).toBe(V);
    expect(undone.body).toBe(before.body);
    // Version 2 stays readable after the undo: every published version is kept.
    expect(await readInstalledVersion(packs.store, packs.state(), 'es-recording-police', 'es', V + 1)).toBe(updated.toString('utf8'));

    await packs.apply(pack);
    expect(guideOf(await packs.catalog(), 'es-recording-police', 'es')!.meta.version).toBe(V + 1);

    // After a restart: the same content, and the same pack is refused as a replay, changing nothing.
    const reopened = await open();
    expect(guideOf(await reopened.catalog(), 'es-recording-police', 'es')!.meta.version).toBe(V + 1);
    const disk = await snapshot(dataDir);
    const replay = await refusalOf(reopened.apply(pack));
    expect(replay.reason).toBe('replay');
    expect(replay.message).toMatch(/pack "es-clinic" #1 is already installed/);
    expect(await snapshot(dataDir)).toEqual(disk);
  });

  it('an ES partner key packing a French guide is refused, naming the guide, its jurisdiction and the delegation', async () => {
    const { keys, open, dataDir } = await world();
    const packs = await open();
    const french = Buffer.from(nextVersion((await bundledFile(FRENCH_GUIDE)).toString('utf8'), 'Texte de test.'));
    const pack = await makePack(keys.partnerES, [{ path: FRENCH_GUIDE, bytes: french }]);
    const disk = await snapshot(dataDir);
    const refusal = await refusalOf(packs.apply(pack));
    expect(refusal.reason).toBe('outside-delegation');
    expect(refusal.message).toBe(
      `packs: ${FRENCH_GUIDE} is a guide for FR, but the pack is signed by partner key "Clínica de prueba" (${keys.partnerES.id}), ` +
        'which may publish for ES and their children; only a key delegated to that jurisdiction may publish it: ask the maintainers',
    );
    expect(await snapshot(dataDir)).toEqual(disk);
    expect(guideOf(await packs.catalog(), 'fr-recording-police', 'fr')!.meta.version).toBe(bundledVersion(FRENCH_GUIDE));
  });

  it('a delegation covers the children of a jurisdiction: a GB key may publish for GB-EAW but a GB-EAW key not for GB-SCT', async () => {
    const { keys, open } = await world((k) => [
      keyEntry(k.partnerES, 'GB trainers', 'partner', { jurisdictions: ['GB'] }),
      keyEntry(k.stranger, 'England clinic', 'partner', { jurisdictions: ['GB-EAW'] }),
    ]);
    const packs = await open();
    const path = 'guides/GB-EAW/gb-eaw-rights-at-a-demonstration/en.md';
    const scottish = `guides/GB-SCT/${(await readdir(join(CONTENT, 'guides/GB-SCT')))[0]}/en.md`;
    const eaw = await bundledFile(path).catch(() => null);
    const sct = await bundledFile(scottish).catch(() => null);
    if (!eaw || !sct) throw new Error(`the bundled content no longer has ${path} and ${scottish}; pick two other guides for this test`);
    const ok = await packs.preview(await makePack(keys.partnerES, [{ path, bytes: Buffer.from(nextVersion(eaw.toString('utf8'), 'Test text.')) }]));
    expect(ok.changes.map((c) => c.kind)).toEqual(['changed']);
    const refusal = await refusalOf(
      packs.preview(await makePack(keys.stranger, [{ path: scottish, bytes: Buffer.from(nextVersion(sct.toString('utf8'), 'Test text.')) }])),
    );
    expect(refusal.reason).toBe('outside-delegation');
  });
});

describe('full and delta packs', () => {
  it('a delta carries only what changed and its removals; metadata-only changes are shown as such', async () => {
    const { keys, open } = await world();
    const packs = await open();
    const other = 'guides/ES/es-legal-observer/es.md';
    const a2 = Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Texto A2.'));
    const b2 = Buffer.from(nextVersion((await bundledFile(other)).toString('utf8'), '', { metadataOnly: true }));
    const full = await makePack(keys.partnerES, [
      { path: SPANISH_GUIDE, bytes: a2 },
      { path: other, bytes: b2 },
    ]);
    const fullPreview = await packs.apply(full);
    expect(fullPreview.changes.map((c) => [c.path, c.kind])).toEqual([
      [other, 'metadata-only'],
      [SPANISH_GUIDE, 'changed'],
    ]);

    const a3 = Buffer.from(nextVersion(a2.toString('utf8'), 'Texto A3.'));
    const { buildPack } = await import('../../electron/core/packs/build');
    const manifestGuides = Object.values(packs.state().installed['es-clinic']!.guides);
    const delta = await buildPack({
      pack: 'es-clinic',
      sequence: 2,
      created: NOW,
      expires: new Date('2027-12-31T00:00:00Z'),
      signer: keys.partnerES,
      files: [{ path: SPANISH_GUIDE, bytes: a3 }],
      base: { sequence: 1, guides: manifestGuides },
    });
    expect(delta.manifest.guides.map((g) => g.path)).toEqual([SPANISH_GUIDE]);
    expect(delta.manifest.removed.map((g) => g.path)).toEqual([other]);
    const deltaPreview = await packs.apply(delta.bytes);
    expect(deltaPreview.changes.map((c) => [c.path, c.kind, c.from, c.to])).toEqual([
      [other, 'removed', bundledVersion(other) + 1, null],
      [SPANISH_GUIDE, 'changed', V + 1, V + 2],
    ]);
    const catalog = await packs.catalog();
    expect(guideOf(catalog, 'es-recording-police', 'es')!.meta.version).toBe(V + 2);
    // The removed pack guide falls back to the bundled version.
    expect(guideOf(catalog, 'es-legal-observer', 'es')!.meta.version).toBe(bundledVersion(other));

    // Undo twice goes back through both packs to the bundled content.
    await packs.undo();
    expect(guideOf(await packs.catalog(), 'es-recording-police', 'es')!.meta.version).toBe(V + 1);
    await packs.undo();
    expect(guideOf(await packs.catalog(), 'es-recording-police', 'es')!.meta.version).toBe(V);
    expect((await refusalOf(packs.undo())).reason).toBe('nothing-to-undo');
  });
});

describe('a newer key list', () => {
  it('carried in a pack, it delegates a new key; a later list revokes it and its packs are refused', async () => {
    const { keys, open } = await world();
    const packs = await open();
    const list2 = signKeyList(keys.root, 2, [
      keyEntry(keys.maintainer, 'Test maintainer', 'maintainer'),
      keyEntry(keys.partnerES, 'Clínica de prueba', 'partner'),
      keyEntry(keys.stranger, 'New ES partner', 'partner'),
    ]);
    const v2 = Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Texto nuevo.'));
    await packs.apply(await makePack(keys.stranger, [{ path: SPANISH_GUIDE, bytes: v2 }], { pack: 'new-partner', keyList: list2 }));
    expect(packs.state().trusted.keyList).toEqual(list2);

    const list3 = signKeyList(keys.root, 3, [
      keyEntry(keys.maintainer, 'Test maintainer', 'maintainer'),
      keyEntry(keys.stranger, 'New ES partner', 'partner', { revoked: '2027-01-01T00:00:00Z' }),
    ]);
    const v3 = Buffer.from(nextVersion(v2.toString('utf8'), 'Más texto.'));
    await packs.apply(await makePack(keys.maintainer, [], { pack: 'maintainers', keyList: list3 }));
    const refusal = await refusalOf(
      packs.preview(await makePack(keys.stranger, [{ path: SPANISH_GUIDE, bytes: v3 }], { pack: 'new-partner', sequence: 2 })),
    );
    expect(refusal.reason).toBe('key-revoked');
    expect(refusal.message).toContain('was revoked on 2027-01-01');
    // An older key list carried later changes nothing: versions only go forward.
    const reopened = await open();
    await reopened.apply(await makePack(keys.maintainer, [], { pack: 'maintainers', sequence: 2, keyList: list2 }));
    expect(reopened.state().trusted.keyList).toEqual(list3);
    // The partner key that list 3 dropped is now unknown.
    const dropped = await refusalOf(reopened.preview(await makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: v3 }], { pack: 'x' })));
    expect(dropped.reason).toBe('unknown-key');
  });
});

describe('installed content changed outside Fieldbook', () => {
  it('a stored pack whose bytes were changed is never shown as the real text: the bundled guide is shown and the problem named', async () => {
    const { keys, open, dataDir } = await world();
    const packs = await open();
    const updated = Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Texto de prueba.'));
    await packs.apply(await makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: updated }]));
    const object = Object.values(packs.state().installed['es-clinic']!.guides)[0]!.object;
    const { appendFile } = await import('node:fs/promises');
    await appendFile(join(dataDir, 'packs', 'objects', object), 'tampered');
    const reopened = await open();
    const catalog = await reopened.catalog();
    expect(guideOf(catalog, 'es-recording-police', 'es')!.meta.version).toBe(V);
    expect(catalog.problems).toContainEqual({
      file: SPANISH_GUIDE,
      line: 1,
      field: '(file)',
      message: `version ${V + 1} from pack "es-clinic" was modified outside Fieldbook or is missing; import the pack again`,
    });
  });
});

describe('two applies at once', () => {
  it('the same pack applied twice at once is applied once; the second is refused as a replay', async () => {
    const { keys, open } = await world();
    const packs = await open();
    const updated = Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Texto de prueba.'));
    const pack = await makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: updated }]);
    const results = await Promise.allSettled([packs.apply(pack), packs.apply(pack)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(((results[1] as PromiseRejectedResult).reason as Error).message).toMatch(/already installed/);
    expect(packs.state().undo).toHaveLength(1);
  });
});
