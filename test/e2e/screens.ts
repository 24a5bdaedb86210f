import { expect, type Page } from '@playwright/test';
import type { Host } from '../../electron/host/server';
import { openApp } from './fixtures';

/** The main screens, each with the route that opens it and what shows it has finished loading. */
export interface Screen {
  name: string;
  route: string;
  ready(page: Page): Promise<void>;
}

const heading = (page: Page) => expect(page.locator('main h1').first()).toBeVisible();

export const SCREENS: Screen[] = [
  { name: 'library', route: '#/', ready: (page) => expect(page.getByTestId('guide-card').first()).toBeVisible() },
  { name: 'guide-en', route: '#/guide/phone-at-a-demonstration/en', ready: (page) => expect(page.getByTestId('reader').locator('h1')).toBeVisible() },
  { name: 'guide-ar', route: '#/guide/phone-at-a-demonstration/ar', ready: (page) => expect(page.getByTestId('reader').locator('h1')).toBeVisible() },
  { name: 'settings', route: '#/settings', ready: heading },
  { name: 'problems', route: '#/problems', ready: heading },
  { name: 'review', route: '#/review', ready: heading },
  { name: 'share', route: '#/share', ready: (page) => expect(page.locator('.share-view')).toHaveAttribute('data-share-state', 'stopped') },
  { name: 'reports', route: '#/reports', ready: (page) => expect(page.getByTestId('my-reports')).toHaveAttribute('data-count', /\d+/) },
  { name: 'help-partners', route: '#/help/partners', ready: (page) => expect(page.getByTestId('partners-help').locator('h1')).toBeVisible() },
  {
    name: 'submissions',
    route: '#/submissions',
    ready: (page) => expect(page.locator('section.submissions')).toHaveAttribute('data-records-state', 'ready'),
  },
  { name: 'write', route: '#/write', ready: (page) => expect(page.getByTestId('make-key')).toBeVisible() },
];

export async function goTo(page: Page, screen: Screen): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), screen.route);
  await screen.ready(page);
  await expect(page.locator('main [role="status"]', { hasText: /^(Loading…|⟦Ļöáðîñĝ…⟧)$/ })).toHaveCount(0);
}

/** Waits for the app's signal that the answer to exactly `query` is on screen (never for a count or a time). */
export async function searchAnswered(page: Page, query: string): Promise<void> {
  await expect(page.getByTestId('search-panel')).toHaveAttribute('data-answered-query', query);
}

/** Types a query into the search box and waits for its results. */
export async function openSearch(page: Page, query = 'police', expectHits = true): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await searchAnswered(page, query);
  if (expectHits) await expect(page.getByTestId('search-results').getByRole('option').first()).toBeVisible();
  // With no result, the announcement says so (and the panel offers what to change).
  else await expect(page.locator('.search [role="status"]')).not.toBeEmpty();
}

/** Changes settings through the app's own API (as the Settings screen does), then opens the app again so the whole UI starts in them. */
export async function applySettings(
  page: Page,
  host: Pick<Host, 'origin' | 'token' | 'newLaunchUrl'>,
  change: Record<string, unknown>,
): Promise<void> {
  const { token } = host;
  const status = await page.evaluate(
    async ({ token, change }) =>
      (
        await fetch('/api/invoke/settings.update', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': token },
          body: JSON.stringify(change),
        })
      ).status,
    { token, change },
  );
  expect(status).toBe(200);
  await openApp(page, host);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}
