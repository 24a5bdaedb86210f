import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { applySettings } from './screens';

/**
 * A reader reports a passage, changes the report, saves the reports for the guide's partner, and the partner opens
 * the file in the reports panel. The bundled content is only read: reports live in the test's own data folder.
 */
async function serious(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  return (await builder.analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const PASSAGE = /^Your main email account is the key to your other accounts/;

test('a reader reports a selected passage, edits it, saves it for the partner, and the file opens in the panel', async ({ page, app }) => {
  await app.open(page, '#/guide/account-security/en');
  const paragraph = page.locator('.guide-body p', { hasText: PASSAGE });
  await paragraph.selectText();
  const open = page.getByTestId('report-open');
  await expect(open).toHaveAttribute('data-quoted', 'true');
  await open.click();

  const dialog = page.getByTestId('report-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('report-quote')).toHaveText(PASSAGE);
  // The section the selection is in is chosen for the reader.
  await expect(page.getByTestId('report-section')).toHaveValue('start-with-the-accounts-that-matter-most');
  expect(await serious(page, '[data-testid="report-dialog"]')).toEqual([]);
  await dialog.getByLabel('Outdated').check();
  await page.getByTestId('report-note').fill('The “forgot password” step now also asks for a passkey.');
  await page.getByTestId('report-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('report-saved')).toContainText('Report saved.');

  await page.getByTestId('report-saved').getByRole('link', { name: 'My reports (1)' }).click();
  const mine = page.getByTestId('my-reports');
  await expect(mine).toHaveAttribute('data-count', '1');
  const report = mine.getByTestId('my-report');
  await expect(report).toHaveAttribute('data-kind', 'outdated');
  await expect(report.locator('blockquote')).toHaveText(PASSAGE);
  await report.getByLabel('What is the problem?').selectOption('wrong');
  await report.getByLabel("What should the guide's writers know?").fill('It is wrong: the step asks for a passkey now.');
  await report.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('my-reports-status')).toHaveText('Report changed.');

  // Opened again (a new launch address, the same data folder), the change is still there.
  await app.open(page, '#/reports');
  await expect(page.getByTestId('my-report')).toHaveAttribute('data-kind', 'wrong');
  expect(await serious(page)).toEqual([]);

  const saving = page.waitForEvent('download');
  await page.getByTestId('reports-save-guide').click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(/^fieldbook-reports-account-security-en-\d{4}-\d{2}-\d{2}\.fbreports$/);
  const path = (await download.path())!;
  const file = JSON.parse(await readFile(path, 'utf8'));
  expect(file).toMatchObject({ type: 'fieldbook-reports', format: 1 });
  expect(file.reports).toEqual([
    {
      guide: 'account-security',
      lang: 'en',
      version: expect.any(Number),
      section: 'start-with-the-accounts-that-matter-most',
      quote: expect.stringMatching(PASSAGE),
      kind: 'wrong',
      note: 'It is wrong: the step asks for a passkey now.',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    },
  ]);

  // The partner's side: the panel opens the file and lists the report.
  const panel = page.getByTestId('reports-panel');
  await panel.getByTestId('reports-file').setInputFiles(path);
  await expect(panel).toHaveAttribute('data-state', 'opened');
  const opened = panel.getByTestId('opened-report');
  await expect(opened).toHaveCount(1);
  await expect(opened).toHaveAttribute('data-kind', 'wrong');
  await expect(opened.locator('blockquote')).toHaveText(PASSAGE);
  await expect(opened).toContainText('It is wrong: the step asks for a passkey now.');

  // A damaged file is refused with the field named, and the app keeps working.
  const bad = { ...file, reports: [{ ...file.reports[0], kind: 'rude' }] };
  await panel
    .getByTestId('reports-file')
    .setInputFiles({ name: 'bad.fbreports', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(panel).toHaveAttribute('data-state', 'error');
  await expect(panel.getByTestId('reports-panel-error')).toContainText('bad.fbreports could not be opened');
  await expect(panel.getByTestId('reports-panel-error')).toContainText('reports[0].kind: must be one of wrong, outdated, unclear');

  await page.getByTestId('my-report').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('my-reports')).toHaveAttribute('data-count', '0');
});

test("the panel for one guide lists that guide's reports from a file that holds others", async ({ page, app }) => {
  const file = {
    type: 'fieldbook-reports',
    format: 1,
    reports: [
      { guide: 'account-security', lang: 'en', version: 1, section: null, quote: null, kind: 'unclear', note: 'Which apps?', date: '2027-01-02' },
      { guide: 'account-security', lang: 'es', version: 1, section: null, quote: null, kind: 'wrong', note: 'Otra lengua', date: '2027-01-02' },
      { guide: 'phone-at-a-demonstration', lang: 'en', version: 1, section: null, quote: null, kind: 'outdated', note: 'Old', date: '2027-01-02' },
    ],
  };
  await app.open(page, '#/reports/account-security/en');
  const panel = page.getByTestId('reports-panel');
  await panel
    .getByTestId('reports-file')
    .setInputFiles({ name: 'all.fbreports', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(panel).toHaveAttribute('data-state', 'opened');
  await expect(panel.getByTestId('opened-report')).toHaveCount(1);
  await expect(panel.getByTestId('opened-report')).toContainText('Which apps?');
  await expect(panel).toContainText('1 report from all.fbreports. The file also holds 2 reports on other guides.');
});

test('a report on a whole section, by keyboard alone, in the Arabic interface', async ({ page, app }) => {
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await page.evaluate(() => (location.hash = '#/guide/account-security/en'));
  const open = page.getByTestId('report-open');
  await expect(open).toHaveText('الإبلاغ عن مشكلة…');
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('report-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('report-quote')).toHaveCount(0);
  await page.getByTestId('report-section').focus();
  await page.getByTestId('report-section').selectOption('signs-of-account-takeover');
  await page.keyboard.press('Tab');
  // The kind radios: the first is checked; the arrow keys move the choice.
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByLabel('قديم')).toBeChecked();
  await page.getByTestId('report-note').focus();
  await page.keyboard.type('القائمة تحتاج إلى تحديث.');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('report-save')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('report-saved')).toContainText('حُفظ البلاغ.');
  await page.evaluate(() => (location.hash = '#/reports'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const report = page.getByTestId('my-report');
  await expect(report).toHaveAttribute('data-kind', 'outdated');
  await expect(report).toContainText('Signs of account takeover');
  expect(await serious(page)).toEqual([]);
});

test('a reports file opened in the panel is forgotten when the app locks', async ({ page, app }) => {
  const invoke = (method: string, input: unknown) =>
    page.evaluate(
      async ({ method, input, token }) =>
        (
          await fetch(`/api/invoke/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': token },
            body: JSON.stringify(input),
          })
        ).status,
      { method, input, token: app.host.token },
    );
  await app.open(page, '#/reports');
  expect(await invoke('safety.setPassphrase', { passphrase: 'river lantern seven orchard' })).toBe(200);
  const file = {
    type: 'fieldbook-reports',
    format: 1,
    reports: [
      {
        guide: 'account-security',
        lang: 'en',
        version: 1,
        section: null,
        quote: null,
        kind: 'unclear',
        note: 'A reader’s words',
        date: '2027-01-02',
      },
    ],
  };
  const panel = page.getByTestId('reports-panel');
  await panel
    .getByTestId('reports-file')
    .setInputFiles({ name: 'r.fbreports', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(panel.getByTestId('opened-report')).toHaveCount(1);

  expect(await invoke('safety.lock', { reason: 'manual' })).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('data-lock', 'locked');
  await expect(page.getByText('A reader’s words')).toHaveCount(0);
  await page.getByLabel('Passphrase').fill('river lantern seven orchard');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-lock', 'unlocked');
  await page.evaluate(() => (location.hash = '#/reports'));
  await expect(page.getByTestId('reports-panel')).toHaveAttribute('data-state', 'empty');
  await expect(page.getByText('A reader’s words')).toHaveCount(0);
});
