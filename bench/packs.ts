/**
 * Content packs: milliseconds to verify and to apply (verify, then write) a generated pack of 1,000 guides over the
 * bundled content, the size of a 10-guide delta against the full pack, and verify time per MB. Keys are made for the
 * run. Each figure is the median of RUNS runs (after one warm-up), as wall time and as this process's CPU time (the
 * steadier figure on a shared machine; the load average is printed beside them); prints JSON with the budget from
 * the design notes (import and verify a 1,000-guide pack in ≤ 1 s). `verifyWithoutGuideRules` separates the
 * archive, signature and hash checks from parsing every guide with the content rules, which is most of the cost.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack } from '../electron/core/packs/build';
import { openPacks } from '../electron/core/packs/service';
import { packStateSchema } from '../electron/core/packs/state';
import { loadTrustAnchors } from '../electron/core/packs/trust';
import { verifyPack } from '../electron/core/packs/verify';
import { loadContent } from '../electron/core/content/load';
import { benchKeys, median, round, timed, timings } from './support';

const RUNS = Number(process.env.RUNS ?? 5);
const GUIDES = 1_000;
const DELTA = 10;
const BUDGET_MS = 1_000;
const NOW = new Date('2027-01-15T12:00:00Z');

/** A seeded stream of words, so every run packs the same bytes and compresses like prose rather than repeats. */
function words(seed: number): () => string {
  const vocabulary =
    'police officer right rights record phone lawyer arrest search stop demonstration observer note time place name badge witness video photo encryption password backup device border message account secure legal advice silence custody release charge evidence'.split(
      ' ',
    );
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return vocabulary[state % vocabulary.length]!;
  };
}

function guideText(template: string, index: number, version: number): string {
  const id = `bench-guide-${String(index).padStart(4, '0')}`;
  const next = words(index * 7 + version);
  const paragraphs = Array.from({ length: 12 }, () => `${Array.from({ length: 50 }, next).join(' ')}.`);
  const front = template
    .split('\n---\n')[0]!
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^title: .*$/m, `title: Bench guide ${index}`)
    .replace(/^version: \d+$/m, `version: ${version}`)
    // A changelog of the bench's own: one entry per version, newest first, whatever the template's history.
    .replace(/^changelog:\n(?: {2}.*\n)*/m, () => {
      const entries = Array.from({ length: version }, (_, i) => version - i).map(
        (v) => `  - version: ${v}\n    date: ${v === 1 ? '2026-11-28' : '2027-01-10'}\n    changes: Bench version ${v}.\n`,
      );
      return `changelog:\n${entries.join('')}`;
    });
  return `${front}\n---\n\n## Section one\n\n${paragraphs.slice(0, 6).join('\n\n')}\n\n## Section two\n\n${paragraphs.slice(6).join('\n\n')}\n`;
}

const dir = await mkdtemp(join(tmpdir(), 'fieldbook-bench-packs-'));
try {
  const { keysDir, signer: maintainer } = await benchKeys(dir, NOW);

  const template = await readFile('content/guides/global/backups/en.md', 'utf8');
  const path = (i: number) => `guides/global/bench-guide-${String(i).padStart(4, '0')}/en.md`;
  const files = Array.from({ length: GUIDES }, (_, i) => ({ path: path(i), bytes: Buffer.from(guideText(template, i, 1)) }));
  const uncompressed = files.reduce((sum, file) => sum + file.bytes.length, 0);
  const input = { pack: 'bench', created: NOW, expires: new Date('2027-12-31T00:00:00Z'), signer: maintainer };

  const packTimes: number[] = [];
  let full = await buildPack({ ...input, sequence: 1, files });
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    full = await buildPack({ ...input, sequence: 1, files });
    packTimes.push(performance.now() - start);
  }
  const changed = files.map((file, i) => (i < DELTA ? { path: file.path, bytes: Buffer.from(guideText(template, i, 2)) } : file));
  const delta = await buildPack({ ...input, sequence: 2, files: changed, base: { sequence: 1, guides: full.manifest.guides } });

  const { record, figure } = timings();

  const anchors = await loadTrustAnchors(keysDir);
  const jurisdictions = (await loadContent('content')).jurisdictions;
  const context = { roots: anchors.roots, bundledKeyList: anchors.keyList, state: packStateSchema.parse({}), now: NOW, jurisdictions };

  for (let run = 0; run <= RUNS; run++) {
    const packs = await openPacks({ contentDir: 'content', keysDir, dataDir: join(dir, `data-${run}`), now: () => NOW });
    // What an import costs: verify and preview, then write (the apply reuses the preview's verification).
    const preview = await timed(() => packs.preview(full.bytes));
    if (preview.value.changes.length !== GUIDES) throw new Error(`bench: the preview lists ${preview.value.changes.length} changes, not ${GUIDES}`);
    const write = await timed(() => packs.apply(full.bytes));
    const deltaImport = await timed(() => packs.apply(delta.bytes));
    // The part of verifying that is not the content rules: archive, limits, signature, key list, hashes.
    const cryptoOnly = await timed(() => verifyPack(full.bytes, context));
    if (run === 0) continue; // warm-up
    record('verify', preview);
    record('write', write);
    record('import', { ms: preview.ms + write.ms, cpuMs: preview.cpuMs + write.cpuMs });
    record('deltaImport', deltaImport);
    record('verifyWithoutGuideRules', cryptoOnly);
    const catalog = await packs.catalog();
    if (catalog.guides.filter((g) => g.meta.id.startsWith('bench-guide-')).length !== GUIDES) throw new Error('bench: not every guide was installed');
  }

  const mb = full.bytes.length / 1024 / 1024;
  const verify = figure('verify');
  const imported = figure('import');
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        loadAverage1m: round(loadavg()[0]!),
        cores: availableParallelism(),
        guides: GUIDES,
        packBytes: full.bytes.length,
        uncompressedBytes: uncompressed,
        packMs: round(median(packTimes)),
        verify,
        verifyWithoutGuideRules: figure('verifyWithoutGuideRules'),
        write: figure('write'),
        import: imported,
        budgetMs: BUDGET_MS,
        withinBudget: { wall: imported.ms <= BUDGET_MS, cpu: imported.cpuMs <= BUDGET_MS },
        delta: {
          guides: DELTA,
          bytes: delta.bytes.length,
          fullBytes: full.bytes.length,
          ratio: round(delta.bytes.length / full.bytes.length, 4),
          import: figure('deltaImport'),
        },
        verifyPerPackMB: { ms: round(verify.ms / mb), cpuMs: round(verify.cpuMs / mb) },
        verifyPerUncompressedMB: { ms: round(verify.ms / (uncompressed / 1024 / 1024)), cpuMs: round(verify.cpuMs / (uncompressed / 1024 / 1024)) },
      },
      null,
      2,
    ),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
