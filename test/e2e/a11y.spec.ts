import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { applySettings, goTo, openSearch, SCREENS } from './screens';

/** axe-core on what the page shows now: the serious and critical violations, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.slice(0, 5).map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? v.help}`),
    );
}

for (const lang of ['en', 'ar'] as const) {
  test(`every screen passes axe-core with no serious or critical violation (${lang} interface)`, async ({ page, app }) => {
    // axe-core walks every node of each screen; over the whole bundled library that takes tens of seconds here.
    test.slow();
    await app.open(page);
    await applySettings(page, app.host, { interfaceLanguage: lang });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await goTo(page, screen);
      found[screen.name] = await seriousViolations(page);
    }
    await goTo(page, SCREENS[1]!);
    await page.locator('.sources a').first().click();
    await expect(page.locator('dialog.confirm')).toBeVisible();
    found['external-link-dialog'] = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await goTo(page, SCREENS[0]!);
    await openSearch(page);
    found.search = await seriousViolations(page);
    await openSearch(page, 'zzzzqqq', false);
    found['search-empty'] = await seriousViolations(page);
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
}

test.describe('with content files that could not be loaded', () => {
  test.use({ contentDir: 'test/fixtures/problems/schema-field' });
  for (const lang of ['en', 'ar'] as const) {
    test(`the library notice and the maintainer view pass axe-core (${lang} interface)`, async ({ page, app }) => {
      await app.open(page);
      await applySettings(page, app.host, { interfaceLanguage: lang });
      await goTo(page, SCREENS[0]!);
      const library = await seriousViolations(page);
      await goTo(page, SCREENS.find((screen) => screen.name === 'problems')!);
      await expect(page.getByTestId('problem').first()).toBeVisible();
      expect({ library, problems: await seriousViolations(page) }).toEqual({ library: [], problems: [] });
    });
  }
});

for (const theme of ['light', 'dark', 'high-contrast'] as const) {
  test(`the ${theme} theme passes axe-core, contrast included`, async ({ page, app }) => {
    test.slow();
    await app.open(page);
    await applySettings(page, app.host, { theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const found: Record<string, string[]> = {};
    for (const screen of [SCREENS[0]!, SCREENS[1]!, SCREENS[3]!]) {
      await goTo(page, screen);
      found[screen.name] = await seriousViolations(page);
    }
    await goTo(page, SCREENS[0]!);
    await openSearch(page);
    found.search = await seriousViolations(page);
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
}

test('the text size setting has five steps, each larger than the one before', async ({ page, app }) => {
  await app.open(page, '#/settings');
  const sizes: number[] = [];
  const select = page.getByLabel('Text size');
  const steps = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(steps.length).toBeGreaterThanOrEqual(4);
  for (const step of steps) {
    await select.selectOption(step);
    await expect(page.locator('html')).toHaveAttribute('data-text-size', step);
    sizes.push(
      await page
        .locator('main h1')
        .evaluate((h1) => parseFloat(getComputedStyle(h1).fontSize) + parseFloat(getComputedStyle(document.body).fontSize)),
    );
  }
  for (let i = 1; i < sizes.length; i++) expect(sizes[i]!).toBeGreaterThan(sizes[i - 1]!);
  // The choice is kept.
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('data-text-size', steps.at(-1)!);
});

test('the "system" theme follows prefers-color-scheme and prefers-contrast', async ({ page, app }) => {
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  const background = () => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(light).toBe('rgb(251, 250, 247)');
  expect(dark).toBe('rgb(22, 24, 28)');
  expect(await seriousViolations(page)).toEqual([]);
  // A system asking for more contrast gets the high-contrast colours.
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  expect(await background()).toBe('rgb(0, 0, 0)');
  expect(await seriousViolations(page)).toEqual([]);
  // A theme chosen on purpose wins over the system's.
  await applySettings(page, app.host, { theme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
  expect(await background()).toBe(light);
});

test('prefers-reduced-motion turns animations and transitions off', async ({ page, app }) => {
  await app.open(page);
  const transition = () => page.locator('header .brand').evaluate((el) => getComputedStyle(el).transitionProperty);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await transition()).toBe('all');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await transition()).toBe('none');
  expect(await page.locator('html').evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe('auto');
});

test('the axe check itself reports a serious violation', async ({ page, app }) => {
  await app.open(page);
  await SCREENS[0]!.ready(page);
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.innerHTML = '<svg width="10" height="10"></svg>';
    document.querySelector('main')!.append(button);
    const faint = document.createElement('p');
    faint.textContent = 'faint text';
    faint.style.color = '#eeeeee';
    document.querySelector('main')!.append(faint);
  });
  const found = await seriousViolations(page);
  expect(found.some((line) => line.startsWith('button-name'))).toBe(true);
  expect(found.some((line) => line.startsWith('color-contrast'))).toBe(true);
});
