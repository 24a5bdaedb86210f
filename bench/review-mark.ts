/**
 * `npm run bench:review-mark`: how long "mark reviewed" takes on a large content folder, against loading that folder
 * once (a mark loads it once, with the marked file laid over it, to check the content rules). Prints JSON: medians of
 * RUNS on a folder of GUIDES generated from the bundled guides (default 2,000; BENCH_GUIDES=10000 for the scale the
 * budgets name). The machine is shared: compare the ratio, not the milliseconds.
 */
import { loadContent } from '../electron/core/content/load';
import { markReviewed, planMark } from '../electron/core/review/mark';
import { generatedContent } from '../test/support/generated-content';
import { median, round } from './support';

const GUIDES = Number(process.env.BENCH_GUIDES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const generated = generatedContent(GUIDES, 7);
try {
  const catalog = await loadContent(generated.dir);
  const target = catalog.guides.find((guide) => !guide.meta.translation_of)!;
  const request = { contentDir: generated.dir, id: target.meta.id, lang: target.meta.lang, by: 'Bench reviewer', today: '2027-01-15' };
  const load: number[] = [];
  const plan: number[] = [];
  const mark: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    await loadContent(generated.dir);
    load.push(performance.now() - start);
    start = performance.now();
    await planMark(request);
    plan.push(performance.now() - start);
    start = performance.now();
    await markReviewed({ ...request, today: `2027-01-${String(16 + run).padStart(2, '0')}` });
    mark.push(performance.now() - start);
  }
  console.log(
    JSON.stringify(
      {
        guides: catalog.guides.length,
        runs: RUNS,
        loadMs: round(median(load)),
        planMs: round(median(plan)),
        markMs: round(median(mark)),
        markPerLoad: round(median(mark) / median(load)),
      },
      null,
      2,
    ),
  );
} finally {
  generated.remove();
}
