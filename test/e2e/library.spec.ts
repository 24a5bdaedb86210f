import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const cards = (page: Page) => page.getByTestId('guide-card');
/** The jurisdictions of the cards shown, each once. */
const shownJurisdictions = async (page: Page) =>
  [...new Set(await cards(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-jurisdiction')!)))].sort();
/** The count a tree button or an option shows, as a number. */
const countOf = async (page: Page, code: string) => Number(await page.locator(`button[data-jurisdiction="${code}"] .count`).textContent());

test('browse by the jurisdiction hierarchy, topic and language, with counts that match what is shown', async ({ page, app }) => {
  await app.open(page);
  await expect(cards(page).first()).toBeVisible();
  const total = await cards(page).count();
  expect(total).toBeGreaterThanOrEqual(60);
  // The top of the hierarchy holds every guide.
  expect(await countOf(page, 'global')).toBe(total);

  // A country includes its subdivisions, and its count says how many cards choosing it shows.
  const us = page.locator('button[data-jurisdiction="US"]');
  const usCount = await countOf(page, 'US');
  expect(usCount).toBe(
    (await countOf(page, 'US-CA')) + (await countOf(page, 'US-NY')) + (await page.locator('[data-jurisdiction="US"].guide-card').count()),
  );
  await us.click();
  await expect(us).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('library-count')).toHaveText(`${usCount} guides`);
  await expect(cards(page)).toHaveCount(usCount);
  expect(await shownJurisdictions(page)).toEqual(['US', 'US-CA', 'US-NY']);

  // A subdivision alone.
  await page.locator('button[data-jurisdiction="US-CA"]').click();
  expect(await shownJurisdictions(page)).toEqual(['US-CA']);

  // Topic, with counts given the jurisdiction chosen.
  await page.locator('button[data-jurisdiction="global"]').click();
  const topic = page.getByLabel('Topic');
  const option = topic.locator('option', { hasText: 'Recording the police' });
  const optionCount = Number(/\((\d+)\)/.exec((await option.textContent())!)![1]);
  await topic.selectOption({ label: (await option.textContent())! });
  await expect(cards(page)).toHaveCount(optionCount);
  await expect(page.getByTestId('library-count')).toHaveText(`${optionCount} guides`);

  // An option that would show nothing cannot be chosen: no Arabic guide is about recording the police.
  const language = page.getByLabel('Language', { exact: true });
  await expect(language.locator('option[value="ar"]')).toBeDisabled();
  await expect(language.locator('option[value="ar"]')).toHaveText('العربية (0)');

  // Language: Arabic only, and the tree's counts follow the language chosen.
  await topic.selectOption('');
  const arabicLabel = (await language.locator('option[value="ar"]').textContent())!;
  const arabic = Number(/\((\d+)\)/.exec(arabicLabel)![1]);
  expect(arabic).toBeGreaterThan(0);
  await language.selectOption({ label: arabicLabel });
  await expect(cards(page)).toHaveCount(arabic);
  expect(
    await cards(page).evaluateAll((nodes) =>
      nodes.every((node) => node.getAttribute('data-lang') === 'ar' && node.querySelector('h3')?.getAttribute('dir') === 'rtl'),
    ),
  ).toBe(true);
  expect(await countOf(page, 'global')).toBe(arabic);

  // Each card shows its summary, jurisdiction, language and when it was last reviewed.
  const card = cards(page).first();
  await expect(card.locator('.summary')).not.toBeEmpty();
  await expect(card.locator('.meta')).toContainText('العربية');
  await expect(card.locator('.review-line')).toContainText(/Not yet reviewed by a local partner|Reviewed /);

  await page.getByRole('button', { name: 'Show all guides' }).click();
  await expect(cards(page)).toHaveCount(total);
});

test('my jurisdiction brings in its parents and global, is saved, and can be set from the library or Settings', async ({ page, app }) => {
  await app.open(page);
  await expect(cards(page).first()).toBeVisible();
  const total = await cards(page).count();

  await page.getByTestId('my-jurisdiction').selectOption('US-CA');
  await expect(page.getByTestId('only-mine')).toBeChecked();
  await expect(page.getByText('Shows guides for California · United States · Everywhere.')).toBeVisible();
  await expect.poll(() => shownJurisdictions(page)).toEqual(['US', 'US-CA', 'global']);
  const mine = await cards(page).count();
  expect(mine).toBeLessThan(total);

  // Saved by the core: a reload keeps it, and Settings shows the same choice.
  await page.reload();
  await expect(page.getByTestId('my-jurisdiction')).toHaveValue('US-CA');
  await expect(cards(page)).toHaveCount(mine);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByTestId('my-jurisdiction')).toHaveValue('US-CA');

  // Set from Settings: Scotland brings in the United Kingdom and everywhere, not England and Wales.
  await page.getByTestId('my-jurisdiction').selectOption('GB-SCT');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect.poll(() => shownJurisdictions(page)).toEqual(['GB', 'GB-SCT', 'global']);

  // Turning "only mine" off shows everything again.
  await page.getByTestId('only-mine').uncheck();
  await expect(cards(page)).toHaveCount(total);
});
