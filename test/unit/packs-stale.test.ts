import { afterEach, describe, expect, it } from 'vitest';
import { appWorld, bundledFile, makePack, nextVersion, removeWorld, SPANISH_GUIDE } from '../support/packs';

/**
 * Stale packs show (TUF's freeze attack): a pack accepted while current keeps its guides installed after it expires,
 * but once the clock passes its expiry every guide it laid over says so on its card, its search hit and in the reader,
 * beside (not instead of) the review status. Bundled guides and other packs' guides are unaffected.
 */
let cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map(removeWorld));
  cleanup = [];
});

const WORD = 'congeladoprueba';
const EXPIRES = new Date('2027-03-01T00:00:00Z');

describe('stale packs', () => {
  it('marks the guides of a pack past its expiry as expired content, computed from the clock', async () => {
    const app = await appWorld();
    const { world } = app;
    cleanup.push(world.dir);
    const open = (date: string) => app.open(world.dataDir, date);

    const updated = nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), `Texto con la palabra ${WORD}.`);
    const bytes = (await makePack(world.keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(updated) }], { expires: EXPIRES })).toString(
      'base64',
    );
    const before = await open('2027-01-15');
    await before.client.invoke('packs.apply', { token: (await before.client.invoke('packs.preview', { bytes })).token });
    const fresh = await before.client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' });
    expect(fresh.packExpired).toBeNull();
    await before.fieldbook.close();

    // The day before the expiry: still current.
    const dayBefore = await open('2027-02-28');
    expect((await dayBefore.client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' })).packExpired).toBeNull();
    await dayBefore.fieldbook.close();

    // Past it: the same installed text, now flagged wherever the guide shows, and nothing else is.
    const { client } = await open('2027-06-01');
    const stale = await client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' });
    expect(stale.body).toContain(WORD);
    expect(stale.packExpired).toEqual({ pack: 'es-clinic', expires: EXPIRES.toISOString() });
    expect(stale.status.primary).toBeDefined();
    const cards = (await client.invoke('library.list')).guides;
    expect(cards.filter((card) => card.packExpired).map((card) => `${card.id}/${card.lang}`)).toEqual(['es-recording-police/es']);
    const hits = await client.invoke('search.query', { q: WORD });
    expect(hits.map((hit) => [`${hit.id}/${hit.lang}`, hit.packExpired?.pack])).toEqual([['es-recording-police/es', 'es-clinic']]);
    expect((await client.invoke('guide.get', { id: 'es-recording-police', lang: 'en' })).packExpired).toBeNull();
    expect((await client.invoke('packs.list')).installed).toMatchObject([{ pack: 'es-clinic', expired: true }]);
  });
});
