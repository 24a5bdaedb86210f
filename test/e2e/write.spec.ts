import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readArchive } from '../../electron/core/packs/archive';
import { test, expect } from './fixtures';
import { applySettings } from './screens';
import { startTranslation } from './write-support';

const PASSPHRASE = 'a long partner passphrase';

/** Waits for the editor's own signal that everything typed so far is on disk. */
async function saved(page: Page): Promise<number> {
  const editor = page.getByTestId('draft-editor');
  await expect(editor).toHaveAttribute('data-save-state', 'saved');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  return Number(await editor.getAttribute('data-saved-revision'));
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('main').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((node) => `${v.id}: ${node.target.join(' ')} — ${v.help}`));
}

test('a partner writes a Spanish translation with a live preview, finds it when the app is opened again, and sends it as a .fbsub', async ({
  page,
  app,
}) => {
  test.slow();
  await app.open(page);
  await startTranslation(page, 'gb-eaw-rights-at-a-demonstration/en', 'es');
  // Pre-filled from the source, which is shown beside the editor.
  await expect(page.getByTestId('side-source')).toContainText(/Version \d+ of the source/);
  await expect(page.getByTestId('draft-body')).toHaveValue(/\S/);

  await page.getByTestId('draft-title').fill('Derechos en una manifestación (Inglaterra y Gales)');
  await page.getByTestId('draft-summary').fill('Qué puede hacer la policía en una manifestación en Inglaterra y Gales.');
  await page.getByTestId('draft-changes').fill('');
  await saved(page);
  // The content rules' problem shows beside its field, and the field points at it.
  await expect(page.getByTestId('problems-changes')).toContainText('must not be empty');
  await expect(page.getByTestId('draft-changes')).toHaveAttribute('aria-describedby', 'draft-problems-changes');
  await page.getByTestId('draft-changes').fill('Primera traducción al español.');
  const body = page.getByTestId('draft-body');
  await body.fill('## Antes de ir\n\nLleve **agua** y el teléfono de un abogado.\n\n<script>window.hacked = 1</script>\n');
  // Live preview through the reader's renderer and sanitiser: Markdown rendered, the script gone.
  await expect(page.getByTestId('draft-preview').locator('h2')).toHaveCount(1);
  await expect(page.getByTestId('draft-preview').locator('h2')).toHaveText('Antes de ir');
  await expect(page.getByTestId('draft-preview').locator('strong')).toHaveText('agua');
  await expect(page.getByTestId('draft-preview').locator('script')).toHaveCount(0);
  await body.fill('## Antes de ir\n\nLleve **agua** y el teléfono de un abogado.\n');
  await saved(page);
  await expect(page.getByTestId('draft-editor')).toHaveAttribute('data-problems', '0');
  expect(await seriousViolations(page)).toEqual([]);

  // Opening the app again (a new launch address: a reload has no session to keep) finds the draft as saved.
  await app.open(page, '#/write');
  const row = page.getByTestId('draft-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Derechos en una manifestación (Inglaterra y Gales)');
  await expect(row).toContainText('Español');
  await expect(row).toContainText('Translation');
  await expect(row.getByTestId('draft-state')).toHaveText('Draft');
  await expect(page.getByTestId('make-key')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole('link').click();
  await expect(page.getByTestId('draft-body')).toHaveValue('## Antes de ir\n\nLleve **agua** y el teléfono de un abogado.\n');
  await expect(page.getByTestId('draft-changes')).toHaveValue('Primera traducción al español.');

  // Who is writing: a partner key with an explicit credit choice and the passphrase typed twice.
  await page.getByRole('link', { name: 'Back to your drafts' }).click();
  const key = page.getByTestId('partner-key');
  await key.getByLabel('Your name or a pseudonym').fill('Ana Partner');
  await key.getByLabel('Passphrase for the key (at least 8 characters)').fill(PASSPHRASE);
  await key.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await key.getByLabel('By my organisation').check();
  await key.getByLabel('Organisation’s name').fill('Clínica Jurídica');
  await key.getByTestId('make-key-button').click();
  await expect(page.getByTestId('partner-made')).toContainText('You are credited as Clínica Jurídica.');
  const publicKey = page.waitForEvent('download');
  await page.getByTestId('save-public-key').click();
  const pub = JSON.parse(await readFile((await (await publicKey).path())!, 'utf8'));
  expect(pub).toMatchObject({
    type: 'fieldbook-public-key',
    name: 'Ana Partner',
    id: await page.getByTestId('partner-made').getAttribute('data-key-id'),
  });

  // The screen that says what Fieldbook keeps names the drafts and the key.
  await page.evaluate(() => (location.hash = '#/keeps'));
  await expect(page.getByTestId('keeps-table')).toContainText('Your drafts (writing area) (1 entry)');
  await expect(page.getByTestId('keeps-table')).toContainText('Your partner key (encrypted with its own passphrase) (1 entry)');
  await page.evaluate(() => (location.hash = '#/write'));

  // Send: a wrong passphrase is refused, the right one saves the file.
  const send = page.getByTestId('send');
  await send.getByTestId('send-choose').check();
  await send.getByTestId('send-message').fill('Traducción al español de la guía de manifestaciones.');
  await send.getByTestId('send-passphrase').fill('not the passphrase');
  await send.getByTestId('send-button').click();
  await expect(page.getByTestId('send-error')).toContainText('does not open your partner key');
  await expect(row.getByTestId('draft-state')).toHaveText('Draft');
  await send.getByTestId('send-passphrase').fill(PASSPHRASE);
  const submission = page.waitForEvent('download');
  await send.getByTestId('send-button').click();
  const file = await submission;
  expect(file.suggestedFilename()).toMatch(/^[0-9a-f]{16}\.fbsub$/);
  await expect(page.getByTestId('sent')).toBeVisible();
  await expect(row.getByTestId('draft-state')).toHaveText('Sent');
  const entries = await readArchive(await readFile((await file.path())!));
  expect([...entries.keys()].sort()).toEqual(['guides/GB-EAW/gb-eaw-rights-at-a-demonstration/es.md', 'submission.json']);
  const guide = entries.get('guides/GB-EAW/gb-eaw-rights-at-a-demonstration/es.md')!.toString('utf8');
  expect(guide).toContain('Lleve **agua** y el teléfono de un abogado.');
  expect(guide).toContain('translation_of:');
  expect(entries.get('submission.json')!.toString('utf8')).not.toContain(app.dataDir);

  // The maintainer asks for changes: the reply opens here, sets the state and shows its notes beside the draft.
  const bytes = await readFile((await file.path())!);
  const id = file.suggestedFilename().replace('.fbsub', '');
  const reply = {
    type: 'fieldbook-reply',
    format: 1,
    submission: id,
    submissionSha256: createHash('sha256').update(bytes).digest('hex'),
    decision: 'changes-requested',
    date: '2026-12-01',
    message: 'Gracias. Falta traducir el resto de la guía.',
    notes: [{ path: 'guides/GB-EAW/gb-eaw-rights-at-a-demonstration/es.md', note: 'Traduzca también las secciones sobre condiciones.' }],
    published: [],
  };
  await page
    .getByTestId('open-reply')
    .setInputFiles({ name: `${id}.fbreply`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(reply)) });
  await expect(page.getByTestId('reply-result')).toContainText('Changes requested');
  await expect(row.getByTestId('draft-state')).toHaveText('Changes requested');
  await row.getByRole('link').click();
  await expect(page.getByTestId('side-notes')).toContainText('Traduzca también las secciones sobre condiciones.');
  await expect(page.getByTestId('reply-message')).toHaveText(reply.message);
  // Keyboard only: the arrow keys move between the side panel's tabs.
  const notes = page.getByRole('tab', { name: 'Maintainer’s notes' });
  await expect(notes).toHaveAttribute('aria-selected', 'true');
  await notes.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /Source text/ })).toBeFocused();
  await expect(page.getByTestId('side-source')).toBeVisible();
  // Changes requested: the draft can be edited again.
  await expect(page.getByTestId('draft-body')).not.toHaveAttribute('readonly');
});

