import { expect, test } from '@playwright/test';
import { clockFromEnv } from '../../electron/core/clock';
import { launchBrowserMode, type BrowserMode } from '../../electron/host/launch';
import { tempDir } from '../support/temp';
import { api } from './workshop-support';

let host: BrowserMode;
let remove: () => Promise<void>;

// The trainer's browser mode, whose share listens on loopback here (in a room it picks the LAN address).
test.beforeEach(async () => {
  const data = await tempDir('fieldbook-e2e-share-');
  remove = data.remove;
  host = await launchBrowserMode({ dataDir: data.dir, clock: clockFromEnv(undefined), log: () => undefined, shareListen: '127.0.0.1' });
});
test.afterEach(async () => {
  await host.close();
  await remove();
});

test('the trainer shares to the room, a participant reads and searches in a read-only page, and stopping ends it', async ({ page, browser }) => {
  await page.goto(host.newLaunchUrl());
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  const indicator = page.locator('[data-sharing="true"]');
  await expect(indicator).toHaveCount(0);

  await page.getByRole('link', { name: 'Share to the room' }).click();
  const view = page.locator('.share-view');
  await expect(view).toHaveAttribute('data-share-state', 'stopped');
  await page.getByRole('button', { name: 'Start sharing' }).click();
  await expect(view).toHaveAttribute('data-share-state', 'running');
  const url = (await page.getByTestId('share-url').textContent())!;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(url).not.toContain(host.token);
  await expect(page.getByRole('img', { name: `QR code for ${url}` })).toHaveAttribute('data-qr-size', /^\d+$/);

  // The indicator stays on every screen while the share runs.
  for (const route of ['#/', '#/settings', '#/review', '#/guide/phone-at-a-demonstration/en']) {
    await page.evaluate((hash) => (location.hash = hash), route);
    await expect(indicator, route).toBeVisible();
    await expect(indicator).toContainText(url);
  }

  // A participant on another device: no token, a read-only page.
  const participant = await (await browser.newContext()).newPage();
  const refused: string[] = [];
  const called = new Set<string>();
  participant.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/api/')) {
      called.add(path);
      if (response.status() !== 200) refused.push(`${response.status()} ${path}`);
    }
  });
  await participant.goto(url);
  await expect(participant.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(participant.locator('[data-share-mode="true"]')).toBeVisible();
  const nav = participant.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Library' })).toBeVisible();
  for (const hidden of ['Settings', 'Review', 'Share to the room']) await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);
  await expect(participant.getByRole('navigation', { name: 'Writing and review' })).toHaveCount(0);

  // Reads a guide, ticks a box (kept in the page only), searches and opens a hit.
  await participant.evaluate(() => (location.hash = '#/guide/phone-at-a-demonstration/en'));
  const reader = participant.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your phone at a demonstration');
  await reader.locator('.guide-body input[type="checkbox"]').first().check();
  await participant.getByTestId('search-input').fill('kettling');
  await expect(participant.getByTestId('search-hit').first()).toBeVisible();
  // A screen the share does not serve shows the library instead.
  await participant.evaluate(() => (location.hash = '#/settings'));
  await expect(participant.getByRole('heading', { name: 'Settings' })).toHaveCount(0);

  expect(refused).toEqual([]);
  expect([...called].sort()).toEqual(expect.arrayContaining(['/api/invoke/app.info', '/api/invoke/guide.get', '/api/invoke/search.query']));
  for (const path of called)
    expect([
      '/api/invoke/app.info',
      '/api/invoke/library.browse',
      '/api/invoke/library.list',
      '/api/invoke/guide.get',
      '/api/invoke/search.query',
    ]).toContain(path);

  // The participant's tick never reached the trainer's data.
  expect(host.share.status().running).toBe(true);
  await page.evaluate(() => (location.hash = '#/guide/phone-at-a-demonstration/en'));
  await expect(page.getByTestId('reader').locator('.guide-body input[type="checkbox"]:checked')).toHaveCount(0);

  await page.evaluate(() => (location.hash = '#/share'));
  await page.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(view).toHaveAttribute('data-share-state', 'stopped');
  await expect(indicator).toHaveCount(0);
  await expect(participant.goto(url)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
});

test('the trainer shares one collection: a participant sees only its guides, and the screen says what is shared', async ({ page, browser }) => {
  await page.goto(host.newLaunchUrl());
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  const made = await api(page, host.token, 'collections.create', { name: 'Evening session' });
  const taken = await api(page, host.token, 'guide.get', { id: 'phone-taken', lang: 'en' });
  await api(page, host.token, 'collections.addItem', { id: made.id, guide: 'phone-at-a-demonstration', lang: 'en' });
  const view = await api(page, host.token, 'collections.addItem', {
    id: made.id,
    guide: 'phone-taken',
    lang: 'en',
    section: taken.sections[1]!.anchor,
  });
  await api(page, host.token, 'collections.setNote', { id: made.id, item: view.items[0]!.id, note: 'TRAINER-ONLY note' });

  await page.getByRole('link', { name: 'Share to the room' }).click();
  const shareView = page.locator('.share-view');
  await expect(shareView).toHaveAttribute('data-share-state', 'stopped');
  const choice = page.getByRole('group', { name: 'What to share' });
  const whole = choice.getByRole('radio', { name: 'The whole library' });
  const collection = choice.getByRole('radio', { name: 'The collection: Evening session' });
  await expect(whole).toBeChecked();
  // By keyboard, as a radio group moves: focus the first choice, then the arrow key picks the next.
  await whole.focus();
  await page.keyboard.press('ArrowDown');
  await expect(collection).toBeChecked();
  await expect(collection).toBeFocused();
  await page.getByRole('button', { name: 'Start sharing' }).click();
  await expect(shareView).toHaveAttribute('data-share-state', 'running');
  await expect(page.getByTestId('share-what')).toHaveText('Sharing is on. Shared: only the guides of the collection Evening session');
  const url = (await page.getByTestId('share-url').textContent())!;

  const participant = await (await browser.newContext()).newPage();
  await participant.goto(url);
  await expect(participant.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(participant.locator('[data-share-mode="true"]')).toBeVisible();
  const cards = participant.getByTestId('guide-card');
  await expect(cards.first()).toBeVisible();
  expect((await cards.evaluateAll((all) => all.map((card) => `${card.dataset.guide}/${card.dataset.lang}`))).sort()).toEqual([
    'phone-at-a-demonstration/en',
    'phone-taken/en',
  ]);
  await expect(participant.locator('body')).not.toContainText('TRAINER-ONLY');
  // A guide of the library outside the collection does not open, even by its address.
  await participant.evaluate(() => (location.hash = '#/guide/backups/en'));
  await expect(participant.getByRole('alert')).toContainText('is not part of this share');
  await participant.evaluate(() => (location.hash = '#/guide/phone-taken/en'));
  await expect(participant.getByTestId('reader').getByRole('heading', { level: 1 })).toHaveText(taken.title);

  await page.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(shareView).toHaveAttribute('data-share-state', 'stopped');
  await expect(participant.goto(url)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
  // Stopped, the screen offers the choice again, with the whole library first.
  await expect(choice.getByRole('radio')).toHaveCount(2);
});
