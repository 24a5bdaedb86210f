import { test, expect } from './fixtures';
import { goTo, openSearch, SCREENS } from './screens';
import { startTranslation } from './write-support';

/**
 * In the pseudo-locale every string from the locale files reads ⟦…⟧, so any text of the app's own chrome left outside
 * the brackets was written into a component instead of a locale file. Content (guide text, proper names from content
 * files) is exempt: it carries its own `lang`, or `translate="no"` where it is a name.
 */
async function untranslated(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const rootLang = document.documentElement.lang;
    const strip = (text: string) => {
      let rest = text;
      for (let previous = ''; previous !== rest; ) {
        previous = rest;
        rest = rest.replace(/⟦[^⟦⟧]*⟧/g, '');
      }
      return rest;
    };
    const exempt = (element: Element) => {
      const langOwner = element.closest('[lang]');
      return (langOwner && langOwner.getAttribute('lang') !== rootLang) || !!element.closest('[translate="no"], script, style, template, noscript');
    };
    const shown = (element: Element) => {
      const box = element.closest('option') ? element.closest('select') : element;
      return !!box && box.checkVisibility();
    };
    const where = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const cls = typeof element.className === 'string' && element.className ? `.${element.className.split(' ')[0]}` : '';
      return `${element.tagName.toLowerCase()}${id}${cls}`;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || exempt(parent) || !shown(parent)) continue;
      if (/\p{L}/u.test(strip(node.textContent ?? ''))) found.push(`${where(parent)}: "${node.textContent?.trim()}"`);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt], [aria-roledescription], [aria-description]')) {
      if (exempt(element) || !shown(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription', 'aria-description']) {
        const value = element.getAttribute(name);
        if (value && /\p{L}/u.test(strip(value))) found.push(`${where(element)}[${name}]: "${value}"`);
      }
    }
    return found;
  });
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('fieldbook.pseudoLocale', '1'));
});

test('every screen shows only text from the locale files', async ({ page, app }) => {
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  const report: Record<string, string[]> = {};
  for (const screen of SCREENS) {
    await goTo(page, screen);
    report[screen.name] = await untranslated(page);
  }
  // A guide's external link asks first (browser mode's own dialog).
  await goTo(page, SCREENS[1]!);
  await page.locator('.sources a').first().click();
  await expect(page.locator('dialog.confirm')).toBeVisible();
  report['external-link-dialog'] = await untranslated(page);
  await page.keyboard.press('Escape');
  await goTo(page, SCREENS[0]!);
  await openSearch(page);
  report.search = await untranslated(page);
  await openSearch(page, 'zzzzqqq', false);
  report['search-empty'] = await untranslated(page);
  expect(Object.fromEntries(Object.entries(report).filter(([, list]) => list.length > 0))).toEqual({});
});

test('the writing area’s editor and list of drafts show only text from the locale files', async ({ page, app }) => {
  await app.open(page);
  await startTranslation(page, 'gb-eaw-rights-at-a-demonstration/en', 'es');
  await expect(page.getByTestId('draft-editor')).toHaveAttribute('data-save-state', 'saved');
  const found: Record<string, string[]> = { editor: await untranslated(page) };
  await page.evaluate(() => (location.hash = '#/write'));
  await expect(page.getByTestId('draft-row')).toHaveCount(1);
  found.list = await untranslated(page);
  expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
});

test('the check itself finds text written into a component', async ({ page, app }) => {
  await app.open(page);
  await goTo(page, SCREENS[0]!);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Hard-coded words';
    document.querySelector('main')!.append(p);
  });
  expect(await untranslated(page)).toContain('p: "Hard-coded words"');
});

test('the pseudo-locale is not offered in the language picker', async ({ page, app }) => {
  await app.open(page, '#/settings');
  const values = await page
    .getByTestId('interface-language')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(values).toEqual(['', 'en', 'es', 'fr', 'ar']);
});

test.describe('with content files that could not be loaded', () => {
  test.use({ contentDir: 'test/fixtures/problems/schema-field' });
  test('the maintainer view and the library notice show only text from the locale files', async ({ page, app }) => {
    await app.open(page);
    await goTo(page, SCREENS[0]!);
    const library = await untranslated(page);
    await goTo(page, SCREENS.find((screen) => screen.name === 'problems')!);
    await expect(page.getByTestId('problem').first()).toBeVisible();
    expect({ library, problems: await untranslated(page) }).toEqual({ library: [], problems: [] });
  });
});
