import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { applySettings, goTo, openSearch, SCREENS, type Screen } from './screens';

/**
 * Layouts that fit: at each size below, in English and Arabic, no screen scrolls sideways and nothing is cut off.
 *
 * 200% zoom is emulated the way Chromium applies it: page zoom divides the CSS viewport by the zoom factor and draws
 * each CSS pixel with that many device pixels. A 1280×800 window at 200% therefore lays out exactly like a 640×400
 * CSS-pixel viewport at a device scale factor of 2 (the same media queries, rem sizes and line breaks), which is what
 * the test sets. The largest text size is the app's own setting, at 800×600.
 */
const SIZES = [
  { name: '800x600', viewport: { width: 800, height: 600 }, deviceScaleFactor: 1, textSize: 'normal' },
  { name: 'zoom-200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, textSize: 'normal' },
  { name: 'largest-text', viewport: { width: 800, height: 600 }, deviceScaleFactor: 1, textSize: 'largest' },
] as const;

/** The main screens, and the content packs screen, which the shared list does not hold yet. */
const ALL_SCREENS: Screen[] = [
  ...SCREENS,
  { name: 'packs', route: '#/packs', ready: (page) => expect(page.locator('main h1').first()).toBeVisible() },
];

/**
 * What a person cannot see or reach: boxes and text outside the viewport's width, content cut by a container that
 * hides its overflow, list numbers pushed outside their clipping box, and anything overflowing the start edge of a
 * scroll container (a scroll container only scrolls towards its end). A table or code block may be wider than the
 * screen only inside its own scroll container.
 */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const viewport = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > viewport)
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${viewport}`);
    const label = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
    };
    const hidden = (el: Element) => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden' || style.clipPath.startsWith('inset(50%')) return true;
      }
      return false;
    };
    /** The nearest ancestor that clips or scrolls horizontally, with the edges it clips at. */
    const clipOf = (el: Element) => {
      for (let node = el.parentElement; node && node !== document.documentElement; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflowX !== 'visible') {
          const r = node.getBoundingClientRect();
          return {
            node,
            scrolls: style.overflowX === 'auto' || style.overflowX === 'scroll',
            rtl: style.direction === 'rtl',
            start: r.left,
            end: r.right,
          };
        }
      }
      return null;
    };
    const check = (el: Element, rect: { left: number; right: number; width: number; height: number }, what: string) => {
      if (rect.width === 0 || rect.height === 0) return;
      const clip = clipOf(el);
      if (clip?.scrolls) {
        // Past the end edge can be scrolled to; past the start edge cannot.
        const lost = clip.rtl ? rect.right > clip.end + 1 : rect.left < clip.start - 1;
        if (lost) found.push(`${what} overflows the start of its scroll container ${label(clip.node)}`);
        return;
      }
      const start = Math.max(0, clip?.start ?? 0);
      const end = Math.min(viewport, clip?.end ?? viewport);
      if (rect.left < start - 1 || rect.right > end + 1)
        found.push(`${what} spans ${Math.round(rect.left)}–${Math.round(rect.right)}, outside ${Math.round(start)}–${Math.round(end)}`);
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (hidden(el)) continue;
      check(el, el.getBoundingClientRect(), label(el));
      const style = getComputedStyle(el);
      // A box that hides its overflow must not be hiding part of its content.
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1)
        found.push(`${label(el)} hides ${el.scrollWidth - el.clientWidth}px of its content`);
      // An empty field's placeholder is its label's hint: an input clips it without a sign.
      if (el instanceof HTMLInputElement && el.placeholder && !el.value) {
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = style.font;
        const room = el.clientWidth - Number.parseFloat(style.paddingInlineStart) - Number.parseFloat(style.paddingInlineEnd);
        if (canvas.measureText(el.placeholder).width > room + 1) found.push(`the placeholder of ${label(el)} "${el.placeholder}" is cut off`);
      }
      // Outside list markers (numbers and bullets) sit before the item's start edge, in the item's own direction.
      if (style.display === 'list-item' && style.listStylePosition === 'outside' && style.listStyleType !== 'none') {
        const index = [...(el.parentElement?.children ?? [])].indexOf(el) + 1;
        const canvas = document.createElement('canvas').getContext('2d')!;
        canvas.font = style.font;
        const width = canvas.measureText(style.listStyleType === 'decimal' ? `${index}. ` : '• ').width;
        const r = el.getBoundingClientRect();
        const rtl = style.direction === 'rtl';
        const marker = rtl ? { left: r.right, right: r.right + width } : { left: r.left - width, right: r.left };
        check(el, { ...marker, width, height: r.height }, `the marker of item ${index} of ${label(el)}`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || !node.parentElement || hidden(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        check(node.parentElement, rect, `text "${node.textContent.trim().slice(0, 30)}" in ${label(node.parentElement)}`);
    }
    return [...new Set(found)];
  });
}

for (const size of SIZES) {
  for (const lang of ['en', 'ar'] as const) {
    test.describe(`${size.name}, ${lang} interface`, () => {
      test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

      test(`every screen fits without sideways scrolling or anything cut off (${size.name}, ${lang})`, async ({ page, app }, testInfo) => {
        await app.open(page);
        await applySettings(page, app.host, { interfaceLanguage: lang, textSize: size.textSize });
        await expect(page.locator('html')).toHaveAttribute('data-text-size', size.textSize);
        const found: Record<string, string[]> = {};
        const shoot = async (name: string) => {
          const path = testInfo.outputPath(`${size.name}-${lang}-${name}.png`);
          await page.screenshot({ path });
          await testInfo.attach(`${size.name}-${lang}-${name}`, { path, contentType: 'image/png' });
        };
        for (const screen of ALL_SCREENS) {
          await goTo(page, screen);
          found[screen.name] = await cutOff(page);
          await shoot(screen.name);
        }
        await goTo(page, SCREENS[0]!);
        await openSearch(page, lang === 'ar' ? 'هاتف' : 'police');
        found['search-panel'] = await cutOff(page);
        await shoot('search-panel');
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
      });
    });
  }
}

// The library's notice and the maintainer view hold file paths and messages, which must wrap rather than overflow.
for (const size of SIZES) {
  test.describe(`${size.name}, with content problems`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, contentDir: 'test/fixtures/invalid-content' });

    for (const lang of ['en', 'ar'] as const) {
      test(`the library notice and the problems view fit (${size.name}, ${lang})`, async ({ page, app }, testInfo) => {
        await app.open(page);
        await applySettings(page, app.host, { interfaceLanguage: lang, textSize: size.textSize });
        const found: Record<string, string[]> = {};
        for (const screen of [SCREENS[0]!, SCREENS.find((s) => s.name === 'problems')!]) {
          await goTo(page, screen);
          if (screen.name === 'problems') await expect(page.getByTestId('problem').first()).toBeVisible();
          else await expect(page.getByTestId('invalid-notice')).toBeVisible();
          found[screen.name] = await cutOff(page);
          const path = testInfo.outputPath(`${size.name}-${lang}-${screen.name}-with-problems.png`);
          await page.screenshot({ path });
          await testInfo.attach(`${size.name}-${lang}-${screen.name}-with-problems`, { path, contentType: 'image/png' });
        }
        expect(found).toEqual({ library: [], problems: [] });
      });
    }
  });
}

test.describe('at 200% zoom', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  for (const lang of ['en', 'ar'] as const) {
    test(`the first guide is on the first screen of the library, the browsing controls one step away (${lang})`, async ({ page, app }, testInfo) => {
      await app.open(page);
      await applySettings(page, app.host, { interfaceLanguage: lang, myJurisdiction: 'US-CA' });
      await SCREENS[0]!.ready(page);
      // The lock's first-start panel is offered once; dismissed, as a person does, the library's own layout is measured.
      await page.getByTestId('safety-intro').getByRole('button').last().click();
      await expect(page.getByTestId('safety-intro')).toHaveCount(0);
      const firstCard = page.getByTestId('guide-card').first();
      const title = (await firstCard.getByRole('link').first().boundingBox())!;
      expect(title.y).toBeGreaterThanOrEqual(0);
      expect(title.y + title.height).toBeLessThanOrEqual(400);
      const path = testInfo.outputPath(`zoom-200-${lang}-library-first-screen.png`);
      await page.screenshot({ path });
      await testInfo.attach(`zoom-200-${lang}-library-first-screen`, { path, contentType: 'image/png' });

      // The browsing controls are folded into a disclosure that opens and closes from the keyboard.
      const toggle = page.getByTestId('browse-toggle');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(page.getByTestId('my-jurisdiction')).toBeHidden();
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByTestId('my-jurisdiction')).toHaveValue('US-CA');
      expect(await cutOff(page)).toEqual([]);
      await page.locator('button[data-jurisdiction="GB-SCT"]').click();
      await expect(page.getByTestId('library-group').first()).toHaveAttribute('data-jurisdiction', 'GB-SCT');
      await toggle.click();
      await expect(page.getByTestId('my-jurisdiction')).toBeHidden();
    });
  }
});

test('the fit check itself finds sideways scrolling, hidden overflow and clipped list numbers', async ({ page, app }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await app.open(page);
  await SCREENS[0]!.ready(page);
  expect(await cutOff(page)).toEqual([]);
  // Built through the DOM, as the content security policy refuses style attributes in markup.
  await page.evaluate(() => {
    const add = (parent: Element, tag: string, id: string, text: string, style: Partial<CSSStyleDeclaration>) => {
      const el = document.createElement(tag);
      if (id) el.id = id;
      el.textContent = text;
      Object.assign(el.style, style);
      parent.append(el);
      return el;
    };
    const probe = document.createElement('div');
    probe.id = 'probe';
    document.querySelector('main')!.prepend(probe);
    add(probe, 'div', 'too-wide', 'wide', { inlineSize: '1200px' });
    add(add(probe, 'div', 'clips', '', { overflow: 'hidden', inlineSize: '100px' }), 'span', '', 'clipped', {
      display: 'inline-block',
      inlineSize: '300px',
    });
    add(add(add(probe, 'nav', 'numbers', '', { overflow: 'auto' }), 'ol', '', '', { paddingInlineStart: '0' }), 'li', '', 'one', {});
  });
  const found = (await cutOff(page)).join('\n');
  expect(found).toContain('the page scrolls sideways');
  expect(found).toContain('<div#too-wide>');
  expect(found).toContain('<div#clips> "clipped" hides 200px');
  expect(found).toContain('the marker of item 1 of <li> "one" overflows the start of its scroll container <nav#numbers>');
  await page.evaluate(() => document.getElementById('probe')!.remove());
  expect(await cutOff(page)).toEqual([]);
});
