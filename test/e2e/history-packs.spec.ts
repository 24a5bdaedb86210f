import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledFile, makePack, makeWorld, nextVersion, SPANISH_GUIDE } from '../support/packs';
import { expect, test } from './fixtures';

/**
 * The pack preview's "Show changes": before applying, the person reads the words a pack adds to each changed guide,
 * in the guide's own direction. The content is a copy of content/ whose keys are this run's.
 */
const world = await makeWorld();
const contentDir = join(world.dir, 'content');
await cp('content', contentDir, { recursive: true });
await rm(join(contentDir, 'keys'), { recursive: true });
await cp(world.keysDir, join(contentDir, 'keys'), { recursive: true });
const ARABIC_GUIDE = 'guides/global/device-encryption/ar.md';
const packFile = join(world.dir, 'update.fbpack');
const raised = async (path: string, extra: string) => Buffer.from(nextVersion((await bundledFile(path)).toString('utf8'), extra));
await writeFile(
  packFile,
  await makePack(
    world.keys.maintainer,
    [
      { path: SPANISH_GUIDE, bytes: await raised(SPANISH_GUIDE, 'Párrafo añadido por el paquete.') },
      { path: ARABIC_GUIDE, bytes: await raised(ARABIC_GUIDE, 'فقرة أضافتها الحزمة.') },
    ],
    { pack: 'maintainer-update' },
  ),
);

test.use({ contentDir, now: '2027-01-15' });
test.afterAll(async () => rm(world.dir, { recursive: true, force: true }));

test('the pack preview shows, per changed guide, the words the pack adds, right to left for Arabic', async ({ app, page }) => {
  await app.open(page, '#/packs');
  await page.getByTestId('pack-file').setInputFiles(packFile);
  const preview = page.getByTestId('pack-preview');
  await expect(preview).toBeVisible();

  const spanish = preview.locator(`[data-testid="pack-guide-diff"][data-path="${SPANISH_GUIDE}"]`);
  const show = spanish.getByRole('button', { name: 'Show changes' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  await expect(spanish.getByRole('button', { name: 'Hide changes' })).toHaveAttribute('aria-expanded', 'true');
  await expect(spanish.getByTestId('diff-text')).toHaveAttribute('dir', 'ltr');
  await expect(spanish.locator('ins').filter({ hasText: 'Párrafo añadido por el paquete.' })).toBeVisible();

  const arabic = preview.locator(`[data-testid="pack-guide-diff"][data-path="${ARABIC_GUIDE}"]`);
  await arabic.getByRole('button', { name: 'Show changes' }).click();
  await expect(arabic.getByTestId('diff-text')).toHaveAttribute('dir', 'rtl');
  await expect(arabic.getByTestId('diff-text')).toHaveAttribute('lang', 'ar');
  await expect(arabic.locator('ins').filter({ hasText: 'فقرة أضافتها الحزمة.' })).toBeVisible();

  // Nothing was applied by looking.
  await expect(page.getByTestId('installed-packs')).toHaveCount(0);
});
