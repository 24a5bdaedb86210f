import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures';
import { applySettings } from './screens';
import { api } from './workshop-support';

/** One guide in each interface language, and a section of another in the same language for the collection. */
const CASES = [
  { lang: 'en', guide: 'phone-at-a-demonstration', other: 'phone-taken' },
  { lang: 'es', guide: 'phone-at-a-demonstration', other: 'es-legal-observer' },
  { lang: 'fr', guide: 'phone-taken', other: 'fr-stopped-searched-arrested' },
  { lang: 'ar', guide: 'phone-at-a-demonstration', other: 'phone-taken' },
] as const;

const SNAPSHOTS = join(import.meta.dirname, '..', 'snapshots', 'handouts');

/**
 * Text reduced to its letters and digits, for comparing a PDF's text layer with the page. pdftotext gives Arabic
 * with bidi controls, marks moved off their letters and lam-alef ligatures split in reverse order (الإ as اإل), so
 * marks, lam and alef are dropped too; every other letter must still appear in the same order.
 */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/[\u0622\u0623\u0625\u0627\u0644\u0671]/g, '');
}

/**
 * The words and numbers of a header, each comparable. pdftotext may also put the runs of a mixed-direction line in
 * another order (an Arabic header's date before its title), so each run is looked for on its own.
 */
function runs(text: string): string[] {
  return text
    .split(/[\s·/.,:]+/u)
    .map(comparable)
    .filter(Boolean);
}

function expectHeaderOn(page: string, header: string, where: string): void {
  const onPage = comparable(page);
  for (const run of runs(header)) expect(onPage, `${where}: "${run}" of the header`).toContain(run);
}

function pdfPages(file: string): string[] {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }),
  );
}

