import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rememberLines, rereadFile, bodyLine } from './guide-file';
import type { Catalog, Guide, Section } from './model';
import { bodySection } from './sections';

/**
 * content/snapshot: what loading a content folder gave, kept beside the prebuilt search index (out/search), so the
 * app opens its bundled content without reading every front matter with YAML and schema checks again. It counts
 * only for exactly the bytes it was made from, read by exactly the rules it was made with (rules.ts): its key
 * digests both, and any other folder, or a damaged snapshot, is loaded in full as before. It is build output,
 * trusted as the code beside it is (in a package, both are inside the app's integrity-checked archive); the guide
 * files themselves are still checked against their signed manifest (packs/bundled.ts).
 */

export const SNAPSHOT_FILE = 'content-snapshot.json';
const FORMAT = 1;

/** A file a load reads, in the load's order: the SHA-256 of its bytes, or why it could not be read. */
export interface FolderFile {
  file: string;
  sha256?: string;
  problem?: string;
}

/** The key of a folder read as `files` under the rules digest `rules`. */
export function snapshotKey(rules: string, files: readonly FolderFile[]): string {
  const hash = createHash('sha256').update(`fieldbook-content-snapshot-${FORMAT}\0${rules}\0`);
  for (const entry of files) hash.update(`${entry.file}\0${entry.sha256 ?? `!${entry.problem ?? ''}`}\0`);
  return hash.digest('hex');
}

/** A section as stored: its Markdown as where it stands in the body, so that it is again a slice of the body. */
type StoredSection = [anchor: string, heading: string, level: number, from: number, to: number];

/**
 * A guide as stored, without its body: that is decoded from the file's bytes, which the key was made from, so the
 * snapshot stays a small part of the content's size and holds no second copy of the text.
 */
interface StoredGuide {
  meta: Guide['meta'];
  bodyLength: number;
  file: string;
  bodyLine: number;
  sections: StoredSection[];
  omittedSections?: number;
}

interface Stored extends Omit<Catalog, 'guides'> {
  format: number;
  key: string;
  guides: StoredGuide[];
}

function storedSections(guide: Guide): StoredSection[] {
  let cursor = 0;
  return guide.sections.map((section: Section) => {
    const markdown = section.markdown;
    const from = markdown === undefined ? -1 : guide.body.indexOf(markdown, cursor);
    if (markdown === undefined || from < 0) throw new Error(`${guide.file}: a section's Markdown is not part of its body`);
    cursor = from + markdown.length;
    return [section.anchor, section.heading, section.level, from, cursor];
  });
}

/** How a snapshot's text begins: JSON.stringify writes `format` and `key` first, as `Stored` lists them. */
const snapshotHead = (key: string) => `{"format":${FORMAT},"key":${JSON.stringify(key)},`;

/** The snapshot of a loaded catalog, under the key of the folder it was loaded from. */
export function snapshotText(key: string, catalog: Catalog): string {
  const stored: Stored = {
    format: FORMAT,
    key,
    jurisdictions: catalog.jurisdictions,
    topics: catalog.topics,
    languages: catalog.languages,
    problems: catalog.problems,
    invalid: catalog.invalid,
    guides: catalog.guides.map((guide) => ({
      meta: guide.meta,
      bodyLength: guide.body.length,
      file: guide.file,
      bodyLine: bodyLine(guide),
      sections: storedSections(guide),
      ...(guide.omittedSections ? { omittedSections: guide.omittedSections } : {}),
    })),
  };
  const text = JSON.stringify(stored);
  if (!text.startsWith(snapshotHead(key))) throw new Error('a snapshot must begin with its format and key');
  return text;
}

/** The snapshot file's text, or null when there is none to read. */
export function readSnapshotFile(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The catalog a snapshot holds for the folder `dir` whose files give `key`, with each guide's body from `bodyOf`
 * (its file's bytes); null when the snapshot is of other bytes or rules, of another format, or damaged. Each
 * guide's lines are found again from its file when a later check asks for one, as for a guide loaded in full.
 */
export function catalogFromSnapshot(text: string, key: string, dir: string, bodyOf: (file: string) => string | null): Catalog | null {
  // Checked on the text first: a snapshot of other bytes (content edited since the build) is never parsed.
  if (!text.startsWith(snapshotHead(key))) return null;
  try {
    const stored = JSON.parse(text) as Stored;
    if (stored?.format !== FORMAT || stored.key !== key || !Array.isArray(stored.guides)) return null;
    const guides: Guide[] = [];
    for (const entry of stored.guides) {
      const body = bodyOf(entry.file);
      if (body === null || body.length !== entry.bodyLength) return null;
      const guide: Guide = {
        meta: entry.meta,
        body,
        file: entry.file,
        sections: entry.sections.map(([anchor, heading, level, from, to]) => bodySection(anchor, heading, level, body.slice(from, to))),
      };
      if (entry.omittedSections) guide.omittedSections = entry.omittedSections;
      rememberLines(guide, rereadFile(join(dir, entry.file)), entry.bodyLine);
      guides.push(guide);
    }
    const { jurisdictions, topics, languages, problems, invalid } = stored;
    if (![jurisdictions, topics, languages, problems, invalid].every(Array.isArray)) return null;
    return { jurisdictions, topics, languages, guides, problems, invalid };
  } catch {
    return null;
  }
}
