import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const BROKEN = '{"settings": {"interfaceLanguage": "fr"'; // cut off mid-write

test.describe('a data file that cannot be read', () => {
  test.use({ savedData: BROKEN });

  test('is kept aside, the person is told where, and the app works with defaults', async ({ page, app }) => {
    await app.open(page);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('fieldbook.unreadable-');
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();

    const files = await readdir(app.dataDir);
    const keptAs = files.find((name) => name.startsWith('fieldbook.unreadable-'));
    expect(keptAs).toBeDefined();
    expect(await readFile(join(app.dataDir, keptAs!), 'utf8')).toBe(BROKEN);

    // The app keeps working: a new setting is saved to a fresh file.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('high-contrast');
    await expect
      .poll(() =>
        readFile(join(app.dataDir, 'fieldbook.json'), 'utf8').then(
          (text) => JSON.parse(text).settings.theme,
          () => null,
        ),
      )
      .toBe('high-contrast');
  });
});

test.describe('a data file holding null', () => {
  test.use({ savedData: 'null\n' });

  test('gets its own message, is kept, and the app starts with defaults', async ({ page, app }) => {
    await app.open(page);
    const alert = page.getByRole('alert').filter({ hasText: 'holds null instead of Fieldbook’s data' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('fieldbook.unreadable-');
    const keptAs = (await readdir(app.dataDir)).find((name) => name.startsWith('fieldbook.unreadable-'));
    expect(await readFile(join(app.dataDir, keptAs!), 'utf8')).toBe('null\n');
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  });
});
