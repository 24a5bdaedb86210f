import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Every guide is untrusted input. This guide (test/fixtures/hostile) carries script tags, `on*` handlers,
 * javascript:, data:, vbscript: and file: links, frames, objects and media, SVG and MathML tricks (including a known
 * mutation-XSS shape), CSS url() in style elements and attributes, forms, and DOM clobbering, in its body and in its
 * front matter. Rendering it must run nothing and request nothing.
 */
test.use({ contentDir: join(import.meta.dirname, '..', 'fixtures', 'hostile') });

declare global {
  interface Window {
    __pwned?: unknown;
    __violations?: string[];
  }
}

/** The app's own requests: its page, built assets, icon and API. Anything else is a leak. */
function isOwn(request: Request, origin: string): boolean {
  const url = new URL(request.url());
  if (url.origin !== origin) return false;
  return (
    url.pathname === '/' ||
    url.pathname === '/index.html' ||
    url.pathname.startsWith('/assets/') ||
    url.pathname === '/favicon.png' ||
    url.pathname.startsWith('/api/')
  );
}

function watch(page: Page, origin: string) {
  const leaks: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => {
    if (!isOwn(request, origin)) leaks.push(request.url());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('popup', (popup) => leaks.push(`popup: ${popup.url()}`));
  return { leaks, dialogs };
}

test('a guide full of hostile Markdown and HTML runs nothing and requests nothing', async ({ page, app }) => {
  const { leaks, dialogs } = watch(page, app.host.origin);
  // Record CSP violations too. Requests the CSP blocks never reach page.on('request'), so a violation of a fetch
  // directive is how an attempted request would show. (DOMPurify parses the guide in an inert document that shares
  // the page's CSP, so inline handlers, style elements and <base> in the guide report violations there while
  // sanitising; those are the CSP refusing them a second time, not something running.)
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations!.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await app.open(page);

  // The library shows the hostile title and summary as text.
  const card = page.locator('[data-testid="guide-card"][data-guide="hostile-guide"]');
  await expect(card).toContainText("<script>window.__pwned = 'title'</script> A hostile guide");
  await expect(card).toContainText('<img src=x onerror=');

  await card.getByRole('link').click();
  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('A hostile guide');
  const body = reader.locator('.guide-body');
  await expect(body.getByRole('heading', { name: 'Clobbering' })).toBeVisible();

  // Nothing that could run or fetch survives in the rendered guide.
  const forbidden =
    'script, iframe, frame, object, embed, svg, math, form, style, link, meta, base, img, picture, video, audio, source, template, button, select, textarea, dialog, marquee, x-widget, noscript';
  // The app's own "Add to collection" beside each heading is not guide content (the sanitiser strips every class,
  // so a guide cannot pass its own elements off as these).
  expect(await body.locator(`:is(${forbidden}):not(.section-tools *)`).count()).toBe(0);
  const inputs = await body.locator('input').evaluateAll((nodes) => nodes.map((node) => (node as HTMLInputElement).type));
  expect(inputs.every((type) => type === 'checkbox')).toBe(true);

  // Across the whole document: no handler attributes or dangerous URLs; in the guide, no attributes it could style,
  // clobber or target with (headings get ids from the reader, not from the guide).
  const report = await page.evaluate(() => {
    const handlers: string[] = [];
    const urls: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) handlers.push(`${element.tagName} ${attribute.name}`);
        if (
          /^(href|src|srcset|action|formaction|xlink:href|poster|data|background|ping)$/i.test(attribute.name) &&
          /^\s*(javascript|data|vbscript|file):/i.test(attribute.value)
        ) {
          urls.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
    }
    const guideBody = document.querySelector('.guide-body')!;
    // The app's own "Add to collection" beside each heading (.section-tools) is not guide content.
    const styled = [...guideBody.querySelectorAll('[style], [name], [class], [ping], [target], [id]:not(h1, h2, h3, h4, h5, h6)')]
      .filter((element) => !element.closest('.section-tools'))
      .map((element) => element.outerHTML.slice(0, 80));
    return {
      handlers,
      urls,
      styled,
      rootIntact: document.getElementById('root')?.tagName,
      bridge: typeof (window as { fieldbook?: unknown }).fieldbook,
    };
  });
  expect(report).toEqual({ handlers: [], urls: [], styled: [], rootIntact: 'DIV', bridge: 'undefined' });

  // Links: only http(s) (marked external, asking first) and in-app routes keep an href.
  const hrefs = await body.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  for (const href of hrefs) expect(href).toMatch(/^(https:\/\/|#\/)/);
  expect(hrefs).toContain('#/guide/plain-guide/en?section=where-to-go');

  // Interact with everything a person might: hover and click each paragraph, link without an href and checkbox.
  for (const text of [
    'Hover or click this paragraph.',
    'javascript link',
    'html javascript link',
    'tab in the scheme',
    'data link',
    'reference link',
  ]) {
    const target = body.getByText(text, { exact: true }).first();
    await target.hover();
    await target.click();
  }
  for (const box of await body.locator('input[type="checkbox"]').all()) await box.click();
  await expect(page.locator('html')).toHaveAttribute('data-route', /#\/guide\/hostile-guide/);

  // The external link asks before leaving, and cancelling sends nothing.
  await body.getByText('external with ping', { exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Open this link in your web browser?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  // The about panel shows the front matter's markup as text.
  const about = reader.getByRole('complementary', { name: 'About this guide' });
  await expect(about).toContainText('<svg onload="window.__pwned = \'not_covered\'"></svg>');
  await expect(about).toContainText('<img src="https://attacker.example/author.png">');

  // A guide link still works in-app after all that.
  await body.getByRole('link', { name: 'the plain guide' }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('A plain guide');
  await expect(reader.getByRole('heading', { name: 'Where to go' })).toBeFocused();

  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  const fetches =
    /^(default-src|img-src|media-src|frame-src|child-src|object-src|font-src|connect-src|form-action|manifest-src|worker-src|script-src-elem|style-src-elem|prefetch-src|navigate-to)\s+\S/;
  const violations = (await page.evaluate(() => window.__violations!)).filter((line) => fetches.test(line) && !/ inline$/.test(line));
  expect(violations).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(leaks).toEqual([]);
});
