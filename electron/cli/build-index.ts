import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../core/content/load';
import { byLanguage, documentsOf, INDEX_FORMAT } from '../core/search/documents';
import { LanguageIndex } from '../core/search/engine';
import { writeIndexFiles } from '../core/search/index-files';

const USAGE = `Usage: npm run index -- [--content-dir DIR] [--out DIR]

Builds the search index of every content language, one file per language, for the app to load at start-up.
  --content-dir DIR  the content folder to index (default: content/)
  --out DIR          where to write <lang>.json and manifest.json (default: out/search)
\`npm run build\` runs this. Guides added or changed later are indexed by the app when it starts.`;

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
const catalog = await loadContent(contentDir);
const indexes = [...byLanguage(documentsOf(catalog))].map(([lang, documents]) => LanguageIndex.buildSync(lang, documents));
const written = await writeIndexFiles(
  outDir,
  indexes.map((index) => index.serialise()),
  INDEX_FORMAT,
);
const sections = indexes.reduce((sum, index) => sum + index.documents.length, 0);
const kilobytes = Math.round(written.reduce((sum, file) => sum + file.bytes, 0) / 1024);
console.error(
  `Search index: ${sections} sections of ${catalog.guides.length} guides in ${indexes.length} language(s) (${indexes.map((i) => i.lang).join(', ')}), ` +
    `${kilobytes} KiB in ${outDir}, ${Math.round(performance.now() - started)} ms.` +
    (catalog.invalid.length > 0 ? ` ${catalog.invalid.length} invalid file(s) left out; \`npm run content -- validate\` lists their problems.` : ''),
);
