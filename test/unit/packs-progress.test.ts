import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../electron/api/types';
import { appWorld, bundledFile, FRENCH_GUIDE, makePack, nextVersion, removeWorld, SPANISH_GUIDE } from '../support/packs';

/** Applying reports real progress, step by step, for the Packs screen's progress bar; a bundle counts every pack. */
let cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map(removeWorld));
  cleanup = [];
});

describe('apply progress', () => {
  it('emits each stage with counts that only go up and end at the total, for a pack and for a bundle', async () => {
    const { world, open } = await appWorld();
    cleanup.push(world.dir);
    const { client, fieldbook } = await open(join(world.dir, 'a'));
    const events: EventMap['pack-progress'][] = [];
    fieldbook.on('pack-progress', (event) => events.push(event));
    const spanish = nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Uno.');
    const pack = await makePack(world.keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(spanish) }]);
    await client.invoke('packs.apply', { token: (await client.invoke('packs.preview', { bytes: pack.toString('base64') })).token });
    expect(events).toEqual([
      { stage: 'storing', done: 0, total: 3 },
      { stage: 'recording', done: 1, total: 3 },
      { stage: 'refreshing', done: 2, total: 3 },
      { stage: 'done', done: 3, total: 3 },
    ]);

    const french = nextVersion((await bundledFile(FRENCH_GUIDE)).toString('utf8'), 'Un.');
    const frenchPack = await makePack(world.keys.maintainer, [{ path: FRENCH_GUIDE, bytes: Buffer.from(french) }], { pack: 'fr-update' });
    await client.invoke('packs.apply', { token: (await client.invoke('packs.preview', { bytes: frenchPack.toString('base64') })).token });
    const bundle = (await client.invoke('packs.export', {})).bytes;
    await fieldbook.close();

    const b = await open(join(world.dir, 'b'));
    const bundleEvents: EventMap['pack-progress'][] = [];
    b.fieldbook.on('pack-progress', (event) => bundleEvents.push(event));
    await b.client.invoke('packs.apply', { token: (await b.client.invoke('packs.preview', { bytes: bundle })).token });
    expect(bundleEvents.map((event) => `${event.stage} ${event.done}/${event.total}`)).toEqual([
      'storing 0/3',
      'recording 1/5',
      'recording 2/5',
      'recording 3/5',
      'refreshing 4/5',
      'done 5/5',
    ]);
  });
});
