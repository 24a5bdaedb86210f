/**
 * Guide rendering: milliseconds to turn each bundled guide's Markdown into the reader's safe HTML (bounds, marked,
 * DOMPurify: the real renderGuide, bundled by Vite the way the app bundles it) and to put it into a page and lay it
 * out, in Debian's Chromium. Each guide is rendered RUNS times after a warm-up; prints p50 and p95 per guide and over
 * all renders as JSON, with the budget from the design notes (p95 ≤ 50 ms). Pathological inputs (deep nesting, huge
 * tables, delimiter runs, long lines) are measured the same way, to show that the bounds hold.
 */
import { build, type Rollup } from 'vite';
import { loadContent } from '../electron/core/content/load';
import { launchChromium, median, percentile, round } from './support';

const RUNS = Number(process.env.RUNS ?? 20);
const BUDGET_P95_MS = 50;

async function bundleRenderer(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: 'renderer/features/guide/render.ts', formats: ['iife'], name: 'FieldbookRender', fileName: 'render' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const first = Array.isArray(output) ? output[0]! : output;
  return (first.output[0] as Rollup.OutputChunk).code;
}

const PATHOLOGICAL: Record<string, string> = {
  'deep-quotes': `${'>'.repeat(10_000)} deep`,
  'deep-lists': Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
  'emphasis-runs': Array.from({ length: 200 }, () => '*_a'.repeat(1_300)).join('\n\n'),
  'huge-table': `| ${'h | '.repeat(200)}\n|${'---|'.repeat(200)}\n${Array.from({ length: 5_000 }, () => `| ${'*c* | '.repeat(200)}`).join('\n')}`,
  'long-line': 'word '.repeat(400_000),
  'nested-links': `${'['.repeat(50_000)}a${']'.repeat(50_000)}(https://example.org)`,
};

const catalog = await loadContent('content');
const code = await bundleRenderer();
const browser = await launchChromium();
const page = await browser.newPage();
await page.setContent('<!doctype html><main id="out"></main>');
await page.addScriptTag({ content: code });

interface Sample {
  renderMs: number[];
  withLayoutMs: number[];
  shortened: string[];
}

async function measure(markdown: string, lang: string): Promise<Sample> {
  return page.evaluate(
    ({ markdown, lang, runs }) => {
      const api = (window as unknown as { FieldbookRender: { renderGuide(md: string, lang: string): { html: string; shortened: string[] } } })
        .FieldbookRender;
      const out = document.getElementById('out')!;
      const sample = { renderMs: [] as number[], withLayoutMs: [] as number[], shortened: [] as string[] };
      api.renderGuide(markdown, lang); // warm-up
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const { html, shortened } = api.renderGuide(markdown, lang);
        const rendered = performance.now();
        out.innerHTML = html;
        void out.offsetHeight; // force layout, as showing the guide does
        sample.renderMs.push(rendered - start);
        sample.withLayoutMs.push(performance.now() - start);
        sample.shortened = shortened;
        out.textContent = '';
      }
      return sample;
    },
    { markdown, lang, runs: RUNS },
  );
}

const perGuide: Record<string, { p50: number; p95: number; p95WithLayout: number }> = {};
const all: number[] = [];
const allWithLayout: number[] = [];
for (const guide of catalog.guides) {
  const sample = await measure(guide.body, guide.meta.lang);
  all.push(...sample.renderMs);
  allWithLayout.push(...sample.withLayoutMs);
  perGuide[guide.file] = {
    p50: round(median(sample.renderMs)),
    p95: round(percentile(sample.renderMs, 95)),
    p95WithLayout: round(percentile(sample.withLayoutMs, 95)),
  };
}
const pathological: Record<string, { inputChars: number; p50: number; p95: number; p95WithLayout: number; shortened: string[] }> = {};
for (const [name, markdown] of Object.entries(PATHOLOGICAL)) {
  const sample = await measure(markdown, 'en');
  pathological[name] = {
    inputChars: markdown.length,
    p50: round(median(sample.renderMs)),
    p95: round(percentile(sample.renderMs, 95)),
    p95WithLayout: round(percentile(sample.withLayoutMs, 95)),
    shortened: sample.shortened,
  };
}
await browser.close();

const overall = { p50: round(median(all)), p95: round(percentile(all, 95)), p95WithLayout: round(percentile(allWithLayout, 95)) };
console.log(
  JSON.stringify(
    {
      benchmark: 'render',
      note: 'ms per render of a guide body: renderGuide (bounds, marked, DOMPurify) in Chromium; withLayout adds inserting the HTML and laying it out',
      guides: catalog.guides.length,
      runsPerGuide: RUNS,
      budget: { p95Ms: BUDGET_P95_MS, met: overall.p95WithLayout <= BUDGET_P95_MS },
      overall,
      pathological,
      perGuide,
    },
    null,
    2,
  ),
);
