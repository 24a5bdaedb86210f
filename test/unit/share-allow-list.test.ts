import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../electron/api/contract';
import type { Client } from '../../electron/api/client';
import type { Router } from '../../electron/api/router';
import type { Fieldbook } from '../../electron/core/fieldbook';
import { isShareMethod, SHARE_METHODS, shareMethodOfPath } from '../../electron/host/share/allow-list';
import { shareRouter } from '../../electron/host/share/handlers';
import { fixedClock, inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

let fieldbook: Fieldbook;
let share: Router;
let remove: () => Promise<void>;
/** The trainer's own app, on the same core the share serves. */
let trainer: Client;

beforeAll(async () => {
  const data = await tempDir();
  remove = data.remove;
  ({ fieldbook, client: trainer } = await inProcessClient(data.dir));
  share = shareRouter({ fieldbook, clock: fixedClock('2026-11-28'), version: '1.2.3' }, () => undefined);
});
afterAll(async () => {
  await fieldbook.close();
  await remove();
});

const value = async (router: Router, method: string, input: unknown = {}) => {
  const envelope = await router.dispatch(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as never;
};
const own = (method: string, input: unknown = {}) => trainer.invoke(method as 'app.info', input as never) as Promise<never>;

describe('the room share’s allow-list', () => {
  it('names reading and search only, and every one is a contract method', () => {
    expect([...SHARE_METHODS].sort()).toEqual(['app.info', 'guide.get', 'library.browse', 'library.list', 'search.query']);
    for (const method of SHARE_METHODS) expect(Object.hasOwn(contract, method)).toBe(true);
  });

  it('takes exact names from the raw path: no case, encoding, padding or path trick names an allowed method', () => {
    expect(shareMethodOfPath('/api/invoke/guide.get')).toBe('guide.get');
    for (const path of [
      '/api/invoke/settings.get',
      '/api/invoke/Guide.get',
      '/api/invoke/guide%2eget',
      '/api/invoke/%67uide.get',
      '/api/invoke/guide.get/',
      '/api/invoke/guide.get%00',
      '/api/invoke/guide.get/../settings.get',
      '/api/invoke//guide.get',
      '/api/invoke/ guide.get',
      '/api/invoke/__proto__',
      '/api/invoke/constructor',
      '/api/events',
      '/API/invoke/guide.get',
    ]) {
      expect(shareMethodOfPath(path), path).toBeNull();
    }
    expect(isShareMethod('hasOwnProperty')).toBe(false);
    expect(isShareMethod(undefined)).toBe(false);
  });

  it('refuses every other contract method, whatever the input, and runs none of their handlers', async () => {
    const others = Object.keys(contract).filter((method) => !isShareMethod(method));
    expect(others).toEqual(
      expect.arrayContaining(['settings.get', 'settings.update', 'guide.setChecked', 'share.start', 'share.stop', 'review.export']),
    );
    const before = JSON.stringify(fieldbook.store.read());
    for (const method of others) {
      for (const input of [{}, { theme: 'dark' }, { id: 'sample-checklist', lang: 'en', version: 1, checked: [0] }, null, 'x'.repeat(10_000)]) {
        const envelope = await share.dispatch(method, input);
        expect(envelope, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(JSON.stringify(fieldbook.store.read())).toBe(before);
  });

  it('keeps the contract’s validation: extra fields are refused as on the app’s own router', async () => {
    expect(await share.dispatch('guide.get', { id: 'sample-checklist', checked: [1] })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await share.dispatch('search.query', { q: 'rights', myJurisdiction: 'US' })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('answers a minimal app.info in share mode, with none of the host’s notices', async () => {
    expect(await value(share, 'app.info')).toEqual({
      version: '1.2.3',
      mode: 'share',
      maintainer: false,
      now: '2026-11-28T00:00:00.000Z',
      clockFixed: true,
      notices: [],
    });
  });

  it('never carries the trainer’s checklist ticks, after the trainer ticks boxes and again after a change', async () => {
    const guide: { version: number; checked: number[] } = await own('guide.get', { id: 'sample-checklist', lang: 'en' });
    await own('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: guide.version, checked: [0, 1] });
    expect(((await own('guide.get', { id: 'sample-checklist', lang: 'en' })) as { checked: number[] }).checked).toEqual([0, 1]);
    const shared: { checked: number[]; body: string; title: string } = await value(share, 'guide.get', { id: 'sample-checklist', lang: 'en' });
    expect(shared.checked).toEqual([]);
    expect(shared.body).toContain('- [ ]');
    await own('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: guide.version, checked: [1] });
    expect(((await value(share, 'guide.get', { id: 'sample-checklist', lang: 'en' })) as { checked: number[] }).checked).toEqual([]);
  });

  it('searches without the trainer’s jurisdiction: the order is that of a person who chose none', async () => {
    const order = (hits: { id: string }[]) => hits.map((hit) => hit.id);
    await own('settings.update', { myJurisdiction: null });
    const neutral = order(await own('search.query', { q: 'rights' }));
    await own('settings.update', { myJurisdiction: 'US' });
    const trainers = order(await own('search.query', { q: 'rights' }));
    // The query ranks differently with a jurisdiction set, so the check below can tell the two apart.
    expect(trainers).not.toEqual(neutral);
    expect(order(await value(share, 'search.query', { q: 'rights' }))).toEqual(neutral);
    await own('settings.update', { myJurisdiction: null });
  });

  it('lists the library without the maintainer’s list of invalid files', async () => {
    const library: { guides: { id: string }[]; invalid: unknown[] } = await value(share, 'library.list');
    expect(library.guides.map((g) => g.id)).toEqual(expect.arrayContaining(['sample-rights', 'sample-checklist']));
    expect(library.invalid).toEqual([]);
  });

  it('shares one collection only when given its guides: the rest is neither listed, opened nor found', async () => {
    const collection = shareRouter({ fieldbook, clock: fixedClock('2026-11-28'), version: '1', only: [{ id: 'sample-checklist', lang: 'en' }] });
    const library: { guides: { id: string; lang: string; languages: string[] }[] } = await value(collection, 'library.list');
    expect(library.guides.map((g) => `${g.id}/${g.lang}`)).toEqual(['sample-checklist/en']);
    expect(library.guides[0]!.languages).toEqual(['en']);
    // The library screen's page of cards says the same: one card, naming only the shared language.
    const page: { count: number; cards: { id: string; languages: string[] }[] } = await value(collection, 'library.browse', {
      jurisdiction: null,
      topic: null,
      language: null,
      mine: null,
      myJurisdiction: null,
      interfaceLanguage: 'ar',
      offset: 0,
      limit: 24,
    });
    expect(page.count).toBe(1);
    expect(page.cards.map((card) => [card.id, card.languages])).toEqual([['sample-checklist', ['en']]]);
    expect(await collection.dispatch('guide.get', { id: 'sample-rights', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await collection.dispatch('guide.get', { id: 'sample-checklist', lang: 'ar' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const hits: { id: string }[] = await value(collection, 'search.query', { q: 'rights' });
    expect(hits.map((hit) => hit.id)).toEqual(['sample-checklist']);
  });
});

describe('the room share while content changes', () => {
  it('serves the content as it is now: a guide that a reload removed is gone from the running share', async () => {
    // The core replaces its catalog when its folder changes or a pack is applied; the share must not keep the old one.
    const live = { catalog: fieldbook.catalog, search: fieldbook.search };
    const room = shareRouter({ fieldbook: live, clock: fixedClock('2026-11-28'), version: '1' });
    const ids = async () => ((await value(room, 'library.list')) as { guides: { id: string }[] }).guides.map((g) => g.id);
    expect(await ids()).toContain('sample-rights');
    live.catalog = { ...fieldbook.catalog, guides: fieldbook.catalog.guides.filter((guide) => guide.meta.id !== 'sample-rights') };
    expect(await ids()).not.toContain('sample-rights');
    expect(await room.dispatch('guide.get', { id: 'sample-rights', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
