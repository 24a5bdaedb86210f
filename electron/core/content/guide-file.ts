import { readFileSync } from 'node:fs';
import type { ContentProblem, Guide } from './model';
import { guideFrontMatterSchema } from './schema';
import { splitBody } from './sections';
import { readPlainYaml } from './yaml-fast';
import { emptyLocated, type Located, lineOf, parseYaml, schemaProblems } from './yaml';

/**
 * content/guide-file: one guide file checked on its own (its front matter, folder and body), and the lines of its
 * fields found again when a later check needs them. content/load.ts reads a whole folder with it.
 */

/** Splits `---\nyaml\n---\nbody` into its parts; null when the file has no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) return null;
  const end = normalised.indexOf('\n---', 3);
  if (end === -1) return null;
  const afterFence = normalised.indexOf('\n', end + 4);
  const yaml = normalised.slice(4, end + 1);
  const body = afterFence === -1 ? '' : normalised.slice(afterFence + 1);
  const bodyLine = yaml.split('\n').length + 2;
  return { yaml, body, bodyLine };
}

/**
 * Where each loaded guide's front matter and body start, and how to read its front matter again. A line is needed
 * only for the rare guide with a problem, so neither the parsed YAML document with its node ranges (about 48 MB for
 * 3,700 guides) nor, once loading is done, the front matter's text is kept: the checks across guides read the text
 * kept while loading, later questions (the content command's warnings) read the file again, which names the right
 * line unless the file changed since it was loaded.
 */
interface LineSource {
  /** The front matter's text, kept only while the folder loads. */
  yaml?: string;
  /** The file's text again, or undefined when it cannot be read. */
  read: () => string | undefined;
  bodyLine: number;
}
const lineIndex = new WeakMap<Guide, LineSource>();

/** The last front matter parsed again for its lines: a guide with problems is asked about several fields in a row. */
let lastLocated: { yaml: string; located: Located } | null = null;

function locate(yaml: string): Located {
  if (lastLocated?.yaml !== yaml) lastLocated = { yaml, located: parseYaml(yaml, '', 2, [])?.located ?? emptyLocated() };
  return lastLocated.located;
}

/** The line of a front-matter field in a loaded guide's file (1 when the guide was not loaded from a file). */
export function fieldLine(guide: Guide, path: readonly PropertyKey[]): number {
  const source = lineIndex.get(guide);
  const yaml = source && (source.yaml ?? splitFrontMatter(source.read() ?? '')?.yaml);
  return yaml === undefined ? 1 : lineOf(locate(yaml), path);
}

