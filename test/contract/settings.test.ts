import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../electron/api/settings';
import { USER_DATA_FILE } from '../../electron/core/store/user-data';
import { freshCore } from '../support/fresh-core';
import { inProcessClient } from '../support/in-process';

const core = freshCore();

describe('settings, changed one at a time as a person does', () => {
  it('keeps every earlier change when a later one is saved, in memory, on disk and after a restart', async () => {
    // The steps an observer takes: their jurisdiction first, then larger text, then Arabic, and so on. After every
    // step all settings so far must still hold, not only the one just changed.
    const steps: Partial<Settings>[] = [
      { myJurisdiction: 'US-CA' },
      { textSize: 'largest' },
      { interfaceLanguage: 'ar' },
      { theme: 'high-contrast' },
      { updateChecks: true },
      { dueSoonDays: 45 },
    ];
    let expected = await core.client.invoke('settings.get');
    for (const step of steps) {
      expected = { ...expected, ...step };
      expect(await core.client.invoke('settings.update', step)).toEqual(expected);
      expect(await core.client.invoke('settings.get')).toEqual(expected);
    }
    expect(expected).toEqual({
      myJurisdiction: 'US-CA',
      textSize: 'largest',
      interfaceLanguage: 'ar',
      theme: 'high-contrast',
      updateChecks: true,
      dueSoonDays: 45,
    });

    const saved = JSON.parse(await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8'));
    expect(saved.settings).toEqual(expected);
    const reopened = await inProcessClient(core.dataDir);
    expect(await reopened.client.invoke('settings.get')).toEqual(expected);
  });

  it('goes back to following the system language only when asked to, and keeps the rest', async () => {
    await core.client.invoke('settings.update', { interfaceLanguage: 'ar' });
    await core.client.invoke('settings.update', { theme: 'dark' });
    expect(await core.client.invoke('settings.get')).toMatchObject({ interfaceLanguage: 'ar', theme: 'dark' });
    await core.client.invoke('settings.update', { interfaceLanguage: null });
    const after = await (await inProcessClient(core.dataDir)).client.invoke('settings.get');
    expect(after).toMatchObject({ interfaceLanguage: null, theme: 'dark' });
  });

  it('an empty change keeps every setting', async () => {
    await core.client.invoke('settings.update', { theme: 'light', myJurisdiction: 'US' });
    expect(await core.client.invoke('settings.update', {})).toMatchObject({ theme: 'light', myJurisdiction: 'US' });
  });
});
