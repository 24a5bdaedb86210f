import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base } from './fixtures';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

base.describe('history of the bundled guides', () => {
  base('open History, see both changelog entries, compare the two versions and see inserted and deleted words', async ({ page, app }) => {
    await app.open(page, '#/guide/us-legal-observer/en');
    await expect(page.getByTestId('reader')).toBeVisible();
    await page.getByTestId('history-toggle').click();
    const versions = page.getByTestId('version-list').locator('li');
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toHaveAttribute('data-version', '2');
    await expect(versions.nth(0)).toContainText('Corrected the use of Glik v. Cunniffe');
    await expect(versions.nth(1)).toHaveAttribute('data-version', '1');
    await expect(versions.nth(1)).toContainText('First version.');

    await page.getByTestId('compare-from').selectOption('1');
    await page.getByTestId('compare-to').selectOption('2');
    await page.getByTestId('compare').click();
    const pane = page.locator('[data-testid="diff-pane"][data-from="1"][data-to="2"]');
    await expect(pane.locator('ins').filter({ hasText: 'Several federal courts of appeals' }).first()).toBeVisible();
    await expect(pane.locator('del').filter({ hasText: 'Courts' }).first()).toBeVisible();
    await expect(pane.getByTestId('diff-legend')).toContainText('Added words');
    await expect(pane.getByTestId('diff-text')).toHaveAttribute('dir', 'ltr');
    // The guide's words are text, never markup: the Markdown emphasis arrives as asterisks.
    await expect(pane.getByTestId('diff-text').locator('em')).toHaveCount(0);

    // The other way round, what version 2 added reads as deleted.
    await page.getByTestId('compare-from').selectOption('2');
    await page.getByTestId('compare-to').selectOption('1');
    await page.getByTestId('compare').click();
    const back = page.locator('[data-testid="diff-pane"][data-from="2"][data-to="1"]');
    await expect(back.locator('del').filter({ hasText: 'Several federal courts of appeals' }).first()).toBeVisible();
  });

  base('the Arabic guide: the diff runs right to left, and version 1 opens read-only with a notice', async ({ page, app }) => {
    await app.open(page, '#/guide/device-encryption/ar');
    await page.getByTestId('history-toggle').click();
    await expect(page.getByTestId('version-list').locator('li')).toHaveCount(2);
    await page.getByTestId('compare').click();
    const text = page.locator('[data-testid="diff-pane"][data-from="1"][data-to="2"]').getByTestId('diff-text');
    await expect(text).toHaveAttribute('dir', 'rtl');
    await expect(text).toHaveAttribute('lang', 'ar');
    await expect(text.locator('ins').filter({ hasText: 'BitLocker' }).first()).toBeVisible();

    // The open panel and its diff pass axe-core (serious and critical findings), in an Arabic guide.
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="guide-history"]').analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`),
    ).toEqual([]);

    await page.getByTestId('read-version').click();
    const earlier = page.locator('[data-testid="earlier-version"][data-version="1"]');
    await expect(earlier.getByTestId('earlier-notice')).toContainText('You are reading version 1 of 2');
    await expect(earlier.locator('.guide-body')).toHaveAttribute('dir', 'rtl');
    await earlier.getByRole('button', { name: 'Read the current version' }).click();
    await expect(page.getByTestId('earlier-version')).toHaveCount(0);
  });
});

/** A copy of the bundled content in which one guide stands at its earlier version, until the test publishes the newer. */
const changed = base.extend<{ folder: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  folder: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-history-'));
    cpSync(CONTENT, dir, { recursive: true });
    cpSync(join(CONTENT, 'history/US/us-legal-observer/en.v1.md'), join(dir, 'guides/US/us-legal-observer/en.md'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  contentDir: async ({ folder }, use) => use(folder),
});

changed(
  'changed since you last read it: read version 1, version 2 is published, reload: badge, notice and the diff from 1',
  async ({ page, app, folder }) => {
    await app.open(page, '#/guide/us-legal-observer/en');
    await expect(page.getByTestId('guide-history')).toHaveAttribute('data-read-recorded', 'true');
    await expect(page.getByTestId('changed-notice')).toHaveCount(0);
    // Back in the library (a guide open while it changes counts as read at its new version).
    await page.getByTestId('reader').getByRole('link', { name: 'Back to the library' }).click();
    const card = page.locator('[data-testid="guide-card"][data-guide="us-legal-observer"][data-lang="en"]');
    await expect(card).toBeVisible();

    // Version 2 arrives in the content folder (as an update would), written whole with a rename.
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-events', 'open');
    const target = join(folder, 'guides/US/us-legal-observer/en.md');
    await writeFile(`${target}.tmp`, readFileSync(join(CONTENT, 'guides/US/us-legal-observer/en.md')));
    await rename(`${target}.tmp`, target);
    await expect(html).toHaveAttribute('data-content-revision', /^[1-9]\d*$/);

    // A real reload: leave the page, then open the app again (a change of the address's fragment alone keeps the page).
    await page.goto('about:blank');
    await app.open(page);
    await expect(card.getByTestId('changed-badge')).toHaveAttribute('data-last-read', '1');
    await expect(card.getByTestId('changed-badge')).toContainText('Changed since you last read it');
    // A guide never opened has no badge.
    await expect(page.locator('[data-testid="guide-card"][data-guide="backups"]').first()).toBeVisible();
    await expect(page.locator('[data-testid="guide-card"][data-guide="backups"] [data-testid="changed-badge"]')).toHaveCount(0);

    await card.getByRole('link').first().click();
    const notice = page.getByTestId('changed-notice');
    await expect(notice).toHaveAttribute('data-last-read', '1');
    await notice.getByRole('button', { name: 'See what changed since version 1' }).click();
    const pane = page.locator('[data-testid="diff-pane"][data-from="1"][data-to="2"]');
    await expect(pane.locator('ins').filter({ hasText: 'Several federal courts of appeals' }).first()).toBeVisible();

    // Now read at version 2: after a reload neither the notice nor the badge shows.
    await page.goto('about:blank');
    await app.open(page, '#/guide/us-legal-observer/en');
    await expect(page.getByTestId('guide-history')).toHaveAttribute('data-read-recorded', 'true');
    await expect(page.getByTestId('changed-notice')).toHaveCount(0);
    await page.getByTestId('reader').getByRole('link', { name: 'Back to the library' }).click();
    await expect(card).toBeVisible();
    await expect(card.getByTestId('changed-badge')).toHaveCount(0);
  },
);
