import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** axe-core's serious and critical violations on the page as it stands. */
async function serious(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/**
 * Review status as a person meets it, with the clock set past the bundled law guides' review-by dates (2027-05-28,
 * and 2027-06-01 for those revised on 2026-12-01) and before the security guides' (2027-11-28 and 2027-12-01).
 */
test.describe('with the clock set to 2027-06-02 on the bundled guides', () => {
  test.use({ now: '2027-06-02' });

  test('the library badges overdue law guides, and the app says the clock is set', async ({ page, app }) => {
    await app.open(page);
    await expect(page.getByTestId('clock-notice')).toContainText('Jun 2, 2027');
    const law = page.locator('[data-testid="guide-card"][data-guide="us-rights-at-a-demonstration"][data-lang="en"]');
    await expect(law.getByTestId('review-badge')).toHaveAttribute('data-status', 'overdue');
    await expect(law.getByTestId('review-badge')).toContainText('Overdue for review');
    await expect(law.getByTestId('review-badge')).toContainText('Not yet reviewed');
    const security = page.locator('[data-testid="guide-card"][data-guide="account-security"][data-lang="en"]');
    await expect(security.getByTestId('review-badge')).toHaveAttribute('data-status', 'not-reviewed');
  });

  test('an overdue legal guide opens under a banner that cannot be dismissed', async ({ page, app }) => {
    await app.open(page, '#/guide/us-rights-at-a-demonstration/en');
    const banner = page.getByTestId('review-banner');
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('heading', { name: 'This guide is overdue for review' })).toBeVisible();
    await expect(banner).toContainText('It was due to be checked by Jun 1, 2027');
    await expect(banner).toContainText('The law, or how police apply it, may have changed');
    await expect(banner).toContainText('No local partner has reviewed it yet.');
    await expect(banner).toContainText('Check with local contacts');
    await expect(banner.getByRole('button')).toHaveCount(0);
    // A guide still in date has no banner.
    await page.evaluate(() => (location.hash = '#/guide/account-security/en'));
    await expect(page.getByTestId('reader').getByRole('heading', { level: 1 })).toHaveText(/account/i);
    await expect(page.getByTestId('review-banner')).toHaveCount(0);
  });

  test('the review dashboard counts by jurisdiction and language, filters, and exports CSV and Markdown', async ({ page, app }) => {
    await app.open(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review status' })).toBeVisible();
    await expect(page.getByTestId('review-as-of')).toContainText('Jun 2, 2027');

    const byJurisdiction = page.getByTestId('counts-jurisdiction');
    const total = byJurisdiction.locator('tfoot tr[data-key="all"]');
    await expect(total.locator('td[data-state="overdue"]')).toHaveText('56');
    await expect(total.locator('td[data-state="translation-behind"]')).toHaveText('0');
    await expect(total.locator('td[data-state="not-reviewed"]')).toHaveText('90');
    await expect(byJurisdiction.locator('tbody tr[data-key="US"] td[data-state="overdue"]')).toHaveText('8');
    await expect(byJurisdiction.locator('tbody tr[data-key="global"] td[data-state="overdue"]')).toHaveText('0');
    await expect(page.getByTestId('counts-language').locator('tbody tr[data-key="es"] td[data-state="translation-behind"]')).toHaveText('0');

    // The list comes most urgent first: every overdue guide before anything else.
    const rows = page.getByTestId('review-list').locator('tbody tr');
    await expect(rows).toHaveCount(90);
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(statuses.slice(0, 56).every((s) => s === 'overdue')).toBe(true);
    // Every bundled translation follows its source's current version; the rest are not yet reviewed.
    expect(statuses.slice(56).every((s) => s === 'not-reviewed')).toBe(true);

    await page.getByLabel('Status', { exact: true }).selectOption('overdue');
    await page.getByLabel('Jurisdiction', { exact: true }).selectOption('FR');
    await expect(page.getByTestId('review-shown')).toContainText('8 guides shown');
    await expect(rows).toHaveCount(8);

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe('fieldbook-review-2027-06-02.csv');
    const csvText = await readFile((await csv.path())!, 'utf8');
    const lines = csvText.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFstatus,also,id,lang,jurisdiction,title,/);
    expect(lines).toHaveLength(9);
    expect(lines.slice(1).every((line) => line.startsWith('overdue,not-reviewed,fr-'))).toBe(true);
    await expect(page.getByTestId('review-shown')).toContainText('Exported as fieldbook-review-2027-06-02.csv');

    const mdDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as Markdown' }).click();
    const md = await mdDownload;
    expect(md.suggestedFilename()).toBe('fieldbook-review-2027-06-02.md');
    const mdText = await readFile((await md.path())!, 'utf8');
    expect(mdText).toContain('As of 2027-06-02, UTC (clock set for a demonstration or test)');
    expect(mdText).toContain('status overdue; jurisdiction FR, 8 guide(s)');
  });

  test('the dashboard and the banner pass axe-core, in English and in Arabic', async ({ page, app }) => {
    test.slow();
    for (const lang of ['en', 'ar'] as const) {
      await app.open(page, '#/settings');
      await page.getByTestId('interface-language').selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.evaluate(() => (location.hash = '#/review'));
      await expect(page.getByTestId('review-list')).toBeVisible();
      expect(await serious(page)).toEqual([]);
      await page.evaluate(() => (location.hash = '#/guide/us-rights-at-a-demonstration/en'));
      await expect(page.getByTestId('review-banner')).toBeVisible();
      expect(await serious(page)).toEqual([]);
    }
  });

  test('the "due soon" window is a setting the dashboard changes', async ({ page, app }) => {
    await app.open(page, '#/review');
    const total = page.getByTestId('counts-jurisdiction').locator('tfoot tr[data-key="all"]');
    await expect(total.locator('td[data-state="due-soon"]')).toHaveText('0');
    // 2027-12-01 is 182 days after 2027-06-02: a 182-day window takes in the 34 security guides.
    await page.getByTestId('due-soon-days').fill('182');
    await page.getByTestId('due-soon-days').press('Enter');
    await expect(total.locator('td[data-state="due-soon"]')).toHaveText('34');
    await page.evaluate(() => (location.hash = '#/'));
    const security = page.locator('[data-testid="guide-card"][data-guide="account-security"][data-lang="en"]');
    await expect(security.getByTestId('review-badge')).toHaveAttribute('data-status', 'due-soon');
  });
});

