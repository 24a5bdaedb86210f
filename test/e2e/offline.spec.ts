import { test, expect } from './fixtures';
import { searchAnswered } from './screens';

test('a whole journey makes no request to any host but the app itself', async ({ page, app }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await app.open(page);
  await page.getByTestId('guide-card').first().getByRole('link').click();
  await expect(page.getByTestId('reader')).toBeVisible();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('police');
  await searchAnswered(page, 'police');
  await expect(page.getByTestId('search-results')).toBeVisible();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await app.open(page);
  // A reload opens the library (routes are never in the address); Settings shows the kept theme.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');

  expect(requests.length).toBeGreaterThan(5);
  const foreign = requests.filter((url) => new URL(url).origin !== app.host.origin);
  expect(foreign).toEqual([]);
});
