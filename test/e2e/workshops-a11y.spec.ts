import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { applySettings } from './screens';
import { api } from './workshop-support';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((node) => `${v.id}: ${node.target.join(' ')} — ${v.help}`));
}

for (const lang of ['en', 'ar'] as const) {
  test(`the workshop screens pass axe-core with no serious or critical violation (${lang} interface)`, async ({ page, app }) => {
    await app.open(page);
    const token = app.host.token;
    await applySettings(page, app.host, { interfaceLanguage: lang });
    const made = await api(page, token, 'collections.create', { name: 'Session' });
    await api(page, token, 'collections.addItem', { id: made.id, guide: 'phone-taken', lang: 'ar' });
    await api(page, token, 'collections.addItem', { id: made.id, guide: 'backups', lang: 'en' });
    const found: Record<string, string[]> = {};
    const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);

    await go('#/collections');
    await expect(page.getByTestId('collection-entry')).toHaveCount(1);
    found.collections = await seriousViolations(page);
    await go(`#/collection/${made.id}`);
    await expect(page.getByTestId('collection-item')).toHaveCount(2);
    found.collection = await seriousViolations(page);
    await page.getByTestId('delete-collection').click();
    found['confirm-delete'] = await seriousViolations(page);

    await go('#/guide/phone-at-a-demonstration/en');
    await page.getByTestId('reader').locator('.section-tools button').first().click();
    await expect(page.getByTestId('add-collection-choice').first()).toBeFocused();
    found['add-to-collection'] = await seriousViolations(page);
    await page.keyboard.press('Escape');

    await page.getByTestId('present-guide').click();
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-screen', '1');
    found.presenter = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presenter')).toHaveCount(0);

    await go(`#/handout/collection/${made.id}`);
    await expect(page.getByTestId('handout-guide')).toHaveCount(2);
    found.handout = await seriousViolations(page);
    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
}
