import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { aliasBomb, contentCopy, sampleGuide } from '../support/content-folder';
import { expect, test } from './fixtures';

/**
 * A content folder with one of each hostile file beside three valid guides, generated for this run: a heading of
 * "#", a space, "#" and 50,000 spaces (which never finished before), an alias bomb in a guide and in topics.yaml, a
 * symbolic link, and a valid guide of 200,000 headings. The app must start, list every problem, and show every
 * valid guide with a table of contents it can draw. (The 200,000 headings are kept short to stay under the 2 MB file
 * limit, which refuses larger files before they are read.)
 */
test.use({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its first parameter
  contentDir: async ({}, use) => {
    const folder = contentCopy('fieldbook-e2e-hostile-');
    folder.guide('spaces', `Intro.\n\n# #${' '.repeat(50_000)}\n`);
    folder.write('guides/US/bomb/en.md', sampleGuide('bomb').replace('---\n', `---\n${aliasBomb()}`));
    folder.write('topics.yaml', aliasBomb());
    mkdirSync(join(folder.dir, 'guides', 'US', 'linked'));
    symlinkSync(join(folder.dir, 'guides', 'US', 'sample-rights', 'en.md'), join(folder.dir, 'guides', 'US', 'linked', 'en.md'));
    folder.guide('many-headings', Array.from({ length: 200_000 }, (_, i) => `# ${i}`).join('\n'), { title: 'Many headings' });
    await use(folder.dir);
    folder.remove();
  },
});

test('the app starts with a hostile content folder, lists each problem with path:line, and shows every valid guide', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await app.open(page);

  // One card per guide: sample-checklist's English and Arabic versions are one guide.
  await expect(page.getByTestId('library-count')).toHaveText('3 guides');
  for (const id of ['sample-rights', 'sample-checklist', 'many-headings'])
    await expect(page.locator(`[data-testid="guide-card"][data-guide="${id}"]`).first()).toBeVisible();
  await expect(page.getByTestId('invalid-notice')).toHaveText('4 content files could not be loaded. See the problems');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Content problems/ })
    .click();
  await expect(page.getByTestId('problem')).toHaveText([
    'topics.yaml:3: (yaml): aliases (*name) copy more than 20 values; write the values out instead of using & anchors and * aliases',
    'guides/US/bomb/en.md:4: (yaml): aliases (*name) copy more than 20 values; write the values out instead of using & anchors and * aliases',
    'guides/US/linked/en.md:1: (file): symbolic links are not followed: replace it with the file',
    'guides/US/spaces/en.md:29: (body): this heading has 50003 characters; the limit is 300: shorten it, and start body text on its own line',
  ]);
  await expect(page.getByRole('heading', { level: 2, name: 'topics.yaml' })).toBeVisible();

  // The guide of 200,000 headings opens, with a bounded table of contents that says how much it leaves out.
  await page.getByRole('link', { name: 'Library' }).click();
  await page.locator('[data-testid="guide-card"][data-guide="many-headings"]').getByRole('link').click();
  const reader = page.getByTestId('reader');
  await expect(reader.locator('#guide-title')).toHaveText('Many headings');
  const toc = reader.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('listitem')).toHaveCount(100);
  await expect(toc.getByRole('link').first()).toHaveText('0');
  await expect(toc.getByTestId('toc-more')).toHaveText('199,900 more sections are not listed here.');
  await expect(page.getByTestId('render-shortened')).toBeVisible();
  expect(errors).toEqual([]);
});
