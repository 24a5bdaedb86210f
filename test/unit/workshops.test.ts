import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COLLECTION_LIMITS } from '../../electron/api/collections';
import { USER_DATA_FILE } from '../../electron/core/store/user-data';
import { inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

let dataDir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir: dataDir, remove } = await tempDir()));
afterEach(() => remove());

/** Collections through the contract, as the Collections screen drives them. */
describe('workshop collections', () => {
  it('keeps names, items, sections, notes and order across a restart', async () => {
    const { client } = await inProcessClient(dataDir);
    const made = await client.invoke('collections.create', { name: '  Saturday training ' });
    expect(made.name).toBe('Saturday training');
    await client.invoke('collections.addItem', { id: made.id, guide: 'sample-rights', lang: 'en' });
    await client.invoke('collections.addItem', { id: made.id, guide: 'sample-checklist', lang: 'en', section: 'before-you-leave' });
    let view = await client.invoke('collections.addItem', { id: made.id, guide: 'sample-checklist', lang: 'ar' });
    const [first, second, third] = view.items.map((item) => item.id);
    await client.invoke('collections.setNote', { id: made.id, item: second!, note: 'Ask who has been stopped before.' });
    await client.invoke('collections.moveItem', { id: made.id, item: third!, to: 0 });
    await client.invoke('collections.rename', { id: made.id, name: 'Sunday training' });

    const reopened = (await inProcessClient(dataDir)).client;
    view = await reopened.invoke('collections.get', { id: made.id });
    expect(view.name).toBe('Sunday training');
    expect(view.items.map((item) => item.id)).toEqual([third, first, second]);
    expect(view.items[2]).toMatchObject({
      section: 'before-you-leave',
      sectionHeading: 'Before you leave',
      note: 'Ask who has been stopped before.',
      version: 2,
    });
    expect(view.items[0]!.card).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(await reopened.invoke('collections.list')).toEqual([expect.objectContaining({ id: made.id, name: 'Sunday training', count: 3 })]);
  });

  it('refuses what does not exist, duplicates and an empty name, and a refusal saves nothing', async () => {
    const { client } = await inProcessClient(dataDir);
    const { id } = await client.invoke('collections.create', { name: 'A' });
    await client.invoke('collections.addItem', { id, guide: 'sample-rights', lang: 'en' });
    const before = await readFile(join(dataDir, USER_DATA_FILE), 'utf8');
    await expect(client.invoke('collections.addItem', { id, guide: 'sample-rights', lang: 'en' })).rejects.toThrow('already in "A"');
    await expect(client.invoke('collections.addItem', { id, guide: 'no-such-guide', lang: 'en' })).rejects.toThrow(
      'There is no guide "no-such-guide"',
    );
    await expect(client.invoke('collections.addItem', { id, guide: 'sample-rights', lang: 'en', section: 'nowhere' })).rejects.toThrow(
      'has no section "nowhere"',
    );
    await expect(client.invoke('collections.rename', { id, name: '   ' })).rejects.toThrow('name must not be empty');
    await expect(client.invoke('collections.get', { id: 'gone' })).rejects.toThrow('There is no collection "gone"');
    expect(await readFile(join(dataDir, USER_DATA_FILE), 'utf8')).toBe(before);
  });

  it('is bounded: notes, items per collection and collections, each with a message that says what to do', async () => {
    const { client, fieldbook } = await inProcessClient(dataDir);
    const { id } = await client.invoke('collections.create', { name: 'Full' });
    const item = (await client.invoke('collections.addItem', { id, guide: 'sample-rights', lang: 'en' })).items[0]!.id;
    await expect(client.invoke('collections.setNote', { id, item, note: 'x'.repeat(COLLECTION_LIMITS.noteLength + 1) })).rejects.toThrow(
      `note must be at most ${COLLECTION_LIMITS.noteLength} characters`,
    );
    // Filling to the caps through the store is quicker than hundreds of calls; the handlers must then refuse more.
    await fieldbook.store.update((data) => {
      const full = data.collections[0]!;
      full.items = Array.from({ length: COLLECTION_LIMITS.items }, (_, n) => ({
        id: `i${n}`,
        guide: 'sample-rights',
        lang: 'en',
        section: `s${n}`,
        note: '',
      }));
      for (let n = data.collections.length; n < COLLECTION_LIMITS.collections; n++) {
        data.collections.push({ id: `c${n}`, name: `C${n}`, created: '', updated: '', items: [] });
      }
    });
    await expect(client.invoke('collections.addItem', { id, guide: 'sample-checklist', lang: 'en' })).rejects.toThrow(
      `may hold at most ${COLLECTION_LIMITS.items}`,
    );
    await expect(client.invoke('collections.create', { name: 'One more' })).rejects.toThrow('Delete one you no longer need');
  });

  it('exports a file without ticks, and imports it back as the same collection', async () => {
    const { client } = await inProcessClient(dataDir);
    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] });
    const { id } = await client.invoke('collections.create', { name: 'Día de formación' });
    await client.invoke('collections.addItem', { id, guide: 'sample-checklist', lang: 'en', section: 'rights-at-the-border' });
    const view = await client.invoke('collections.addItem', { id, guide: 'sample-rights', lang: 'en' });
    await client.invoke('collections.setNote', { id, item: view.items[1]!.id, note: 'Start here' });
    const file = await client.invoke('collections.export', { id });
    expect(file.fileName).toBe('dia-de-formacion.fieldbook-collection.json');
    const parsed = JSON.parse(file.text);
    expect(parsed).toMatchObject({ format: 'fieldbook-collection', formatVersion: 1, name: 'Día de formación' });
    expect(parsed.items).toEqual([
      { guide: 'sample-checklist', lang: 'en', version: 2, section: 'rights-at-the-border', note: '' },
      { guide: 'sample-rights', lang: 'en', version: 1, section: null, note: 'Start here' },
    ]);
    expect(file.text).not.toMatch(/checked|checklists/);

    await client.invoke('collections.delete', { id });
    expect(await client.invoke('collections.list')).toEqual([]);
    const back = await client.invoke('collections.import', { text: file.text });
    const strip = (v: typeof back) => v.items.map(({ id: _id, ...rest }) => rest);
    expect(back.name).toBe('Día de formación');
    expect(strip(back)).toEqual(strip({ ...view, items: [view.items[0]!, { ...view.items[1]!, note: 'Start here' }] }));
  });

  it('keeps a guide this library lacks, shown as missing, and names the wrong field of a bad file', async () => {
    const { client } = await inProcessClient(dataDir);
    const file = (items: unknown[]) => JSON.stringify({ format: 'fieldbook-collection', formatVersion: 1, name: 'Imported', items });
    const imported = await client.invoke('collections.import', { text: file([{ guide: 'elsewhere-only', lang: 'fr', version: 3, note: 'n' }]) });
    expect(imported.items).toEqual([expect.objectContaining({ guide: 'elsewhere-only', lang: 'fr', version: 3, card: null, note: 'n' })]);
    await expect(client.invoke('collections.import', { text: file([{ guide: 'ok', lang: 'English' }]) })).rejects.toThrow(
      'the field "items.0.lang" is wrong: must be a language tag',
    );
    await expect(client.invoke('collections.import', { text: '{"format":"other"}' })).rejects.toThrow('the field "format" is wrong');
    await expect(client.invoke('collections.import', { text: 'not json' })).rejects.toThrow('it is not valid JSON');
    expect(await client.invoke('collections.list')).toHaveLength(1);
  });

  it('the browser mode has no PDF printer, and says how to print instead', async () => {
    const { client } = await inProcessClient(dataDir);
    expect(await client.invoke('handout.print', { action: 'pdf', fileName: 'x.pdf' })).toMatchObject({ outcome: 'unavailable' });
  });
});

