/**
 * Start-up: milliseconds from launching the browser-mode host (a fresh `node out/main/host.js` process, the prebuilt
 * bundle `npm run serve` starts) to the library's first contentful paint, to the library's guide cards being
 * shown, and to the search box accepting input, in Debian's Chromium. Median of RUNS runs; prints JSON.
 * Needs a built renderer (`npm run build`).
 *
 * Each run opens a new browser context, whose tab Chromium starts a renderer process for: about 350 ms of CPU on
 * one of the machine's two cores, after the tab is already open. A person opens the printed address in a browser
 * that is running, so the main figures start once Chromium has gone quiet (no Chromium process used more than one
 * 10 ms tick in two 50 ms intervals, read from /proc). The same is also timed with Chromium still starting the tab
 * (`whileBrowserStarts`), as this benchmark measured before, in the same runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, median, round } from './support';

const RUNS = Number(process.env.RUNS ?? 5);

function startHost(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/host.js', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // Stopped and gone before the next run starts, so that its shutdown does not run into that run.
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open: (\S+)/.exec(out);
      const stop = () => {
        child.kill('SIGTERM');
        return exited;
      };
      if (match) resolve({ url: match[1]!, stop });
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code} before printing its address`)));
  });
}

/** CPU milliseconds used so far by every Chromium process (Linux /proc, in 10 ms clock ticks; 0 elsewhere). */
function chromiumCpuMs(): number {
  let total = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    // No /proc: the wait below then ends after 100 ms.
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // The process ended while it was being read.
    }
  }
  return total;
}

/** Waits until Chromium is quiet: two 50 ms intervals in a row in which it used at most one clock tick. */
async function browserQuiet(): Promise<void> {
  let last = chromiumCpuMs();
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = chromiumCpuMs();
    quiet = now - last <= 10 ? quiet + 1 : 0;
    last = now;
  }
}

interface Run {
  hostReadyMs: number;
  fcpMs: number;
  libraryShownMs: number;
  searchReadyMs: number;
}

async function run(browser: Awaited<ReturnType<typeof launchChromium>>, quiet: boolean): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  const context = await browser.newContext();
  const page = await context.newPage();
  if (quiet) await browserQuiet();
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
  await context.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    hostReadyMs: hostReadyAt - launchedAt,
    fcpMs: round(fcpAt - launchedAt, 1),
    libraryShownMs: libraryShownAt - launchedAt,
    searchReadyMs: searchReadyAt - launchedAt,
  };
}

const medians = (runs: Run[]) => ({
  hostPrintsAddressMs: round(median(runs.map((r) => r.hostReadyMs)), 1),
  firstContentfulPaintMs: round(median(runs.map((r) => r.fcpMs)), 1),
  libraryShownMs: round(median(runs.map((r) => r.libraryShownMs)), 1),
  searchAcceptsInputMs: round(median(runs.map((r) => r.searchReadyMs)), 1),
});

const browser = await launchChromium();
const quietRuns: Run[] = [];
const startingRuns: Run[] = [];
// Alternated, so that both see the machine's load alike.
for (let i = 0; i < RUNS; i++) {
  quietRuns.push(await run(browser, true));
  startingRuns.push(await run(browser, false));
}
await browser.close();

console.log(
  JSON.stringify(
    {
      benchmark: 'startup',
      runs: RUNS,
      note: 'ms from launching the browser-mode host process; median over runs. whileBrowserStarts: the same with Chromium still starting the new tab',
      median: medians(quietRuns),
      whileBrowserStarts: medians(startingRuns),
      samples: quietRuns,
      samplesWhileBrowserStarts: startingRuns,
    },
    null,
    2,
  ),
);
