import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_DATA_FILE } from '../../electron/core/store/user-data';
import { failureOf, freshCore } from '../support/fresh-core';
import { inProcessClient } from '../support/in-process';
import { folderBytes } from '../support/folder-bytes';

const CHEAP = { N: 2 ** 14, r: 8, p: 1 };
const core = freshCore();
const NOTE = 'met the lawyer near the north gate';
const SECTION_NOTE = 'border officer asked for my phone PIN';

describe('bookmarks, private notes and recently read', () => {
  it('keeps each across a restart, sealed under the lock, and only for guides and sections that exist', async () => {
    let { client } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    await client.invoke('reading.opened', { id: 'sample-checklist', lang: 'en' });
    await client.invoke('reading.bookmark', { id: 'sample-checklist', lang: 'en', on: true });
    await client.invoke('reading.bookmark', { id: 'sample-checklist', lang: 'en', section: 'rights-at-the-border', on: true });
    await client.invoke('reading.note', { id: 'sample-checklist', text: NOTE });
    await client.invoke('reading.note', { id: 'sample-checklist', section: 'rights-at-the-border', text: SECTION_NOTE });
    expect(await failureOf(client.invoke('reading.note', { id: 'sample-checklist', section: 'no-such-section', text: 'x' }))).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('"no-such-section" is not a section of the guide "sample-checklist"'),
    });
    expect(await failureOf(client.invoke('reading.bookmark', { id: 'no-such-guide', lang: 'en', on: true }))).toMatchObject({ code: 'not-found' });

    await client.invoke('safety.setPassphrase', { passphrase: 'a long enough phrase' });
    const bytes = await folderBytes(core.dataDir);
    for (const secret of [NOTE, SECTION_NOTE, 'sample-checklist', 'rights-at-the-border']) expect(bytes).not.toContain(secret);

    ({ client } = await inProcessClient(core.dataDir, { kdf: CHEAP }));
    expect(await client.invoke('reading.list')).toEqual({ bookmarks: [], recent: [], notes: [] });
    expect(await failureOf(client.invoke('reading.note', { id: 'sample-checklist', text: 'while locked' }))).toMatchObject({ code: 'locked' });
    await client.invoke('safety.unlock', { passphrase: 'a long enough phrase' });
    expect(await client.invoke('reading.get', { id: 'sample-checklist' })).toEqual({
      bookmarked: true,
      bookmarkedSections: ['rights-at-the-border'],
      note: NOTE,
      sectionNotes: { 'rights-at-the-border': SECTION_NOTE },
    });
    const list = await client.invoke('reading.list');
    expect(list.recent).toMatchObject([{ id: 'sample-checklist', lang: 'en' }]);
    expect(list.bookmarks).toHaveLength(2);

    // Removing: an empty note, a bookmark turned off.
    await client.invoke('reading.note', { id: 'sample-checklist', text: '' });
    await client.invoke('reading.bookmark', { id: 'sample-checklist', lang: 'en', on: false });
    expect(await client.invoke('reading.get', { id: 'sample-checklist' })).toMatchObject({
      bookmarked: false,
      note: '',
      bookmarkedSections: ['rights-at-the-border'],
    });
  });

  it('keep nothing: ticks and recently read stay in memory only, and are gone after a restart; notes stay', async () => {
    let { client } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0] });
    await client.invoke('reading.opened', { id: 'sample-checklist', lang: 'en' });
    await client.invoke('reading.note', { id: 'sample-checklist', text: NOTE });
    await client.invoke('safety.update', { keepNothing: true });
    // Turning it on rewrites the file without them, at once.
    const file = JSON.parse(await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8'));
    expect(file.checklists).toBeUndefined();
    expect(file.recent).toBeUndefined();
    expect(file.notes).toEqual({ 'sample-checklist': NOTE });

    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] });
    expect((await client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0, 1]);
    expect((await client.invoke('reading.list')).recent).toHaveLength(1);
    expect(await folderBytes(core.dataDir)).not.toContain('sample-checklist/en@2');

    ({ client } = await inProcessClient(core.dataDir, { kdf: CHEAP }));
    expect((await client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([]);
    expect((await client.invoke('reading.list')).recent).toEqual([]);
    expect((await client.invoke('reading.get', { id: 'sample-checklist' })).note).toBe(NOTE);
    expect((await client.invoke('safety.status')).keepNothing).toBe(true);
  });

  it('exports everything personal as a passphrase-sealed file and imports it into an empty Fieldbook', async () => {
    const { client } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    await client.invoke('settings.update', { myJurisdiction: 'US-CA' });
    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [1] });
    await client.invoke('reading.bookmark', { id: 'sample-checklist', lang: 'en', on: true });
    await client.invoke('reading.note', { id: 'sample-checklist', section: 'before-you-leave', text: SECTION_NOTE });
    const exported = await client.invoke('personal.export', { passphrase: 'export phrase here' });
    for (const secret of ['US-CA', SECTION_NOTE, 'sample-checklist']) expect(exported.text).not.toContain(secret);

    await client.invoke('safety.wipe', { confirm: true });
    expect(await client.invoke('reading.list')).toEqual({ bookmarks: [], recent: [], notes: [] });
    expect(await failureOf(client.invoke('personal.import', { passphrase: 'not the phrase', text: exported.text }))).toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await failureOf(client.invoke('personal.import', { passphrase: 'x', text: '{"format":"something"}' }))).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('not a Fieldbook export file'),
    });
    expect(await client.invoke('personal.import', { passphrase: 'export phrase here', text: exported.text })).toEqual({
      bookmarks: 1,
      notes: 1,
      checklists: 1,
    });

    const { client: after } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    expect((await after.invoke('settings.get')).myJurisdiction).toBe('US-CA');
    expect((await after.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([1]);
    expect(await after.invoke('reading.get', { id: 'sample-checklist' })).toMatchObject({
      bookmarked: true,
      sectionNotes: { 'before-you-leave': SECTION_NOTE },
    });
  });
});
