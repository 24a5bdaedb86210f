import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ar from '../../locales/ar.json' with { type: 'json' };
import en from '../../locales/en.json' with { type: 'json' };
import { test, expect } from './fixtures';

/** The app marks the document once a settings change has been saved (or has failed): wait for that, not a time. */
async function saved(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-settings-save', 'saved');
}

test('every setting changed in turn in the real UI is kept, together, after a reload', async ({ page, app }) => {
  await app.open(page, '#/settings');
  await expect(page.getByRole('heading', { level: 1, name: en.settings.title })).toBeVisible();

  // An observer in California: their jurisdiction, then larger text, then an Arabic interface...
  await page.getByTestId('my-jurisdiction').selectOption('US-CA');
  await saved(page);
  await page.getByLabel(en.settings.textSize).selectOption('largest');
  await saved(page);
  await page.getByTestId('interface-language').selectOption('ar');
  await saved(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  // ...and the rest, now in Arabic: each change must leave every earlier one as it was.
  await page.getByLabel(ar.settings.theme).selectOption('dark');
  await saved(page);
  // A click, not check(): the box is controlled by the saved setting, so it flips when the save answers.
  await page.getByLabel(ar.settings.updates).click();
  await saved(page);
  await expect(page.getByLabel(ar.settings.updates)).toBeChecked();
  await page.getByRole('link', { name: ar.review.nav }).click();
  const window = page.getByLabel(ar.review.dashboard.window);
  await window.fill('45');
  await window.press('Enter');
  await saved(page);

  const onDisk = JSON.parse(await readFile(join(app.dataDir, 'fieldbook.json'), 'utf8')).settings;
  expect(onDisk).toEqual({
    myJurisdiction: 'US-CA',
    textSize: 'largest',
    interfaceLanguage: 'ar',
    theme: 'dark',
    updateChecks: true,
    dueSoonDays: 45,
  });

  await app.open(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-ready', 'true');
  // A reload opens the library (routes are never in the address): back to the review dashboard it was on.
  await page.evaluate(() => (location.hash = '#/review'));
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(html).toHaveAttribute('data-text-size', 'largest');
  await expect(page.getByLabel(ar.review.dashboard.window)).toHaveValue('45');

  await page.getByRole('link', { name: ar.nav.settings }).click();
  await expect(page.getByRole('heading', { level: 1, name: ar.settings.title })).toBeVisible();
  await expect(page.getByTestId('interface-language')).toHaveValue('ar');
  await expect(page.getByTestId('my-jurisdiction')).toHaveValue('US-CA');
  await expect(page.getByLabel(ar.settings.theme)).toHaveValue('dark');
  await expect(page.getByLabel(ar.settings.textSize)).toHaveValue('largest');
  await expect(page.getByLabel(ar.settings.updates)).toBeChecked();
});
