import { expect, test } from './fixtures';

/**
 * Every screen but the library is its own chunk of code. A person opening one whose code has not arrived yet keeps
 * the screen they are on until it has (no empty loading line in between); once the library is drawn the other
 * screens' code is fetched in the background, so it usually has.
 */
test('a screen whose code is still on its way keeps the current screen until it arrives, and the rest are fetched once the library is drawn', async ({
  page,
  app,
}) => {
  // Hold back the review screen's code, so the change of screen waits for it.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let asked: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => {
    asked = resolve;
  });
  await page.route(/\/assets\/ReviewView-[^/]+\.js$/, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  const fetched: string[] = [];
  page.on('request', (request) => {
    const name = /\/assets\/([A-Za-z]+)-[^/]+\.js$/.exec(request.url())?.[1];
    if (name) fetched.push(name);
  });

  await app.open(page);
  await expect(page.getByTestId('guide-card').first()).toBeVisible();
  // The library drawn, the reader's code is fetched without the person opening a guide (the review screen's is held).
  await requested;
  await expect.poll(() => fetched.includes('GuideReader')).toBe(true);

  await page.evaluate(() => {
    location.hash = '#/review';
  });
  // While the review screen's code is held, main says it is busy and the library stays, with no loading line.
  const main = page.locator('main');
  await expect(main).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('guide-card').first()).toBeVisible();
  await expect(main.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  expect(await main.getAttribute('data-screen')).toBe('library');
  release();
  await expect(main).toHaveAttribute('data-screen', 'review');
  await expect(page.getByTestId('review-list')).toBeVisible();
  await expect(main).not.toHaveAttribute('aria-busy', 'true');
});

/**
 * The core loads the search index when the page asks, once its first screen is drawn, so that loading the index
 * does not compete with the first cards; a search typed before then loads it too.
 */
test('the page asks for the search index once the library is drawn, and the search works', async ({ page, app }) => {
  let cardsWhenAsked = -1;
  await page.route('**/api/invoke/search.prepare', async (route) => {
    // The request waits here while the page is looked at: what the page showed when it asked.
    cardsWhenAsked = await page.getByTestId('guide-card').count();
    await route.continue();
  });
  const prepared = page.waitForResponse('**/api/invoke/search.prepare');
  await app.open(page);
  expect(await (await prepared).json()).toEqual({ ok: true, value: { ready: true } });
  expect(cardsWhenAsked).toBeGreaterThan(0);

  await page.getByTestId('search-input').fill('police');
  await expect(page.getByTestId('search-results').locator('[data-guide]').first()).toBeVisible();
});
