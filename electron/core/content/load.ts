import { join } from 'node:path';
import type { z } from 'zod';
import { contentPath, type GuideEntry, listGuideFiles, readContentBytesSync, readContentFile } from './files';
import type { Catalog, ContentProblem, Guide, Jurisdiction, Language, Topic } from './model';
import { bodyFromBytes, bodyLine, fieldLine, forgetLoadingText, parseGuide, parseGuideBytes, rereadFile } from './guide-file';
import { jurisdictionsSchema, languagesSchema, topicsSchema } from './schema';
import { timeSlices } from '../slices';
import { contentRules } from './rules';
import { sha256 } from '../digest';
import { catalogFromSnapshot, type FolderFile, readSnapshotFile, snapshotKey, snapshotText } from './snapshot';
import { readPlainYaml } from './yaml-fast';
import { emptyLocated, fieldName, type Located, lineOf, parseYaml, schemaProblems } from './yaml';

/** Problems listed per file; past this, one line says how many more there are (a hostile file can have millions). */
export const MAX_PROBLEMS_PER_FILE = 20;

export const LIST_FILES = ['jurisdictions.yaml', 'topics.yaml', 'languages.yaml'] as const;

interface LoadedList<T> {
  /** null when the file could not be read or parsed: nothing can be checked against it. */
  rows: T[] | null;
  /** Where the file's values stand, for the line of a problem found later; null when it could not be parsed. */
  located: () => Located | null;
}

const NOWHERE = () => null;

async function loadList<T>(dir: string, name: string, schema: z.ZodType<T[]>, problems: ContentProblem[]): Promise<LoadedList<T>> {
  const read = await readContentFile(join(dir, name));
  if (!read.ok) {
    problems.push({
      file: name,
      line: 1,
      field: '(file)',
      message: read.missing ? `missing: create ${name} as content/README.md describes` : read.message,
    });
    return { rows: null, located: NOWHERE };
  }
  // As for front matter: the fast reader, and the full one for what it declines and for the lines of a problem.
  const parsed: { value: unknown; located?: Located } | null = readPlainYaml(read.text) ?? parseYaml(read.text, name, 1, problems);
  if (!parsed) return { rows: null, located: NOWHERE };
  const located = () => parsed.located ?? parseYaml(read.text, name, 1, [])?.located ?? emptyLocated();
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    problems.push(...schemaProblems(result.error.issues, located(), name));
    return { rows: null, located };
  }
  return { rows: result.data, located };
}

