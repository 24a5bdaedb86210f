import type { Page } from '@playwright/test';
import { test, expect, libraryShown } from './fixtures';

const cards = (page: Page) => page.getByTestId('guide-card');
/** The jurisdictions of the cards shown, each once. */
const shownJurisdictions = async (page: Page) =>
  [...new Set(await cards(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-jurisdiction')!)))].sort();
/** The count a tree button or an option shows, as a number. */
const countOf = async (page: Page, code: string) => Number(await page.locator(`button[data-jurisdiction="${code}"] .count`).textContent());

/** The guide ids shown, in order; each guide should appear once. */
const shownGuides = async (page: Page) => cards(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-guide')!));

test('browse by the jurisdiction hierarchy, topic and language, with counts that match what is shown', async ({ page, app }) => {
  await app.open(page);
  await expect(cards(page).first()).toBeVisible();
  const total = await cards(page).count();
  // One card per guide, not one per language copy.
  const guides = await shownGuides(page);
  expect(new Set(guides).size).toBe(guides.length);
  expect(total).toBeGreaterThanOrEqual(40);
  // The top of the hierarchy holds every guide.
  expect(await countOf(page, 'global')).toBe(total);

  // A country shows its own guides and what applies there from above (global guidance), not its subdivisions' guides;
  // its count says how many guides were written for it.
  const us = page.locator('button[data-jurisdiction="US"]');
  const usCount = await countOf(page, 'US');
  await us.click();
  await expect(us).toHaveAttribute('aria-pressed', 'true');
  await libraryShown(page);
  await expect(page.locator('[data-jurisdiction="US"].guide-card')).toHaveCount(usCount);
  expect(await shownJurisdictions(page)).toEqual(['US', 'global']);
  await expect(page.getByTestId('library-count')).toHaveText(`${await cards(page).count()} guides`);

  // A subdivision: its own, its country's and global guidance.
  await page.locator('button[data-jurisdiction="US-CA"]').click();
  await libraryShown(page);
  expect(await shownJurisdictions(page)).toEqual(['US', 'US-CA', 'global']);
  await expect(page.locator('[data-jurisdiction="US-CA"].guide-card')).toHaveCount(await countOf(page, 'US-CA'));

  // Topic, with counts given the jurisdiction chosen.
  await page.locator('button[data-jurisdiction="global"]').click();
  await libraryShown(page);
  const topic = page.getByLabel('Topic');
  const option = topic.locator('option', { hasText: 'Recording the police' });
  const optionCount = Number(/\((\d+)\)/.exec((await option.textContent())!)![1]);
  await topic.selectOption({ label: (await option.textContent())! });
  await libraryShown(page);
  await expect(cards(page)).toHaveCount(optionCount);
  await expect(page.getByTestId('library-count')).toHaveText(`${optionCount} guides`);

  // An option that would show nothing cannot be chosen: no Arabic guide is about recording the police.
  const language = page.getByLabel('Language', { exact: true });
  await expect(language.locator('option[value="ar"]')).toBeDisabled();
  await expect(language.locator('option[value="ar"]')).toHaveText('العربية (0)');

  // Language: Arabic only, and the tree's counts follow the language chosen.
  await topic.selectOption('');
  await libraryShown(page);
  const arabicLabel = (await language.locator('option[value="ar"]').textContent())!;
  const arabic = Number(/\((\d+)\)/.exec(arabicLabel)![1]);
  expect(arabic).toBeGreaterThan(0);
  await language.selectOption({ label: arabicLabel });
  await libraryShown(page);
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
  await app.open(page);
  await expect(page.getByTestId('my-jurisdiction')).toHaveValue('US-CA');
  await expect(cards(page)).toHaveCount(mine);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('my-jurisdiction')).toHaveValue('US-CA');

  // Set from Settings: Scotland brings in the United Kingdom and everywhere, not England and Wales.
  await page.getByTestId('my-jurisdiction').selectOption('GB-SCT');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect.poll(() => shownJurisdictions(page)).toEqual(['GB', 'GB-SCT', 'global']);

  // Turning "only mine" off shows everything again.
  await page.getByTestId('only-mine').uncheck();
  await expect(cards(page)).toHaveCount(total);
});

/** Every language version of every guide, as the core lists them: what the cards are checked against. */
async function versions(page: Page, token: string): Promise<{ id: string; lang: string; jurisdiction: string; translationOf: unknown }[]> {
  return page.evaluate(async (token) => {
    const response = await fetch('/api/invoke/library.list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': token },
      body: '{}',
    });
    return ((await response.json()) as { value: { guides: { id: string; lang: string; jurisdiction: string; translationOf: unknown }[] } }).value
      .guides;
  }, token);
}
/** The groups shown, as "jurisdiction: heading", in order. */
const groupsShown = (page: Page) =>
  page
    .getByTestId('library-group')
    .evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('data-jurisdiction')}: ${node.querySelector('h2')?.textContent}`));
const shownCards = (page: Page) =>
  cards(page).evaluateAll((nodes) =>
    nodes.map((node) => ({
      id: node.getAttribute('data-guide')!,
      lang: node.getAttribute('data-lang')!,
      jurisdiction: node.getAttribute('data-jurisdiction')!,
    })),
  );

test('the library shows what applies: my jurisdiction first, then its parents, then global, one card per guide in the interface language', async ({
  page,
  app,
}) => {
  await app.open(page);
  const all = await versions(page, app.host.token);
  const guidesFor = (code: string) => [...new Set(all.filter((v) => v.jurisdiction === code).map((v) => v.id))];

  // Set my jurisdiction to California in Settings, then open the library.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByTestId('my-jurisdiction').selectOption('US-CA');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect.poll(() => groupsShown(page)).toEqual(['US-CA: California', 'US: Applies here from United States', 'global: Global guidance']);
  const english = await shownCards(page);
  // California's two guides are the first cards, then the United States', then global guidance: one card per guide.
  const expected = [...guidesFor('US-CA'), ...guidesFor('US'), ...guidesFor('global')];
  expect(guidesFor('US-CA')).toHaveLength(2);
  expect(english.map((c) => c.id)).toEqual(expected);
  expect(english.map((c) => c.jurisdiction)).toEqual(expected.map((id) => all.find((v) => v.id === id)!.jurisdiction));
  expect(english.every((c) => c.lang === 'en')).toBe(true);
  await expect(page.getByTestId('library-count')).toHaveText(`${expected.length} guides`);

  // Switch the interface to Spanish: the same guides, each in Spanish where that version exists, else the original,
  // with the note saying it has no Spanish version.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Interface language').selectOption('es');
  await page.getByRole('link', { name: 'Biblioteca' }).click();
  await expect
    .poll(() => groupsShown(page))
    .toEqual(['US-CA: California', 'US: También se aplica aquí: Estados Unidos', 'global: Orientación válida en todas partes']);
  const spanish = await shownCards(page);
  expect(spanish.map((c) => c.id)).toEqual(expected);
  const inSpanish = (id: string) => all.some((v) => v.id === id && v.lang === 'es');
  const original = (id: string) => all.find((v) => v.id === id && !v.translationOf)!.lang;
  expect(spanish.map((c) => c.lang)).toEqual(expected.map((id) => (inSpanish(id) ? 'es' : original(id))));
  expect(spanish.filter((c) => c.lang === 'es').length).toBeGreaterThan(0);
  const englishOnly = spanish.find((c) => c.lang !== 'es')!;
  await expect(page.locator(`[data-testid="guide-card"][data-guide="${englishOnly.id}"]`).getByTestId('card-language-note')).toHaveText(
    'No disponible en español',
  );

  // Choose Scotland in the tree: its own guides, the United Kingdom's, and global guidance, each under its heading.
  await page.locator('button[data-jurisdiction="GB-SCT"]').click();
  await expect(page.locator('button[data-jurisdiction="GB-SCT"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('only-mine')).not.toBeChecked();
  await expect
    .poll(() => groupsShown(page))
    .toEqual(['GB-SCT: Escocia', 'GB: También se aplica aquí: Reino Unido', 'global: Orientación válida en todas partes']);
  expect((await shownCards(page)).map((c) => c.id)).toEqual([...guidesFor('GB-SCT'), ...guidesFor('GB'), ...guidesFor('global')]);

  // After a reload, my jurisdiction and the language are both kept, and the library starts at what applies to me.
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect
    .poll(() => groupsShown(page))
    .toEqual(['US-CA: California', 'US: También se aplica aquí: Estados Unidos', 'global: Orientación válida en todas partes']);
});
