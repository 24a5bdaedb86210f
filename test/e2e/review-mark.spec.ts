import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { makeWorld } from '../support/packs';
import { test, expect } from './fixtures';
import { applySettings } from './screens';

/**
 * A maintainer marks a guide reviewed on the Review screen: a copy of the content whose key list delegates ES to a
 * partner, so the owner column has someone to name; the mark is written into that copy, never into content/.
 */
// makeWorld's key list: a maintainer key, and a partner key "Clínica de prueba" delegated ES.
const world = await makeWorld();
const contentDir = join(world.dir, 'content');
await cp('content', contentDir, { recursive: true });
await rm(join(contentDir, 'keys'), { recursive: true });
await cp(world.keysDir, join(contentDir, 'keys'), { recursive: true });
const GUIDE = join(contentDir, 'guides/ES/es-recording-police/es.md');

test.use({ contentDir, now: '2027-06-02' });
test.afterAll(() => rm(world.dir, { recursive: true, force: true }));

test('a maintainer marks an overdue guide reviewed by keyboard; its status and file change, its owner is shown', async ({ page, app }) => {
  await app.open(page, '#/review');
  const row = page.locator('[data-testid="review-list"] tr[data-guide="es-recording-police"][data-lang="es"]');
  await expect(row).toHaveAttribute('data-status', 'overdue');
  await expect(row.getByTestId('review-owner')).toHaveText('Clínica de prueba');
  const french = page.locator('[data-testid="review-list"] tr[data-guide="fr-recording-police"][data-lang="fr"]');
  await expect(french.getByTestId('review-owner')).toHaveText('Maintainers');
  const before = await readFile(GUIDE, 'utf8');

  await row.getByRole('button', { name: /^Mark reviewed/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('mark-reviewed-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('mark-by')).toBeFocused();
  await page.keyboard.type('Clínica de prueba');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveAttribute('data-step', 'confirm');
  await expect(page.getByTestId('mark-plan')).toHaveAttribute('data-review-by', '2027-12-02');
  await expect(page.getByTestId('mark-plan')).toContainText('Next review by Dec 2, 2027 (6 months for this subject)');
  expect(await readFile(GUIDE, 'utf8')).toBe(before);
  const violations = (await new AxeBuilder({ page }).include('[data-testid="mark-reviewed-dialog"]').analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Enter');

  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('review-shown')).toContainText('Review recorded: Clínica de prueba. Next review by Dec 2, 2027.');
  await expect(row).toHaveAttribute('data-status', 'current');
  await expect(row).toContainText('Clínica de prueba, Jun 2, 2027');
  const after = await readFile(GUIDE, 'utf8');
  expect(after).toMatch(/^ {2}reviewed_by: Clínica de prueba$/m);
  expect(after).toMatch(/^ {2}review_by: 2027-12-02$/m);
  expect(after.match(/^version: \d+$/m)?.[0]).toBe(before.match(/^version: \d+$/m)?.[0]);

  // The reader says the same when the app is opened again.
  await app.open(page, '#/guide/es-recording-police/es');
  await expect(page.getByTestId('review-banner')).toHaveCount(0);
});

test('the Review screen speaks Arabic right to left, with the owner column and the action', async ({ page, app }) => {
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await page.evaluate(() => (location.hash = '#/review'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('columnheader', { name: 'الجهة المسؤولة' })).toBeVisible();
  const row = page.locator('[data-testid="review-list"] tr[data-guide="fr-recording-police"]').first();
  await expect(row.getByTestId('review-owner')).toHaveText('فريق الصيانة');
  await row.getByRole('button', { name: /تسجيل مراجعة/ }).click();
  await expect(page.getByTestId('mark-reviewed-dialog').getByRole('heading')).toContainText('تسجيل المراجعة');
});
