import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { faultyDisk } from '../support/failing-fs';
import { test, expect } from './fixtures';

const DISK_FULL = 'The disk is full: your change was not saved. Free some space and try again.';
const disk = faultyDisk();
test.use({ storeFs: disk.fs });
test.afterEach(() => disk.fail(null));

const saveState = (page: Page, state: string) => expect(page.locator('html')).toHaveAttribute('data-settings-save', state);

test('a full disk: the person is told in plain words, the setting stays as it was, and saving works again', async ({ page, app }) => {
  await app.open(page, '#/settings');
  await page.getByLabel('Theme').selectOption('dark');
  await saveState(page, 'saved');

  disk.fail('ENOSPC', 'write');
  await page.getByLabel('Text size').selectOption('largest');
  await saveState(page, 'failed');
  await expect(page.getByRole('alert').filter({ hasText: DISK_FULL })).toBeVisible();
  await expect(page.getByLabel('Text size')).toHaveValue('normal');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  disk.fail(null);
  await page.getByLabel('Text size').selectOption('largest');
  await saveState(page, 'saved');
  await expect(page.getByRole('alert').filter({ hasText: DISK_FULL })).toHaveCount(0);
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'largest');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a full disk while ticking a checklist: the tick is undone on the page and the person is told', async ({ page, app }) => {
  await app.open(page, '#/guide/phone-at-a-demonstration/en');
  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your phone at a demonstration');
  const boxes = reader.locator('.guide-body input[type="checkbox"]');
  const progress = reader.locator('.checklist-progress');
  const total = await boxes.count();
  await boxes.nth(0).check();
  await expect(progress).toHaveText(`1 of ${total} done`);
  const ticks = async () => JSON.parse(await readFile(join(app.dataDir, 'fieldbook.json'), 'utf8')).checklists;
  await expect.poll(() => ticks().catch(() => null)).toEqual({ 'phone-at-a-demonstration/en@2': [0] });

  disk.fail('ENOSPC', 'write');
  await boxes.nth(1).click();
  await expect(page.getByRole('alert').filter({ hasText: DISK_FULL })).toBeVisible();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(progress).toHaveText(`1 of ${total} done`);
  expect(await ticks()).toEqual({ 'phone-at-a-demonstration/en@2': [0] });
});
