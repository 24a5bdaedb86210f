import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures';
import { openSearch } from './screens';
import { api } from './workshop-support';

/** The collection screen's items, in order, as guide/lang#section. */
async function order(page: Page): Promise<string[]> {
  return page
    .getByTestId('collection-item')
    .evaluateAll((items) =>
      items.map((item) => `${item.getAttribute('data-guide')}/${item.getAttribute('data-lang')}#${item.getAttribute('data-section')}`),
    );
}

async function openCollection(page: Page, name: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/collections'));
  await page.getByTestId('collection-list').getByRole('link', { name }).click();
  await expect(page.getByTestId('collection')).toBeVisible();
}

test('a trainer gathers a card, a search result and a section, notes and reorders them, and finds it all after a reload', async ({ page, app }) => {
  await app.open(page);

  // From a library card: a new collection.
  const card = page.locator('[data-testid="guide-card"][data-guide="phone-taken"][data-lang="en"]');
  await card.getByRole('button', { name: /^Add to collection: “.+”$/ }).click();
  await expect(card.getByTestId('add-collection-choice')).toBeFocused();
  await card.getByTestId('add-collection-name').fill('Saturday workshop');
  await card.getByTestId('add-collection-name').press('Enter');
  await expect(card.getByTestId('add-collection-status')).toHaveText('Added to “Saturday workshop”.');

  // From a search result, chosen with the keyboard: its section goes into the same collection.
  await openSearch(page, 'police');
  await page.getByTestId('search-input').press('ArrowDown');
  const hit = page.getByTestId('search-hit').nth(1);
  const hitKey = `${await hit.getAttribute('data-guide')}/${await hit.getAttribute('data-lang')}#${await hit.getAttribute('data-anchor')}`;
  const add = page.getByTestId('search-add');
  await add.getByRole('button', { name: /^Add to collection: the result “.+”$/ }).click();
  await expect(add.getByTestId('add-collection-choice')).toHaveValue(/.+/);
  await add.getByTestId('add-collection-submit').click();
  await expect(add.getByTestId('add-collection-status')).toHaveText('Added to “Saturday workshop”.');
  await page.getByTestId('search-input').press('Escape');

  // From a section heading in the reader.
  await page.evaluate(() => (location.hash = '#/guide/phone-at-a-demonstration/en'));
  const reader = page.getByTestId('reader');
  const heading = reader.locator('.guide-body h2').nth(1);
  const headingText = (await heading.textContent())!;
  const sectionTools = reader.locator('.guide-body .section-tools').nth(1);
  await sectionTools.getByRole('button', { name: `Add to collection: the section “${headingText}”` }).click();
  // The form lists the collections once they have loaded (as for the search result above); then it adds.
  await expect(sectionTools.getByTestId('add-collection-choice')).toHaveValue(/.+/);
  await sectionTools.getByTestId('add-collection-submit').click();
  await expect(sectionTools.getByTestId('add-collection-status')).toHaveText('Added to “Saturday workshop”.');
  const sectionAnchor = new URLSearchParams(
    (await reader.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: headingText }).getAttribute('href'))!.split('?')[1],
  ).get('section');

  await openCollection(page, 'Saturday workshop');
  const cardKey = 'phone-taken/en#';
  const sectionKey = `phone-at-a-demonstration/en#${sectionAnchor}`;
  expect(await order(page)).toEqual([cardKey, hitKey, sectionKey]);

  // Notes on two items, a new name.
  const items = page.getByTestId('collection-item');
  await items.nth(0).getByTestId('item-note').fill('Start with a show of hands: whose phone was taken?');
  await items.nth(0).getByTestId('item-note').press('Tab');
  await expect(page.getByTestId('collection-announcement')).toContainText('saved');
  await items.nth(2).getByTestId('item-note').fill('Pair people up for this one.');
  await page.getByTestId('rename-input').fill('Saturday workshop, Lyon');
  await page.getByTestId('rename-submit').click();
  await expect(page.locator('#collection-title')).toHaveText('Saturday workshop, Lyon');

  // Keyboard: Alt+Up on the focused last item moves it up one, keeps the focus on it and says so.
  await items.nth(2).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('collection-announcement')).toHaveText(/moved to position 2 of 3\.$/);
  expect(await order(page)).toEqual([cardKey, sectionKey, hitKey]);
  await expect(page.locator(`[data-testid="collection-item"][data-section="${sectionAnchor}"]`)).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('collection-announcement')).toHaveText(/moved to position 1 of 3\.$/);
  expect(await order(page)).toEqual([sectionKey, cardKey, hitKey]);
  // The Move down button, for those who do not use the shortcut.
  await page
    .getByRole('button', { name: /^Move down: “.+”$/ })
    .first()
    .click();
  await expect(page.getByTestId('collection-announcement')).toHaveText(/moved to position 2 of 3\.$/);
  expect(await order(page)).toEqual([cardKey, sectionKey, hitKey]);

  // Dragging: the last item dropped on the first.
  await items.nth(2).dragTo(items.nth(0));
  await expect(page.getByTestId('collection-announcement')).toHaveText(/moved to position 1 of 3\.$/);
  expect(await order(page)).toEqual([hitKey, cardKey, sectionKey]);

  // Everything is kept across a reload (which opens the library: routes are never in the address).
  const route = await page.locator('html').getAttribute('data-route');
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.evaluate((hash) => (location.hash = hash), route!);
  await expect(page.getByTestId('collection')).toBeVisible();
  await expect(page.locator('#collection-title')).toHaveText('Saturday workshop, Lyon');
  expect(await order(page)).toEqual([hitKey, cardKey, sectionKey]);
  await expect(items.nth(1).getByTestId('item-note')).toHaveValue('Start with a show of hands: whose phone was taken?');
  await expect(items.nth(2).getByTestId('item-note')).toHaveValue('Pair people up for this one.');
});

