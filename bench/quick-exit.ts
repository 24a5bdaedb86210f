/**
 * Quick exit in the browser mode: milliseconds from the key press (Ctrl+Shift+L) to the neutral page having loaded
 * in its place, in Debian's Chromium, with a passphrase set so the core locks too. Two clocks: from the keydown
 * event's own timestamp in the page (what the person's press costs), and from the moment the bench sent the key
 * (adds Playwright's round trip). Also the time until the core reports itself locked. Median of RUNS (default 15);
 * prints JSON. Needs a built renderer (`npm run build`). Target: ≤ 300 ms. Also the wipe, click to redrawn (≤ 2 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockFromEnv } from '../electron/core/clock';
import { launchBrowserMode } from '../electron/host/launch';
import { launchChromium, median, percentile, round } from './support';

const RUNS = Number(process.env.RUNS ?? 15);
const PASSPHRASE = 'bench passphrase for quick exit';
const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
const host = await launchBrowserMode({ dataDir, clock: clockFromEnv(undefined), log: () => undefined });
const call = async (method: string, input: unknown) => {
  const response = await fetch(`${host.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': host.token },
    body: JSON.stringify(input),
  });
  return ((await response.json()) as { value: { lock: string } }).value;
};
await call('safety.setPassphrase', { passphrase: PASSPHRASE });

const browser = await launchChromium();
const fromKeyEvent: number[] = [];
const fromSend: number[] = [];
const toLocked: number[] = [];
for (let i = 0; i < RUNS; i++) {
  if ((await call('safety.status', {})).lock === 'locked') await call('safety.unlock', { passphrase: PASSPHRASE });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.newLaunchUrl());
  await page.locator('html[data-lock="unlocked"][data-ready="true"]').waitFor();
  // window.name survives a same-origin navigation: it carries the keydown's time to the neutral page.
  await page.evaluate(() =>
    window.addEventListener('keydown', (event) => (window.name = String(performance.timeOrigin + event.timeStamp)), { capture: true, once: true }),
  );
  const sentAt = Date.now();
  await page.keyboard.press('Control+Shift+L');
  await page.waitForURL(`${host.origin}/blank`, { waitUntil: 'domcontentloaded' });
  const { keyAt, shownAt } = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { keyAt: Number(window.name), shownAt: performance.timeOrigin + nav.domContentLoadedEventEnd };
  });
  fromKeyEvent.push(shownAt - keyAt);
  fromSend.push(shownAt - sentAt);
  while ((await call('safety.status', {})).lock !== 'locked') await new Promise((resolve) => setTimeout(resolve, 5));
  toLocked.push(Date.now() - sentAt);
  await context.close();
}
// Wipe: from the click on "Wipe now" to the app redrawn from defaults, with a data file, a set-aside copy and
// browser storage to clear (the figure the ≤ 2 s goal is about).
const wipes: number[] = [];
for (let i = 0; i < Math.min(RUNS, 5); i++) {
  if ((await call('safety.status', {})).lock === 'locked') await call('safety.unlock', { passphrase: PASSPHRASE });
  await call('settings.update', { myJurisdiction: 'GB-SCT' });
  await call('reading.note', { id: 'phone-at-a-demonstration', text: 'a note to wipe '.repeat(200) });
  writeFileSync(join(dataDir, `fieldbook.unreadable-bench-${i}.json`), 'not json');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.newLaunchUrl());
  await page.locator('html[data-ready="true"]').waitFor();
  await page.evaluate(() => localStorage.setItem('bench', 'x'.repeat(10_000)));
  await page.evaluate(() => (location.hash = '#/keeps'));
  await page.getByRole('button', { name: 'Wipe all my data' }).click();
  const confirm = page.getByRole('button', { name: 'Wipe now' });
  await confirm.waitFor();
  const clickedAt = Date.now();
  await confirm.click();
  await page.getByTestId('wiped-notice').waitFor();
  wipes.push(Date.now() - clickedAt);
  await context.close();
  await call('safety.setPassphrase', { passphrase: PASSPHRASE });
}
await browser.close();
await host.close();
rmSync(dataDir, { recursive: true, force: true });

const summary = (values: number[]) => ({
  median: round(median(values), 1),
  p95: round(percentile(values, 95), 1),
  max: round(Math.max(...values), 1),
});
console.log(
  JSON.stringify(
    {
      bench: 'quick-exit',
      mode: 'browser',
      runs: RUNS,
      keyEventToNeutralPageMs: summary(fromKeyEvent),
      keySentToNeutralPageMs: summary(fromSend),
      keySentToCoreLockedMs: summary(toLocked),
      wipeClickToRedrawnMs: { ...summary(wipes), runs: wipes.length, targetMs: 2000 },
      targetMs: 300,
      withinTarget: median(fromKeyEvent) <= 300,
    },
    null,
    2,
  ),
);
