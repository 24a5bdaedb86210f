/**
 * Drafts: milliseconds for one autosave (drafts.save: the atomic write of the data file, then the content rules on
 * the draft laid over the bundled content), on a translation of the longest bundled guide, with a store that also
 * holds many other drafts; and for sending it (partner.send: sign and pack). Prints JSON.
 */
import { benchCore, median, percentile, round } from './support';

const RUNS = Number(process.env.RUNS ?? 40);
const OTHER_DRAFTS = Number(process.env.OTHER_DRAFTS ?? 30);

const { fieldbook, close } = await benchCore('drafts');
const { handlers } = fieldbook;
const longest = fieldbook.catalog.guides.filter((g) => !g.meta.translation_of).sort((a, b) => b.body.length - a.body.length)[0]!;
const target = ['es', 'fr', 'ar', 'de'].find((lang) => !fieldbook.catalog.guides.some((g) => g.meta.id === longest.meta.id && g.meta.lang === lang))!;
for (let i = 0; i < OTHER_DRAFTS; i++) await handlers['drafts.create']({ kind: 'version', guide: longest.meta.id, lang: longest.meta.lang });
const draft = await handlers['drafts.create']({ kind: 'translation', guide: longest.meta.id, lang: longest.meta.lang, target });
const meta = { ...draft.meta, changes: 'First translation.' };
const saveMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  await handlers['drafts.save']({ id: draft.id, meta, body: `${draft.body}\n${'typed '.repeat(run)}` });
  saveMs.push(performance.now() - started);
}
await handlers['partner.create']({ name: 'Bench', credit: { as: 'none' }, passphrase: 'bench passphrase' });
const sendStarted = performance.now();
await handlers['partner.send']({ drafts: [draft.id], message: 'bench', passphrase: 'bench passphrase' });
const sendMs = performance.now() - sendStarted;
await close();

console.log(
  JSON.stringify(
    {
      guide: longest.file,
      bodyChars: draft.body.length,
      otherDrafts: OTHER_DRAFTS,
      runs: RUNS,
      saveMedianMs: round(median(saveMs)),
      saveP95Ms: round(percentile(saveMs, 95)),
      autosaveDelayMs: 400,
      sendMs: round(sendMs),
    },
    null,
    2,
  ),
);
