import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

/**
 * The real electron-updater, with only the `electron` module it requires replaced: electron-updater is CommonJS and
 * loaded by Node itself, so the stand-in goes into Node's require cache under the path `require('electron')` resolves
 * to from electron-updater. The update server is replaced at the provider, the updater's one network edge.
 */
const userData = mkdtempSync(join(tmpdir(), 'fieldbook-updater-'));
let dataDir = userData;
const app = {
  isPackaged: true,
  getVersion: () => '0.1.0',
  getName: () => 'Fieldbook',
  getAppPath: () => userData,
  getPath: (_name: string) => dataDir,
  whenReady: () => Promise.resolve(),
  on: () => app,
  once: () => app,
};
const requireHere = createRequire(import.meta.url);
const electronPath = createRequire(requireHere.resolve('electron-updater')).resolve('electron');
requireHere.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: { app } } as unknown as NodeJS.Module;
const savedEnv = { APPIMAGE: process.env.APPIMAGE, resourcesPath: (process as { resourcesPath?: string }).resourcesPath };
// What Electron sets for a packaged AppImage; electron-updater reads both to pick its updater.
process.env.APPIMAGE = join(userData, 'Fieldbook.AppImage');
Object.assign(process, { resourcesPath: join(userData, 'resources') });
afterAll(() => {
  if (savedEnv.APPIMAGE === undefined) delete process.env.APPIMAGE;
  else process.env.APPIMAGE = savedEnv.APPIMAGE;
  Object.assign(process, { resourcesPath: savedEnv.resourcesPath });
});

const updater = (await import('electron-updater')).default;
const { createUpdateChecker, SHARED_STAGING_ID, updateCheckOutcome } = await import('../../electron/main/updater');

/** An update server as the provider electron-updater asks: it records the headers it was given for each check. */
function fakeServer(latest: string | Error) {
  const headersSent: Record<string, string>[] = [];
  const provider = {
    setRequestHeaders: (headers: Record<string, string>) => headersSent.push({ ...headers }),
    getLatestVersion: async () => {
      if (latest instanceof Error) throw latest;
      // A staged roll-out is where electron-updater reads (and would create) the per-install id.
      return {
        version: latest,
        files: [{ url: `Fieldbook-${latest}.AppImage`, sha512: 'x' }],
        path: '',
        sha512: 'x',
        releaseDate: '',
        stagingPercentage: 50,
      };
    },
  };
  (updater.autoUpdater as unknown as { clientPromise: Promise<unknown> }).clientPromise = Promise.resolve(provider);
  return headersSent;
}

const check = createUpdateChecker(() => undefined, '0.1.0');

describe('update check outcome', () => {
  beforeEach(() => {
    app.isPackaged = true;
  });

  it('says "up to date" only after the server answered with nothing newer', async () => {
    const headers = fakeServer('0.1.0');
    expect(await check()).toMatchObject({ status: 'up-to-date', latest: '0.1.0', message: expect.stringMatching(/up to date/) });
    expect(headers).toHaveLength(1);
  });

  it('names the newer version when there is one, and downloads nothing', async () => {
    fakeServer('0.2.0');
    expect(await check()).toMatchObject({ status: 'available', latest: '0.2.0', message: expect.stringMatching(/0\.2\.0 is available/) });
    expect(updater.autoUpdater.autoDownload).toBe(false);
  });

  it('says no check was made, not "up to date", when this copy cannot update itself', async () => {
    app.isPackaged = false; // a development build: electron-updater makes no request and answers null
    const headers = fakeServer('0.2.0');
    const outcome = await check();
    expect(outcome).toMatchObject({ status: 'not-run', reason: 'not-updatable' });
    expect(outcome.message).not.toMatch(/up to date/);
    expect(headers).toHaveLength(0);
  });

  it('reports a failed check as not completed', async () => {
    fakeServer(new Error('net::ERR_NAME_NOT_RESOLVED'));
    expect(await check()).toMatchObject({ status: 'error', message: expect.stringMatching(/did not complete \(net::ERR_NAME_NOT_RESOLVED\)/) });
  });

  it('maps a missing result to not-run whatever else is known', () => {
    expect(updateCheckOutcome(null, '0.1.0').status).toBe('not-run');
    expect(updateCheckOutcome(undefined, '0.1.0').status).toBe('not-run');
  });
});

describe('update check identity', () => {
  it('sends only the id and language shared by every install, and never writes .updaterId', async () => {
    const headers = fakeServer('0.2.0');
    await check();
    expect(headers).toEqual([{ 'x-user-staging-id': SHARED_STAGING_ID, 'Accept-Language': 'en' }]);
    expect(existsSync(join(userData, '.updaterId'))).toBe(false);
    expect(readdirSync(userData)).not.toContain('.updaterId');
  });

  it('is needed: electron-updater left alone creates a per-install id file', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-updater-'));
    const fresh = new updater.AppImageUpdater();
    fresh.logger = null;
    const id = await (fresh as unknown as { stagingUserIdPromise: { value: Promise<string> } }).stagingUserIdPromise.value;
    expect(id).not.toBe(SHARED_STAGING_ID);
    expect(existsSync(join(dataDir, '.updaterId'))).toBe(true);
  });
});