describe('what may leave the machine', () => {
  it('a public collection carries the items and never the notes', async () => {
    const { publicCollection } = await import('../../electron/core/workshops/public');
    const { client } = await inProcessClient(dataDir);
    const { id } = await client.invoke('collections.create', { name: 'Room' });
    const view = await client.invoke('collections.addItem', { id, guide: 'sample-rights', lang: 'en', section: 'writing-things-down' });
    const noted = await client.invoke('collections.setNote', { id, item: view.items[0]!.id, note: 'SECRET trainer note' });
    const shared = publicCollection(noted);
    expect(shared.items).toEqual([
      { guide: 'sample-rights', lang: 'en', section: 'writing-things-down', title: expect.any(String), sectionHeading: 'Writing things down' },
    ]);
    expect(JSON.stringify(shared)).not.toContain('SECRET');
  });
});

describe('collections in the data file', () => {
  it('a data file from before collections existed loads with none, and keeps everything else', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dataDir, USER_DATA_FILE), JSON.stringify({ settings: { theme: 'dark' }, checklists: { 'sample-checklist/en@2': [1] } }));
    const { client, fieldbook } = await inProcessClient(dataDir);
    expect(fieldbook.store.setAside).toEqual([]);
    expect(await client.invoke('collections.list')).toEqual([]);
    expect((await client.invoke('settings.get')).theme).toBe('dark');
    expect((await client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([1]);
  });
});
