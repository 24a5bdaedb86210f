import { test, expect } from './fixtures';
import { applySettings, goTo, SCREENS } from './screens';

test.describe('the interface follows the system language', () => {
  test.use({ locale: 'es-ES' });
  test('a Spanish system gets a Spanish interface', async ({ page, app }) => {
    await app.open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1, name: 'Biblioteca' })).toBeVisible();
  });
});

test.describe('a system language Fieldbook does not speak', () => {
  test.use({ locale: 'de-DE' });
  test('falls back to English', async ({ page, app }) => {
    await app.open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  });
});

test('a Spanish interface reads an English guide: the guide in English, the interface in Spanish', async ({ page, app }) => {
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'es' });
  await page.evaluate(() => (location.hash = '#/guide/us-rights-at-a-demonstration/en'));
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('lang', 'en');
  await expect(reader).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The reader's own chrome stays in the interface language, marked as such inside the English article.
  await expect(reader.getByRole('link', { name: 'Volver a la biblioteca' })).toBeVisible();
  await expect(reader.getByRole('navigation', { name: 'Contenido' })).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('navigation', { name: 'Principal' })).toBeVisible();
});

test('the library says which guides exist in the interface language and offers the others', async ({ page, app }) => {
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'es' });
  await SCREENS[0]!.ready(page);
  const cards = page.getByTestId('guide-card');
  const total = await cards.count();
  const spanish = await page.locator('[data-testid="guide-card"][data-lang="es"]').count();
  expect(spanish).toBeGreaterThan(0);
  expect(spanish).toBeLessThan(total);

  const only = page.getByTestId('only-interface-language');
  const all = page.getByTestId('all-languages');
  await expect(only).toHaveText(`Solo en español (${spanish})`);
  await expect(all).toHaveText(`Todos los idiomas (${total})`);
  await expect(all).toHaveAttribute('aria-pressed', 'true');

  // An English-only guide says it has no Spanish version; one that has it shows its Spanish version, with no note.
  const englishOnly = page.locator('[data-testid="guide-card"][data-guide="backups"][data-lang="en"]');
  await expect(englishOnly.getByTestId('card-language-note')).toHaveText('No disponible en español');
  const translated = page.locator('[data-testid="guide-card"][data-guide="phone-at-a-demonstration"]');
  await expect(translated).toHaveAttribute('data-lang', 'es');
  await expect(translated.getByTestId('card-language-note')).toHaveCount(0);
  // Choosing English in the language filter shows the English version, which links to the Spanish one.
  const language = page.getByLabel('Idioma', { exact: true });
  await language.selectOption('en');
  await expect(translated).toHaveAttribute('data-lang', 'en');
  await expect(translated.getByRole('link', { name: 'También en español' })).toHaveAttribute('href', '#/guide/phone-at-a-demonstration/es');
  await language.selectOption('');
  await expect(all).toHaveAttribute('aria-pressed', 'true');

  await only.click();
  await expect(only).toHaveAttribute('aria-pressed', 'true');
  await expect(cards).toHaveCount(spanish);
  expect(await page.locator('[data-testid="guide-card"]:not([data-lang="es"])').count()).toBe(0);

  await all.click();
  await expect(cards).toHaveCount(total);

  // The other languages are one step away: the English guide opens from the full list.
  await englishOnly.getByRole('link').first().click();
  await expect(page.getByTestId('reader')).toHaveAttribute('lang', 'en');
});

test('counts and dates are written as Intl writes them for the interface language', async ({ page, app }) => {
  await app.open(page);
  await applySettings(page, app.host, { interfaceLanguage: 'ar' });
  await SCREENS[0]!.ready(page);
  const total = await page.getByTestId('guide-card').count();
  const intl = await page.evaluate((n) => new Intl.NumberFormat('ar').format(n), total);
  await expect(page.getByTestId('all-languages')).toContainText(intl);
  await expect(page.getByTestId('library-count')).toContainText(intl);

  const updated = await page.evaluate(async (token) => {
    const response = await fetch('/api/invoke/guide.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': token },
      body: JSON.stringify({ id: 'phone-at-a-demonstration', lang: 'en' }),
    });
    return ((await response.json()) as { value: { updated: string } }).value.updated;
  }, app.host.token);
  const date = await page.evaluate(
    (day) => new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
    updated,
  );
  await goTo(page, SCREENS[1]!);
  await expect(page.getByTestId('reader').locator('.guide-about')).toContainText(date);
});
