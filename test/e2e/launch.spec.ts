import { expect, test } from './fixtures';

// The address `npm run serve` prints opens Fieldbook once: the browser's history keeps it, so it must open nothing later.
test('a used or unknown launch address shows a page saying what to do, in the person’s language, and the open page keeps working', async ({
  page,
  app,
  browser,
}) => {
  const first = app.host.newLaunchUrl();
  await page.goto(first);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  expect(page.url()).toBe(`${app.host.origin}/`);

  // The same address again, in another window (as from the browser's history).
  const other = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await other.goto(first);
  await expect(other.locator('html')).toHaveAttribute('data-launch-problem', 'used');
  const alert = other.getByRole('alert');
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('This page needs a new address');
  await expect(alert).toContainText('has been used already');
  await expect(alert).toContainText('In the terminal where `npm run serve` runs, press Enter and open the new address it prints');
  // The code is gone from the address bar at once, used or not.
  expect(other.url()).toBe(`${app.host.origin}/`);
  await expect(other.getByTestId('guide-card')).toHaveCount(0);

  // A made-up code, in Arabic: the message is in the system's language, right to left.
  const arabic = await (await browser.newContext({ locale: 'ar' })).newPage();
  await arabic.goto(`${app.host.origin}/#launch=${'A'.repeat(32)}`);
  await expect(arabic.locator('html')).toHaveAttribute('data-launch-problem', 'wrong');
  const message = arabic.getByRole('alert');
  await expect(message).toHaveAttribute('dir', 'rtl');
  await expect(message).toHaveAttribute('lang', 'ar');
  await expect(message.getByRole('heading', { level: 1 })).toHaveText('تحتاج هذه الصفحة إلى عنوان جديد');

  // The refusals took nothing from the page that opened the address first.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // A new address, pasted into the same tab, opens it again there with the saved theme.
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
