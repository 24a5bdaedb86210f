import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { guideFrontMatterSchema, jurisdictionsSchema, languagesSchema, topicsSchema } from './schema';
import type { Catalog, ContentProblem, Guide, Jurisdiction, Language, Topic } from './model';
import { splitSections } from './sections';

/** A parsed YAML document that can say on which line a field stands. */
interface Located {
  doc: Document;
  lines: LineCounter;
  /** Line of the document's first line within its file (front matter starts after `---`). */
  firstLine: number;
}

function lineOf(located: Located, path: readonly PropertyKey[]): number {
  // Walk up until a node exists: a missing field is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = located.doc.getIn(path.slice(0, depth) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const parent = depth > 0 ? located.doc.getIn(path.slice(0, depth - 1) as (string | number)[], true) : located.doc.contents;
    let offset = node?.range?.[0];
    // Prefer the key's line for a map entry, so `field:` rather than its value's first line is named.
    if (isMap(parent) && depth > 0) {
      const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path[depth - 1]);
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (keyRange) offset = keyRange[0];
    } else if (isSeq(parent) && node?.range) offset = node.range[0];
    if (offset !== undefined) return located.firstLine + located.lines.linePos(offset).line - 1;
  }
  return located.firstLine;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '(front matter)'
    : path
        .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
        .join('.')
        .replace(/\.\[/g, '[');
}

/** What to do about the YAML mistakes people make most often when writing front matter by hand. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'put the value in quotes when it contains ": "',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'keep one of the two fields',
  MISSING_CHAR: 'close the quote or bracket (the problem may start on an earlier line)',
  BAD_INDENT: 'check the indentation and close any bracket (the problem may start on an earlier line)',
};

function parseYaml(text: string, file: string, firstLine: number, problems: ContentProblem[]): Located | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = firstLine + lines.linePos(error.pos[0]).line - 1;
      problems.push({ file, line, field: '(yaml)', message: `${error.message.split('\n')[0]}; ${YAML_HINTS[error.code] ?? 'fix the YAML syntax'}` });
    }
    return null;
  }
  return { doc, lines, firstLine };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}; remove or correct them`;
  if (issue.code === 'invalid_type') {
    // zod words these as "Invalid input: expected number, received string"; say what to write instead.
    if (/received undefined/.test(issue.message)) return `missing; add it (content/README.md describes every field)`;
    const word = (type: string) => ({ array: 'a list', object: 'a group of fields', string: 'text', null: 'null' })[type] ?? `a ${type}`;
    const received = /received (\w+)/.exec(issue.message)?.[1];
    return `must be ${word(issue.expected)}${received ? `, not ${word(received)}` : ''}`;
  }
  return issue.message;
}

function schemaProblems(issues: z.core.$ZodIssue[], located: Located, file: string): ContentProblem[] {
  return issues.map((issue) => ({
    file,
    line: lineOf(located, issue.path),
    field: fieldName(issue.path),
    message: issueMessage(issue),
  }));
}

async function loadList<T>(dir: string, name: string, schema: z.ZodType<T[]>, problems: ContentProblem[]): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch {
    problems.push({ file: name, line: 1, field: '(file)', message: `missing: create ${name} as content/README.md describes` });
    return [];
  }
  const located = parseYaml(text, name, 1, problems);
  if (!located) return [];
  const parsed = schema.safeParse(located.doc.toJS());
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error.issues, located, name));
    return [];
  }
  return parsed.data;
}

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

async function listGuideFiles(guidesDir: string): Promise<string[]> {
  const files: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  }
  await walk(guidesDir);
  return files;
}

/** A guide's own checks (syntax, schema, folder layout); cross-guide checks come after all are read. */
function parseGuide(file: string, text: string, problems: ContentProblem[]): Guide | null {
  const split = splitFrontMatter(text);
  if (!split) {
    problems.push({ file, line: 1, field: '(front matter)', message: 'the file must start with YAML front matter between two "---" lines' });
    return null;
  }
  const located = parseYaml(split.yaml, file, 2, problems);
  if (!located) return null;
  const parsed = guideFrontMatterSchema.safeParse(located.doc.toJS());
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error.issues, located, file));
    return null;
  }
  const meta = parsed.data;
  const parts = file.split('/');
  const [, folderJurisdiction, folderId, fileName] = parts;
  const layoutProblems: ContentProblem[] = [];
  if (parts.length !== 4) {
    layoutProblems.push({
      file,
      line: 1,
      field: '(file)',
      message: 'guides live at guides/<JURISDICTION>/<guide-id>/<lang>.md; move the file there',
    });
  } else {
    if (meta.id !== folderId)
      layoutProblems.push({ file, line: lineOf(located, ['id']), field: 'id', message: `"${meta.id}" must match its folder "${folderId}"` });
    if (meta.jurisdiction !== folderJurisdiction)
      layoutProblems.push({
        file,
        line: lineOf(located, ['jurisdiction']),
        field: 'jurisdiction',
        message: `"${meta.jurisdiction}" must match its folder "${folderJurisdiction}"`,
      });
    if (`${meta.lang}.md` !== fileName)
      layoutProblems.push({ file, line: lineOf(located, ['lang']), field: 'lang', message: `"${meta.lang}" must match the file name "${fileName}"` });
  }
  if (layoutProblems.length > 0) {
    problems.push(...layoutProblems);
    return null;
  }
  const guide: Guide = { meta, body: split.body, file, sections: splitSections(split.body, meta.title) };
  lineIndex.set(guide, { located, bodyLine: split.bodyLine });
  return guide;
}