test('export, delete and import give the same collection back; a bad file names its field; a missing guide is kept', async ({ page, app }) => {
  await app.open(page);
  const token = app.host.token;
  const made = await api(page, token, 'collections.create', { name: 'Border crossings' });
  const guide = await api(page, token, 'guide.get', { id: 'phone-taken', lang: 'fr' });
  await api(page, token, 'collections.addItem', { id: made.id, guide: 'device-encryption', lang: 'ar' });
  const withSection = await api(page, token, 'collections.addItem', {
    id: made.id,
    guide: 'phone-taken',
    lang: 'fr',
    section: guide.sections[1]!.anchor,
  });
  await api(page, token, 'collections.setNote', { id: made.id, item: withSection.items[1]!.id, note: 'Montrer la loi' });
  // A tick in the reader is the person's own: it never goes into the file.
  const ticked = await api(page, token, 'guide.get', { id: 'device-encryption', lang: 'ar' });
  await api(page, token, 'guide.setChecked', { id: 'device-encryption', lang: 'ar', version: ticked.version, checked: [0] });

  await openCollection(page, 'Border crossings');
  const before = await order(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-collection').click()]);
  expect(download.suggestedFilename()).toBe('border-crossings.fieldbook-collection.json');
  const file = join(app.dataDir, 'exported.json');
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'fieldbook-collection', formatVersion: 1, name: 'Border crossings' });
  expect(text).not.toContain('checked');

  await page.getByTestId('delete-collection').click();
  await expect(page.getByTestId('confirm-delete')).toContainText('Delete “Border crossings” and the notes on its 2 items?');
  await page.getByTestId('confirm-delete').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('collections-empty')).toBeVisible();

  // A bad file: refused, with the field named; nothing is added.
  const bad = JSON.parse(text);
  bad.items[0].lang = 'Arabic';
  await page
    .getByTestId('import-collection')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('collections-error')).toContainText('bad.json could not be imported');
  await expect(page.getByTestId('collections-error')).toContainText('the field "items.0.lang" is wrong');
  await expect(page.getByTestId('collections-empty')).toBeVisible();

  await page.getByTestId('import-collection').setInputFiles(file);
  await expect(page.getByTestId('collection')).toBeVisible();
  await expect(page.locator('#collection-title')).toHaveText('Border crossings');
  expect(await order(page)).toEqual(before);
  await expect(page.getByTestId('collection-item').nth(1).getByTestId('item-note')).toHaveValue('Montrer la loi');

  // A guide this library does not have is kept and shown as missing.
  const foreign = JSON.parse(text);
  foreign.name = 'From another library';
  foreign.items.push({ guide: 'only-elsewhere', lang: 'es', version: 4, section: null, note: 'keep me' });
  await page.evaluate(() => (location.hash = '#/collections'));
  await page
    .getByTestId('import-collection')
    .setInputFiles({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(foreign)) });
  await expect(page.locator('#collection-title')).toHaveText('From another library');
  const missing = page.locator('[data-testid="collection-item"][data-guide="only-elsewhere"]');
  await expect(missing).toHaveAttribute('data-missing', 'true');
  await expect(missing.getByTestId('item-missing')).toContainText('“only-elsewhere” (es) is not in this library');
  await expect(missing.getByTestId('item-note')).toHaveValue('keep me');
});
