import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PASSPHRASE = 'river lantern seven orchard';
const lockState = (page: Page, state: string) => expect(page.locator('html')).toHaveAttribute('data-lock', state);

async function folderText(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  return (
    await Promise.all(
      names.map((name) =>
        readFile(join(dir, name)).then(
          (b) => b.toString('latin1'),
          () => '',
        ),
      ),
    )
  ).join('\n');
}

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
  const bytes = await folderText(app.dataDir);
  expect(bytes).not.toContain('US-CA');
  expect(bytes).not.toContain(PASSPHRASE);

  await page.getByRole('button', { name: 'Lock now' }).click();
  await lockState(page, 'locked');
  await page.reload();
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
