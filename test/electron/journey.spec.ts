import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * The Electron binary's path, or null where it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD). Found from the
 * package's path.txt rather than `require('electron')`, which would try to download the binary over the network.
 */
function electronBinary(): string | null {
  const pkg = join('node_modules', 'electron');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const full = relative ? join(dist, relative) : null;
  return full && existsSync(full) ? full : null;
}

const binary = electronBinary();
if (!binary) console.log('skipped: Electron binary not available');

test('desktop app: open the library, a guide, change the language, restart and find it kept', async () => {
  test.skip(!binary, 'skipped: Electron binary not available');
  const userData = mkdtempSync(join(tmpdir(), 'fieldbook-electron-'));
  const launch = () => electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${userData}`] });
  let app = await launch();
  let page = await app.firstWindow();
  expect(page.url()).toMatch(/^app:\/\/fieldbook\//);
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.getByTestId('guide-card').first().getByRole('link').click();
  await expect(page.getByTestId('reader')).toBeVisible();
  // The preload exposes only invoke and on.
  expect(await page.evaluate(() => Object.keys((window as unknown as { fieldbook: object }).fieldbook).sort())).toEqual(['invoke', 'on']);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Interface language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await app.close();
  app = await launch();
  page = await app.firstWindow();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await app.close();
});
