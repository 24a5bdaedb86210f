import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldbookError } from '../../electron/api/errors';
import { LOCK_FILE } from '../../electron/core/store/data-folder-lock';
import { openUserData, USER_DATA_FILE, type UserDataOptions, type UserDataStore } from '../../electron/core/store/user-data';
import { faultyDisk, type FailAt } from '../support/failing-fs';
import { tempDir } from '../support/temp';

let dir: string;
let remove: () => Promise<void>;
const open: UserDataStore[] = [];
beforeEach(async () => ({ dir, remove } = await tempDir()));
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await remove();
});

const fixedNow = () => new Date('2026-11-28T10:00:00Z');
/** Opens the store as Fieldbook does at start-up, closing the one opened before (a quit and restart). */
async function start(options: UserDataOptions = {}): Promise<UserDataStore> {
  await open.pop()?.close();
  const store = await openUserData(dir, fixedNow, options);
  open.push(store);
  return store;
}
const dataFile = () => join(dir, USER_DATA_FILE);
const filesIn = async () => (await readdir(dir)).filter((name) => name !== LOCK_FILE).sort();

describe('user data store', () => {
  it('starts with defaults when there is no file, and keeps what is saved', async () => {
    const store = await start();
    expect(store.read().settings).toMatchObject({ interfaceLanguage: null, theme: 'system', updateChecks: false });
    await store.update((data) => {
      data.settings.interfaceLanguage = 'ar';
    });
    const reopened = await start();
    expect(reopened.read().settings.interfaceLanguage).toBe('ar');
    expect(reopened.setAside).toEqual([]);
  });

  it('writes atomically: only the data file remains, never a temporary one, and it is complete JSON', async () => {
    const store = await start();
    await Promise.all(
      (['light', 'dark', 'high-contrast'] as const).map((theme) =>
        store.update((data) => {
          data.settings.theme = theme;
        }),
      ),
    );
    expect(await filesIn()).toEqual([USER_DATA_FILE]);
    const saved = JSON.parse(await readFile(dataFile(), 'utf8'));
    expect(saved.settings.theme).toBe('high-contrast');
  });

  it('writes each save through its own temporary file, fsynced, renamed, and then fsyncs the folder', async () => {
    const disk = faultyDisk();
    const store = await start({ fs: disk.fs });
    disk.log.length = 0;
    for (const theme of ['dark', 'light'] as const) {
      await store.update((data) => {
        data.settings.theme = theme;
      });
    }
    const temps = disk.log.filter((line) => line.startsWith('open ') && line.endsWith(' wx')).map((line) => line.split(' ')[1]!);
    expect(temps).toHaveLength(2);
    expect(new Set(temps).size).toBe(2);
    for (const temp of temps) expect(temp).toMatch(new RegExp(`/\\.fieldbook\\.json\\.${process.pid}-[0-9a-f]{12}\\.tmp$`));
    const first = temps[0]!;
    const steps = [`write ${first}`, `sync ${first}`, `rename ${first} -> ${dataFile()}`, `sync ${dir}`];
    const at = steps.map((step) => disk.log.indexOf(step));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('sweeps temporary files a crashed run left behind, and nothing else', async () => {
    await writeFile(join(dir, '.fieldbook.json.4242.tmp'), '{"settings": {');
    await writeFile(join(dir, '.fieldbook.json.4242-0a1b2c3d4e5f.tmp'), '{');
    await writeFile(join(dir, 'notes.tmp'), 'mine');
    await start();
    expect(await filesIn()).toEqual(['notes.tmp']);
  });

  it('sets an unreadable file aside (kept, never deleted), reports it, and loads defaults', async () => {
    const broken = '{"settings": {"theme": "dark", ';
    await writeFile(dataFile(), broken);
    const store = await start();
    expect(store.read().settings.theme).toBe('system');
    expect(store.setAside).toHaveLength(1);
    const [event] = store.setAside;
    expect(event!.reason).toMatch(/not valid JSON/);
    expect(event!.keptAs).toBe(join(dir, 'fieldbook.unreadable-2026-11-28T10-00-00-000Z.json'));
    expect(await readFile(event!.keptAs!, 'utf8')).toBe(broken);
    // The app goes on working: the next change is saved to a fresh file.
    await store.update((data) => {
      data.settings.theme = 'light';
    });
    expect((await start()).read().settings.theme).toBe('light');
  });

  it('never overwrites an earlier set-aside copy, even under a fixed clock', async () => {
    const first = '{"settings": {"theme": "dark",';
    const second = '{"settings": {"theme": "light",';
    await writeFile(dataFile(), first);
    const a = await start();
    await writeFile(dataFile(), second);
    const b = await start();
    expect(b.setAside[0]!.keptAs).not.toBe(a.setAside[0]!.keptAs);
    expect(await readFile(a.setAside[0]!.keptAs!, 'utf8')).toBe(first);
    expect(await readFile(b.setAside[0]!.keptAs!, 'utf8')).toBe(second);
    expect(b.setAside[0]!.keptAs).toBe(join(dir, 'fieldbook.unreadable-2026-11-28T10-00-00-000Z-2.json'));
  });

  it('sets aside a file that is JSON but not Fieldbook data, naming the field', async () => {
    await writeFile(dataFile(), JSON.stringify({ settings: { theme: 'purple' } }));
    const store = await start();
    expect(store.setAside[0]!.reason).toMatch(/settings\.theme/);
    expect(store.read().settings.theme).toBe('system');
  });
});

describe('start-up with a data file that cannot be used', () => {
  async function expectKeptAndWorking(store: UserDataStore, reason: RegExp, original: string | null) {
    expect(store.setAside).toHaveLength(1);
    expect(store.setAside[0]!.reason).toMatch(reason);
    const keptAs = store.setAside[0]!.keptAs!;
    if (original !== null) expect(await readFile(keptAs, 'utf8')).toBe(original);
    expect(store.read().settings.theme).toBe('system');
    await store.update((data) => {
      data.settings.theme = 'dark';
    });
    expect((await start()).read().settings.theme).toBe('dark');
    return keptAs;
  }

  it('holding null: says so, keeps it, starts with defaults', async () => {
    await writeFile(dataFile(), 'null\n');
    await expectKeptAndWorking(await start(), /holds null instead of Fieldbook’s data/, 'null\n');
  });

  it('a folder in its place: says so, moves the folder aside with what it holds, starts with defaults', async () => {
    await mkdir(dataFile());
    await writeFile(join(dataFile(), 'inside.txt'), 'kept');
    const keptAs = await expectKeptAndWorking(await start(), /a folder is where the data file should be/, null);
    expect((await stat(keptAs)).isDirectory()).toBe(true);
    expect(await readFile(join(keptAs, 'inside.txt'), 'utf8')).toBe('kept');
  });

  it('too large to read: says how large and the limit, keeps it unread, starts with defaults', async () => {
    // Valid JSON, so only the size can refuse it.
    const huge = `{"settings": {}, "padding": "${'x'.repeat(20 * 1024 * 1024)}"}`;
    await writeFile(dataFile(), huge);
    const store = await start();
    expect(store.setAside[0]!.reason).toMatch(/it is 20 MB, larger than the 16 MB Fieldbook reads/);
    expect((await stat(store.setAside[0]!.keptAs!)).size).toBe(huge.length);
    await expectKeptAndWorking(store, /larger than the 16 MB/, null);
  });

  it('not readable (EACCES): says so, moves it aside unread, starts with defaults', async () => {
    const disk = faultyDisk();
    await writeFile(dataFile(), '{"settings": {"theme": "dark"}}');
    disk.fail('EACCES', 'read');
    const store = await start({ fs: disk.fs });
    disk.fail(null);
    await expectKeptAndWorking(store, /not allowed to read it/, '{"settings": {"theme": "dark"}}');
  });

  it('neither readable nor movable: left in place untouched, and no save overwrites it', async () => {
    const disk = faultyDisk();
    const original = '{"settings": {"theme": "dark"}}';
    await writeFile(dataFile(), original);
    disk.fail('EACCES', 'read', { renameToo: true });
    const store = await start({ fs: disk.fs });
    disk.fail(null);
    expect(store.setAside).toEqual([{ file: dataFile(), keptAs: null, reason: expect.stringMatching(/left where it is/) }]);
    const saving = store.update((data) => {
      data.settings.theme = 'light';
    });
    await expect(saving).rejects.toMatchObject({ code: 'not-saved', message: expect.stringMatching(/left where it is/) });
    expect(await readFile(dataFile(), 'utf8')).toBe(original);
    expect(store.read().settings.theme).toBe('system');
  });
});

describe('a save that fails changes nothing and says what to do', () => {
  const cases: [string, FailAt, RegExp][] = [
    ['ENOSPC', 'write', /^The disk is full: your change was not saved\. Free some space and try again\.$/],
    ['EDQUOT', 'write', /quota is used up: your change was not saved/],
    ['EROFS', 'open', /is read-only: your change was not saved\. Make it writable/],
    ['EACCES', 'open', /not allowed to write in its data folder .*: your change was not saved\. Give your user account write permission/],
    ['EIO', 'sync', /disk reported an error while saving: your change was not saved/],
    ['EIO', 'rename', /disk reported an error while saving: your change was not saved/],
  ];
  for (const [code, at, message] of cases) {
    it(`${code} at ${at}: memory and file stay as they were, no temporary file remains, and the next save works`, async () => {
      const disk = faultyDisk();
      const store = await start({ fs: disk.fs });
      await store.update((data) => {
        data.settings.theme = 'dark';
        data.checklists['g/en@1'] = [0];
      });
      const before = await readFile(dataFile(), 'utf8');

      disk.fail(code, at);
      const error = await store
        .update((data) => {
          data.settings.theme = 'light';
          data.checklists['g/en@1'] = [0, 1];
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldbookError);
      expect(error).toMatchObject({ code: 'not-saved', message: expect.stringMatching(message) });
      expect(store.read().settings.theme).toBe('dark');
      expect(store.read().checklists['g/en@1']).toEqual([0]);
      expect(await readFile(dataFile(), 'utf8')).toBe(before);
      expect(await filesIn()).toEqual([USER_DATA_FILE]);

      disk.fail(null);
      await store.update((data) => {
        data.settings.textSize = 'large';
      });
      const after = (await start()).read();
      expect(after.settings).toMatchObject({ theme: 'dark', textSize: 'large' });
      expect(after.checklists['g/en@1']).toEqual([0]);
    });
  }

  it('a data folder that is read-only from the start: Fieldbook starts, reads, and each save says why it failed', async () => {
    await writeFile(dataFile(), JSON.stringify({ settings: { theme: 'dark' } }));
    const disk = faultyDisk();
    disk.fail('EROFS', 'open');
    const store = await start({ fs: disk.fs });
    expect(store.read().settings.theme).toBe('dark');
    await expect(
      store.update((data) => {
        data.settings.theme = 'light';
      }),
    ).rejects.toMatchObject({ code: 'not-saved', message: expect.stringMatching(/is read-only: your change was not saved/) });
    expect(store.read().settings.theme).toBe('dark');
    expect(await readdir(dir)).toEqual([USER_DATA_FILE]);
  });

  it('refuses to grow the file past its cap, with a clear message, keeping what was there', async () => {
    const store = await start({ maxWriteBytes: 2000 });
    await store.update((data) => {
      data.settings.theme = 'dark';
    });
    const saving = store.update((data) => {
      for (let i = 0; i < 100; i++) data.checklists[`guide-${i}/en@1`] = [0, 1, 2];
    });
    await expect(saving).rejects.toMatchObject({
      code: 'not-saved',
      message: expect.stringMatching(/past the 2 KB it keeps: your change was not saved/),
    });
    expect(Object.keys(store.read().checklists)).toEqual([]);
    expect(JSON.parse(await readFile(dataFile(), 'utf8')).settings.theme).toBe('dark');
  });
});
