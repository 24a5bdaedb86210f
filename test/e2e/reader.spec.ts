import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { searchAnswered } from './screens';

test('table of contents, guide links, translations and the about panel work on a real guide', async ({ page, app }) => {
  await app.open(page, '#/guide/phone-at-a-demonstration/en');
  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your phone at a demonstration');

  // Every contents entry points at a heading in the body, and following one moves focus there.
  const toc = reader.getByRole('navigation', { name: 'Contents' });
  const entries = await toc
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('section')!));
  expect(entries.length).toBeGreaterThan(3);
  for (const anchor of entries) await expect(reader.locator(`.guide-body [id="section-${anchor}"]`)).toHaveCount(1);
  const third = toc.getByRole('link').nth(2);
  const heading = await third.textContent();
  await third.click();
  await expect(reader.locator('.guide-body').getByRole('heading', { name: heading! })).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('data-route', new RegExp(`section=${entries[2]}`));

  // The about panel: version, changelog, sources, authors, licence and review.
  const about = reader.getByRole('complementary', { name: 'About this guide' });
  await expect(about).toContainText('Version 2');
  await expect(about.getByRole('heading', { name: 'Changes' })).toBeVisible();
  await expect(about.locator('.sources li').first()).not.toBeEmpty();
  await expect(about.getByRole('heading', { name: 'Written by' })).toBeVisible();
  await expect(about).toContainText('Licence: CC-BY-SA-4.0');
  await expect(about).toContainText('Not yet reviewed by a local partner');
  await expect(about).toContainText(/Review due by/);

  // A guide: link opens the other guide inside the app.
  await reader.locator('.guide-body').getByRole('link', { name: 'backups' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('data-route', /#\/guide\/backups\/en/);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(/back/i);
  await page.goBack();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your phone at a demonstration');

  // Switch to the Arabic translation: the guide reads right to left, the interface's own notes left to right.
  await reader.getByRole('navigation', { name: 'Read in' }).getByRole('link', { name: 'العربية' }).click();
  await expect(reader).toHaveAttribute('lang', 'ar');
  await expect(reader).toHaveAttribute('dir', 'rtl');
  const directions = await reader.evaluate((article) => ({
    body: getComputedStyle(article.querySelector('.guide-body p')!).direction,
    title: getComputedStyle(article.querySelector('h1')!).direction,
    progress: getComputedStyle(article.querySelector('.checklist-progress')!).direction,
    about: getComputedStyle(article.querySelector('.guide-about')!).direction,
  }));
  expect(directions).toEqual({ body: 'rtl', title: 'rtl', progress: 'ltr', about: 'ltr' });
  await expect(reader.getByRole('navigation', { name: 'Read in' }).locator('[aria-current="true"]')).toHaveText('العربية');
});

test.describe('checklist progress', () => {
  // Ticks saved for version 1 of the English guide; it is now at version 2, so they must not carry over.
  test.use({ savedData: JSON.stringify({ checklists: { 'phone-at-a-demonstration/en@1': [0, 1, 2] } }) });

  test('is saved per guide version and kept across a reload', async ({ page, app }) => {
    await app.open(page, '#/guide/phone-at-a-demonstration/en');
    const reader = page.getByTestId('reader');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your phone at a demonstration');
    const boxes = reader.locator('.guide-body input[type="checkbox"]');
    const total = await boxes.count();
    expect(total).toBeGreaterThan(3);
    await expect(reader.locator('.checklist-progress')).toHaveText(`0 of ${total} done`);
    await boxes.nth(0).check();
    await boxes.nth(3).check();
    await expect(reader.locator('.checklist-progress')).toHaveText(`2 of ${total} done`);
    await expect
      .poll(async () => JSON.parse(await readFile(join(app.dataDir, 'fieldbook.json'), 'utf8')).checklists)
      .toEqual({ 'phone-at-a-demonstration/en@1': [0, 1, 2], 'phone-at-a-demonstration/en@2': [0, 3] });

    // A reload opens the library (the place is never in the address); the ticks come back with the guide.
    await app.open(page);
    await expect(page.locator('html')).toHaveAttribute('data-route', '#/');
    await page.evaluate(() => (location.hash = '#/guide/phone-at-a-demonstration/en'));
    await expect(reader.locator('.checklist-progress')).toHaveText(`2 of ${total} done`);
    await expect(boxes.nth(0)).toBeChecked();
    await expect(boxes.nth(1)).not.toBeChecked();
    await expect(boxes.nth(3)).toBeChecked();
    // Each box is labelled by its item's text.
    await expect(boxes.nth(0)).toHaveAccessibleName(/\S/);
  });
});

test('print styles leave out the app around the guide and keep its sources and review', async ({ page, app }) => {
  await app.open(page, '#/guide/us-recording-police/en');
  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(reader.getByRole('navigation', { name: 'Contents' })).toBeHidden();
  await expect(reader.locator('.back')).toBeHidden();
  await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reader.getByRole('complementary', { name: 'About this guide' })).toBeVisible();
  await expect(reader.locator('.guide-body')).toBeVisible();
  // Sources print with their addresses, since paper cannot be clicked.
  await expect(reader.locator('.sources a').first()).toHaveText(/^https:\/\//);
});

/** A content folder with one guide of pathological Markdown, written when this file loads. */
function pathologicalContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-pathological-'));
  const hostile = join(import.meta.dirname, '..', 'fixtures', 'hostile');
  for (const name of ['jurisdictions.yaml', 'topics.yaml', 'languages.yaml']) cpSync(join(hostile, name), join(dir, name));
  const plain = readFileSync(join(hostile, 'guides', 'global', 'plain-guide', 'en.md'), 'utf8');
  const [, front] = plain.split('---\n');
  const body = [
    'The body below is built to be expensive to render.',
    '## Deep quotes',
    `${'>'.repeat(5_000)} deep`,
    '## Deep lists',
    Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
    '## Emphasis runs',
    '*_a'.repeat(4_000),
    Array.from({ length: 400 }, () => '*_a*_a_* [x](y) `z`').join('\n'),
    '## A huge table',
    `| ${'h | '.repeat(40)}\n|${'---|'.repeat(40)}\n${Array.from({ length: 600 }, () => `| ${'*c* | '.repeat(40)}`).join('\n')}`,
  ].join('\n\n');
  const file = join(dir, 'guides', 'global', 'pathological', 'en.md');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(
    file,
    `---\n${front!.replace('id: plain-guide', 'id: pathological').replace('title: A plain guide', 'title: A pathological guide')}---\n${body}\n`,
  );
  return dir;
}

