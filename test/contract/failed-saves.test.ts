import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/api/client';
import { USER_DATA_FILE } from '../../electron/core/store/user-data';
import { faultyDisk, type FaultyDisk } from '../support/failing-fs';
import { inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

let client: Client;
let disk: FaultyDisk;
let dataDir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir: dataDir, remove } = await tempDir());
  disk = faultyDisk();
  ({ client } = await inProcessClient(dataDir, { storeFs: disk.fs }));
});
afterEach(() => remove());

const DISK_FULL = 'The disk is full: your change was not saved. Free some space and try again.';
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );

describe('when the disk fills up while a person works', () => {
  it('tells them in plain words, changes nothing, and saves again once there is space', async () => {
    await client.invoke('settings.update', { theme: 'dark' });
    await client.invoke('settings.update', { myJurisdiction: 'US-CA' });
    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0] });
    const before = await readFile(join(dataDir, USER_DATA_FILE), 'utf8');

    disk.fail('ENOSPC', 'write');
    expect(await failure(client.invoke('settings.update', { textSize: 'largest' }))).toEqual({ code: 'not-saved', message: DISK_FULL });
    expect(await failure(client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] }))).toEqual({
      code: 'not-saved',
      message: DISK_FULL,
    });
    expect(await client.invoke('settings.get')).toMatchObject({ theme: 'dark', myJurisdiction: 'US-CA', textSize: 'normal' });
    expect((await client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0]);
    expect(await readFile(join(dataDir, USER_DATA_FILE), 'utf8')).toBe(before);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    disk.fail(null);
    await client.invoke('settings.update', { textSize: 'largest' });
    await client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] });
    const reopened = (await inProcessClient(dataDir)).client;
    expect(await reopened.invoke('settings.get')).toMatchObject({ theme: 'dark', myJurisdiction: 'US-CA', textSize: 'largest' });
    expect((await reopened.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0, 1]);
  });

  it('on a disk that turned read-only, says so and what to do', async () => {
    disk.fail('EROFS', 'open');
    const result = await failure(client.invoke('settings.update', { theme: 'light' }));
    expect(result).toEqual({ code: 'not-saved', message: expect.stringMatching(/is read-only: your change was not saved\. Make it writable/) });
    expect(result!.message).toContain(dataDir);
    expect((await client.invoke('settings.get')).theme).toBe('system');
  });
});
