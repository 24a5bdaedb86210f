import { expect, test } from './fixtures';

test('update check: says why no check was made, in the chosen language', async ({ page, app }) => {
  await app.open(page, '#/settings');
  const status = page.locator('[data-update-status]');

  // Checks are off by default: pressing the button makes no request and says how to turn them on.
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(status).toHaveAttribute('data-update-status', 'turned-off');
  await expect(status).toHaveText('Update checks are off. Turn them on above to check.');

  // In Arabic, with checks turned on, the browser mode still cannot check, and says so in Arabic.
  await page.getByLabel('Interface language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const checkbox = page.getByLabel('التحقق من تحديثات التطبيق');
  // A click, not check(): the box is ticked once the setting is saved, not at the click itself.
  await checkbox.click();
  await expect(checkbox).toBeChecked();
  await page.getByRole('button', { name: 'تحقّق الآن' }).click();
  await expect(status).toHaveAttribute('data-update-status', 'browser-mode');
  await expect(status).toHaveText('تطبيق سطح المكتب وحده يتحقق من التحديثات.');
});
