import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

/**
 * A guide generated here with every way a guide's markup can try to leave the app: an image map's areas, plain
 * http://, an address with credentials, javascript: and data: links, a form. Every link goes through the one link
 * policy, whether clicked, pressed or middle-clicked.
 */
const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const content = mkdtempSync(join(tmpdir(), 'fieldbook-links-'));
for (const file of ['jurisdictions.yaml', 'topics.yaml', 'languages.yaml']) cpSync(join(HOSTILE, file), join(content, file));
mkdirSync(join(content, 'guides', 'global', 'link-guide'), { recursive: true });
const frontMatter = readFileSync(join(HOSTILE, 'guides', 'global', 'plain-guide', 'en.md'), 'utf8')
  .split('\n---\n')[0]!
  .replace('id: plain-guide', 'id: link-guide')
  .replace('title: A plain guide', 'title: A guide of hostile links');
writeFileSync(
  join(content, 'guides', 'global', 'link-guide', 'en.md'),
  `${frontMatter}
---
Links that try to leave.

<p><map name="m"><area shape="rect" coords="0,0,10,10" href="https://example.org/area" alt="area link"><area shape="rect" coords="10,0,20,10" href="javascript:window.__pwned='area'" alt="script area"><area shape="rect" coords="20,0,30,10" href="data:text/html,hi" alt="data area"></map></p>

[plain http](http://example.org/plain)

[with credentials](https://user:pw@example.org/)

[a safe link](https://example.org/safe)

<a href="javascript:window.__pwned='link'">script link</a> <a href="data:text/html,<script>window.__pwned='data'</script>">data link</a>

<form action="https://evil.example/"><input name="q" value="x"><button formaction="https://evil.example/">Send</button></form>
`,
);
test.use({ contentDir: content });

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

test('every link a guide holds goes through the one link policy, clicked or middle-clicked', async ({ page, app }) => {
  const popups: string[] = [];
  page.on('popup', (popup) => popups.push(popup.url()));
  const foreign: string[] = [];
  page.on('request', (request) => new URL(request.url()).origin !== app.host.origin && foreign.push(request.url()));
  await app.open(page, '#/guide/link-guide/en');
  const reader = page.getByTestId('reader');
  const body = reader.locator('.guide-body');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('A guide of hostile links');

  // What is left to follow: https:// and in-app routes only, on areas as on links; no form at all.
  expect(await body.locator('form, button, input:not([type="checkbox"])').count()).toBe(0);
  const targets = await body
    .locator('a[href], area[href]')
    .evaluateAll((nodes) => nodes.map((node) => `${node.tagName.toLowerCase()} ${node.getAttribute('href')} ${node.getAttribute('data-external')}`));
  expect(targets).toEqual([
    'area https://example.org/area true',
    'a http://example.org/plain true',
    'a https://user:pw@example.org/ true',
    'a https://example.org/safe true',
  ]);

  const dialog = page.getByTestId('external-link-dialog');
  const expectDialog = async (decision: 'confirm' | 'refuse', text: RegExp) => {
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('data-decision', decision);
    await expect(dialog).toContainText(text);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  };

  // Plain http:// is refused, whether clicked, pressed or middle-clicked, and says why.
  await body.getByRole('link', { name: 'plain http' }).click();
  await expectDialog('refuse', /uses http:\/\/.*only https:\/\//);
  await body.getByRole('link', { name: 'plain http' }).focus();
  await page.keyboard.press('Enter');
  await expectDialog('refuse', /uses http:\/\//);
  await body.getByRole('link', { name: 'plain http' }).click({ button: 'middle' });
  await expectDialog('refuse', /uses http:\/\//);

  // An address with a user name and password is refused.
  await body.getByRole('link', { name: 'with credentials' }).click({ button: 'middle' });
  await expectDialog('refuse', /user name or password/);

  // An https:// link asks first for a middle click as for a click or Ctrl+click; cancelling opens nothing.
  await body.getByRole('link', { name: 'a safe link' }).click({ button: 'middle' });
  await expectDialog('confirm', /example\.org\/safe/);
  await body.getByRole('link', { name: 'a safe link' }).click({ modifiers: ['ControlOrMeta'] });
  await expectDialog('confirm', /example\.org\/safe/);
  await body.getByRole('link', { name: 'a safe link' }).click();
  await expect(dialog).toHaveAttribute('data-decision', 'confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // An image map's area goes through the same policy when activated or middle-clicked.
  const area = body.locator('area[alt="area link"]');
  await area.dispatchEvent('click');
  await expectDialog('confirm', /example\.org\/area/);
  await area.dispatchEvent('auxclick', { button: 1 });
  await expectDialog('confirm', /example\.org\/area/);

  // The script and data links have nothing left to follow.
  for (const name of ['script link', 'data link']) await body.getByText(name, { exact: true }).click({ button: 'middle' });
  await body.getByText('script link', { exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-route', /#\/guide\/link-guide\/en/);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(popups).toEqual([]);
  expect(foreign).toEqual([]);
});
