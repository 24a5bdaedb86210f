import { execFile } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { clockFromEnv } from '../../electron/core/clock';
import { encryptPrivateKey, type KeyPair } from '../../electron/core/packs/keys';
import { launchBrowserMode } from '../../electron/host/launch';
import { NOW } from '../support/packs';
import { maintainerWorld } from '../support/submissions';
import { tempDir } from '../support/temp';
import { expect, openHost, test } from './fixtures';
import { startTranslation } from './write-support';

/**
 * The whole path of a partner's change, as three people do it on three machines, with this run's keys:
 * a partner writes a Spanish translation in the writing area and saves the signed submission; the maintainer, whose
 * working copy does not know the partner's key yet, is told so, delegates the key's public file with
 * `content -- delegate`, opens the submission again, reads the change and accepts it; `content -- pack` signs a pack
 * of the working copy; an observer, whose app holds the content as it was published before, imports the pack and
 * reads the new translation, its changelog entry and the partner's credit.
 */
const exec = promisify(execFile);
const { world, contentDir: workingCopy } = await maintainerWorld();
// What the partner and the observer have installed: the published content, before the maintainer's accept.
const published = join(world.dir, 'published');
await cp(workingCopy, published, { recursive: true });

const GUIDE = 'gb-eaw-rights-at-a-demonstration';
const FILE = `guides/GB-EAW/${GUIDE}/es.md`;
const WORD = 'mochilaverdeprueba';
const CHANGES = 'Primera traducción al español, por la clínica.';
const PARTNER_PASSPHRASE = 'the partner passphrase, long enough';
const KEY_PASSPHRASE = 'the maintainer passphrase';
const passphraseFile = join(world.dir, 'passphrase.txt');
await writeFile(passphraseFile, `${KEY_PASSPHRASE}\n`);

/** A key as the command line keeps it: encrypted with a passphrase (a cheap scrypt cost: only this run uses it). */
async function keyFile(pair: KeyPair, name: string): Promise<string> {
  const path = join(world.dir, `${pair.id}.key.json`);
  await writeFile(path, JSON.stringify(encryptPrivateKey(pair, name, KEY_PASSPHRASE, NOW, { N: 2 ** 12, r: 8, p: 1 })));
  return path;
}

async function content(...args: string[]): Promise<string> {
  // A command that fails rejects with its output; the report goes to stderr, so both are returned.
  const { stdout, stderr } = await exec('npx', ['tsx', 'electron/cli/content.ts', ...args], {
    env: { ...process.env, FIELDBOOK_NOW: NOW.toISOString() },
  });
  return `${stdout}${stderr}`;
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('draft-editor')).toHaveAttribute('data-save-state', 'saved');
}

async function downloaded(page: Page, click: () => Promise<void>, to: string): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  await (await download).saveAs(to);
  return to;
}

/** Another person's app: its own browser-mode host on `contentDir` and data folder, opened in a new page at `route`. */
async function asAnotherPerson(browser: Browser, contentDir: string, route: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const data = await tempDir('fieldbook-person-');
  const host = await launchBrowserMode({ dataDir: data.dir, contentDir, clock: clockFromEnv(NOW.toISOString()), log: () => undefined });
  try {
    const page = await browser.newPage();
    await openHost(page, host, route);
    await steps(page);
    await page.close();
  } finally {
    await host.close();
    await data.remove();
  }
}

test.use({ contentDir: published, now: NOW.toISOString() });
test.afterAll(async () => rm(world.dir, { recursive: true, force: true }));