/** A disk file's text, for its lines; undefined when it is gone or unreadable. */
export function rereadFile(path: string): () => string | undefined {
  return () => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * A copy of a long slice that does not keep the string it was cut from alive: V8 keeps a slice's whole parent, and a
 * body cut from its file would keep the front matter's text too, which the parsed values already hold.
 */
function detached(text: string): string {
  return `${text}\n`.slice(0, -1);
}

/** The file line of the body's first line. */
export function bodyLine(guide: Guide): number {
  return lineIndex.get(guide)?.bodyLine ?? 1;
}

/** A guide's own checks (syntax, schema, folder layout, body bounds); cross-guide checks come after all are read. */
export function parseGuide(file: string, text: string, problems: ContentProblem[], read: () => string | undefined): Guide | null {
  return checkGuide(file, splitFrontMatter(text), problems, read, false);
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FENCE = Buffer.from('---\n');

/**
 * splitFrontMatter on a file's bytes, for the common file with neither a byte-order mark nor carriage returns:
 * each part is decoded on its own, so the body is a string of its own rather than a slice that keeps the whole
 * file's text alive (or a copy of one). The cuts fall on "\n", which no UTF-8 sequence contains, so the parts read
 * exactly as the whole would. undefined for any other file, which is read as text.
 */
function splitFrontMatterBytes(bytes: Buffer): ReturnType<typeof splitFrontMatter> | undefined {
  if (bytes.includes(13) || bytes.subarray(0, 3).equals(BOM)) return undefined;
  if (!bytes.subarray(0, 4).equals(FENCE)) return null;
  const end = bytes.indexOf('\n---', 3);
  if (end === -1) return null;
  const afterFence = bytes.indexOf(10, end + 4);
  const yaml = bytes.toString('utf8', 4, end + 1);
  const body = afterFence === -1 ? '' : bytes.toString('utf8', afterFence + 1);
  return { yaml, body, bodyLine: yaml.split('\n').length + 2 };
}

/** parseGuide for a file read as bytes. */
export function parseGuideBytes(file: string, bytes: Buffer, problems: ContentProblem[], read: () => string | undefined): Guide | null {
  const split = splitFrontMatterBytes(bytes);
  if (split === undefined) return parseGuide(file, bytes.toString('utf8'), problems, read);
  return checkGuide(file, split, problems, read, true);
}

/** The body a guide file's bytes give, exactly as a load keeps it; null for a file with no front matter. */
export function bodyFromBytes(bytes: Buffer): string | null {
  const split = splitFrontMatterBytes(bytes);
  if (split !== undefined) return split?.body ?? null;
  const text = splitFrontMatter(bytes.toString('utf8'));
  return text ? detached(text.body) : null;
}

/** `ownBody`: the body is a string of its own, not a slice of the file's text that would need copying. */
function checkGuide(
  file: string,
  split: ReturnType<typeof splitFrontMatter>,
  problems: ContentProblem[],
  read: () => string | undefined,
  ownBody: boolean,
): Guide | null {
  if (!split) {
    problems.push({ file, line: 1, field: '(front matter)', message: 'the file must start with YAML front matter between two "---" lines' });
    return null;
  }
  // The fast reader for the common case; the full one when it declines, or for the lines of a problem.
  const yaml: { value: unknown; located?: Located } | null = readPlainYaml(split.yaml) ?? parseYaml(split.yaml, file, 2, problems);
  if (!yaml) return null;
  const located = () => yaml.located ?? locate(split.yaml);
  const parsed = guideFrontMatterSchema.safeParse(yaml.value);
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error.issues, located(), file));
    return null;
  }
  const meta = parsed.data;
  const parts = file.split('/');
  const [, folderJurisdiction, folderId, fileName] = parts;
  const ownProblems: ContentProblem[] = [];
  if (parts.length !== 4) {
    ownProblems.push({
      file,
      line: 1,
      field: '(file)',
      message: 'guides live at guides/<JURISDICTION>/<guide-id>/<lang>.md; move the file there',
    });
  } else {
    if (meta.id !== folderId)
      ownProblems.push({ file, line: lineOf(located(), ['id']), field: 'id', message: `"${meta.id}" must match its folder "${folderId}"` });
    if (meta.jurisdiction !== folderJurisdiction)
      ownProblems.push({
        file,
        line: lineOf(located(), ['jurisdiction']),
        field: 'jurisdiction',
        message: `"${meta.jurisdiction}" must match its folder "${folderJurisdiction}"`,
      });
    if (`${meta.lang}.md` !== fileName)
      ownProblems.push({ file, line: lineOf(located(), ['lang']), field: 'lang', message: `"${meta.lang}" must match the file name "${fileName}"` });
  }
  const markdown = ownBody ? split.body : detached(split.body);
  const body = splitBody(markdown, meta.title);
  for (const problem of body.problems) ownProblems.push({ file, line: split.bodyLine + problem.index, field: '(body)', message: problem.message });
  if (ownProblems.length > 0) {
    problems.push(...ownProblems);
    return null;
  }
  const guide: Guide = { meta, body: markdown, file, sections: body.sections };
  if (body.omitted > 0) guide.omittedSections = body.omitted;
  lineIndex.set(guide, { yaml: split.yaml, read, bodyLine: split.bodyLine });
  return guide;
}

/** Where the lines of a guide loaded from a snapshot are found: by reading its file again, when one is asked for. */
export function rememberLines(guide: Guide, read: () => string | undefined, bodyLine: number): void {
  lineIndex.set(guide, { read, bodyLine });
}

/** The text a loaded guide's lines were read from, kept only while its folder loads. */
export function forgetLoadingText(guide: Guide): void {
  delete lineIndex.get(guide)?.yaml;
}
