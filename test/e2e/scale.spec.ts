import { generatedContent } from '../support/generated-content';
import { expect, test } from './fixtures';

/**
 * A library of a thousand guides, as a large content folder or pack gives: the screens render what is on screen
 * (and a little more), and every guide is still reached by scrolling, by keyboard and by a screen reader's count.
 */
const folder = generatedContent(1000, 3);
test.afterAll(() => folder.remove());
test.use({ contentDir: folder.dir });

test('the review list renders a window of rows, tells its full length, and reaches the last guide', async ({ page, app }) => {
  await app.open(page, '#/review');
  await expect(page.getByTestId('review-shown')).toContainText(/1,?000 guides shown/);
  const list = page.getByTestId('review-list');
  await expect(list).toHaveAttribute('aria-rowcount', '1001');
  const rows = list.locator('tbody tr[data-guide]');
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
  expect(await rows.count()).toBeLessThan(100);

  // Tabbing from the last row rendered (its link, or the maintainer's "Mark reviewed" after it) moves on to the next
  // guide's link, which is rendered as focus reaches the row.
  const last = rows.last();
  const index = Number(await last.getAttribute('aria-rowindex'));
  await last.locator('a, button').last().focus();
  await expect(list.locator(`tr[aria-rowindex="${index + 1}"]`)).toBeAttached();
  await page.keyboard.press('Tab');
  await expect(list.locator(`tr[aria-rowindex="${index + 1}"] a`)).toBeFocused();

  await list.locator('xpath=..').evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
  await expect(list.locator('tr[aria-rowindex="1001"]')).toBeVisible();
});

test('the library renders its first cards, then more as the person scrolls, until every guide is shown', async ({ page, app }) => {
  await app.open(page);
  const cards = page.getByTestId('guide-card');
  await expect(cards.first()).toBeVisible();
  const total = Number((await page.getByTestId('library-count').textContent())?.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(500);
  expect(await cards.count()).toBeLessThan(total);
  // The group the rendered cards stop in is cut short, and says how many cards it holds.
  await expect(cards.last()).toHaveAttribute('aria-setsize', /\d+/);

  const more = page.getByTestId('library-more');
  // Scrolled from inside the page: the last screenful may remove the end marker between a check and a scroll, and an
  // action on a locator would then wait for a marker that is gone for good.
  while ((await more.count()) > 0) await page.evaluate(() => document.querySelector('[data-testid="library-more"]')?.scrollIntoView());
  await expect(cards).toHaveCount(total);
  await expect(cards.last()).not.toHaveAttribute('aria-setsize');
});
