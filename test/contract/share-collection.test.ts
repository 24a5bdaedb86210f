import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionView, ShareStatus } from '../../electron/api/types';
import { launchBrowserMode, type BrowserMode } from '../../electron/host/launch';
import { TOKEN_HEADER } from '../../electron/host/server';
import { raw } from '../network/share-client.mjs';
import { fixedClock, FIXTURE_CONTENT } from '../support/in-process';
import { standInRenderer } from '../support/renderer';
import { tempDir } from '../support/temp';

/**
 * The trainer shares one collection through the contract (`share.start` with `collection`), and a participant
 * reaches the share over HTTP as a phone in the room would.
 */
let host: BrowserMode;
let remove: () => Promise<void>;

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
async function trainer<T>(method: string, input: unknown = {}): Promise<Answer<T>> {
  const response = await fetch(`${host.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Answer<T>;
}
async function value<T>(method: string, input: unknown = {}): Promise<T> {
  const answer = await trainer<T>(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value;
}
async function participant<T>(url: string, method: string, input: unknown = {}): Promise<Answer<T>> {
  const answer = await raw(url, `/api/invoke/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return JSON.parse(answer.body) as Answer<T>;
}

beforeAll(async () => {
  const data = await tempDir();
  remove = data.remove;
  host = await launchBrowserMode({
    dataDir: join(data.dir, 'user'),
    contentDir: FIXTURE_CONTENT,
    rendererDir: await standInRenderer(data.dir),
    clock: fixedClock('2026-11-28'),
    log: () => undefined,
    shareListen: '127.0.0.1',
  });
});
afterEach(async () => {
  await value('share.stop');
});
afterAll(async () => {
  await host.close();
  await remove();
});

describe('sharing one collection to the room', () => {
  it('serves only the collection’s guides: the rest is neither listed, opened nor found, and notes never leave', async () => {
    const made = await value<CollectionView>('collections.create', { name: 'Border session' });
    const checklist = await value<{ sections: { anchor: string }[] }>('guide.get', { id: 'sample-checklist', lang: 'en' });
    // A whole guide and one of its sections: the share serves that guide once.
    await value('collections.addItem', { id: made.id, guide: 'sample-checklist', lang: 'en' });
    const view = await value<CollectionView>('collections.addItem', {
      id: made.id,
      guide: 'sample-checklist',
      lang: 'en',
      section: checklist.sections[1]!.anchor,
    });
    await value('collections.setNote', { id: made.id, item: view.items[0]!.id, note: 'TRAINER-ONLY-NOTE' });

    const status = await value<ShareStatus>('share.start', { collection: made.id });
    expect(status).toMatchObject({ running: true, limitedTo: 1, collection: { id: made.id, name: 'Border session' } });
    if (!status.running) throw new Error('not started');
    expect(await value('share.status')).toEqual(status);

    const library = await participant<{ guides: { id: string; lang: string; languages: string[] }[] }>(status.url, 'library.list');
    expect(library.ok && library.value.guides.map((g) => `${g.id}/${g.lang}`)).toEqual(['sample-checklist/en']);
    // The library screen's own question: the same one guide, counted and listed alone.
    const browse = {
      jurisdiction: null,
      topic: null,
      language: null,
      mine: null,
      myJurisdiction: null,
      interfaceLanguage: 'en',
      offset: 0,
      limit: 60,
    };
    const page = await participant<{ count: number; cards: { id: string; lang: string; languages: string[] }[]; invalidFiles: number }>(
      status.url,
      'library.browse',
      browse,
    );
    expect(page.ok && { count: page.value.count, cards: page.value.cards.map((g) => `${g.id}/${g.lang}`), invalid: page.value.invalidFiles }).toEqual(
      {
        count: 1,
        cards: ['sample-checklist/en'],
        invalid: 0,
      },
    );
    const opened = await participant<{ title: string }>(status.url, 'guide.get', { id: 'sample-checklist', lang: 'en' });
    expect(opened.ok && opened.value.title).toBe('Sample checklist for testing');
    // A guide of the library outside the collection, and the same guide in a language the collection does not hold.
    expect(await participant(status.url, 'guide.get', { id: 'sample-rights', lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await participant(status.url, 'guide.get', { id: 'sample-checklist', lang: 'ar' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const hits = await participant<{ id: string }[]>(status.url, 'search.query', { q: 'rights' });
    expect(hits.ok && hits.value.map((hit) => hit.id)).toEqual(['sample-checklist']);
    // Neither the collection (with its note) nor the trainer's list of them is reachable from the room.
    for (const method of ['collections.get', 'collections.list', 'share.status']) {
      const answer = await raw(status.url, `/api/invoke/${method}`, { method: 'POST', body: JSON.stringify({ id: made.id }) });
      expect(answer.status, method).toBe(403);
      expect(answer.body).not.toContain('TRAINER-ONLY-NOTE');
    }

    // Stopped and started again without a collection, the whole library is back.
    await value('share.stop');
    const whole = await value<ShareStatus>('share.start', {});
    expect(whole).toMatchObject({ running: true, limitedTo: null, collection: null });
    if (!whole.running) throw new Error('not started');
    const all = await participant<{ guides: { id: string }[] }>(whole.url, 'library.list');
    expect(all.ok && all.value.guides.map((g) => g.id)).toEqual(expect.arrayContaining(['sample-checklist', 'sample-rights']));
  });

  it('refuses an unknown collection and an empty one with a message saying what to do, and stays off', async () => {
    const unknown = await trainer('share.start', { collection: 'no-such-collection' });
    expect(unknown).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message:
          'There is no collection "no-such-collection" to share: it may have been deleted. Choose another on the Share screen, or share the whole library.',
      },
    });
    const empty = await value<CollectionView>('collections.create', { name: 'Not ready yet' });
    expect(await trainer('share.start', { collection: empty.id })).toEqual({
      ok: false,
      error: { code: 'bad-input', message: '"Not ready yet" has no guides to share. Add guides to it, or share the whole library.' },
    });
    expect(await trainer('share.start', { collection: '../x' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await value('share.status')).toEqual({ running: false });
  });
});
