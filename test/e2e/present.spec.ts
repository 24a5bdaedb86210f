import { expect, type Page } from '@playwright/test';
import { test } from './fixtures';
import { applySettings } from './screens';
import { api } from './workshop-support';

const presenter = (page: Page) => page.getByTestId('presenter');

async function expectScreen(page: Page, n: number, total: number): Promise<void> {
  await expect(presenter(page)).toHaveAttribute('data-screen', String(n));
  await expect(presenter(page)).toHaveAttribute('data-screens', String(total));
}

/** Scrolls the page so the given element is in view but the page is not at its top, and returns where it is. */
async function scrollNear(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.evaluate((selector) => {
    const target = document.querySelector(selector)!;
    window.scrollTo(0, window.scrollY + target.getBoundingClientRect().top - 120);
    return { x: window.scrollX, y: window.scrollY };
  }, selector);
}

test('presenting a collection: one section per screen, arrows, Page keys and Space move, Escape returns to the same place', async ({ page, app }) => {
  await page.setViewportSize({ width: 1000, height: 500 });
  await app.open(page);
  const token = app.host.token;
  const made = await api(page, token, 'collections.create', { name: 'Evening session' });
  const other = await api(page, token, 'guide.get', { id: 'phone-taken', lang: 'en' });
  await api(page, token, 'collections.addItem', { id: made.id, guide: 'phone-at-a-demonstration', lang: 'en' });
  const view = await api(page, token, 'collections.addItem', { id: made.id, guide: 'phone-taken', lang: 'en', section: other.sections[1]!.anchor });
  await api(page, token, 'collections.setNote', { id: made.id, item: view.items[0]!.id, note: 'TRAINER-ONLY note' });
  const guide = await api(page, token, 'guide.get', { id: 'phone-at-a-demonstration', lang: 'en' });

  // The whole guide: its title screen and one screen per section; the single section: one screen (it has no subsections).
  const subsections = other.sections.slice(2).findIndex((s) => s.level <= other.sections[1]!.level);
  const sectionScreens = subsections < 0 ? other.sections.length - 1 : subsections + 1;
  const total = 1 + guide.sections.length + sectionScreens;

  await page.evaluate((hash) => (location.hash = hash), `#/collection/${made.id}`);
  await expect(page.getByTestId('collection-item')).toHaveCount(2);
  const route = await page.locator('html').getAttribute('data-route');
  const at = await scrollNear(page, '[data-testid="present-collection"]');
  await page.getByTestId('present-collection').click();
  await expectScreen(page, 1, total);
  // Full screen where the browser grants it, else an overlay over the whole window: either way it fills the view.
  expect(await presenter(page).boundingBox()).toEqual({ x: 0, y: 0, width: 1000, height: 500 });
  await expect(presenter(page).getByRole('heading', { level: 1 })).toHaveText(guide.title);
  await expect(page.getByTestId('presenter-position')).toHaveText(`1 / ${total}`);
  // Version and review status on every screen; the trainer's notes never.
  await expect(presenter(page).locator('.presenter-meta')).toContainText(`Version ${guide.version}`);
  await expect(presenter(page).getByTestId('review-badge')).toHaveAttribute('data-status', guide.status.primary);
  await expect(presenter(page)).not.toContainText('TRAINER-ONLY');

  await page.keyboard.press('ArrowRight');
  await expectScreen(page, 2, total);
  await expect(page.getByTestId('presenter-screen').getByRole('heading').first()).toHaveText(guide.sections[0]!.heading);
  await page.keyboard.press('Space');
  await expectScreen(page, 3, total);
  await page.keyboard.press('PageDown');
  await expectScreen(page, 4, total);
  await page.keyboard.press('ArrowLeft');
  await expectScreen(page, 3, total);
  await page.keyboard.press('PageUp');
  await expectScreen(page, 2, total);
  await page.keyboard.press('End');
  await expectScreen(page, total, total);
  await expect(page.getByTestId('presenter-screen').getByRole('heading').first()).toHaveText(other.sections[1]!.heading);
  await expect(presenter(page).locator('.presenter-meta')).toContainText(other.title);
  await page.keyboard.press('ArrowRight');
  await expectScreen(page, total, total);
  await expect(page.getByTestId('presenter-position')).toHaveText(`${total} / ${total}`);

  await page.keyboard.press('Escape');
  await expect(presenter(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }))).toEqual(at);
  expect(at.y).toBeGreaterThan(0);
  await expect(page.locator('html')).toHaveAttribute('data-route', route!);
  await expect(page.getByTestId('present-collection')).toBeFocused();
});

test('in Arabic the presentation reads right to left: ← goes forward, → back, and Escape returns to the same place', async ({ page, app }) => {
  await page.setViewportSize({ width: 1000, height: 500 });
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await page.evaluate(() => (location.hash = '#/guide/phone-at-a-demonstration/ar'));
  const reader = page.getByTestId('reader');
  await expect(reader.locator('h1')).toBeVisible();
  const route = await page.locator('html').getAttribute('data-route');
  const at = await scrollNear(page, '[data-testid="present-guide"]');
  await page.getByTestId('present-guide').click();
  await expect(presenter(page)).toHaveAttribute('data-screen', '1');
  await expect(page.getByTestId('presenter-screen')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.press('ArrowLeft');
  await expect(presenter(page)).toHaveAttribute('data-screen', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(presenter(page)).toHaveAttribute('data-screen', '3');
  await page.keyboard.press('ArrowRight');
  await expect(presenter(page)).toHaveAttribute('data-screen', '2');
  await page.keyboard.press('Escape');
  await expect(presenter(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(at.y);
  await expect(page.locator('html')).toHaveAttribute('data-route', route!);
});

test.describe('an overdue guide', () => {
  test.use({ now: '2030-01-01' });
  test('keeps its overdue banner on every screen of the presentation', async ({ page, app }) => {
    await app.open(page, '#/guide/us-rights-at-a-demonstration/en');
    await page.getByTestId('present-guide').click();
    for (let screen = 1; screen <= 3; screen++) {
      await expect(presenter(page)).toHaveAttribute('data-screen', String(screen));
      await expect(presenter(page).getByTestId('review-banner')).toBeVisible();
      await page.keyboard.press('ArrowRight');
    }
  });
});
