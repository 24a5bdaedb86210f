/**
 * Content loading under hostile input: milliseconds for the core to read a content folder, and for the heading scan
 * alone, on inputs that once never finished (a heading of "#", a space, "#" and 50,000 spaces, then text), a guide of
 * 200,000 headings and YAML alias bombs, beside the bundled content for scale. Each figure is the median of RUNS;
 * `perMillionChars` divides by the input's size, so a linear scan shows the same figure at every size (the ratio
 * between sizes, `growth`, stays near 1; the old cubic pattern grew about 8 times per doubling).
 * Prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { loadContent } from '../electron/core/content/load';
import { splitBody } from '../electron/core/content/sections';
import { aliasBomb, contentCopy, sampleGuide } from '../test/support/content-folder';
import { median, round } from './support';

const RUNS = Number(process.env.RUNS ?? 7);

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
    },
    null,
    2,
  ),
);
