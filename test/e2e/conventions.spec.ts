import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** What a reader without browser chrome must still offer: back and forward, find in page, and where one is in a guide. */

const GUIDE = '#/guide/gb-eaw-rights-at-a-demonstration/en';
const h1 = (page: Page) => page.locator('main h1');

async function atLibrary(page: Page) {
  await expect(h1(page)).toHaveText('Library');
  await expect(page).toHaveURL(/#\/$/);
}

test('back and forward: header buttons, Alt+Left/Alt+Right and the mouse side buttons walk the app history', async ({ page, app }) => {
  await app.open(page);
  await atLibrary(page);
  const back = page.getByTestId('history-back');
  const forward = page.getByTestId('history-forward');
  await expect(back).toHaveAccessibleName('Back');
  await expect(back).toHaveAttribute('aria-disabled', 'true');

  // Library → a guide → Settings, as a person would move.
  const card = page.getByTestId('guide-card').first();
  const title = (await card.getByRole('link').first().textContent())!.trim();
  await card.getByRole('link').first().click();
  await expect(h1(page)).toHaveText(title);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(h1(page)).toHaveText('Settings');
  await expect(forward).toHaveAttribute('aria-disabled', 'true');

  await back.click();
  await expect(h1(page)).toHaveText(title);
  await expect(forward).toHaveAttribute('aria-disabled', 'false');
  await page.locator('main').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await atLibrary(page);
  await expect(back).toHaveAttribute('aria-disabled', 'true');
  await forward.click();
  await expect(h1(page)).toHaveText(title);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(h1(page)).toHaveText('Settings');

  // The mouse's side buttons: 3 is back, 4 is forward.
  const side = (button: number) =>
    page.locator('main').evaluate((main, which) => {
      for (const type of ['mousedown', 'mouseup', 'auxclick'])
        main.dispatchEvent(new MouseEvent(type, { button: which, bubbles: true, cancelable: true }));
    }, button);
  await side(3);
  await expect(h1(page)).toHaveText(title);
  await side(4);
  await expect(h1(page)).toHaveText('Settings');

  // In a text field Alt+arrows stay the field's.
  await page.getByTestId('search-input').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.getByRole('link', { name: 'Library' }).click();
  await atLibrary(page);
  await back.click();
  await expect(h1(page)).toHaveText('Settings');
});

test.describe('in Arabic', () => {
  test.use({ savedData: JSON.stringify({ settings: { interfaceLanguage: 'ar' } }) });

  test('Alt+Left is still back, as in Chrome, while the arrows on the buttons mirror', async ({ page, app }) => {
    await app.open(page);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const library = (await h1(page).textContent())!;
    await page.evaluate((hash) => (location.hash = hash), GUIDE);
    await expect(page.getByTestId('reader')).toBeVisible();
    await page.locator('main').focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(h1(page)).toHaveText(library);
    await expect(page.getByTestId('history-back')).toHaveAccessibleName('رجوع');
    expect(
      await page
        .getByTestId('history-back')
        .locator('.history-arrow')
        .evaluate((arrow) => getComputedStyle(arrow).transform),
    ).not.toBe('none');
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page.getByTestId('reader')).toBeVisible();
  });
});

/** The text of the current find highlight and of every match, and whether the current one follows `after`. */
function highlights(page: Page) {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const all = [...(registry.get('find-match') ?? [])];
    const current = [...(registry.get('find-current') ?? [])][0];
    return {
      texts: all.map((range) => range.toString()),
      current: current ? all.findIndex((range) => range.compareBoundaryPoints(Range.START_TO_START, current) === 0) : -1,
    };
  });
}

test('find in page: Ctrl+F, a count, next and previous, Escape closes', async ({ page, app }) => {
  await app.open(page, GUIDE);
  await expect(page.getByTestId('reader')).toBeVisible();
  const link = page.getByTestId('reader').locator('.toc a').first();
  await link.focus();
  await page.keyboard.press('Control+F');
  const bar = page.getByTestId('find-bar');
  const input = page.getByTestId('find-input');
  await expect(input).toBeFocused();
  await page.keyboard.type('police');
  await expect(bar).toHaveAttribute('data-answered', 'police');

  // The count is every occurrence in the page's main content, whatever its case.
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (innerText), not the source text, is what is found.
  const expected = await page.locator('main').evaluate((main) => ((main as HTMLElement).innerText.toLowerCase().match(/police/g) ?? []).length);
  expect(expected).toBeGreaterThan(2);
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText(`1 of ${expected}`);
  let marks = await highlights(page);
  expect(marks.texts).toHaveLength(expected);
  expect(marks.texts.every((text) => text.toLowerCase() === 'police')).toBe(true);
  expect(marks.current).toBe(0);

  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`2 of ${expected}`);
  expect((await highlights(page)).current).toBe(1);
  await bar.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText(`3 of ${expected}`);
  await input.focus();
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`2 of ${expected}`);
  // Previous from the first wraps to the last.
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`${expected} of ${expected}`);
  marks = await highlights(page);
  expect(marks.current).toBe(expected - 1);

  await page.keyboard.type('zz');
  await expect(bar).toHaveAttribute('data-answered', 'policezz');
  await expect(count).toHaveText('No matches');
  expect((await highlights(page)).texts).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(link).toBeFocused();
  expect((await highlights(page)).texts).toEqual([]);
});

test('the table of contents marks the section being read as the person scrolls', async ({ page, app }) => {
  await page.setViewportSize({ width: 1200, height: 700 });
  await app.open(page, GUIDE);
  const toc = page.getByTestId('reader').locator('nav.toc');
  await expect(toc).toBeVisible();
  const links = toc.getByRole('link');
  const anchors = await links.evaluateAll((items) =>
    items.map((item) => new URLSearchParams(item.getAttribute('href')!.split('?')[1]).get('section')!),
  );
  expect(anchors.length).toBeGreaterThan(4);
  const marked = toc.locator('a[aria-current="location"]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveAttribute('href', new RegExp(`section=${anchors[0]}$`));

  // Scroll a later section's heading to the top of the window, as reading on would.
  for (const anchor of [anchors[3]!, anchors[1]!]) {
    await page.locator(`#section-${anchor}`).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expect(marked).toHaveAttribute('href', new RegExp(`section=${anchor}$`));
    await expect(marked).toHaveCount(1);
  }
  // Following a contents link marks that section too.
  await links.nth(4).click();
  await expect(marked).toHaveAttribute('href', new RegExp(`section=${anchors[4]}$`));
});
