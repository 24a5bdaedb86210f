import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_DATA_FILE } from '../../electron/core/store/user-data';
import { faultyDisk, type FaultyDisk } from '../support/failing-fs';
import { failureOf as failure, freshCore } from '../support/fresh-core';
import { inProcessClient } from '../support/in-process';

let disk: FaultyDisk;
const core = freshCore(() => {
  disk = faultyDisk();
  return { storeFs: disk.fs };
});

const DISK_FULL = 'The disk is full: your change was not saved. Free some space and try again.';
describe('when the disk fills up while a person works', () => {
  it('tells them in plain words, changes nothing, and saves again once there is space', async () => {
    await core.client.invoke('settings.update', { theme: 'dark' });
    await core.client.invoke('settings.update', { myJurisdiction: 'US-CA' });
    await core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0] });
    const before = await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8');

    disk.fail('ENOSPC', 'write');
    expect(await failure(core.client.invoke('settings.update', { textSize: 'largest' }))).toEqual({ code: 'not-saved', message: DISK_FULL });
    expect(await failure(core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] }))).toEqual({
      code: 'not-saved',
      message: DISK_FULL,
    });
    expect(await core.client.invoke('settings.get')).toMatchObject({ theme: 'dark', myJurisdiction: 'US-CA', textSize: 'normal' });
    expect((await core.client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0]);
    expect(await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8')).toBe(before);
    expect((await readdir(core.dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    disk.fail(null);
    await core.client.invoke('settings.update', { textSize: 'largest' });
    await core.client.invoke('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] });
    const reopened = (await inProcessClient(core.dataDir)).client;
    expect(await reopened.invoke('settings.get')).toMatchObject({ theme: 'dark', myJurisdiction: 'US-CA', textSize: 'largest' });
    expect((await reopened.invoke('guide.get', { id: 'sample-checklist', lang: 'en' })).checked).toEqual([0, 1]);
  });

  it('on a disk that turned read-only, says so and what to do', async () => {
    disk.fail('EROFS', 'open');
    const result = await failure(core.client.invoke('settings.update', { theme: 'light' }));
    expect(result).toEqual({ code: 'not-saved', message: expect.stringMatching(/is read-only: your change was not saved\. Make it writable/) });
    expect(result!.message).toContain(core.dataDir);
    expect((await core.client.invoke('settings.get')).theme).toBe('system');
  });
});