test.describe('overdue guidance that is not legal, and translations behind their source', () => {
  test.use({ now: '2027-06-01', contentDir: join(import.meta.dirname, '..', 'fixtures', 'review') });

  test('a translation behind its source is badged, links to the newer version and lists what it misses', async ({ page, app }) => {
    await app.open(page);
    // One card per guide, in the interface language: the Spanish version shows with Spanish chosen as the language.
    await page.getByLabel('Language', { exact: true }).selectOption('es');
    const card = page.locator('[data-testid="guide-card"][data-guide="sec-guide"][data-lang="es"]');
    await expect(card.getByTestId('review-badge')).toHaveAttribute('data-status', 'translation-behind');
    await page.evaluate(() => (location.hash = '#/guide/sec-guide/es'));
    const notice = page.getByTestId('translation-behind');
    await expect(notice).toContainText('It was translated from version 2; the original in English is now at version 3.');
    await expect(notice.getByRole('listitem')).toHaveText([/Version 3.*Added a section on power banks\./]);
    await notice.getByRole('link', { name: 'Read the newer version in English' }).click();
    await expect(page.getByTestId('reader')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('translation-behind')).toHaveCount(0);
  });

  test('the translation notice passes axe-core, in English and in Arabic', async ({ page, app }) => {
    for (const lang of ['en', 'ar'] as const) {
      await app.open(page, '#/settings');
      await page.getByTestId('interface-language').selectOption(lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.evaluate(() => (location.hash = '#/guide/sec-guide/ar'));
      await expect(page.getByTestId('translation-behind')).toBeVisible();
      expect(await serious(page)).toEqual([]);
    }
  });

  test("its banner can be hidden; a legal guide's names its last review and cannot", async ({ page, app }) => {
    await app.open(page, '#/guide/sec-overdue/en');
    const banner = page.getByTestId('review-banner');
    await expect(banner).toHaveAttribute('data-legal', 'false');
    await expect(banner).toContainText('Last reviewed by Test Security Trainers on Jul 15, 2026.');
    await banner.getByRole('button', { name: 'Hide this notice' }).click();
    await expect(banner).toHaveCount(0);

    await page.evaluate(() => (location.hash = '#/guide/law-reviewed/en'));
    const legal = page.getByTestId('review-banner');
    await expect(legal).toHaveAttribute('data-legal', 'true');
    await expect(legal).toContainText('Last reviewed by Test Legal Clinic on Nov 28, 2026.');
    await expect(legal.getByRole('button')).toHaveCount(0);
  });
});
