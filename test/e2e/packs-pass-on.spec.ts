import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appWorld, bundledFile, makePack, nextVersion, SPANISH_GUIDE } from '../support/packs';
import { expect, test } from './fixtures';

/**
 * A trainer saves the installed pack to pass it on and gets the very file that arrived; a bundled guide changed on
 * disk shows as modified outside Fieldbook on its card and in the reader.
 */
const { world, contentDir } = await appWorld();
const packFile = join(world.dir, 'es-clinic-1.fbpack');
const packBytes = await makePack(world.keys.partnerES, [
  { path: SPANISH_GUIDE, bytes: Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Texto para pasar.')) },
]);
await writeFile(packFile, packBytes);

// A plain copy of the bundled content, with its real keys and signed manifest, and one guide edited by hand.
const editedDir = await mkdtemp(join(tmpdir(), 'fieldbook-edited-'));
await cp('content', join(editedDir, 'content'), { recursive: true });
const edited = join(editedDir, 'content', SPANISH_GUIDE);
await writeFile(edited, `${await readFile(edited, 'utf8')}\nLlame a este número desconocido.\n`);

test.afterAll(async () => {
  await rm(world.dir, { recursive: true, force: true });
  await rm(editedDir, { recursive: true, force: true });
});

test.describe('pass it on', () => {
  test.use({ contentDir, now: '2027-01-15' });
  test('save the installed pack to hand on: the file is the one that arrived', async ({ app, page }) => {
    await app.open(page, '#/packs');
    await page.getByTestId('pack-file').setInputFiles(packFile);
    await page.getByTestId('pack-preview').getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('section.packs')).toHaveAttribute('data-pack-step', 'applied');
    const exporter = page.getByTestId('pack-export');
    await exporter.getByLabel('Content to save:').selectOption('ES');
    const downloading = page.waitForEvent('download');
    await exporter.getByRole('button', { name: 'Save a copy to pass on…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('es-clinic-1.fbpack');
    expect((await readFile((await download.path())!)).equals(packBytes)).toBe(true);
    await expect(exporter).toHaveAttribute('data-export-state', 'saved');

    await exporter.getByLabel('Content to save:').selectOption('US');
    await exporter.getByRole('button', { name: 'Save a copy to pass on…' }).click();
    await expect(exporter.getByRole('alert')).toContainText('no installed pack holds a guide for US');
  });
});

test.describe('modified outside Fieldbook', () => {
  test.use({ contentDir: join(editedDir, 'content'), now: '2027-01-15' });
  test('a bundled guide changed on disk is flagged on its card and in the reader, and no other', async ({ app, page }) => {
    await app.open(page, '#/guide/es-recording-police/es');
    await expect(page.getByTestId('modified-banner')).toContainText('This guide was modified outside Fieldbook');
    await expect(page.locator('main')).toContainText('Llame a este número desconocido.');
    await app.open(page, '#/guide/es-recording-police/en');
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.getByTestId('modified-banner')).toHaveCount(0);
    // The library shows one card per guide, in the interface language: in Spanish, the changed file's card.
    await app.open(page, '#/settings');
    await page.getByTestId('interface-language').selectOption('es');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.evaluate(() => (location.hash = '#/'));
    await expect(page.getByTestId('modified-badge')).toHaveCount(1);
  });
});
