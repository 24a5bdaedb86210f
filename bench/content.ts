/**
 * Content loading under hostile input: milliseconds for the core to read a content folder, and for the heading scan
 * alone, on inputs that once never finished (a heading of "#", a space, "#" and 50,000 spaces, then text), a guide of
 * 200,000 headings and YAML alias bombs, beside the bundled content for scale. Each figure is the median of RUNS;
 * `perMillionChars` divides by the input's size, so a linear scan shows the same figure at every size (the ratio
 * between sizes, `growth`, stays near 1; the old cubic pattern grew about 8 times per doubling).
 *
 * At scale (`scale`): a folder of SCALE_GUIDES (10,000) guide files generated from the bundled guides with a seed,
 * so of real sizes, languages and jurisdictions, with its search index prebuilt (`npm run index`, as `npm run build`
 * does for the bundled content). Milliseconds until it is loaded and searchable (the core's loadContent, then every
 * language's prebuilt index loaded), and the same with every index built at load instead; the heap the loaded content holds against the size of its
 * text (a fresh Node process, full collections around the load); and, in Debian's Chromium against the browser-mode
 * host serving that folder (needs `npm run build`), milliseconds from navigation until the library's first guide card
 * and the review screen's first row show, with the longest main-thread task (PerformanceObserver "longtask") in each
 * page until a second after it shows. Medians of SCALE_RUNS runs; the load is timed both in this process (after a full
 * collection) and in a fresh process per run (bench/load-once.ts), as an app start does it. `fromSnapshot` gives the
 * same figures for the load from the snapshot `npm run index` writes beside the index (content/snapshot.ts), which is
 * how the app opens a folder unchanged since the build; the others read and check every file, as for a folder
 * changed since.
 * Prints JSON.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { SNAPSHOT_FILE } from '../electron/core/content/snapshot';
import { loadContent } from '../electron/core/content/load';
import { splitBody } from '../electron/core/content/sections';
import { aliasBomb, contentCopy, sampleGuide } from '../test/support/content-folder';
import { openSearch } from '../electron/core/search/service';
import { generatedContent } from '../test/support/generated-content';
import { launchChromium, median, round } from './support';

const RUNS = Number(process.env.RUNS ?? 7);
const SCALE_GUIDES = Number(process.env.SCALE_GUIDES ?? 10_000);
const SCALE_RUNS = Number(process.env.SCALE_RUNS ?? 3);

function time(run: () => unknown): number {
  const samples: number[] = [];
  run(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  await run();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const scan: Record<string, { chars: number; ms: number; perMillionChars: number }> = {};
for (const spaces of [25_000, 50_000, 100_000]) {
  const body = `# #${' '.repeat(spaces)}x#\n`;
  const ms = time(() => splitBody(body, 'Spaces'));
  scan[`spaces-heading-${spaces}`] = { chars: body.length, ms: round(ms, 3), perMillionChars: round((ms / body.length) * 1e6, 3) };
}
for (const headings of [100_000, 200_000]) {
  const body = Array.from({ length: headings }, (_, i) => `## Section ${i}\n\nText ${i}.`).join('\n\n');
  const ms = time(() => splitBody(body, 'Many'));
  scan[`headings-${headings}`] = { chars: body.length, ms: round(ms), perMillionChars: round((ms / body.length) * 1e6, 3) };
}

const folder = contentCopy('fieldbook-bench-content-');
const clean = await timeAsync(() => loadContent(folder.dir));
folder.guide('spaces', `# #${' '.repeat(50_000)}x#\n`);
folder.write('guides/US/bomb/en.md', sampleGuide('bomb').replace('---\n', `---\n${aliasBomb()}`));
folder.write('topics.yaml', aliasBomb());
folder.guide('many-headings', Array.from({ length: 200_000 }, (_, i) => `# ${i}`).join('\n'));
const hostile = await timeAsync(() => loadContent(folder.dir));
const hostileCatalog = await loadContent(folder.dir);
folder.remove();
const bundled = await timeAsync(() => loadContent('content'));

// At scale. The folder's search index is prebuilt first, as `npm run build` prebuilds the bundled content's; each run
// is then timed from a cold start of the work (a new catalog and new indexes), not warmed up: loaded and searchable
// with the prebuilt index (what the app does), and, for comparison, with every index built at load instead (content
// changed after the build, with no index to match it).
const generated = generatedContent(SCALE_GUIDES, 14);
execFileSync(
  process.execPath,
  [
    '--import',
    'tsx',
    join(import.meta.dirname, '..', 'electron', 'cli', 'build-index.ts'),
    '--content-dir',
    generated.dir,
    '--out',
    generated.indexDir,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
// The snapshot build-index wrote beside the index: what the app opens its content from while the folder is unchanged.
const snapshot = join(generated.indexDir, SNAPSHOT_FILE);
const scaleRuns: {
  loadMs: number;
  searchableMs: number;
  cpuMs: number;
  snapshotLoadMs: number;
  snapshotSearchableMs: number;
  snapshotCpuMs: number;
  builtAtLoadMs: number;
  builtAtLoadCpuMs: number;
}[] = [];
/** Loaded (from the snapshot, or every file read) and searchable with the prebuilt index, from a collected heap. */
async function loadAndSearch(options: { snapshot?: string }) {
  collect();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const catalog = await loadContent(generated.dir, options);
  const loaded = performance.now();
  const search = openSearch(catalog, { indexDir: generated.indexDir });
  await search.ready();
  const used = process.cpuUsage(cpu);
  const searchableMs = performance.now() - start;
  const origins = Object.values(await search.origins());
  if (origins.some((origin) => origin !== 'prebuilt')) throw new Error(`the prebuilt index was not used: ${JSON.stringify(await search.origins())}`);
  if (catalog.guides.length !== generated.guides) throw new Error(`only ${catalog.guides.length} of ${generated.guides} generated guides loaded`);
  return { loadMs: loaded - start, searchableMs, cpuMs: (used.user + used.system) / 1000 };
}
// Collected before each run (when Node runs with --expose-gc, as `npm run bench:content` does), so that no run pays
// for the catalog and indexes the one before it left behind.
const collect = () => (globalThis as { gc?: () => void }).gc?.();
for (let i = 0; i < SCALE_RUNS; i++) {
  const full = await loadAndSearch({});
  const fromSnapshot = await loadAndSearch({ snapshot });
  collect();
  const rebuildStart = performance.now();
  const rebuildCpu = process.cpuUsage();
  await openSearch(await loadContent(generated.dir)).ready();
  const builtAtLoadMs = performance.now() - rebuildStart;
  const rebuildUsed = process.cpuUsage(rebuildCpu);
  scaleRuns.push({
    ...full,
    snapshotLoadMs: fromSnapshot.loadMs,
    snapshotSearchableMs: fromSnapshot.searchableMs,
    snapshotCpuMs: fromSnapshot.cpuMs,
    builtAtLoadMs,
    builtAtLoadCpuMs: (rebuildUsed.user + rebuildUsed.system) / 1000,
  });
}
console.error(`content at scale: ${JSON.stringify(scaleRuns)}`);
// The same load as an app start does it: each run in a fresh process, alternately from the snapshot and in full.
const loadOnce = (...extra: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load-once.ts'), generated.dir, generated.indexDir, ...extra], {
      encoding: 'utf8',
    }),
  ) as { loadMs: number; searchableMs: number; cpuMs: number; guides: number };
