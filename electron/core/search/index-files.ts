import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SerialisedIndex } from './engine';

/**
 * search/index-files: the prebuilt indexes on disk. One file per language, `<dir>/<lang>.json`, and a manifest
 * naming each file's fingerprint, so a reader can tell which files are current without parsing them. They are build
 * output (`npm run build` writes them to out/search), never committed, and never trusted blindly: a file that is
 * missing, unreadable or stale is rebuilt from the content.
 */

export const MANIFEST = 'manifest.json';

export interface Manifest {
  format: number;
  /** Fingerprint of each language's index file (documents.ts, fingerprintOf). */
  languages: Record<string, string>;
}

const SAFE_LANG = /^[A-Za-z0-9-]{1,35}$/;

function fileFor(dir: string, lang: string): string {
  if (!SAFE_LANG.test(lang)) throw new Error(`search: "${lang}" is not a language tag; it cannot name an index file`);
  return join(dir, `${lang}.json`);
}

/** The manifest, or null when there is none or it cannot be read. */
export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
    return typeof manifest?.languages === 'object' && manifest.languages !== null ? manifest : null;
  } catch {
    return null;
  }
}

/** One language's serialised index, or null when it is missing or not JSON. */
export async function readIndexFile(dir: string, lang: string): Promise<SerialisedIndex | null> {
  try {
    return JSON.parse(await readFile(fileFor(dir, lang), 'utf8')) as SerialisedIndex;
  } catch {
    return null;
  }
}

/** Writes each index (to a temporary name first, then renamed, so a reader never sees half a file), then the manifest. */
export async function writeIndexFiles(dir: string, indexes: readonly SerialisedIndex[], format: number): Promise<{ file: string; bytes: number }[]> {
  await mkdir(dir, { recursive: true });
  const written: { file: string; bytes: number }[] = [];
  const languages: Record<string, string> = {};
  for (const index of indexes) {
    const file = fileFor(dir, index.lang);
    const text = JSON.stringify(index);
    await writeFile(`${file}.tmp`, text, 'utf8');
    await rename(`${file}.tmp`, file);
    languages[index.lang] = index.fingerprint;
    written.push({ file, bytes: Buffer.byteLength(text) });
  }
  const manifest: Manifest = { format, languages };
  await writeFile(join(dir, `${MANIFEST}.tmp`), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  await rename(join(dir, `${MANIFEST}.tmp`), join(dir, MANIFEST));
  return written;
}