async function printToPdf(page: Page, route: string, file: string): Promise<string[]> {
  await page.evaluate((hash) => (location.hash = hash), route);
  // The handout says which route it finished loading, so a previous one still on screen is never printed.
  await expect(page.locator(`[data-testid="handout"][data-route="${route}"]`)).toHaveAttribute('data-ready', 'true');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.handout-toolbar')).toBeHidden();
  await page.pdf({ path: file, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  return pdfPages(file);
}

test.beforeAll(() => {
  test.skip(
    !['pdftotext', 'pdftoppm', 'pdfinfo'].every((tool) => existsSync(`/usr/bin/${tool}`)),
    'skipped: poppler-utils (pdftotext, pdftoppm) not installed; .ci/run installs it',
  );
});

for (const { lang, guide: id, other } of CASES) {
  test(`handouts in ${lang}: every page names the guide, its version, review status and date; no tick or note is printed`, async ({ page, app }) => {
    await app.open(page);
    const token = app.host.token;
    await applySettings(page, app.host, { interfaceLanguage: lang });
    const guide = await api(page, token, 'guide.get', { id, lang });
    const second = await api(page, token, 'guide.get', { id: other, lang });
    expect(guide.lang).toBe(lang);
    expect(second.lang).toBe(lang);
    const made = await api(page, token, 'collections.create', { name: `Workshop ${lang}` });
    await api(page, token, 'collections.addItem', { id: made.id, guide: id, lang });
    const view = await api(page, token, 'collections.addItem', { id: made.id, guide: other, lang, section: second.sections[0]!.anchor });
    const secret = `PRIVATE-NOTE-${lang}-4711`;
    await api(page, token, 'collections.setNote', { id: made.id, item: view.items[0]!.id, note: secret });
    await api(page, token, 'collections.setNote', { id: made.id, item: view.items[1]!.id, note: secret });

    // The person ticks a box in the reader: the handout's boxes stay empty.
    await page.evaluate((hash) => (location.hash = hash), `#/guide/${id}/${lang}`);
    const box = page.getByTestId('reader').locator('.guide-body input[type="checkbox"]').first();
    const ticks = (await box.count()) > 0;
    if (ticks) {
      await box.check();
      await expect.poll(async () => (await api(page, token, 'guide.get', { id, lang })).checked).toEqual([0]);
    }

    const dir = test.info().outputPath();
    mkdirSync(dir, { recursive: true });
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    const running = () => page.getByTestId('handout-running').allTextContents();

    // One guide: every page carries the whole running header (title · version · review status · date).
    const guidePdf = join(dir, `guide-${lang}.pdf`);
    const guidePages = await printToPdf(page, `#/handout/guide/${id}/${lang}`, guidePdf);
    const [header] = await running();
    expect(header).toContain(guide.title);
    expect(header).toContain(await page.evaluate(() => document.querySelector('[data-testid="handout-running"] strong')!.textContent));
    expect(guidePages.length).toBeGreaterThan(1);
    for (const [n, text] of guidePages.entries()) expectHeaderOn(text, header!, `guide ${lang}, page ${n + 1}`);
    const all = flat(guidePages.join('\n'));
    // Sources are listed, with their addresses.
    for (const source of guide.sources) {
      expect(comparable(all)).toContain(comparable(source.title));
      if (source.url) expect(all.replace(/ /g, '')).toContain(source.url);
    }
    if (ticks) expect(await page.locator('.handout input[type="checkbox"]:checked').count()).toBe(0);
    expect(all).not.toContain(secret);

    // Large print: the same handout, in larger type, over more pages, still headed on every one.
    await page.getByTestId('large-print').click();
    await expect(page.locator('html')).toHaveAttribute('data-route', /large=1/);
    await expect(page.getByTestId('large-print')).toBeChecked();
    const largePages = await printToPdf(page, `#/handout/guide/${id}/${lang}?large=1`, join(dir, `guide-${lang}-large.pdf`));
    expect(largePages.length).toBeGreaterThan(guidePages.length);
    for (const [n, text] of largePages.entries()) expectHeaderOn(text, header!, `large print ${lang}, page ${n + 1}`);

    // The collection: each page headed by its own guide; the trainer's notes nowhere.
    const collectionPdf = join(dir, `collection-${lang}.pdf`);
    const collectionPages = await printToPdf(page, `#/handout/collection/${made.id}`, collectionPdf);
    const headers = await running();
    expect(headers).toHaveLength(2);
    expect(headers[1]).toContain(second.title);
    // Each page carries one of the two headers whole; the second guide starts on a page of its own and ends the handout.
    const headedBy = collectionPages.map((text) => headers.findIndex((h) => runs(h).every((run) => comparable(text).includes(run))));
    expect(headedBy, `collection ${lang}: the header of each page`).not.toContain(-1);
    expect(headedBy.at(-1)).toBe(1);
    expect(headedBy[0]).toBe(0);
    expect(collectionPages.join('\n')).not.toContain(secret);

    // Page 1 as an image, to look at; one page per language is kept as a snapshot.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', guidePdf, join(dir, `guide-${lang}`)]);
    expect(statSync(join(dir, `guide-${lang}.png`)).size).toBeGreaterThan(5_000);
    const snapshot = join(SNAPSHOTS, `guide-${lang}`);
    if (process.env.UPDATE_HANDOUT_SNAPSHOTS === '1' || !existsSync(`${snapshot}.png`)) {
      mkdirSync(SNAPSHOTS, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', guidePdf, snapshot]);
    }
    expect(readFileSync(`${snapshot}.png`).subarray(1, 4).toString()).toBe('PNG');
  });
}

test('a handout prints each link with its address', async ({ page, app }) => {
  await app.open(page);
  const file = join(test.info().outputPath(), 'links.pdf');
  mkdirSync(test.info().outputPath(), { recursive: true });
  const text = (await printToPdf(page, '#/handout/guide/passwords-and-two-factor/en', file)).join('\n').replace(/\s+/g, ' ');
  expect(text).toContain('Have I Been Pwned (https://haveibeenpwned.com)');
});

test("printing the reader itself leaves the person's ticks out and none of the workshop buttons in", async ({ page, app }) => {
  await app.open(page, '#/guide/phone-at-a-demonstration/en');
  const reader = page.getByTestId('reader');
  const box = reader.locator('.guide-body input[type="checkbox"]').first();
  await box.check();
  await expect(reader.locator('.checklist-progress')).toContainText('1 of');
  await expect(box).toHaveCSS('appearance', 'auto');
  await page.emulateMedia({ media: 'print' });
  // An empty square is drawn for every box, ticked or not: the tick itself is never painted.
  await expect(box).toHaveCSS('appearance', 'none');
  await expect(reader.locator('.workshop-tools')).toBeHidden();
  await expect(reader.locator('.section-tools').first()).toBeHidden();
});
