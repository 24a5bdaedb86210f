import { test, expect } from './fixtures';
import { searchAnswered } from './screens';

test('open the library, open a guide, change the interface language, reload and find it kept', async ({ page, app }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  const cards = page.getByTestId('guide-card');
  expect(await cards.count()).toBeGreaterThan(10);

  // Open a guide from its card.
  const card = page.locator('[data-testid="guide-card"][data-guide="phone-at-a-demonstration"][data-lang="en"]');
  await card.getByRole('link').click();
  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(/phone/i);
  await expect(reader.getByRole('navigation', { name: 'Contents' })).toBeVisible();

  // Change the interface language to Spanish in Settings.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Interface language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // Reload: the setting was saved by the core, not kept in the page. The place is not kept (routes never enter
  // the address or the browser's history), so the app opens on the library.
  await app.open(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Biblioteca' })).toBeVisible();

  // Arabic mirrors the whole layout.
  await page.getByRole('link', { name: 'Configuración' }).click();
  await page.getByLabel('Idioma de la interfaz').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('the search box answers as the person types and opens the matched section', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Control+K');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('encryption');
  await searchAnswered(page, 'encryption');
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-route', /#\/guide\//);
});

test('an API call without the per-run token is refused', async ({ page, app }) => {
  await app.open(page);
  const status = await page.evaluate(async () => (await fetch('/api/invoke/settings.get', { method: 'POST', body: '{}' })).status);
  expect(status).toBe(401);
  const answer = await page.evaluate(async (token) => {
    const response = await fetch('/api/invoke/guide.get', {
      method: 'POST',
      headers: { 'X-Fieldbook-Token': token },
      body: JSON.stringify({ id: 42 }),
    });
    return response.json();
  }, app.host.token);
  expect(answer).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/guide\.get: id/) } });
});
