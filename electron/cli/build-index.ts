import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentSnapshot } from '../core/content/load';
import { SNAPSHOT_FILE } from '../core/content/snapshot';
import { byLanguage, documentsOf, INDEX_FORMAT } from '../core/search/documents';
import { LanguageIndex } from '../core/search/engine';
import { writeIndexFiles } from '../core/search/index-files';

const USAGE = `Usage: npm run index -- [--content-dir DIR] [--out DIR]

Builds the search index of every content language, one file per language, for the app to load when the search
is first needed, and the content's snapshot, which the app opens instead of reading every guide while the folder
is the one indexed.
  --content-dir DIR  the content folder to index (default: content/)
  --out DIR          where to write <lang>.json, manifest.json and ${SNAPSHOT_FILE} (default: out/search)
\`npm run build\` runs this. Guides added or changed later are read and indexed by the app when it starts.`;

function fail(message: string): never {
  console.error(`fieldbook index: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { 'content-dir'?: string; out?: string; help?: boolean } = {};
try {
  ({ values } = parseArgs({
    options: { 'content-dir': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const contentDir = resolve(values['content-dir'] ?? 'content');
const outDir = resolve(values.out ?? 'out/search');
if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) fail(`"${contentDir}" is not a folder; give the path to a content folder`);

const started = performance.now();
const { catalog, snapshot } = await contentSnapshot(contentDir);
const indexes = [...byLanguage(documentsOf(catalog))].map(([lang, documents]) => LanguageIndex.buildSync(lang, documents));
const written = await writeIndexFiles(
  outDir,
  indexes.map((index) => index.serialise()),
  INDEX_FORMAT,
);
// Whole, or not at all.
if (snapshot) {
  writeFileSync(join(outDir, `${SNAPSHOT_FILE}.tmp`), snapshot);
  renameSync(join(outDir, `${SNAPSHOT_FILE}.tmp`), join(outDir, SNAPSHOT_FILE));
} else rmSync(join(outDir, SNAPSHOT_FILE), { force: true });
const sections = indexes.reduce((sum, index) => sum + index.documents.length, 0);
const kilobytes = Math.round(written.reduce((sum, file) => sum + file.bytes, 0) / 1024);
console.error(
  `Search index: ${sections} sections of ${catalog.guides.length} guides in ${indexes.length} language(s) (${indexes.map((i) => i.lang).join(', ')}), ` +
    `${kilobytes} KiB in ${outDir}, ${Math.round(performance.now() - started)} ms.` +
    (snapshot ? '' : ' The content changed while it was read: no snapshot was written; run it again.') +
    (catalog.invalid.length > 0 ? ` ${catalog.invalid.length} invalid file(s) left out; \`npm run content -- validate\` lists their problems.` : ''),
);
