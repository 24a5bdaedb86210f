import { expect, type Page } from '@playwright/test';

/** Starts a translation of a guide (`id/lang`) from the writing area's form and waits for its editor. */
export async function startTranslation(page: Page, guide: string, target: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/write'));
  await page.getByTestId('start-translation').check();
  await page.getByTestId('start-guide').selectOption(guide);
  await page.getByTestId('start-target').selectOption(target);
  await page.getByTestId('start-draft').click();
  await expect(page.getByTestId('draft-editor')).toBeVisible();
}
