import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { clockFromEnv } from '../../electron/core/clock';
import type { StoreFs } from '../../electron/core/store/store-fs';
import { launchBrowserMode } from '../../electron/host/launch';
import type { Host } from '../../electron/host/server';
import { parseRoute } from '../../renderer/lib/route';
import { tempDir } from '../support/temp';

/**
 * Opens the app from a new one-time launch address, as the person does with the address `npm run serve` prints
 * (after a reload, a new one: the page keeps its session in memory only). Returns once the new page has loaded;
 * the caller waits for what it expects (the shell, or the lock screen).
 */
export async function openApp(page: Page, host: Pick<Host, 'origin' | 'newLaunchUrl'>): Promise<void> {
  const url = host.newLaunchUrl();
  if (page.url().startsWith(`${host.origin}/`)) {
    // Only the fragment differs, so the page loads itself again for the new code (renderer/lib/client.ts).
    await Promise.all([page.waitForEvent('load'), page.goto(url)]);
  } else await page.goto(url);
}

export interface AppFixture {
  host: Host;
  dataDir: string;
  /** Opens the app at a route, from a new one-time launch address, and waits for the shell to be ready. */
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

/** Opens a browser-mode host's app in a page at a route, from a new one-time launch address, and waits for the shell. */
export async function openHost(page: Page, host: Pick<Host, 'origin' | 'newLaunchUrl'>, route = '#/'): Promise<void> {
  await openApp(page, host);
  await expect(page.locator('header.app-header')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  if (route !== '#/') await page.evaluate((hash) => (location.hash = hash), route);
  // Screens other than the library and a guide load their code when first opened: wait until the route's is shown.
  await expect(page.locator('main')).toHaveAttribute('data-screen', parseRoute(route).name);
}

/**
 * Waits until the library's cards are those of the choice just made: the results say aria-busy from the render that
 * makes a choice until the core's answer for it is shown.
 */
export async function libraryShown(page: Page): Promise<void> {
  await expect(page.getByTestId('library-results')).toHaveAttribute('aria-busy', 'false');
}

export { expect };
