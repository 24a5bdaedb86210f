import { test, expect } from './fixtures';
import { applySettings, goTo, openSearch, SCREENS } from './screens';

test('an Arabic interface mirrors the whole layout; screenshots of the main screens', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  for (const screen of SCREENS) {
    await goTo(page, screen);
    const path = testInfo.outputPath(`ar-${screen.name}.png`);
    await page.screenshot({ path, fullPage: false });
    await testInfo.attach(`ar-${screen.name}`, { path, contentType: 'image/png' });
  }
  await goTo(page, SCREENS[0]!);
  await openSearch(page, 'هاتف');
  const path = testInfo.outputPath('ar-search.png');
  await page.screenshot({ path });
  await testInfo.attach('ar-search', { path, contentType: 'image/png' });
  await page.keyboard.press('Escape');

  // The header reads from the right: the brand on the right edge, the search box to its left.
  const width = page.viewportSize()!.width;
  const brand = (await page.locator('header .brand').boundingBox())!;
  const search = (await page.getByTestId('search-input').boundingBox())!;
  expect(brand.x + brand.width).toBeGreaterThan(width * 0.8);
  expect(search.x).toBeLessThan(brand.x);
  // The skip link sits at the start edge, which is the right.
  await page.keyboard.press('Tab');
  const skip = (await page.locator('.skip-link').boundingBox())!;
  expect(skip.x).toBeGreaterThan(width / 2);
});

test('the same header in English reads from the left (the mirror check is not vacuous)', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const brand = (await page.locator('header .brand').boundingBox())!;
  expect(brand.x).toBeLessThan(1280 * 0.2);
});

test('an English guide in an Arabic interface runs left to right inside the mirrored chrome', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await goTo(page, SCREENS[1]!);
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('lang', 'en');
  await expect(reader).toHaveAttribute('dir', 'ltr');
  expect(await reader.locator('.guide-body').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  // Its interface parts are Arabic and right to left again.
  const back = reader.locator('.back');
  await expect(back).toHaveAttribute('lang', 'ar');
  expect(await back.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});

test('an Arabic guide in an English interface runs right to left; mixed text takes its own direction', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.open(page);
  await goTo(page, SCREENS[2]!);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('lang', 'ar');
  await expect(reader).toHaveAttribute('dir', 'rtl');
  expect(await reader.locator('.guide-body').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // Titles, summaries and contents entries may mix scripts: each takes the direction of its own first strong letter.
  await expect(reader.locator('h1')).toHaveAttribute('dir', 'auto');
  await expect(reader.locator('.summary')).toHaveAttribute('dir', 'auto');
  const tocEntries = reader.locator('.toc li');
  expect(await tocEntries.count()).toBeGreaterThan(0);
  expect(await tocEntries.evaluateAll((items) => items.every((li) => li.getAttribute('dir') === 'auto'))).toBe(true);
  // An English phrase in dir=auto text reads left to right, Arabic right to left.
  const directions = await page.evaluate(() => {
    const probe = (text: string) => {
      const p = document.createElement('p');
      p.dir = 'auto';
      p.textContent = text;
      document.querySelector('main')!.append(p);
      const direction = getComputedStyle(p).direction;
      p.remove();
      return direction;
    };
    return [probe('Signal هو تطبيق'), probe('تطبيق Signal')];
  });
  expect(directions).toEqual(['ltr', 'rtl']);
  const path = test.info().outputPath('en-guide-ar.png');
  await page.screenshot({ path });
  await test.info().attach('en-interface-ar-guide', { path, contentType: 'image/png' });
});

test('library cards carry the direction of their own guide', async ({ page, app }) => {
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await SCREENS[0]!.ready(page);
  const arabicCard = page.locator('[data-testid="guide-card"][data-lang="ar"]').first();
  await expect(arabicCard.locator('h3')).toHaveAttribute('dir', 'rtl');
  const englishCard = page.locator('[data-testid="guide-card"][data-lang="en"]').first();
  await expect(englishCard.locator('h3')).toHaveAttribute('dir', 'ltr');
  await expect(englishCard.locator('h3')).toHaveAttribute('lang', 'en');
});
