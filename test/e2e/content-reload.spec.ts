import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentCopy, sampleGuide } from '../support/content-folder';
import { expect, test as base } from './fixtures';
import { searchAnswered } from './screens';

/** Each test gets its own copy of test/fixtures/content, which it changes while the app runs. */
const test = base.extend<{ folder: ReturnType<typeof contentCopy> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its first parameter
  folder: async ({}, use) => {
    const folder = contentCopy('fieldbook-e2e-reload-');
    await use(folder);
    folder.remove();
  },
  contentDir: async ({ folder }, use) => use(folder.dir),
});

/** Writes a file as editors do: a temporary file, then a rename, so the app never reads half of it. */
async function save(folder: ReturnType<typeof contentCopy>, path: string, text: string) {
  const target = join(folder.dir, path);
  await writeFile(`${target}.tmp`, text);
  await rename(`${target}.tmp`, target);
}

test('a guide written into the content folder while the app runs appears in the library and in search, and an edit follows', async ({
  page,
  app,
  folder,
}) => {
  await app.open(page);
  const html = page.locator('html');
  // The page's event stream is open, so the core's 'content-changed' reaches it.
  await expect(html).toHaveAttribute('data-events', 'open');
  // One card per guide: sample-rights, and sample-checklist in English (its Arabic version is the same guide).
  await expect(page.getByTestId('library-count')).toHaveText('2 guides');

  folder.write('guides/US/added-later/.keep', '');
  await save(
    folder,
    'guides/US/added-later/en.md',
    sampleGuide('added-later', '## Zanzibar\n\nA word no other guide has.\n', { title: 'Added while running' }),
  );
  await expect(html).toHaveAttribute('data-content-revision', /^[1-9]\d*$/);
  const card = page.locator('[data-testid="guide-card"][data-guide="added-later"]');
  await expect(card).toContainText('Added while running');
  await expect(page.getByTestId('library-count')).toHaveText('3 guides');

  await page.keyboard.press('Control+K');
  await page.getByTestId('search-input').fill('zanzibar');
  await searchAnswered(page, 'zanzibar');
  const hit = page.getByTestId('search-hit').first();
  await expect(hit).toHaveAttribute('data-guide', 'added-later');
  await page.keyboard.press('Escape');

  // An edit of the same file shows too, and so does breaking it: it moves to the problems.
  await save(folder, 'guides/US/added-later/en.md', sampleGuide('added-later', '## Zanzibar\n\nEdited.\n', { title: 'Edited while running' }));
  await expect(card).toContainText('Edited while running');
  await save(folder, 'guides/US/added-later/en.md', sampleGuide('added-later', undefined, { version: 'two' }));
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId('invalid-notice')).toHaveText('1 content file could not be loaded. See the problems');
});
