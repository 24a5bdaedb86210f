import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';

const BUNDLED = join(import.meta.dirname, '..', '..', 'content');

/** A small deterministic generator (mulberry32), so the same seed writes the same folder. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function guideFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? guideFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

interface Template {
  id: string;
  jurisdiction: string;
  lang: string;
  text: string;
  translation: boolean;
}

/**
 * A content folder of `count` guide files made from the bundled guides: the bundled lists, then copy after copy of
 * every bundled guide (the first copy keeps its ids, later ones add `-gN`), so sizes, languages and jurisdictions are
 * those of real guides. Originals come before translations in each copy, so a partial last copy still has every
 * translation's source; links point at the first copy's ids, which always exist. The seed orders each copy and words
 * each title, so no two copies index the same.
 */
export function generatedContent(count: number, seed = 1) {
  // The folder is <root>/content, so its prebuilt search index has a place of its own, <root>/out/search, where the
  // core looks for the index of a content folder (as out/search beside the bundled content/).
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-generated-'));
  const dir = join(root, 'content');
  mkdirSync(dir);
  for (const list of ['jurisdictions.yaml', 'topics.yaml', 'languages.yaml']) cpSync(join(BUNDLED, list), join(dir, list));
  const templates: Template[] = guideFiles(join(BUNDLED, 'guides')).map((path) => {
    const [, jurisdiction = '', id = '', file = ''] = relative(BUNDLED, path).split('/');
    const text = readFileSync(path, 'utf8');
    return { id, jurisdiction, lang: file.replace(/\.md$/, ''), text, translation: /^translation_of:/m.test(text) };
  });
  const random = seeded(seed);
  let textChars = 0;
  let textBytes = 0;
  let written = 0;
  for (let copy = 0; written < count; copy++) {
    const order = [...templates].sort((a, b) => Number(a.translation) - Number(b.translation) || random() - 0.5);
    for (const template of order) {
      if (written >= count) break;
      const id = copy === 0 ? template.id : `${template.id}-g${copy}`;
      const serial = Math.floor(random() * 1e6);
      const text = template.text
        .replace(/^id: .*$/m, `id: ${id}`)
        .replace(/^title: (.*)$/m, (line, title: string) => (copy === 0 ? line : `title: ${JSON.stringify(`${parse(title)} ${serial}`)}`));
      const path = join(dir, 'guides', template.jurisdiction, id, `${template.lang}.md`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      textChars += text.length;
      textBytes += Buffer.byteLength(text);
      written++;
    }
  }
  return {
    dir,
    /** Where the core looks for this folder's prebuilt search index (`npm run index -- --content-dir DIR --out …`). */
    indexDir: join(root, 'out', 'search'),
    guides: written,
    textChars,
    textBytes,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