test('a partner’s translation is written, sent, reviewed, accepted, packed, and read by an observer', async ({ app, page, browser }) => {
  test.slow();

  // The partner writes the translation and sends it.
  await app.open(page);
  await startTranslation(page, `${GUIDE}/en`, 'es');
  await page.getByTestId('draft-title').fill('Derechos en una manifestación en Inglaterra y Gales');
  await page.getByTestId('draft-summary').fill('Qué puede pedir la policía en una manifestación en Inglaterra y Gales, y qué no.');
  await page.getByTestId('draft-changes').fill(CHANGES);
  await page.getByTestId('draft-body').fill(`## Antes de ir\n\nLleve agua, el teléfono de un abogado y una ${WORD}.\n`);
  await expect(page.getByTestId('draft-preview')).toContainText(WORD);
  await saved(page);
  await expect(page.getByTestId('draft-editor')).toHaveAttribute('data-problems', '0');
  await page.getByRole('link', { name: 'Back to your drafts' }).click();
  const key = page.getByTestId('partner-key');
  await key.getByLabel('Your name or a pseudonym').fill('Ana Partner');
  await key.getByLabel('Passphrase for the key (at least 8 characters)').fill(PARTNER_PASSPHRASE);
  await key.getByLabel('The same passphrase again').fill(PARTNER_PASSPHRASE);
  await key.getByLabel('By this name').check();
  await key.getByTestId('make-key-button').click();
  await expect(page.getByTestId('partner-made')).toContainText('Ana Partner');
  const publicKey = await downloaded(page, () => page.getByTestId('save-public-key').click(), join(world.dir, 'partner.pub.json'));
  const send = page.getByTestId('send');
  await send.getByTestId('send-choose').check();
  await send.getByTestId('send-message').fill('Traducción al español de la guía de manifestaciones.');
  await send.getByTestId('send-passphrase').fill(PARTNER_PASSPHRASE);
  const submission = await downloaded(page, () => send.getByTestId('send-button').click(), join(world.dir, 'ana.fbsub'));
  await expect(page.getByTestId('draft-row').getByTestId('draft-state')).toHaveText('Sent');

  // The maintainer's app, on the working copy: the key is not known yet, and the refusal says what to do.
  await asAnotherPerson(browser, workingCopy, '#/submissions', async (desk) => {
    await desk.getByTestId('submission-file').setInputFiles(submission);
    await expect(desk.getByTestId('submission-refusal')).toContainText('delegate it with npm run content -- delegate');

    const root = await keyFile(world.keys.root, 'Test root');
    await content(
      'delegate',
      '--root',
      root,
      '--add',
      publicKey,
      '--jurisdictions',
      'GB-EAW',
      '--until',
      '2027-12-31',
      '--keys',
      join(workingCopy, 'keys'),
      '--content',
      workingCopy,
      '--passphrase-file',
      passphraseFile,
    );

    await desk.getByTestId('submission-file').setInputFiles(submission);
    await expect(desk.locator('section.submissions')).toHaveAttribute('data-submission-step', 'preview');
    await expect(desk.getByTestId('submission-signature')).toContainText('Signature checked');
    await expect(desk.getByTestId('submission-credit')).toContainText('Ana Partner');
    const change = desk.locator(`[data-testid="submission-guide"][data-path="${FILE}"]`);
    await expect(change.getByTestId('diff-text').locator('ins')).toContainText([WORD]);
    await desk.getByLabel('Your name (recorded as the reviewer)').fill('Marta Ruiz');
    await desk.getByTestId('submission-accept').click();
    await expect(desk.getByTestId('submission-decided')).toHaveAttribute('data-decision', 'accepted');
  });
  const accepted = await readFile(join(workingCopy, FILE), 'utf8');
  expect(accepted).toContain(WORD);
  expect(await content('validate', workingCopy)).toMatch(/\d+ guides checked: no problems\./);

  // The maintainer signs a pack of the working copy's guides for England and Wales.
  const pack = join(world.dir, 'gb-eaw.fbpack');
  await content(
    'pack',
    '--key',
    await keyFile(world.keys.maintainer, 'Test maintainer'),
    '--passphrase-file',
    passphraseFile,
    '--id',
    'gb-eaw-partners',
    '--sequence',
    '1',
    '--expires',
    '2027-06-30',
    '--jurisdiction',
    'GB-EAW',
    '--keys',
    join(workingCopy, 'keys'),
    '--out',
    pack,
    workingCopy,
  );

  // An observer, with the published content and a data folder of their own, imports the pack and reads the guide.
  await asAnotherPerson(browser, published, '#/packs', async (reader) => {
    await reader.getByTestId('pack-file').setInputFiles(pack);
    const preview = reader.getByTestId('pack-preview');
    await expect(preview.locator('tr[data-change="added"]')).toContainText(FILE);
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect(reader.locator('section.packs')).toHaveAttribute('data-pack-step', 'applied');
    await reader.evaluate((hash) => (location.hash = hash), `#/guide/${GUIDE}/es`);
    const guide = reader.getByTestId('reader');
    await expect(guide.locator('h1')).toHaveText('Derechos en una manifestación en Inglaterra y Gales');
    await expect(guide).toContainText(WORD);
    await expect(guide).toContainText(CHANGES);
    await expect(guide).toContainText('Ana Partner');
  });
});
