import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUserData, USER_DATA_FILE } from '../../electron/core/store/user-data';
import { tempDir } from '../support/temp';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir()));
afterEach(() => remove());

const fixedNow = () => new Date('2026-11-28T10:00:00Z');

describe('user data store', () => {
  it('starts with defaults when there is no file, and keeps what is saved', async () => {
    const store = await openUserData(dir, fixedNow);
    expect(store.read().settings).toMatchObject({ interfaceLanguage: null, theme: 'system', updateChecks: false });
    await store.update((data) => {
      data.settings.interfaceLanguage = 'ar';
    });
    const reopened = await openUserData(dir, fixedNow);
    expect(reopened.read().settings.interfaceLanguage).toBe('ar');
    expect(reopened.setAside).toEqual([]);
  });

  it('writes atomically: only the data file remains, never a temporary one, and it is complete JSON', async () => {
    const store = await openUserData(dir, fixedNow);
    await Promise.all(
      (['light', 'dark', 'high-contrast'] as const).map((theme) =>
        store.update((data) => {
          data.settings.theme = theme;
        }),
      ),
    );
    expect(await readdir(dir)).toEqual([USER_DATA_FILE]);
    const saved = JSON.parse(await readFile(join(dir, USER_DATA_FILE), 'utf8'));
    expect(saved.settings.theme).toBe('high-contrast');
  });

  it('sets an unreadable file aside (kept, never deleted), reports it, and loads defaults', async () => {
    const broken = '{"settings": {"theme": "dark", ';
    await writeFile(join(dir, USER_DATA_FILE), broken);
    const store = await openUserData(dir, fixedNow);
    expect(store.read().settings.theme).toBe('system');
    expect(store.setAside).toHaveLength(1);
    const [event] = store.setAside;
    expect(event!.reason).toMatch(/not valid JSON/);
    expect(event!.keptAs).toBe(join(dir, 'fieldbook.unreadable-2026-11-28T10-00-00-000Z.json'));
    expect(await readFile(event!.keptAs, 'utf8')).toBe(broken);
    // The app goes on working: the next change is saved to a fresh file.
    await store.update((data) => {
      data.settings.theme = 'light';
    });
    expect((await openUserData(dir, fixedNow)).read().settings.theme).toBe('light');
  });

  it('sets aside a file that is JSON but not Fieldbook data, naming the field', async () => {
    await writeFile(join(dir, USER_DATA_FILE), JSON.stringify({ settings: { theme: 'purple' } }));
    const store = await openUserData(dir, fixedNow);
    expect(store.setAside[0]!.reason).toMatch(/settings\.theme/);
    expect(store.read().settings.theme).toBe('system');
  });
});