const coldRuns: ReturnType<typeof loadOnce>[] = [];
const coldSnapshotRuns: ReturnType<typeof loadOnce>[] = [];
for (let i = 0; i < SCALE_RUNS; i++) {
  coldRuns.push(loadOnce());
  coldSnapshotRuns.push(loadOnce(snapshot));
}
console.error(`content at scale, fresh processes: ${JSON.stringify(coldRuns)}; from the snapshot: ${JSON.stringify(coldSnapshotRuns)}`);
const heapOf = (...extra: string[]) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, '..', 'test', 'support', 'content-heap.ts'), generated.dir, ...extra],
      { encoding: 'utf8' },
    ),
  ) as { heapBytes: number };
const heap = heapOf();
const snapshotHeap = heapOf(snapshot);

/** The host as `npm run serve` runs; each address it prints opens the app once, and it prints a new one per line it reads. */
function startHost(contentDir: string, dataDir: string): Promise<{ newUrl: () => Promise<string>; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/host.js', '--port', '0', '--data-dir', dataDir, '--content-dir', contentDir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    let seen = 0;
    let waiting: ((url: string) => void) | null = null;
    const newUrl = () =>
      new Promise<string>((next) => {
        waiting = next;
        child.stdin.write('\n');
      });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const urls = [...out.matchAll(/Open: (\S+)\n/g)].map((match) => match[1]!);
      if (urls.length === seen) return;
      seen = urls.length;
      if (seen === 1) resolve({ newUrl, stop: () => child.kill('SIGTERM') });
      else waiting?.(urls.at(-1)!);
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code} before printing its address`)));
  });
}

/**
 * Milliseconds until `selector` matches and the longest main-thread task from then until a second after it shows:
 * from navigation for the library (the first screen), from the change of route for the review screen (`route`),
 * opened as a person opens it, from the library.
 */
async function screen(browser: Browser, url: string, selector: string, route?: string): Promise<{ shownMs: number; longestTaskMs: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Given as text: a function would be sent as its compiled source, which may call helpers the page does not have.
  await page.addInitScript({
    content: `(() => {
      const probe = { startAt: 0, shownAt: 0, longestTask: 0 };
      window.benchProbe = probe;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.startTime >= probe.startAt) probe.longestTask = Math.max(probe.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      const watch = () =>
        new MutationObserver((records, observer) => {
          if (document.querySelector(${JSON.stringify(selector)})) {
            probe.shownAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      if (${route === undefined}) watch();
      else addEventListener('hashchange', () => { probe.startAt = performance.now(); watch(); }, { once: true });
    })();`,
  });
  await page.goto(url);
  if (route) {
    await page.locator('html[data-ready="true"]').waitFor();
    await page.getByTestId('guide-card').first().waitFor({ timeout: 120_000 });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, route);
  }
  await page.waitForFunction(() => (window as unknown as { benchProbe: { shownAt: number } }).benchProbe.shownAt > 0, null, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const probe = await page.evaluate(
    () => (window as unknown as { benchProbe: { startAt: number; shownAt: number; longestTask: number } }).benchProbe,
  );
  await context.close();
  return { shownMs: round(probe.shownAt - probe.startAt, 1), longestTaskMs: round(probe.longestTask, 1) };
}

const browserRuns: { library: Awaited<ReturnType<typeof screen>>; review: Awaited<ReturnType<typeof screen>> }[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-data-'));
const host = await startHost(generated.dir, dataDir);
const browser = await launchChromium();
try {
  for (let i = 0; i < SCALE_RUNS; i++) {
    browserRuns.push({
      library: await screen(browser, await host.newUrl(), '[data-testid="guide-card"]'),
      review: await screen(browser, await host.newUrl(), '[data-testid="review-list"] [data-guide]', '#/review'),
    });
    console.error(`screens at scale: ${JSON.stringify(browserRuns.at(-1))}`);
  }
} finally {
  await browser.close();
  host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  generated.remove();
}
const med = (pick: (run: (typeof browserRuns)[number]) => number) => round(median(browserRuns.map(pick)), 1);

console.log(
  JSON.stringify(
    {
      runs: RUNS,
      scan,
      growth: {
        spacesHeading: round(scan['spaces-heading-100000']!.perMillionChars / scan['spaces-heading-25000']!.perMillionChars),
        headings: round(scan['headings-200000']!.perMillionChars / scan['headings-100000']!.perMillionChars),
      },
      loadMs: {
        fixture: round(clean),
        fixtureWithHostileFiles: round(hostile),
        bundled: round(bundled),
      },
      hostileFolder: { guides: hostileCatalog.guides.length, invalid: hostileCatalog.invalid.map((entry) => entry.file) },
      scale: {
        note: 'medians of `runs` on a shared machine (2 cores, several people working): wall-clock figures vary with its load, often by 2x or more; compare within one run',
        guides: generated.guides,
        textChars: generated.textChars,
        textUtf8Bytes: generated.textBytes,
        runs: SCALE_RUNS,
        loadMs: round(median(scaleRuns.map((run) => run.loadMs))),
        loadAndSearchableMs: round(median(scaleRuns.map((run) => run.searchableMs))),
        // CPU time of the same work, less sensitive than wall-clock time to what else runs on the machine.
        loadAndSearchableCpuMs: round(median(scaleRuns.map((run) => run.cpuMs))),
        // Every language's index built from the content at load (no prebuilt index matches it).
        // Each in a fresh Node process, as an app start loads it.
        freshProcess: {
          loadMs: round(median(coldRuns.map((run) => run.loadMs))),
          loadAndSearchableMs: round(median(coldRuns.map((run) => run.searchableMs))),
          loadAndSearchableCpuMs: round(median(coldRuns.map((run) => run.cpuMs))),
        },
        loadAndSearchableBuiltAtLoadMs: round(median(scaleRuns.map((run) => run.builtAtLoadMs))),
        loadAndSearchableBuiltAtLoadCpuMs: round(median(scaleRuns.map((run) => run.builtAtLoadCpuMs))),
        heapBytes: heap.heapBytes,
        heapPerTextChar: round(heap.heapBytes / generated.textChars),
        heapPerTextUtf8Byte: round(heap.heapBytes / generated.textBytes),
        // As the app opens its bundled content after a build: from the snapshot beside the index, not every file parsed.
        fromSnapshot: {
          loadMs: round(median(scaleRuns.map((run) => run.snapshotLoadMs))),
          loadAndSearchableMs: round(median(scaleRuns.map((run) => run.snapshotSearchableMs))),
          loadAndSearchableCpuMs: round(median(scaleRuns.map((run) => run.snapshotCpuMs))),
          freshProcess: {
            loadMs: round(median(coldSnapshotRuns.map((run) => run.loadMs))),
            loadAndSearchableMs: round(median(coldSnapshotRuns.map((run) => run.searchableMs))),
            loadAndSearchableCpuMs: round(median(coldSnapshotRuns.map((run) => run.cpuMs))),
          },
          heapBytes: snapshotHeap.heapBytes,
          heapPerTextChar: round(snapshotHeap.heapBytes / generated.textChars),
        },
        library: { shownMs: med((run) => run.library.shownMs), longestTaskMs: med((run) => run.library.longestTaskMs) },
        review: { shownMs: med((run) => run.review.shownMs), longestTaskMs: med((run) => run.review.longestTaskMs) },
        samples: {
          core: scaleRuns.map((run) => ({
            loadMs: round(run.loadMs),
            searchableMs: round(run.searchableMs),
            snapshotSearchableMs: round(run.snapshotSearchableMs),
            builtAtLoadMs: round(run.builtAtLoadMs),
          })),
          browser: browserRuns,
        },
      },
    },
    null,
    2,
  ),
);
