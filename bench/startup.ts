/**
 * Start-up: milliseconds from launching the browser-mode host (a fresh `node out/main/host.js` process, the prebuilt
 * bundle `npm run serve` starts) to the library's first contentful paint, to the library's guide cards being
 * shown, and to the search box accepting input, in Debian's Chromium. Median of 5 runs; prints JSON.
 * Needs a built renderer (`npm run build`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, median, round } from './support';

const RUNS = Number(process.env.RUNS ?? 5);

function startHost(dataDir: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/host.js', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open: (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code} before printing its address`)));
  });
}

const browser = await launchChromium();
const runs: { hostReadyMs: number; fcpMs: number; libraryShownMs: number; searchReadyMs: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  const context = await browser.newContext();
  const page = await context.newPage();
  const launchedAt = Date.now();
  const host = await startHost(dataDir);
  const hostReadyAt = Date.now();
  await page.goto(host.url);
  await page.getByTestId('guide-card').first().waitFor();
  const libraryShownAt = Date.now();
  const input = page.getByTestId('search-input');
  await input.pressSequentially('p');
  await page.waitForFunction(() => (document.querySelector('[data-testid="search-input"]') as HTMLInputElement | null)?.value === 'p');
  const searchReadyAt = Date.now();
  const fcpAt = await page.evaluate(() => {
    const entry = performance.getEntriesByName('first-contentful-paint')[0];
    return entry ? performance.timeOrigin + entry.startTime : NaN;
  });
  runs.push({
    hostReadyMs: hostReadyAt - launchedAt,
    fcpMs: fcpAt - launchedAt,
    libraryShownMs: libraryShownAt - launchedAt,
    searchReadyMs: searchReadyAt - launchedAt,
  });
  await context.close();
  host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
await browser.close();

console.log(
  JSON.stringify(
    {
      benchmark: 'startup',
      runs: RUNS,
      note: 'ms from launching the browser-mode host process; median over runs',
      median: {
        hostPrintsAddressMs: round(median(runs.map((r) => r.hostReadyMs)), 1),
        firstContentfulPaintMs: round(median(runs.map((r) => r.fcpMs)), 1),
        libraryShownMs: round(median(runs.map((r) => r.libraryShownMs)), 1),
        searchAcceptsInputMs: round(median(runs.map((r) => r.searchReadyMs)), 1),
      },
      samples: runs.map((r) => ({
        hostReadyMs: r.hostReadyMs,
        fcpMs: round(r.fcpMs, 1),
        libraryShownMs: round(r.libraryShownMs, 1),
        searchReadyMs: round(r.searchReadyMs, 1),
      })),
    },
    null,
    2,
  ),
);
