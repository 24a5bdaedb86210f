import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { folderBytes } from '../support/folder-bytes';

const PASSPHRASE = 'river lantern seven orchard';
const lockState = (page: Page, state: string) => expect(page.locator('html')).toHaveAttribute('data-lock', state);

test('first start offers the lock; with it on, the data folder holds no personal data, and only the passphrase opens it', async ({ page, app }) => {
  await app.open(page);
  const intro = page.getByTestId('safety-intro');
  await expect(intro.getByRole('heading', { name: 'Keep your Fieldbook data private' })).toBeVisible();
  await intro.getByRole('button', { name: 'Set a passphrase' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(intro).toHaveCount(0);

  await page.getByTestId('my-jurisdiction').selectOption('US-CA');
  await expect(page.locator('html')).toHaveAttribute('data-settings-save', 'saved');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-settings-save', 'saved');
  const form = page.getByTestId('passphrase-form');
  await form.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('New passphrase again').fill('river lantern seven orchards');
  await form.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(form.getByRole('alert')).toHaveText('The two new passphrases differ: type the same one twice.');
  await form.getByLabel('New passphrase again').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(form.getByRole('status')).toHaveText('The passphrase is set; your data is encrypted.');
  await lockState(page, 'unlocked');
  const bytes = await folderBytes(app.dataDir);
  expect(bytes).not.toContain('US-CA');
  expect(bytes).not.toContain(PASSPHRASE);

  await page.getByRole('button', { name: 'Lock now' }).click();
  await lockState(page, 'locked');
  await openApp(page, app.host);
  await lockState(page, 'locked');
  await expect(page.getByRole('heading', { name: 'Fieldbook is locked' })).toBeVisible();
  await expect(page.getByTestId('my-jurisdiction')).toHaveCount(0);
  // The look of the app is readable without the passphrase, so the lock screen is drawn in the person's theme.
  await page.getByLabel('Passphrase').fill('river lantern');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('unlock-error')).toHaveText(/^That is not the passphrase: Fieldbook stays locked\./);
  await lockState(page, 'locked');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await lockState(page, 'unlocked');
  await page.evaluate(() => (location.hash = '#/settings'));
  await expect(page.getByTestId('my-jurisdiction')).toHaveValue('US-CA');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});

test('quick exit replaces the page with a neutral one, locks the core, and Back does not return to the app', async ({ page, app }) => {
  await page.goto(`${app.host.origin}/blank?before`);
  await app.open(page);
  await page.getByTestId('safety-intro').getByRole('button', { name: 'Set a passphrase' }).click();
  const form = page.getByTestId('passphrase-form');
  await form.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('New passphrase again').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Set passphrase' }).click();
  await lockState(page, 'unlocked');

  await page.keyboard.press('Control+Shift+L');
  await page.waitForURL(`${app.host.origin}/blank`);
  await expect(page).toHaveTitle('New Tab');
  expect(await page.locator('body').textContent()).toBe('');
  const status = await fetch(`${app.host.origin}/api/invoke/safety.status`, {
    method: 'POST',
    headers: { 'X-Fieldbook-Token': app.host.token, 'Content-Type': 'application/json' },
    body: '{}',
  }).then((response) => response.json() as Promise<{ value: { lock: string } }>);
  expect(status.value.lock).toBe('locked');
  // location.replace: Back leaves the neutral page for what came before the app, never the app; the tab forgot its token.
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.goBack();
  expect(page.url()).toBe(`${app.host.origin}/blank?before`);
});

test('a bookmark and a private note on a section, listed where Fieldbook says what it keeps, exported, wiped and imported back', async ({
  page,
  app,
}) => {
  await app.open(page, '#/guide/phone-at-a-demonstration/en');
  const tools = page.getByTestId('reading-tools');
  await tools.getByRole('button', { name: 'Bookmark', exact: true }).click();
  await expect(tools.getByRole('status')).toHaveText('Bookmarked.');
  await expect(tools.getByRole('button', { name: 'Remove bookmark' })).toHaveAttribute('aria-pressed', 'true');
  const section = await page.locator('.toc a').nth(1).textContent();
  await tools.getByLabel('For').selectOption({ label: section! });
  await tools.getByLabel(/^Private note/).fill('meet at the north gate');
  await tools.getByRole('button', { name: 'Save note' }).click();
  await expect(tools.getByRole('status')).toHaveText('Note saved.');

  await page.evaluate(() => (location.hash = '#/keeps'));
  const mine = page.getByTestId('my-reading');
  await expect(mine.getByRole('link', { name: 'Your phone at a demonstration' }).first()).toBeVisible();
  await expect(mine).toContainText('meet at the north gate');
  await expect(page.getByTestId('keeps-table')).toContainText('Private notes (1 entry)');

  await page.getByLabel('Passphrase for the export file').fill('export passphrase');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my data' }).click()]);
  const file = await download.path();
  expect(await readFile(file, 'utf8')).not.toContain('north gate');

  await page.getByRole('button', { name: 'Wipe all my data' }).click();
  await page.getByRole('button', { name: 'Wipe now' }).click();
  await expect(page.getByTestId('wiped-notice')).toBeVisible();
  await expect(page.getByTestId('my-reading')).not.toContainText('north gate');

  await page.getByLabel('Export file', { exact: true }).setInputFiles(file);
  await page.getByLabel('Its passphrase').fill('wrong one');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('export-import-message')).toHaveText(/^That is not the passphrase this file was exported with/);
  await page.getByLabel('Its passphrase').fill('export passphrase');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('export-import-message')).toHaveText(/^Imported: you now have 1 bookmark\(s\), 1 note\(s\)/);
  await expect(page.getByTestId('my-reading')).toContainText('meet at the north gate');
});