/** Where each loaded guide's fields and body start, for problems found after parsing. */
const lineIndex = new WeakMap<Guide, { located: Located; bodyLine: number }>();

const GUIDE_LINK = /\]\(\s*guide:([^)\s#]*)(?:#([^)\s]*))?\s*\)/g;

/** Checks that need every guide: ids, references to jurisdictions, topics, languages, translations and links. */
function crossCheck(
  guides: Guide[],
  lists: { jurisdictions: Jurisdiction[]; topics: Topic[]; languages: Language[] },
  problems: ContentProblem[],
): Set<Guide> {
  const rejected = new Set<Guide>();
  const jurisdictionCodes = new Set(lists.jurisdictions.map((j) => j.code));
  const topicIds = new Set(lists.topics.map((t) => t.id));
  const languageCodes = new Set(lists.languages.map((l) => l.code));
  const byKey = new Map<string, Guide>();
  const jurisdictionOfId = new Map<string, string>();
  const at = (guide: Guide, path: PropertyKey[]) => lineOf(lineIndex.get(guide)!.located, path);
  const reject = (guide: Guide, path: PropertyKey[], message: string) => {
    problems.push({ file: guide.file, line: at(guide, path), field: fieldName(path), message });
    rejected.add(guide);
  };

  for (const guide of guides) {
    const { meta } = guide;
    if (!jurisdictionCodes.has(meta.jurisdiction))
      reject(guide, ['jurisdiction'], `unknown jurisdiction "${meta.jurisdiction}"; add it to jurisdictions.yaml or fix the code`);
    if (!languageCodes.has(meta.lang)) reject(guide, ['lang'], `unknown language "${meta.lang}"; add it to languages.yaml or fix the tag`);
    meta.topics.forEach((topic, index) => {
      if (!topicIds.has(topic)) reject(guide, ['topics', index], `unknown topic "${topic}"; use one from topics.yaml`);
    });
    const key = `${meta.id}/${meta.lang}`;
    const first = byKey.get(key);
    const otherJurisdiction = jurisdictionOfId.get(meta.id);
    if (first) reject(guide, ['id'], `duplicate id "${meta.id}" in language "${meta.lang}": ${first.file} has it too; give one of them a new id`);
    else byKey.set(key, guide);
    if (!first && otherJurisdiction !== undefined && otherJurisdiction !== meta.jurisdiction)
      reject(guide, ['id'], `duplicate id "${meta.id}": already used by a guide for ${otherJurisdiction}; ids are unique across jurisdictions`);
    else jurisdictionOfId.set(meta.id, meta.jurisdiction);
  }

  for (const guide of guides) {
    const { meta } = guide;
    if (meta.translation_of) {
      const source = byKey.get(`${meta.id}/${meta.translation_of.lang}`);
      if (!source)
        reject(
          guide,
          ['translation_of', 'lang'],
          `no "${meta.translation_of.lang}" version of "${meta.id}" to translate from; add it or fix translation_of.lang`,
        );
      else if (source.meta.translation_of)
        reject(guide, ['translation_of', 'lang'], `"${source.file}" is itself a translation; point translation_of at the original`);
      else if (meta.translation_of.version > source.meta.version)
        reject(
          guide,
          ['translation_of', 'version'],
          `source "${source.file}" has no version ${meta.translation_of.version} (it is at version ${source.meta.version})`,
        );
      else {
        if (source.meta.jurisdiction !== meta.jurisdiction)
          reject(guide, ['jurisdiction'], `must be the same as its source's (${source.meta.jurisdiction})`);
      }
    }
    // Each link is located by its offset in the body, so the problem names the line a person must edit.
    const { bodyLine } = lineIndex.get(guide)!;
    for (const match of guide.body.matchAll(GUIDE_LINK)) {
      const [, id = '', anchor] = match;
      const line = bodyLine + guide.body.slice(0, match.index).split('\n').length - 1;
      const targets = guides.filter((other) => other.meta.id === id);
      if (targets.length === 0) {
        problems.push({ file: guide.file, line, field: '(body)', message: `link to unknown guide "guide:${id}"; fix the id or remove the link` });
        rejected.add(guide);
      } else if (anchor && !targets.some((target) => target.sections.some((section) => section.anchor === decodeURIComponent(anchor)))) {
        problems.push({
          file: guide.file,
          line,
          field: '(body)',
          message: `link to "guide:${id}#${anchor}": no section with that anchor; use a heading's anchor (content/README.md)`,
        });
        rejected.add(guide);
      }
    }
  }
  return rejected;
}

/**
 * Reads a content folder: the jurisdictions, topics and languages lists, then every guide. Never throws on bad
 * content: each problem is reported with its file, line and field, invalid guides are left out of `guides`, and
 * every valid guide is loaded.
 */
export async function loadContent(dir: string): Promise<Catalog> {
  const problems: ContentProblem[] = [];
  const [jurisdictionRows, topics, languages] = await Promise.all([
    loadList(dir, 'jurisdictions.yaml', jurisdictionsSchema, problems),
    loadList(dir, 'topics.yaml', topicsSchema, problems),
    loadList(dir, 'languages.yaml', languagesSchema, problems),
  ]);
  const jurisdictions: Jurisdiction[] = jurisdictionRows.map((row) => ({ code: row.code, parent: row.parent ?? null, names: row.names, aliases: row.aliases ?? [], abbreviations: row.abbreviations ?? [] }));
  const codes = new Set(jurisdictions.map((j) => j.code));
  for (const j of jurisdictions) {
    if (j.parent !== null && !codes.has(j.parent))
      problems.push({
        file: 'jurisdictions.yaml',
        line: 1,
        field: `${j.code}.parent`,
        message: `unknown parent "${j.parent}"; list the parent first`,
      });
  }

  const files = await listGuideFiles(join(dir, 'guides'));
  const perFile = new Map<string, ContentProblem[]>();
  const parsed: Guide[] = [];
  for (const path of files) {
    const file = relative(dir, path).split(sep).join('/');
    const fileProblems: ContentProblem[] = [];
    const guide = parseGuide(file, await readFile(path, 'utf8'), fileProblems);
    if (guide) parsed.push(guide);
    perFile.set(file, fileProblems);
  }
  const crossProblems: ContentProblem[] = [];
  const rejected = crossCheck(parsed, { jurisdictions, topics, languages }, crossProblems);
  for (const problem of crossProblems) perFile.get(problem.file)?.push(problem);

  const guides = parsed.filter((guide) => !rejected.has(guide));
  const invalid: Catalog['invalid'] = [];
  for (const [file, fileProblems] of perFile) {
    problems.push(...fileProblems);
    if (fileProblems.length > 0) invalid.push({ file, problems: fileProblems });
  }
  return { jurisdictions, topics, languages, guides, problems, invalid };
}
