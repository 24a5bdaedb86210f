import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/api/client';
import { contract } from '../../electron/api/contract';
import type { Router } from '../../electron/api/router';
import { inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

let client: Client;
let router: Router;
let remove: () => Promise<void>;
let dataDir: string;
beforeEach(async () => {
  ({ dir: dataDir, remove } = await tempDir());
  ({ client, router } = await inProcessClient(dataDir));
});
afterEach(() => remove());

describe('the contract', () => {
  it('documents every method with an input schema and a line of doc', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(spec.doc.length).toBeGreaterThan(10);
      expect(typeof spec.input.safeParse).toBe('function');
    }
  });

  it('reports app info with the clock in use', async () => {
    const info = await client.invoke('app.info');
    expect(info).toMatchObject({ mode: 'browser', clockFixed: true, now: '2026-11-28T00:00:00.000Z', notices: [] });
  });

  it('keeps settings across a reopen of the core', async () => {
    expect((await client.invoke('settings.update', { interfaceLanguage: 'fr', theme: 'dark' })).interfaceLanguage).toBe('fr');
    const reopened = await inProcessClient(dataDir);
    expect(await reopened.client.invoke('settings.get')).toMatchObject({ interfaceLanguage: 'fr', theme: 'dark' });
  });

  it('lists the library and opens a guide in a chosen language, falling back to the original', async () => {
    const library = await client.invoke('library.list');
    expect(library.guides.map((g) => `${g.id}/${g.lang}`).sort()).toEqual(['sample-checklist/ar', 'sample-checklist/en', 'sample-rights/en']);
    const arabic = await client.invoke('guide.get', { id: 'sample-checklist', lang: 'ar' });
    expect(arabic).toMatchObject({ lang: 'ar', dir: 'rtl', translationOf: { lang: 'en', version: 1 } });
    const fallback = await client.invoke('guide.get', { id: 'sample-rights', lang: 'es' });
    expect(fallback.lang).toBe('en');
    expect(fallback.sections.map((s) => s.anchor)).toEqual(['what-police-may-do', 'writing-things-down']);
  });

  it('saves checklist ticks per guide version', async () => {
    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [1, 0, 1] });
    expect((await client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0, 1]);
    expect((await client.invoke('guide.get', { id: 'sample-checklist', lang: 'ar' })).checked).toEqual([]);
  });

  it('finds sections by search', async () => {
    const hits = await client.invoke('search.query', { q: 'observer' });
    expect(hits[0]).toMatchObject({ id: 'sample-rights' });
  });

  it('answers bad input with { code, message } naming the field, and never throws', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['guide.get', { id: 'Not An Id' }, /guide\.get: id must be a guide id/],
      ['guide.get', {}, /guide\.get: id /],
      ['settings.update', { theme: 'purple' }, /settings\.update: theme /],
      ['settings.update', { colour: 'red' }, /unknown field\(s\) colour/],
      ['search.query', { q: 42 }, /search\.query: q /],
      ['guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 0, checked: [] }, /version /],
      ['settings.get', 'not an object', /settings\.get: \(input\)/],
    ];
    for (const [method, input, message] of cases) {
      const answer = await router.dispatch(method, input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad-input' } });
      expect(answer.ok === false && answer.error.message).toMatch(message);
    }
    expect(await router.dispatch('nope.never', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await router.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('answers a missing guide with not-found and a message saying what to do', async () => {
    await expect(client.invoke('guide.get', { id: 'no-such-guide' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/library/),
    });
  });

  it('checks for updates only when the person turned checks on', async () => {
    expect(await client.invoke('updates.check')).toMatchObject({ status: 'not-run', reason: 'turned-off', message: expect.stringMatching(/off/) });
    await client.invoke('settings.update', { updateChecks: true });
    expect(await client.invoke('updates.check')).toMatchObject({
      status: 'not-run',
      reason: 'browser-mode',
      message: expect.stringMatching(/desktop app/),
    });
  });
});
