import { join } from 'node:path';
import { test, expect } from './fixtures';

test.describe('a content folder with invalid guides', () => {
  // One valid guide beside four broken files: bad YAML, no front matter, an unknown topic and a broken section link.
  test.use({ contentDir: join(import.meta.dirname, '..', 'fixtures', 'invalid-content') });

  test('the library lists the valid guide, and the maintainer view lists every problem without the app failing', async ({ page, app }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await app.open(page);

    await expect(page.getByTestId('library-count')).toHaveText('1 guide');
    await expect(page.locator('[data-testid="guide-card"][data-guide="valid-guide"]')).toBeVisible();
    await expect(page.getByTestId('invalid-notice')).toHaveText('4 content files could not be loaded. See the problems');

    // The main navigation offers the maintainer view while there are problems.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /Content problems/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Content problems' })).toBeVisible();
    await expect(page.getByTestId('problems-summary')).toHaveText('4 files could not be loaded and are left out of the library; 1 guides loaded.');
    await expect(page.getByTestId('problem')).toHaveText([
      'guides/global/bad-yaml/en.md:3: (yaml): Nested mappings are not allowed in compact mappings; put the value in quotes when it contains ": "',
      `guides/global/broken-section-anchor/en.md:34: (body): link to "guide:valid-guide#last-steps": no section with that anchor; use a heading's anchor (content/README.md)`,
      'guides/global/no-front-matter/en.md:1: (front matter): the file must start with YAML front matter between two "---" lines',
      'guides/global/unknown-topic/en.md:7: topics[1]: unknown topic "cooking"; use one from topics.yaml',
    ]);
    await expect(page.getByRole('heading', { level: 2, name: 'guides/global/bad-yaml/en.md' })).toBeVisible();

    // A link to a guide that was left out says so instead of breaking the app.
    await page.evaluate(() => (location.hash = '#/guide/bad-yaml/en'));
    await expect(page.getByRole('alert')).toContainText('There is no guide "bad-yaml"');
    await page.getByRole('link', { name: 'Library' }).click();
    await expect(page.locator('[data-testid="guide-card"][data-guide="valid-guide"]').getByRole('link')).toBeVisible();
    await page.locator('[data-testid="guide-card"][data-guide="valid-guide"]').getByRole('link').click();
    await expect(page.getByTestId('reader').getByRole('heading', { level: 1 })).toHaveText('A valid guide');
    expect(errors).toEqual([]);
  });
});

test('with valid content the maintainer link is not shown, and the view says there is nothing to fix', async ({ page, app }) => {
  await app.open(page);
  await expect(page.getByTestId('guide-card').first()).toBeVisible();
  await expect(page.getByTestId('problems-link')).toHaveCount(0);
  await expect(page.getByTestId('invalid-notice')).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#/problems'));
  await expect(page.getByTestId('problems-summary')).toHaveText(/^Every content file loaded: \d+ guides, no problems\.$/);
});