test('the editor writes right to left for an Arabic draft, left to right for a Spanish one, and in an Arabic interface', async ({ page, app }) => {
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await startTranslation(page, 'gb-eaw-rights-at-a-demonstration/en', 'ar');
  const body = page.getByTestId('draft-body');
  await expect(body).toHaveAttribute('dir', 'rtl');
  await expect(body).toHaveAttribute('lang', 'ar');
  await expect(page.getByTestId('draft-preview')).toHaveAttribute('dir', 'rtl');
  // The source beside it keeps its own direction.
  await expect(page.getByTestId('side-source')).toHaveAttribute('dir', 'ltr');
  await body.fill('## قبل الذهاب\n\nخذ معك الماء.\n');
  await expect(page.getByTestId('draft-preview').locator('h2').first()).toHaveText('قبل الذهاب');
  await expect(page.getByTestId('draft-preview').locator('h2')).toHaveCount(1);
  await expect(page.getByTestId('draft-editor')).toHaveAttribute('data-save-state', 'saved');
  await expect(page.getByTestId('save-status')).toHaveText('محفوظ');
  expect(await seriousViolations(page)).toEqual([]);

  await startTranslation(page, 'gb-eaw-rights-at-a-demonstration/en', 'es');
  await expect(page.getByTestId('draft-body')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.evaluate(() => (location.hash = '#/write'));
  await expect(page.getByTestId('draft-row')).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a new guide: every front-matter field is reached by its label, rows are added and removed, and the draft ends with no problem', async ({
  page,
  app,
}) => {
  await app.open(page);
  await page.evaluate(() => (location.hash = '#/write'));
  await page.getByTestId('start-new').check();
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('Jurisdiction').selectOption('US');
  await page.getByTestId('start-draft').click();
  const editor = page.getByTestId('draft-editor');
  await expect(editor).toBeVisible();
  const form = page.getByTestId('front-matter');
  await form.getByLabel('Guide id (lower-case words joined by hyphens)').fill('Not An Id');
  await expect(editor).toHaveAttribute('data-save-state', 'saved');
  await expect(page.getByTestId('problems-id')).toContainText('must be lower-case words joined by hyphens');
  await form.getByLabel('Guide id (lower-case words joined by hyphens)').fill('us-test-partner-guide');
  await form.getByLabel('Title', { exact: true }).fill('A partner’s test guide');
  await form.getByLabel('Summary').fill('What a partner wrote, for the test.');
  await form.getByLabel('What changed in this version').fill('First version.');
  await form.getByRole('group', { name: 'Topics' }).getByLabel('At a demonstration').check();
  const sources = page.getByTestId('rows-sources');
  await sources.getByLabel('Source title').fill('A statute');
  await sources.getByLabel('Address (https://)').fill('https://example.org/statute');
  await sources.getByLabel('Date (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2026');
  await page.getByTestId('add-sources').click();
  await expect(sources.getByLabel('Source title')).toHaveCount(2);
  await sources.getByRole('button', { name: 'Remove entry 2' }).click();
  await expect(sources.getByLabel('Source title')).toHaveCount(1);
  await page.getByTestId('rows-not_covered').getByLabel('Not covered, item 1').fill('Anything outside the test.');
  await page.getByTestId('rows-authors').getByLabel('Author’s name').fill('A partner');
  await page.getByTestId('draft-body').fill('## First part\n\nText.\n');
  await expect(editor).toHaveAttribute('data-save-state', 'saved');
  await expect(editor).toHaveAttribute('data-problems', '0');
  await expect(page.getByText('No problems found: this draft can be sent.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('from the reader, "Suggest a change" opens a new version of that guide file, pre-filled, with its readers’ reports beside it', async ({
  page,
  app,
}) => {
  await app.open(page, '#/guide/phone-at-a-demonstration/en');
  const reader = page.getByTestId('reader');
  const title = (await reader.locator('h1').textContent())!;
  await page.getByTestId('suggest-change').click();
  const editor = page.getByTestId('draft-editor');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('draft-title')).toHaveValue(title);
  const current = Number(/^version: (\d+)$/m.exec(await readFile('content/guides/global/phone-at-a-demonstration/en.md', 'utf8'))![1]);
  await expect(editor).toContainText(`New version · Draft · version ${current + 1}`);
  await expect(page.getByTestId('draft-body')).toHaveValue(/\S/);
  // Its id, jurisdiction and language are fixed: it is a new version of this file.
  await expect(page.getByText('Guide “phone-at-a-demonstration” for')).toBeVisible();
  await page.getByTestId('draft-changes').fill('Corrected a detail.');
  await expect(editor).toHaveAttribute('data-save-state', 'saved');
  await expect(editor).toHaveAttribute('data-problems', '0');

  // Readers' reports on this guide, from a file a reader saved, open beside the draft.
  const reports = {
    type: 'fieldbook-reports',
    format: 1,
    reports: [
      {
        guide: 'phone-at-a-demonstration',
        lang: 'en',
        version: current,
        section: null,
        quote: null,
        kind: 'outdated',
        note: 'The lock-screen advice is out of date.',
        date: '2027-01-02',
      },
      { guide: 'account-security', lang: 'en', version: 1, section: null, quote: null, kind: 'unclear', note: 'Another guide', date: '2027-01-02' },
    ],
  };
  await page.getByRole('tab', { name: "Readers' reports" }).click();
  const panel = page.getByTestId('reports-panel');
  await panel
    .getByTestId('reports-file')
    .setInputFiles({ name: 'from-readers.fbreports', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(reports)) });
  await expect(panel.getByTestId('opened-report')).toHaveCount(1);
  await expect(panel.getByTestId('opened-report')).toContainText('The lock-screen advice is out of date.');
  await expect(page.getByTestId('draft-body')).toBeVisible();

  await page.getByRole('link', { name: 'Back to your drafts' }).click();
  await expect(page.getByTestId('draft-row')).toContainText('New version');
});