const GUIDE_LINK = /\]\(\s*guide:([^)\s#]*)(?:#([^)\s]*))?\s*\)/g;

/** Line numbers of offsets in a text, asked in increasing order: one pass over the text in all. */
export function lineCounter(text: string, firstLine: number): (offset: number) => number {
  let line = firstLine;
  let at = 0;
  return (offset) => {
    for (let next = text.indexOf('\n', at); next !== -1 && next < offset; next = text.indexOf('\n', next + 1)) {
      line++;
      at = next + 1;
    }
    return line;
  };
}

interface Lists {
  /** Each null when its file failed: guides are then not checked against it, rather than all reported unknown. */
  jurisdictions: Jurisdiction[] | null;
  topics: Topic[] | null;
  languages: Language[] | null;
}

/**
 * Checks that need every guide: ids, references to jurisdictions, topics, languages, translations and links.
 * `failed` maps `id/lang` to the file of each guide that could not be parsed, so that a translation of it or a link
 * to it says that file is broken rather than that a guide is missing.
 */
function crossCheck(guides: Guide[], lists: Lists, failed: Map<string, string>, alongside: Guide[], problems: ContentProblem[]): Set<Guide> {
  const rejected = new Set<Guide>();
  const jurisdictionCodes = lists.jurisdictions && new Set(lists.jurisdictions.map((j) => j.code));
  const topicIds = lists.topics && new Set(lists.topics.map((t) => t.id));
  const languageCodes = lists.languages && new Set(lists.languages.map((l) => l.code));
  const byKey = new Map<string, Guide>();
  const byId = new Map<string, Guide[]>();
  const jurisdictionOfId = new Map<string, string>();
  const failedIds = new Map([...failed].map(([key, file]) => [key.split('/')[0]!, file]));
  const reject = (guide: Guide, path: PropertyKey[], message: string) => {
    problems.push({ file: guide.file, line: fieldLine(guide, path), field: fieldName(path), message });
    rejected.add(guide);
  };
  const warn = (guide: Guide, line: number, field: string, message: string) =>
    problems.push({ file: guide.file, line, field, message, severity: 'warning' });

  for (const guide of guides) {
    const { meta } = guide;
    if (jurisdictionCodes && !jurisdictionCodes.has(meta.jurisdiction))
      reject(guide, ['jurisdiction'], `unknown jurisdiction "${meta.jurisdiction}"; add it to jurisdictions.yaml or fix the code`);
    if (languageCodes && !languageCodes.has(meta.lang))
      reject(guide, ['lang'], `unknown language "${meta.lang}"; add it to languages.yaml or fix the tag`);
    meta.topics.forEach((topic, index) => {
      if (topicIds && !topicIds.has(topic)) reject(guide, ['topics', index], `unknown topic "${topic}"; use one from topics.yaml`);
    });
    const key = `${meta.id}/${meta.lang}`;
    const first = byKey.get(key);
    const otherJurisdiction = jurisdictionOfId.get(meta.id);
    if (first) reject(guide, ['id'], `duplicate id "${meta.id}" in language "${meta.lang}": ${first.file} has it too; give one of them a new id`);
    else byKey.set(key, guide);
    if (!first && otherJurisdiction !== undefined && otherJurisdiction !== meta.jurisdiction)
      reject(guide, ['id'], `duplicate id "${meta.id}": already used by a guide for ${otherJurisdiction}; ids are unique across jurisdictions`);
    else jurisdictionOfId.set(meta.id, meta.jurisdiction);
    byId.set(meta.id, [...(byId.get(meta.id) ?? []), guide]);
  }
  // Guides beside the folder are targets for links and translations, never duplicates: the folder's own copy wins.
  const ownIds = new Set(byId.keys());
  for (const other of alongside) {
    const key = `${other.meta.id}/${other.meta.lang}`;
    if (!byKey.has(key)) byKey.set(key, other);
    if (!ownIds.has(other.meta.id)) byId.set(other.meta.id, [...(byId.get(other.meta.id) ?? []), other]);
  }

  for (const guide of guides) {
    const { meta } = guide;
    if (meta.translation_of) {
      const sourceKey = `${meta.id}/${meta.translation_of.lang}`;
      const source = byKey.get(sourceKey);
      const brokenSource = failed.get(sourceKey);
      if (!source && brokenSource)
        warn(
          guide,
          fieldLine(guide, ['translation_of', 'lang']),
          'translation_of.lang',
          `its source ${brokenSource} could not be loaded (see its own problems), so this translation was not checked against it`,
        );
      else if (!source)
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
      else if (source.meta.jurisdiction !== meta.jurisdiction)
        reject(guide, ['jurisdiction'], `must be the same as its source's (${source.meta.jurisdiction})`);
    }
    // Each link is located by its offset in the body, so the problem names the line a person must edit.
    const lineAt = lineCounter(guide.body, bodyLine(guide));
    for (const match of guide.body.matchAll(GUIDE_LINK)) {
      const [, id = '', anchor] = match;
      const line = lineAt(match.index);
      const targets = byId.get(id) ?? [];
      const broken = failedIds.get(id);
      if (targets.length === 0 && broken) {
        warn(guide, line, '(body)', `link to "guide:${id}", whose file ${broken} could not be loaded (see its own problems); fix that file`);
      } else if (targets.length === 0) {
        problems.push({ file: guide.file, line, field: '(body)', message: `link to unknown guide "guide:${id}"; fix the id or remove the link` });
        rejected.add(guide);
      } else if (anchor && !targets.some((target) => target.sections.some((section) => section.anchor === safeDecode(anchor)))) {
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

/** decodeURIComponent that never throws: a malformed escape in a hostile link simply matches no anchor. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** At most MAX_PROBLEMS_PER_FILE problems, then one that counts the rest. */
function capped(problems: ContentProblem[]): ContentProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_FILE) return problems;
  const kept = problems.slice(0, MAX_PROBLEMS_PER_FILE);
  const last = kept[kept.length - 1]!;
  const more = problems.length - MAX_PROBLEMS_PER_FILE;
  kept.push({ ...last, field: '(file)', message: `${more} more problem(s) in this file are not listed; fix these and check again` });
  return kept;
}

export interface LoadOptions {
  /**
   * The folder that holds jurisdictions.yaml, topics.yaml and languages.yaml; default: the content folder itself.
   * The content command line points it at the bundled lists to check a folder of guides that has none of its own.
   */
  listsDir?: string;
  /** Guides that exist beside this folder (the bundled ones, for such a folder): links and translations may point at them. */
  alongside?: Guide[];
  /**
   * Guide files laid over the folder (installed packs over the bundled guides): each entry replaces or adds the file
   * at that path, relative to the folder (`guides/ES/<id>/es.md`), and is checked exactly like a file on disk.
   */
  files?: ReadonlyMap<string, string>;
  /**
   * Called with the SHA-256 of each guide file's bytes as they are read from disk (not for files laid over): the
   * bundled check compares these instead of reading every file a second time at start-up.
   */
  onRead?: (file: string, sha256: string) => void;
  /**
   * A snapshot file (content/snapshot.ts) that may hold what this load gives: taken when its key is that of the
   * folder's bytes and the rules, else the folder is loaded in full. Only for a folder loaded on its own (no
   * listsDir, alongside or files), whose load depends on nothing else.
   */
  snapshot?: string;
}

type GuideRead = ReturnType<typeof readContentBytesSync>;

/**
 * The snapshot of a folder loaded in full (content/snapshot.ts), or null when its bytes changed while it was
 * read (or the rules are not known): a snapshot is only ever of bytes read twice alike.
 */
export async function contentSnapshot(dir: string): Promise<{ catalog: Catalog; snapshot: string | null }> {
  const before = await readFolder(dir);
  const catalog = await loadContent(dir);
  const after = await readFolder(dir);
  return { catalog, snapshot: before.key !== null && before.key === after.key ? snapshotText(before.key, catalog) : null };
}

/** A guide file as readFolder read it, with the SHA-256 of its bytes when it could be read. */
type FolderRead = GuideRead & { sha256?: string };

/** Every file a load reads, in its order, with their SHA-256 and the key of them all under the rules this code runs. */
export async function readFolder(
  dir: string,
  slice: () => Promise<void> = async () => {},
): Promise<{ entries: GuideEntry[]; reads: Map<string, FolderRead>; key: string | null }> {
  const entries = await listGuideFiles(dir, slice);
  const reads = new Map<string, FolderRead>();
  const files: FolderFile[] = [];
  for (const name of LIST_FILES) {
    const read = readContentBytesSync(join(dir, name));
    files.push(read.ok ? { file: name, sha256: sha256(read.bytes) } : { file: name, problem: read.message });
  }
  for (const entry of entries) {
    await slice();
    const file = contentPath(dir, entry.path);
    if (entry.problem) {
      files.push({ file, problem: entry.problem.message });
      continue;
    }
    const read = readContentBytesSync(entry.path);
    if (read.ok) {
      const digest = sha256(read.bytes);
      reads.set(entry.path, { ...read, sha256: digest });
      files.push({ file, sha256: digest });
    } else {
      reads.set(entry.path, read);
      files.push({ file, problem: read.message });
    }
  }
  const rules = contentRules();
  return { entries, reads, key: rules === null ? null : snapshotKey(rules, files) };
}

/** The guide files a pack lays over a content folder (see LoadOptions.files). */
export type ContentOverlay = Required<Pick<LoadOptions, 'files'>>;

/**
 * Reads a content folder: the jurisdictions, topics and languages lists, then every guide. Never throws on bad
 * content: each problem is reported with its file, line and field, invalid guides are left out of `guides`, and
 * every valid guide is loaded.
 */
export async function loadContent(dir: string, options: LoadOptions = {}): Promise<Catalog> {
  // 12 ms of reading between two turns: the page's files and answers wait at most that long.
  const slice = timeSlices(12);
  const alone = options.listsDir === undefined && options.alongside === undefined && options.files === undefined;
  const folder = alone && options.snapshot !== undefined ? await readFolder(dir, slice) : null;
  if (folder?.key) {
    const text = readSnapshotFile(options.snapshot!);
    const bodyOf = (file: string) => {
      const read = folder.reads.get(join(dir, file));
      return read?.ok ? bodyFromBytes(read.bytes) : null;
    };
    const snapshot = text === null ? null : catalogFromSnapshot(text, folder.key, dir, bodyOf);
    if (snapshot) {
      for (const [path, read] of folder.reads) if (read.sha256) options.onRead?.(contentPath(dir, path), read.sha256);
      return snapshot;
    }
  }
  const listsDir = options.listsDir ?? dir;
  const perFile = new Map<string, ContentProblem[]>();
  const problemsOf = (file: string) => {
    const list = perFile.get(file) ?? [];
    perFile.set(file, list);
    return list;
  };
  const [jurisdictionList, topicList, languageList] = await Promise.all([
    loadList(listsDir, 'jurisdictions.yaml', jurisdictionsSchema, problemsOf('jurisdictions.yaml')),
    loadList(listsDir, 'topics.yaml', topicsSchema, problemsOf('topics.yaml')),
    loadList(listsDir, 'languages.yaml', languagesSchema, problemsOf('languages.yaml')),
  ]);
  const jurisdictions: Jurisdiction[] | null =
    jurisdictionList.rows?.map((row) => ({
      code: row.code,
      parent: row.parent ?? null,
      names: row.names,
      aliases: row.aliases ?? [],
      abbreviations: row.abbreviations ?? [],
    })) ?? null;
  if (jurisdictions) {
    const codes = new Set(jurisdictions.map((j) => j.code));
    jurisdictions.forEach((j, index) => {
      if (j.parent === null || codes.has(j.parent)) return;
      const located = jurisdictionList.located();
      problemsOf('jurisdictions.yaml').push({
        file: 'jurisdictions.yaml',
        line: located ? lineOf(located, [index, 'parent']) : 1,
        field: `[${index}].parent`,
        message: `unknown parent "${j.parent}" of ${j.code}; add the parent to the list or fix the code`,
      });
    });
  }

  const parsed: Guide[] = [];
  const failed = new Map<string, string>();
  const overlay = options.files;
  const entries = folder?.entries ?? (await listGuideFiles(dir, slice));
  const onDisk = new Set(entries.map((entry) => contentPath(dir, entry.path)));
  // Files laid over the folder that it does not hold (guides a pack adds) are checked like the rest.
  const added = [...(overlay?.keys() ?? [])].filter((file) => !onDisk.has(file)).sort();
  const all = [
    ...entries.map((entry) => ({ ...entry, file: contentPath(dir, entry.path) })),
    ...added.map((file) => ({ file, path: '', problem: undefined })),
  ];
  for (const entry of all) problemsOf(entry.file); // problems listed in the files' order
  const results: (Guide | null)[] = [];
  for (const entry of all) {
    await slice();
    const { file } = entry;
    const fileProblems = problemsOf(file);
    const laid = overlay?.get(file);
    if (laid !== undefined) results.push(parseGuide(file, laid, fileProblems, () => laid));
    else if (entry.problem) {
      fileProblems.push(entry.problem);
      results.push(null);
    } else {
      // Read already for the snapshot's key, when the snapshot was not of this folder.
      const read: FolderRead = folder?.reads.get(entry.path) ?? readContentBytesSync(entry.path);
      folder?.reads.delete(entry.path);
      if (read.ok) {
        if (options.onRead) options.onRead(file, read.sha256 ?? sha256(read.bytes));
        results.push(parseGuideBytes(file, read.bytes, fileProblems, rereadFile(entry.path)));
      } else {
        fileProblems.push({ file, line: 1, field: '(file)', message: read.message });
        results.push(null);
      }
    }
  }
  // In the listing's order, so that of two guides with one id the same one is kept each time.
  all.forEach(({ file }, index) => {
    const guide = results[index];
    if (guide) parsed.push(guide);
    else {
      // guides/<jurisdiction>/<id>/<lang>.md names the guide even when its front matter cannot be read.
      const [, , id, name] = file.split('/');
      if (id && name?.endsWith('.md')) failed.set(`${id}/${name.slice(0, -3)}`, file);
    }
  });
  const lists: Lists = { jurisdictions, topics: topicList.rows, languages: languageList.rows };
  const crossProblems: ContentProblem[] = [];
  const rejected = crossCheck(parsed, lists, failed, options.alongside ?? [], crossProblems);
  for (const problem of crossProblems) problemsOf(problem.file).push(problem);

  const guides = parsed.filter((guide) => !rejected.has(guide));
  for (const guide of parsed) forgetLoadingText(guide);
  const problems: ContentProblem[] = [];
  const invalid: Catalog['invalid'] = [];
  for (const [file, all] of perFile) {
    if (all.length === 0) continue;
    const fileProblems = capped(all);
    problems.push(...fileProblems);
    const errors = fileProblems.filter((problem) => problem.severity !== 'warning');
    if (errors.length > 0) invalid.push({ file, problems: errors });
  }
  return { jurisdictions: jurisdictions ?? [], topics: topicList.rows ?? [], languages: languageList.rows ?? [], guides, problems, invalid };
}
