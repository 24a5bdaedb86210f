/**
 * Guide history: milliseconds for the core's guide.versions and guide.diff on every bundled guide that keeps an
 * earlier version (the real handlers over content/), and for the word diff's worst cases at its 200 KB cap: two
 * unrelated texts (refused by the 2 s timeout or answered) and one word changed in a 200 KB text. Prints JSON.
 */
import { MAX_DIFF_BYTES, wordDiff } from '../electron/core/history/diff';
import { benchCore, median, round } from './support';

const RUNS = Number(process.env.RUNS ?? 5);

async function time<T>(work: () => Promise<T> | T): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const { fieldbook, close } = await benchCore('history');
const { handlers } = fieldbook;
const listMs: number[] = [];
const diffMs: number[] = [];
let pairs = 0;
for (const guide of fieldbook.catalog.guides) {
  const input = { id: guide.meta.id, lang: guide.meta.lang };
  let versions = await handlers['guide.versions'](input);
  for (let run = 0; run < RUNS; run++) listMs.push(await time(async () => (versions = await handlers['guide.versions'](input))));
  if (versions.length < 2) continue;
  pairs++;
  const [to, from] = versions;
  for (let run = 0; run < RUNS; run++) diffMs.push(await time(() => handlers['guide.diff']({ ...input, from: from!.version, to: to!.version })));
}
await close();

const words = (prefix: string) => {
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < MAX_DIFF_BYTES - 16; i++) text += `${prefix}${i} `;
  return text;
};
const a = words('a');
const b = words('b');
let unrelated = 'answered';
const unrelatedMs = await time(() => {
  try {
    wordDiff(a, b, { before: 'a', after: 'b' });
  } catch {
    unrelated = 'refused';
  }
});
const oneWord = `${a.slice(0, a.length / 2)}changed ${a.slice(a.length / 2)}`;
const oneWordMs = await time(() => wordDiff(a, oneWord, { before: 'a', after: 'b' }));

console.log(
  JSON.stringify(
    {
      guides: fieldbook.catalog.guides.length,
      guidesWithHistory: pairs,
      runs: RUNS,
      versionsMedianMs: round(median(listMs)),
      diffMedianMs: round(median(diffMs)),
      cap200KB: { unrelatedMs: round(unrelatedMs), unrelated, oneWordChangedMs: round(oneWordMs) },
    },
    null,
    2,
  ),
);
