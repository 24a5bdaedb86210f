import { chromium, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { clockFromEnv } from '../../electron/core/clock';
import { launchBrowserMode } from '../../electron/host/launch';
import { LAUNCH_PATH, type Host } from '../../electron/host/server';
import { filesAsText } from '../support/folder-bytes';
import { tempDir } from '../support/temp';

/**
 * A journey in a Chromium profile kept on disk, as a person's own browser keeps one, then the profile's files
 * (History, Current Session, Local and Session Storage, caches …) and the data folder read as bytes.
 */
const GUIDE = 'phone-at-a-demonstration';
const SEARCHED_GUIDE = 'gb-eaw-rights-at-a-demonstration';
const SEARCH_WORD = 'kettling';
const SECTION = 'containment-kettling';
const JURISDICTION = 'GB-SCT';

/** Which files hold which of the words, also as UTF-16 (how Chromium keeps some strings). */
async function tracesIn(dir: string, words: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { file, text } of await filesAsText(dir)) {
    for (const word of words) {
      const utf16 = Buffer.from(word, 'utf16le').toString('latin1');
      if (text.includes(word) || text.includes(utf16)) found.push(`${file}: ${word}`);
    }
  }
  return found;
}

let host: Host;
let dataDir: string;
let profile: string;
const cleanups: (() => Promise<void>)[] = [];
test.beforeEach(async () => {
  const data = await tempDir('fieldbook-traces-data-');
  const prof = await tempDir('fieldbook-traces-profile-');
  dataDir = data.dir;
  profile = prof.dir;
  host = await launchBrowserMode({ dataDir, clock: clockFromEnv(undefined), log: () => undefined });
  cleanups.push(() => host.close(), data.remove, prof.remove);
});
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const openProfile = () =>
  chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    locale: 'en-GB',
  });

async function journey(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('safety-intro').getByRole('button', { name: 'Not now' }).click();
  await page.getByTestId('my-jurisdiction').first().selectOption(JURISDICTION);
  await page.locator(`[data-testid="guide-card"][data-guide="${GUIDE}"][data-lang="en"]`).getByRole('link').click();
  const reader = page.getByTestId('reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your phone at a demonstration');
  await reader.locator('.guide-body input[type="checkbox"]').first().check();
  await expect(reader.locator('.checklist-progress')).toHaveText(/^1 of/);
  await reader.locator('.toc a').nth(1).click();

  await page.keyboard.press('Control+K');
  await page.keyboard.type(SEARCH_WORD);
  await expect(page.getByTestId('search-results').getByRole('option').first()).toHaveAttribute('data-anchor', SECTION);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-route', new RegExp(`${SEARCHED_GUIDE}.*section=${SECTION}.*q=${SEARCH_WORD}`));
  await page.getByTestId('history-back').click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Your phone at a demonstration');
  expect(page.url()).toBe(`${host.origin}/`);
  return page;
}

/** What the host answers to a launch code now: each one the browser recorded must open nothing. */
async function redeem(code: string): Promise<{ status: number; reason?: string }> {
  const response = await fetch(`${host.origin}${LAUNCH_PATH}`, { method: 'POST', body: JSON.stringify({ code }) });
  return { status: response.status, reason: ((await response.json()) as { reason?: string }).reason };
}

/** The launch codes written anywhere in the profile (in the address the browser recorded before the page replaced it). */
async function launchCodesIn(dir: string): Promise<string[]> {
  const codes = new Set<string>();
  for (const { text } of await filesAsText(dir)) {
    for (const match of text.matchAll(/#launch=([A-Za-z0-9_-]{32})/g)) codes.add(match[1]!);
    for (const match of Buffer.from(text, 'latin1')
      .toString('utf16le')
      .matchAll(/#launch=([A-Za-z0-9_-]{32})/g))
      codes.add(match[1]!);
  }
  return [...codes];
}

const codeOf = (url: string) => new URL(url).hash.replace('#launch=', '');

test('a journey, a reload and a new address leave no guide id, section, search word or session token in the profile', async () => {
  const context = await openProfile();
  const page = await journey(context);
  // A reload forgets the session, which is kept nowhere the profile could hold it, and says what to do.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-launch-problem', 'no-session');
  await expect(page.getByRole('alert')).toContainText('press Enter and open the new address it prints');
  // The new address the host prints opens it again, in the same tab.
  const again = host.newLaunchUrl();
  await Promise.all([page.waitForEvent('load'), page.goto(again)]);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  expect(page.url()).toBe(`${host.origin}/`);
  await context.close();
  expect(await tracesIn(profile, [GUIDE, SEARCHED_GUIDE, SECTION, SEARCH_WORD, JURISDICTION, host.token])).toEqual([]);
  // The browser records each address it opens, the launch code in it too, before the page can replace it: so
  // every code the profile holds must be one of those two, and spent.
  const recorded = await launchCodesIn(profile);
  for (const code of recorded) {
    expect([codeOf(host.url), codeOf(again)]).toContain(code);
    expect(await redeem(code)).toEqual({ status: 401, reason: 'used' });
  }
  // The scan can find: the origin the journey used is in the profile's history.
  expect((await tracesIn(profile, [host.origin.replace('http://', '')])).length).toBeGreaterThan(0);
});

test('one wipe removes every personal trace from the data folder and the browser storage, and leaves the guides', async () => {
  const context = await openProfile();
  const page = await journey(context);
  const words = [GUIDE, SEARCHED_GUIDE, SEARCH_WORD, JURISDICTION];
  // Something for the wipe to clear from the origin's storage, as an older version or an extension might leave.
  await page.evaluate((id) => localStorage.setItem('fieldbook.last', id), GUIDE);
  expect((await tracesIn(dataDir, words)).length).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'What Fieldbook keeps' }).click();
  await expect(page.getByTestId('keeps-table')).toContainText('Checklist ticks (1 entry)');
  await page.getByRole('button', { name: 'Wipe all my data' }).click();
  await page.getByRole('button', { name: 'Wipe now' }).click();
  await expect(page.getByTestId('wiped-notice')).toHaveText('Everything Fieldbook kept about you has been removed.');
  await expect.poll(() => page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);

  // The guides stay, and nothing of the person's comes back.
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('guide-card').first()).toBeVisible();
  await expect(page.getByTestId('my-jurisdiction').first()).toHaveValue('');
  await context.close();
  expect(await tracesIn(dataDir, words)).toEqual([]);
  expect(await tracesIn(profile, words)).toEqual([]);
});
