import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { bundledFile, bundledVersion, nextVersion, snapshot, SPANISH_GUIDE } from '../support/packs';
import { maintainerWorld, submissionFrom } from '../support/submissions';
import { expect, test } from './fixtures';
import { applySettings } from './screens';

/**
 * A maintainer reviews a partner's submission in the app (browser mode on a temporary copy of content/ whose keys
 * are this run's): opens the file, reads the signature check, the credit and the change inline and side by side,
 * accepts it, saves the reply, and reads the new version in the reader. A tampered file is refused with its reason.
 */
const { world, contentDir } = await maintainerWorld();
const SENTENCE = 'Una frase nueva, añadida por la clínica.';
const good = join(world.dir, 'ana.fbsub');
const stranger = join(world.dir, 'stranger.fbsub');
await writeFile(good, (await submissionFrom(world.keys.partnerES, { credit: { as: 'name', name: 'Ana García' } })).bytes);
await writeFile(stranger, (await submissionFrom(world.keys.stranger)).bytes);
const base = bundledVersion(SPANISH_GUIDE);

// A second working copy where a version was published after the partner started: the submission's base is old.
const later = await maintainerWorld();
const laterFile = join(later.world.dir, 'ana.fbsub');
await writeFile(laterFile, (await submissionFrom(later.world.keys.partnerES)).bytes);
const original = (await bundledFile(SPANISH_GUIDE)).toString('utf8');
await writeFile(join(later.contentDir, `history/ES/es-recording-police/es.v${bundledVersion(SPANISH_GUIDE)}.md`), original);
await writeFile(join(later.contentDir, SPANISH_GUIDE), nextVersion(original, 'Otra frase, publicada entre tanto.'));

test.use({ contentDir, now: '2027-01-15' });
test.afterAll(async () => {
  await rm(world.dir, { recursive: true, force: true });
  await rm(later.world.dir, { recursive: true, force: true });
});

async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('open a submission, read the change both ways, accept it, save the reply and read the new version', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('navigation', { name: 'Writing and review' }).getByRole('link', { name: 'Submissions' }).click();
  const screen = page.locator('section.submissions');
  await expect(page.getByRole('heading', { name: 'Partner submissions', level: 1 })).toBeVisible();

  await page.getByTestId('submission-file').setInputFiles(stranger);
  await expect(page.getByTestId('submission-refusal')).toContainText(`key ${world.keys.stranger.id} ("Ana")`);
  await expect(page.getByTestId('submission-refusal')).toContainText('delegate it with npm run content -- delegate');

  await page.getByTestId('submission-file').setInputFiles(good);
  await expect(screen).toHaveAttribute('data-submission-step', 'preview');
  await expect(page.getByTestId('submission-refusal')).toHaveCount(0);
  await expect(page.getByTestId('submission-signature')).toContainText('Signature checked');
  const preview = page.getByTestId('submission-preview');
  await expect(preview).toContainText(`key ${world.keys.partnerES.id} (“Clínica de prueba” in the key list`);
  await expect(page.getByTestId('submission-credit')).toHaveText('by name, as “Ana García”');
  const guide = page.locator(`[data-testid="submission-guide"][data-path="${SPANISH_GUIDE}"]`);
  await expect(guide).toHaveAttribute('data-change', 'clean');
  await expect(guide).toContainText(`Based on version ${base}, the one published: accepting publishes version ${base + 1}.`);
  await expect(guide.getByTestId('diff-text').locator('ins')).toContainText([SENTENCE]);
  await guide.getByLabel('Side by side').check();
  const side = guide.getByTestId('submission-side');
  await expect(side.getByRole('heading', { name: `Now: version ${base}` })).toBeVisible();
  await expect(side.locator('pre').nth(1)).toContainText(SENTENCE);
  await expect(side.locator('pre').nth(0)).not.toContainText(SENTENCE);
  expect(await serious(page)).toEqual([]);

  // Without the reviewer's name nothing is decided, and the reason is shown.
  await page.getByTestId('submission-accept').click();
  await expect(page.getByTestId('submission-refusal')).toContainText('give the reviewer’s name');
  await expect(screen).toHaveAttribute('data-submission-step', 'preview');

  await page.getByLabel('Your name (recorded as the reviewer)').fill('Marta Ruiz');
  await page.getByTestId('submission-accept').click();
  await expect(screen).toHaveAttribute('data-submission-step', 'decided');
  await expect(page.getByTestId('submission-decided')).toHaveAttribute('data-decision', 'accepted');
  await expect(page.getByTestId('submission-records')).toContainText('accepted on 2027-01-15 by Marta Ruiz');

  const download = page.waitForEvent('download');
  await page.getByTestId('submission-save-reply').click();
  const reply = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(reply).toMatchObject({ type: 'fieldbook-reply', decision: 'accepted', published: [{ path: SPANISH_GUIDE, version: base + 1 }] });

  await page.getByTestId('submission-published').click();
  const main = page.locator('main');
  await expect(main).toContainText(SENTENCE);
  await expect(main).toContainText(`Version ${base + 1}`);
  await expect(main).toContainText('Ana García');
  await expect(main).toContainText('Marta Ruiz');
  expect(await readFile(join(contentDir, SPANISH_GUIDE), 'utf8')).toContain(`version: ${base + 1}`);
});

test.describe('in Arabic, with an old base', () => {
  test.use({ contentDir: later.contentDir });

  test("both changes are shown right to left around the guide's own direction, and accept overwrites nothing", async ({ app, page }) => {
    await app.open(page);
    await applySettings(page, app.host, { interfaceLanguage: 'ar' });
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('navigation', { name: 'الكتابة والمراجعة' }).getByRole('link', { name: 'المساهمات' }).click();
    await expect(page.getByRole('heading', { name: 'مساهمات الشركاء', level: 1 })).toBeVisible();
    await page.getByTestId('submission-file').setInputFiles(laterFile);
    const guide = page.getByTestId('submission-guide');
    await expect(guide).toHaveAttribute('data-change', 'old-base');
    const old = guide.getByTestId('submission-old-base');
    await expect(old.getByTestId('diff-text')).toHaveCount(2);
    await expect(old.getByTestId('diff-text').first().locator('ins')).toContainText(['Otra frase, publicada entre tanto.']);
    await expect(old.getByTestId('diff-text').nth(1).locator('ins')).toContainText([SENTENCE]);
    // The Spanish text keeps its own direction inside the Arabic screen.
    await expect(old.getByTestId('diff-text').first()).toHaveAttribute('dir', 'ltr');
    await expect(old.getByTestId('diff-text').first()).toHaveAttribute('lang', 'es');

    const before = await snapshot(later.contentDir);
    await page.getByLabel('اسمك (يُسجَّل بوصفك المراجِع)').fill('Marta Ruiz');
    // By keyboard: focus the button and press Enter.
    await page.getByRole('button', { name: 'اقبل وانشر' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('submission-refusal')).toContainText('published since: version');
    await expect(page.locator('section.submissions')).toHaveAttribute('data-submission-step', 'preview');
    expect(await snapshot(later.contentDir)).toEqual(before);

    await guide.getByLabel('ملاحظة على هذا الدليل للشريك').fill('Combina tu frase con la versión publicada.');
    await page.getByRole('button', { name: 'اطلب تغييرات' }).click();
    await expect(page.getByTestId('submission-decided')).toHaveAttribute('data-decision', 'changes-requested');
    await expect(page.getByTestId('submission-records')).toContainText('طُلبت تغييرات');
    expect(await serious(page)).toEqual([]);
  });
});