test.describe('pathological Markdown', () => {
  test.use({ contentDir: pathologicalContent() });

  test('renders shortened, says so, and leaves the window responsive', async ({ page, app }) => {
    await app.open(page, '#/guide/pathological/en');
    const reader = page.getByTestId('reader');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('A pathological guide');
    await expect(reader.getByTestId('render-shortened')).toHaveText(/too large or too deeply nested to show in full/);
    await expect(reader.locator('.guide-body').getByRole('heading', { name: 'A huge table' })).toBeVisible();
    const shape = await reader.locator('.guide-body').evaluate((body) => {
      let deepest = 0;
      const walk = (node: Element, depth: number) => {
        deepest = Math.max(deepest, depth);
        for (const child of node.children) walk(child, depth + 1);
      };
      walk(body, 0);
      return { deepest, rows: body.querySelectorAll('tr').length, cells: body.querySelectorAll('tr:first-child th').length };
    });
    expect(shape.deepest).toBeLessThanOrEqual(30);
    expect(shape.rows).toBeLessThanOrEqual(201);
    expect(shape.cells).toBeLessThanOrEqual(20);
    // The window still answers: the search box takes focus and input.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('table');
    await expect(page.getByTestId('search-input')).toHaveValue('table');
    await searchAnswered(page, 'table');
  });
});
