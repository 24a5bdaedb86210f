import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/core/store/data-folder-lock';
import { openUserData, USER_DATA_FILE } from '../../electron/core/store/user-data';
import { failureOf, freshCore } from '../support/fresh-core';
import { inProcessClient } from '../support/in-process';
import { folderBytes } from '../support/folder-bytes';
import { tempDir } from '../support/temp';

const CHEAP = { N: 2 ** 14, r: 8, p: 1 };
const core = freshCore();
const PASSPHRASE = 'correct horse battery staple';

async function journey(client: typeof core.client) {
  await client.invoke('settings.update', { myJurisdiction: 'US-CA', theme: 'dark' });
  await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [1] });
}

describe('the passphrase lock', () => {
  it('leaves no personal data readable on disk, refuses the wrong passphrase and brings every item back with the right one', async () => {
    const { client } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    await journey(client);
    const plainBefore = await folderBytes(core.dataDir);
    expect(plainBefore).toContain('US-CA');
    expect(plainBefore).toContain('sample-checklist');

    expect((await client.invoke('safety.setPassphrase', { passphrase: PASSPHRASE })).lock).toBe('unlocked');
    const sealed = await folderBytes(core.dataDir);
    for (const secret of ['US-CA', 'sample-checklist', PASSPHRASE]) expect(sealed).not.toContain(secret);
    // What stays readable is the look of the app, so the unlock screen speaks the person's language and theme.
    expect(sealed).toContain('"theme": "dark"');

    // A change while unlocked is sealed too.
    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] });
    expect(await folderBytes(core.dataDir)).not.toContain('sample-checklist');

    // Restart: locked; nothing personal is served, nothing personal can be changed.
    const { client: after } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    expect((await after.invoke('safety.status')).lock).toBe('locked');
    expect((await after.invoke('settings.get')).myJurisdiction).toBeNull();
    expect((await after.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([]);
    expect(await failureOf(after.invoke('settings.update', { myJurisdiction: 'US-NY' }))).toMatchObject({ code: 'locked' });

    const wrong = await failureOf(after.invoke('safety.unlock', { passphrase: 'correct horse battery stapler' }));
    expect(wrong).toEqual({ code: 'wrong-passphrase', message: expect.stringMatching(/^That is not the passphrase: Fieldbook stays locked\./) });
    expect((await after.invoke('safety.status')).lock).toBe('locked');
    expect((await after.invoke('settings.get')).myJurisdiction).toBeNull();

    expect(await after.invoke('safety.unlock', { passphrase: PASSPHRASE })).toMatchObject({ lock: 'unlocked', wiped: false, failedAttempts: 0 });
    expect(await after.invoke('settings.get')).toMatchObject({ myJurisdiction: 'US-CA', theme: 'dark' });
    expect((await after.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0, 1]);

    // Locking by hand forgets it all again, without a restart.
    await after.invoke('safety.lock', { reason: 'manual' });
    expect((await after.invoke('settings.get')).myJurisdiction).toBeNull();
    expect((await after.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([]);
  });

  it('changes and removes the passphrase only with the current one, keeping every item', async () => {
    const { client } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    await journey(client);
    await client.invoke('safety.setPassphrase', { passphrase: PASSPHRASE });
    expect(await failureOf(client.invoke('safety.setPassphrase', { passphrase: 'another long phrase', current: 'not it at all' }))).toMatchObject({
      code: 'wrong-passphrase',
    });
    await client.invoke('safety.setPassphrase', { passphrase: 'another long phrase', current: PASSPHRASE });
    const { client: after } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    expect(await failureOf(after.invoke('safety.unlock', { passphrase: PASSPHRASE }))).toMatchObject({ code: 'wrong-passphrase' });
    await after.invoke('safety.unlock', { passphrase: 'another long phrase' });
    expect((await after.invoke('safety.setPassphrase', { passphrase: null, current: 'another long phrase' })).lock).toBe('off');
    const plain = await folderBytes(core.dataDir);
    expect(plain).toContain('US-CA');
    const { client: third } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    expect(await third.invoke('settings.get')).toMatchObject({ myJurisdiction: 'US-CA', theme: 'dark' });
    expect((await third.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([1]);
  });

  it('wipes everything after the chosen number of wrong passphrases, counting across restarts', async () => {
    const { client } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    await journey(client);
    await client.invoke('safety.update', { wipeAfterFailures: 3 });
    await client.invoke('safety.setPassphrase', { passphrase: PASSPHRASE });
    let after = (await inProcessClient(core.dataDir, { kdf: CHEAP })).client;
    expect((await failureOf(after.invoke('safety.unlock', { passphrase: 'guess number one' })))?.message).toMatch(/2 more wrong attempt\(s\)/);
    after = (await inProcessClient(core.dataDir, { kdf: CHEAP })).client;
    expect((await failureOf(after.invoke('safety.unlock', { passphrase: 'guess number two' })))?.message).toMatch(/1 more wrong attempt\(s\)/);
    expect(await after.invoke('safety.unlock', { passphrase: 'guess number three' })).toMatchObject({ wiped: true, lock: 'off' });
    expect((await readdir(core.dataDir)).filter((name) => name !== LOCK_FILE)).toEqual([]);
    expect(await after.invoke('settings.get')).toMatchObject({ myJurisdiction: null });
  });

  it('seals copies set aside before the lock was set, and opens them again when it is removed', async () => {
    const { dir, remove } = await tempDir();
    try {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(join(dir, USER_DATA_FILE), '{"settings": {"myJurisdiction": "US-CA"}, "checklists": {"sample-checklist/en@2": "oops"}}');
      const store = await openUserData(dir, () => new Date('2026-11-28T10:00:00Z'), { kdf: CHEAP });
      expect(store.setAside).toHaveLength(1);
      await store.sealing.setPassphrase(PASSPHRASE);
      const copy = store.setAside[0]!.keptAs!;
      expect(await readFile(copy, 'utf8')).not.toContain('US-CA');
      await store.sealing.setPassphrase(null, PASSPHRASE);
      expect(await readFile(copy, 'utf8')).toContain('"myJurisdiction": "US-CA"');
      await store.close();
    } finally {
      await remove();
    }
  });

  it('survives a kill -9 in the middle of sealed writes: the file still opens with the passphrase', async () => {
    const { dir, remove } = await tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'support', 'locked-writer.ts'), dir, PASSPHRASE], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let written = 0;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the writer stopped by itself (${code})`)));
      child.stdout.on('data', (chunk: Buffer) => {
        written = Number(chunk.toString().trim().split('\n').pop());
        // Killed while it keeps writing: many writes in, and in the middle of the next one.
        if (written >= 40) resolve();
      });
    });
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(await folderBytes(dir)).not.toContain('private note');

    const { client } = await inProcessClient(dir, { kdf: CHEAP });
    expect((await client.invoke('app.info')).notices).toEqual([]);
    expect((await client.invoke('safety.status')).lock).toBe('locked');
    await client.invoke('safety.unlock', { passphrase: PASSPHRASE });
    expect((await client.invoke('settings.get')).myJurisdiction).toBe('US-CA');
    const { fieldbook } = await inProcessClient(dir, { kdf: CHEAP });
    await fieldbook.handlers['safety.unlock']({ passphrase: PASSPHRASE });
    // Every write the writer reported done is there (a later, unfinished one may be too, whole or not at all).
    expect(Object.keys(fieldbook.store.read().checklists).length).toBeGreaterThanOrEqual(written);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    await fieldbook.close();
    await remove();
  });
});
