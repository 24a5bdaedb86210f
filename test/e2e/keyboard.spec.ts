import type { Page } from '@playwright/test';
import { test, expect, libraryShown } from './fixtures';
import { goTo, SCREENS, searchAnswered } from './screens';

/** What has focus now, and whether it shows it: :focus-visible and a drawn outline at least 2px wide. */
async function focusState(page: Page): Promise<{ what: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', visible: false };
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}"`;
    return { what, visible: el.matches(':focus-visible') && outlined };
  });
}

test('the skip link is the first stop and moves focus into the main content', async ({ page, app }) => {
  await app.open(page);
  await SCREENS[0]!.ready(page);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  // Shown on screen while it has focus.
  const box = (await skip.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect((await focusState(page)).visible).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // The next Tab continues inside the main content, not back in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('Ctrl+K and / open the search from anywhere; arrows and Enter open a result', async ({ page, app }) => {
  await app.open(page);
  await SCREENS[0]!.ready(page);
  const input = page.getByTestId('search-input');
  await page.keyboard.press('Control+K');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('main').focus();
  await expect(input).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');

  await page.keyboard.type('police');
  await searchAnswered(page, 'police');
  const options = page.getByTestId('search-results').getByRole('option');
  await expect(options.nth(1)).toBeVisible();
  // The results are announced: a polite live region says how many there are.
  const count = await options.count();
  await expect(page.locator('.search [role="status"]')).toHaveText(count === 1 ? '1 result' : `${count} results`);

  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  const title = (await options.nth(1).locator('.hit-title').textContent())!.split(' › ')[0]!;
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader').locator('h1')).toHaveText(title);
});

test('the settings work from the keyboard alone', async ({ page, app }) => {
  await app.open(page);
  await SCREENS[0]!.ready(page);
  // Tab to the Settings link in the header and follow it.
  for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.getAttribute('href') === '#/settings')); i++)
    await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  const theme = page.getByLabel('Theme');
  await theme.focus();
  expect((await focusState(page)).visible).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'system');
  const size = page.getByLabel('Text size');
  await size.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  const updates = page.getByRole('checkbox', { name: 'Check for app updates' });
  await updates.focus();
  await page.keyboard.press('Space');
  await expect(updates).toBeChecked();
  await expect(page.locator('.settings [role="status"]')).toHaveText('Saved.');
  const language = page.getByTestId('interface-language');
  await language.focus();
  await page.keyboard.press('End');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('every stop on the main screens shows where focus is', async ({ page, app }) => {
  await app.open(page);
  const hidden: string[] = [];
  for (const screen of [SCREENS[0]!, SCREENS[1]!, SCREENS[3]!]) {
    await goTo(page, screen);
    await page.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const state = await focusState(page);
      // Past the last stop focus leaves the page (body) or wraps round: the screen is done.
      if (state.what === 'body' || seen.has(state.what)) break;
      seen.add(state.what);
      if (!state.visible) hidden.push(`${screen.name}: ${state.what}`);
    }
    expect(seen.size).toBeGreaterThan(3);
  }
  expect(hidden).toEqual([]);
});

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user would reach it. */
async function tabTo(page: Page, target: import('@playwright/test').Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the library language choice and a guide checklist work from the keyboard', async ({ page, app }) => {
  await app.open(page);
  await SCREENS[0]!.ready(page);
  const only = page.getByTestId('only-interface-language');
  await tabTo(page, only);
  expect((await focusState(page)).visible).toBe(true);
  await page.keyboard.press('Enter');
  await expect(only).toHaveAttribute('aria-pressed', 'true');
  await libraryShown(page);
  expect(await page.locator('[data-testid="guide-card"]:not([data-lang="en"])').count()).toBe(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('all-languages')).toHaveAttribute('aria-pressed', 'true');

  await goTo(page, SCREENS[1]!);
  const box = page.getByTestId('reader').locator('.guide-body input[type="checkbox"]').first();
  await tabTo(page, box, 200);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(page.getByTestId('reader').locator('.checklist-progress')).toContainText('1 of');
});
