import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundledFile, FRENCH_GUIDE, makePack, makeWorld, nextVersion, SPANISH_GUIDE } from '../support/packs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { applySettings } from './screens';

/**
 * An observer imports a partner's pack from a file: reads who signed it and what it changes, applies it, finds the
 * new text in the reader and in search at once, undoes it, imports it again; a pack outside its signer's
 * delegation is refused with its reason. The content is a copy of content/ whose keys are this run's.
 */
const world = await makeWorld();
const contentDir = join(world.dir, 'content');
await cp('content', contentDir, { recursive: true });
await rm(join(contentDir, 'keys'), { recursive: true });
await cp(world.keysDir, join(contentDir, 'keys'), { recursive: true });
const WORD = 'zarzaparrillaprueba';
const packFile = join(world.dir, 'es-clinic-1.fbpack');
const frenchFile = join(world.dir, 'fr.fbpack');
await writeFile(
  packFile,
  await makePack(world.keys.partnerES, [
    { path: SPANISH_GUIDE, bytes: Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), `Texto de prueba: ${WORD}.`)) },
  ]),
);
await writeFile(frenchFile, await makePack(world.keys.partnerES, [{ path: FRENCH_GUIDE, bytes: await bundledFile(FRENCH_GUIDE) }], { pack: 'fr' }));

test.use({ contentDir, now: '2027-01-15' });
test.afterAll(async () => rm(world.dir, { recursive: true, force: true }));

test('import a pack, read it, undo it, import it again', async ({ app, page }) => {
  await app.open(page, '#/packs');
  await expect(page.getByRole('heading', { name: 'Content packs', level: 1 })).toBeVisible();
  await page.getByTestId('pack-file').setInputFiles(packFile);
  const preview = page.getByTestId('pack-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Clínica de prueba');
  await expect(preview).toContainText('a partner key, which may publish for ES and their subdivisions');
  await expect(preview.locator('tr[data-change="changed"]')).toContainText(SPANISH_GUIDE);
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('section.packs')).toHaveAttribute('data-pack-step', 'applied');
  await expect(page.getByTestId('installed-packs')).toContainText('es-clinic #1, signed by Clínica de prueba');

  await page.evaluate(() => (location.hash = '#/guide/es-recording-police/es'));
  await expect(page.locator('main')).toContainText(WORD);
  await page.getByTestId('search-input').fill(WORD);
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toContainText('Grabar a la policía en España');
  await page.getByTestId('search-input').fill('');

  await page.evaluate(() => (location.hash = '#/packs'));
  await page.getByRole('button', { name: 'Undo the last pack' }).click();
  await expect(page.getByText('No pack is installed')).toBeVisible();
  await page.evaluate(() => (location.hash = '#/guide/es-recording-police/es'));
  await expect(page.locator('main h1')).toContainText('Grabar a la policía');
  await expect(page.locator('main')).not.toContainText(WORD);

  await page.evaluate(() => (location.hash = '#/packs'));
  await page.getByTestId('pack-file').setInputFiles(packFile);
  await page.getByTestId('pack-preview').getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('section.packs')).toHaveAttribute('data-pack-step', 'applied');
  await app.open(page, '#/guide/es-recording-police/es');
  await expect(page.locator('main')).toContainText(WORD);
});

test('a pack file dropped on the screen is opened like one chosen with the button', async ({ app, page }) => {
  await app.open(page, '#/packs');
  const bytes = [...(await readFile(packFile))];
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'es-clinic-1.fbpack'));
    return dt;
  }, bytes);
  await page.locator('section.packs').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('section.packs').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('pack-preview')).toContainText(SPANISH_GUIDE);
});

test('a pack outside its signer’s delegation is refused with its reason, and nothing is installed', async ({ app, page }) => {
  await app.open(page, '#/packs');
  await page.getByTestId('pack-file').setInputFiles(frenchFile);
  await expect(page.getByTestId('pack-refusal')).toContainText(
    `${FRENCH_GUIDE} is a guide for FR, but the pack is signed by partner key "Clínica de prueba"`,
  );
  await expect(page.getByTestId('pack-preview')).toHaveCount(0);
  await expect(page.getByText('No pack is installed')).toBeVisible();
});

for (const lang of ['en', 'ar'] as const) {
  test(`the packs screen, its preview and a refusal pass axe-core (${lang} interface)`, async ({ app, page }) => {
    await app.open(page, '#/packs');
    await applySettings(page, app.host, { interfaceLanguage: lang });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // The reload opened the library (routes are never in the address): back to the packs screen.
    await page.evaluate(() => (location.hash = '#/packs'));
    await page.getByTestId('pack-file').setInputFiles(frenchFile);
    await expect(page.getByTestId('pack-refusal')).toBeVisible();
    const refused = await serious(page);
    await page.getByTestId('pack-file').setInputFiles(packFile);
    await expect(page.getByTestId('pack-preview')).toBeVisible();
    expect({ refused, preview: await serious(page) }).toEqual({ refused: [], preview: [] });
  });
}

async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
