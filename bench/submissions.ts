/**
 * Partner submissions: milliseconds to build a submission of every bundled guide (each a new version with a sentence
 * added), to open it as the maintainer's screen does (verify with the content rules, then diff each guide against the
 * content folder), and to accept it (write every guide, its history copy and the record, all at once). Keys are made
 * for the run; each run works on a fresh copy of content/ (the copy is not timed). Each figure is the median of RUNS
 * runs after one warm-up, as wall time and as this process's CPU time, with the load average beside them; prints JSON.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { listGuideFiles } from '../electron/core/content/files';
import { frontMatterVersion } from '../electron/core/packs/manifest';
import { buildSubmission } from '../electron/core/submissions/build';
import { acceptSubmission } from '../electron/core/submissions/decide';
import { previewSubmission } from '../electron/core/submissions/preview';
import { benchKeys, round, timed, timings } from './support';

const RUNS = Number(process.env.RUNS ?? 5);
const NOW = new Date('2027-01-15T12:00:00Z');
const TODAY = '2027-01-15';

const dir = await mkdtemp(join(tmpdir(), 'fieldbook-bench-submissions-'));
try {
  const { keysDir, signer: partner } = await benchKeys(dir, NOW);

  const paths = (await listGuideFiles('content')).filter((e) => !e.problem).map((e) => relative('content', e.path).split(sep).join('/'));
  const guides = await Promise.all(
    paths.map(async (path) => {
      const text = await readFile(join('content', path), 'utf8');
      return {
        path,
        kind: 'version' as const,
        base: frontMatterVersion(text),
        bytes: Buffer.from(`${text.trimEnd()}\n\nA sentence added for the benchmark.\n`),
      };
    }),
  );

  const { record, figure } = timings();

  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    const contentDir = join(dir, `content-${run}`);
    await cp('content', contentDir, { recursive: true });
    await rm(join(contentDir, 'keys'), { recursive: true });
    await cp(keysDir, join(contentDir, 'keys'), { recursive: true });
    const input = {
      guides: guides.map((g) => ({ ...g, base: g.base ?? null })),
      message: 'Benchmark',
      credit: { as: 'none' as const },
      replaces: null,
      today: TODAY,
      signer: { ...partner, name: 'Bench' },
    };
    const built = await timed(() => buildSubmission(input));
    bytes = built.value.bytes.length;
    const opened = await timed(() => previewSubmission(built.value.bytes, { contentDir, now: NOW }));
    if (opened.value.preview.guides.some((g) => g.change !== 'clean')) throw new Error('bench: every guide should be a clean change');
    const accepted = await timed(() => acceptSubmission(opened.value.verified, { contentDir, reviewer: 'Bench', today: TODAY }));
    if (accepted.value.record.guides.some((g) => g.published === null)) throw new Error('bench: a guide was not published');
    await rm(contentDir, { recursive: true, force: true });
    if (run === 0) continue; // warm-up
    record('build', built);
    record('open', opened);
    record('accept', accepted);
  }
  const open = figure('open');
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        loadAverage1m: round(loadavg()[0]!),
        cores: availableParallelism(),
        guides: guides.length,
        submissionBytes: bytes,
        build: figure('build'),
        open,
        accept: figure('accept'),
        openMsPerGuide: round(open.ms / guides.length),
      },
      null,
      2,
    ),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
