import { test, expect } from './fixtures';
import { searchAnswered } from './screens';

test('Ctrl+K, three letters, arrows and Enter open the right section with the words marked', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await page.keyboard.type('ket');
  await searchAnswered(page, 'ket');
  const hits = page.getByTestId('search-hit');
  const first = hits.first();
  await expect(first).toHaveAttribute('data-guide', 'gb-eaw-rights-at-a-demonstration');
  await expect(first).toHaveAttribute('data-anchor', 'containment-kettling');
  // Title, jurisdiction, language, review status and a snippet with the matched word marked.
  await expect(first).toContainText('England and Wales');
  await expect(first).toContainText('English');
  await expect(first.getByTestId('review-badge')).toBeVisible();
  await expect(first.locator('mark').first()).toHaveText(/kettl/i);
  await expect(input).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');

  await page.keyboard.type('tling');
  await searchAnswered(page, 'kettling');
  await expect(first).toHaveAttribute('data-anchor', 'containment-kettling');
  const count = await hits.count();
  if (count > 1) {
    await page.keyboard.press('ArrowDown');
    await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
  }
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your rights at a demonstration in England and Wales');
  await expect(page.locator('html')).toHaveAttribute('data-route', /section=containment-kettling/);
  await expect(page.locator('html')).toHaveAttribute('data-route', /q=kettling/);
  await expect(page.locator('#section-containment-kettling')).toBeFocused();
  await expect(reader.locator('.guide-body mark.search-match').first()).toHaveText(/kettling/i);
  await expect(page.getByTestId('search-results')).toBeHidden();
});

test('"/" opens the search from a guide; Arabic finds Arabic guides without diacritics or article', async ({ page, app }) => {
  await app.open(page, '#/guide/backups/en');
  await expect(page.getByTestId('reader')).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('شرطه');
  await searchAnswered(page, 'شرطه');
  const first = page.getByTestId('search-hit').first();
  await expect(first).toHaveAttribute('data-lang', 'ar');
  await expect(first.locator('.hit-title')).toHaveAttribute('dir', 'rtl');
  await expect(first.locator('.hit-snippet')).toHaveAttribute('lang', 'ar');
  await expect(first.locator('mark').filter({ hasText: 'شرطة' }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-results')).toBeHidden();
  await expect(page.getByTestId('search-input')).toHaveValue('شرطه');
});

test.describe('with a jurisdiction set', () => {
  test.use({ savedData: JSON.stringify({ settings: { myJurisdiction: 'US-CA' } }) });

  test("the person's own jurisdiction comes first", async ({ page, app }) => {
    await app.open(page);
    await page.getByTestId('search-input').fill('recording police');
    await searchAnswered(page, 'recording police');
    await expect(page.getByTestId('search-hit').first()).toHaveAttribute('data-guide', 'us-ca-recording-police');
  });
});

test('filters narrow the results, and an empty result says which filter to drop', async ({ page, app }) => {
  await app.open(page);
  const input = page.getByTestId('search-input');
  await input.fill('police');
  await searchAnswered(page, 'police');
  await page.getByTestId('search-filter-lang').selectOption('fr');
  await searchAnswered(page, 'police');
  await expect(page.getByTestId('search-hit').first()).toHaveAttribute('data-lang', 'fr');
  await expect(page.locator('[data-testid="search-hit"]:not([data-lang="fr"])')).toHaveCount(0);
  await input.fill('kettling');
  await page.getByTestId('search-filter-lang').selectOption('');
  await page.getByTestId('search-filter-topic').selectOption('censorship');
  await searchAnswered(page, 'kettling');
  await expect(page.getByTestId('search-empty')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No guide matches' })).toHaveCount(1);
  const drop = page.getByTestId('search-drop-topic');
  await expect(drop).toContainText('Topic');
  await drop.click();
  await expect(page.getByTestId('search-filter-topic')).toHaveValue('');
  await searchAnswered(page, 'kettling');
  await expect(page.getByTestId('search-hit').first()).toHaveAttribute('data-guide', /kettling|demonstration/);
});

test('search output is text, never markup', async ({ page, app }) => {
  await app.open(page);
  await page.getByTestId('search-input').fill('<img src=x onerror=alert(1)> police');
  await searchAnswered(page, '<img src=x onerror=alert(1)> police');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await expect(page.locator('.search-panel img')).toHaveCount(0);
});

test('a slow answer to an earlier keystroke never replaces a later one, and the arrow-key choice survives updates', async ({ page, app }) => {
  // The answer to "pol" is held back until "police" has been answered and a result chosen: as on a busy machine.
  let releaseSlow: () => void = () => undefined;
  const slowHeld = new Promise<void>((resolve) => (releaseSlow = resolve));
  let slowAnswered!: Promise<void>;
  await page.route('**/api/invoke/search.query', async (route) => {
    const { q } = route.request().postDataJSON() as { q: string };
    if (q !== 'pol') return route.continue();
    const response = await route.fetch();
    slowAnswered = (async () => {
      await slowHeld;
      await route.fulfill({ response });
    })();
    return slowAnswered;
  });
  await app.open(page);
  await page.keyboard.press('Control+K');
  await page.keyboard.type('pol');
  await page.keyboard.type('ice');
  await searchAnswered(page, 'police');
  const hits = page.getByTestId('search-hit');
  const input = page.getByTestId('search-input');
  await expect(hits.nth(2)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(hits.nth(2)).toHaveAttribute('aria-selected', 'true');
  const chosen = { guide: await hits.nth(2).getAttribute('data-guide'), anchor: await hits.nth(2).getAttribute('data-anchor') };
  const shown = await hits.evaluateAll((items) => items.map((item) => `${item.dataset.guide}#${item.dataset.anchor}`));

  // The earlier keystroke's answer arrives late: it changes nothing on screen.
  releaseSlow();
  await slowAnswered;
  await expect(page.getByTestId('search-panel')).toHaveAttribute('data-answered-query', 'police');
  expect(await hits.evaluateAll((items) => items.map((item) => `${item.dataset.guide}#${item.dataset.anchor}`))).toEqual(shown);

  // The list updates for the next keystroke; the chosen result is still the chosen one.
  await page.keyboard.type(' ');
  await searchAnswered(page, 'police ');
  const selected = page.locator('[data-testid="search-hit"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAttribute('data-guide', chosen.guide!);
  await expect(selected).toHaveAttribute('data-anchor', chosen.anchor!);
  await expect(input).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-route', new RegExp(`#/guide/${chosen.guide}/`));
});
