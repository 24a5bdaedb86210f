import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { clockFromEnv } from '../../electron/core/clock';
import type { StoreFs } from '../../electron/core/store/store-fs';
import { launchBrowserMode } from '../../electron/host/launch';
import type { Host } from '../../electron/host/server';
import { tempDir } from '../support/temp';

export interface AppFixture {
  host: Host;
  dataDir: string;
  /** Opens the app at a route, with the per-run token, and waits for the shell to be ready. */
  open(page: Page, route?: string): Promise<void>;
}

/**
 * Each test gets its own browser-mode host over the real core and a fresh data folder. `contentDir` and `now` can be
 * overridden per file with test.use().
 */
export const test = base.extend<{
  app: AppFixture;
  contentDir: string | undefined;
  now: string | undefined;
  savedData: string | undefined;
  storeFs: StoreFs | undefined;
}>({
  contentDir: [undefined, { option: true }],
  now: [undefined, { option: true }],
  /** The text of fieldbook.json as the person's data folder holds it before start-up. */
  savedData: [undefined, { option: true }],
  /** The store's file operations, for a disk that fills up (test/support/failing-fs.ts). */
  storeFs: [undefined, { option: true }],
  app: async ({ contentDir, now, savedData, storeFs }, use) => {
    const { dir, remove } = await tempDir('fieldbook-e2e-');
    if (savedData !== undefined) await writeFile(join(dir, 'fieldbook.json'), savedData);
    const host = await launchBrowserMode({ dataDir: dir, contentDir, clock: clockFromEnv(now), log: () => undefined, storeFs });
    await use({
      host,
      dataDir: dir,
      open: (page, route) => openHost(page, host, route),
    });
    await host.close();
    await remove();
  },
});

/** Opens a browser-mode host's app in a page at a route, with its per-run token, and waits for the shell to be ready. */
export async function openHost(page: Page, host: Host, route = '#/'): Promise<void> {
  await page.goto(`${host.origin}/#token=${host.token}`);
  await expect(page.locator('header.app-header')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  if (route !== '#/') await page.evaluate((hash) => (location.hash = hash), route);
}

export { expect };
