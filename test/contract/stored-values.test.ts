import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_DATA_FILE } from '../../electron/core/store/user-data';
import { failureOf as refusal, freshCore } from '../support/fresh-core';

const core = freshCore();
const saved = async () => JSON.parse(await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8'));

describe('checklist ticks are stored only for what exists', () => {
  it('refuses versions, languages and items the guide does not have, naming the field, and keeps the ticks', async () => {
    // The person opens the English checklist (version 2, two items) and ticks the first item.
    const guide = await core.client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' });
    expect(guide.version).toBe(2);
    await core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0] });

    const attempts: [Record<string, unknown>, RegExp][] = [
      [{ version: 3 }, /^guide\.setChecked: version 3: the guide "sample-checklist" in en exists as version 2 only/],
      [{ version: 1 }, /^guide\.setChecked: version 1: /],
      [{ lang: 'fr' }, /^guide\.setChecked: lang "fr": the guide "sample-checklist" exists only in ar, en\.$/],
      [{ lang: 'ar' }, /^guide\.setChecked: version 2: the guide "sample-checklist" in ar exists as version 1 only/],
      [{ checked: [0, 2] }, /^guide\.setChecked: checked: item 2 does not exist; the guide "sample-checklist" in en has 2 checklist item\(s\)/],
      [{ checked: [9999] }, /checked: item 9999 does not exist/],
    ];
    for (const [change, message] of attempts) {
      const input = { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1], ...change };
      expect(await refusal(core.client.invoke('guide.setChecked', input as never))).toEqual({
        code: 'bad-input',
        message: expect.stringMatching(message),
      });
      expect((await core.client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0]);
    }
    expect(await refusal(core.client.invoke('guide.setChecked', { id: 'no-such-guide', lang: 'en', version: 1, checked: [0] }))).toMatchObject({
      code: 'not-found',
    });
    expect((await saved()).checklists).toEqual({ 'sample-checklist/en@2': [0] });

    // What exists is still accepted: the Arabic copy, version 1, its one item.
    await core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'ar', version: 1, checked: [0] });
    expect((await saved()).checklists).toEqual({ 'sample-checklist/en@2': [0], 'sample-checklist/ar@1': [0] });
  });

  it('cannot grow the data file through the API: a flood of calls leaves it the size of what exists', async () => {
    await core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] });
    await core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'ar', version: 1, checked: [0] });
    await core.client.invoke('settings.update', { myJurisdiction: 'US-CA' });
    const full = (await stat(join(core.dataDir, USER_DATA_FILE))).size;
    for (let i = 0; i < 300; i++) {
      await refusal(core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 3 + i, checked: [0] }));
      await refusal(core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: `x${i % 10}a`, version: 2, checked: [0] }));
      await refusal(core.client.invoke('settings.update', { myJurisdiction: `XX-${'A'.repeat(i)}` }));
    }
    expect((await stat(join(core.dataDir, USER_DATA_FILE))).size).toBe(full);
    expect(Object.keys((await saved()).checklists).sort()).toEqual(['sample-checklist/ar@1', 'sample-checklist/en@2']);
  });
});

describe('my jurisdiction is one the library knows', () => {
  it('refuses an unknown code, naming the field, and keeps the one chosen before', async () => {
    await core.client.invoke('settings.update', { myJurisdiction: 'US-CA' });
    await core.client.invoke('settings.update', { textSize: 'large' });
    expect(await refusal(core.client.invoke('settings.update', { myJurisdiction: 'XX-NOPE' }))).toEqual({
      code: 'bad-input',
      message: expect.stringMatching(/^settings\.update: myJurisdiction "XX-NOPE" is not a jurisdiction in this library; choose one/),
    });
    expect(await refusal(core.client.invoke('settings.update', { myJurisdiction: 'A'.repeat(100_000), theme: 'dark' }))).toMatchObject({
      code: 'bad-input',
    });
    expect(await core.client.invoke('settings.get')).toMatchObject({ myJurisdiction: 'US-CA', textSize: 'large', theme: 'system' });
    expect((await saved()).settings).toMatchObject({ myJurisdiction: 'US-CA', textSize: 'large', theme: 'system' });
    // Choosing none is always possible.
    expect((await core.client.invoke('settings.update', { myJurisdiction: null })).myJurisdiction).toBeNull();
  });
});
