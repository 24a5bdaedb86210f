import { type Dirent, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentProblem } from './model';

/**
 * content/files: reading a content folder that may be hostile or damaged. Every file is looked at with lstat before it
 * is opened, so a symbolic link is reported instead of followed (it could point anywhere on the disk), a named pipe
 * cannot block start-up, and a file too large to be a guide is refused before it is read.
 */

/** Larger than any guide or list could honestly be (the largest bundled guide is under 10 KB). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** What happened, in words, for a failed read or listing: the message a person acts on. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code}): Fieldbook may not read it; make it readable for your user, or copy it again`;
    case 'EISDIR':
      return 'this is a folder where a file belongs; replace it with the file';
    case 'ENOTDIR':
      return 'this is a file where a folder belongs; replace it with the folder';
    case 'EIO':
      return 'the disk reported an error while reading it (EIO); copy it again from a good copy and check the disk';
    case 'ENOENT':
      return 'it was removed while Fieldbook was reading the folder; check it is there and load again';
    case 'EMFILE':
    case 'ENFILE':
      return `too many files are open (${code}); close other programs and start Fieldbook again`;
    default:
      return `it could not be read (${code ?? 'error'}: ${(error as Error).message}); check the file and its permissions`;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; missing: boolean; message: string };

/**
 * One content file's bytes, or in words why it cannot be used. Synchronous: a guide is a few kilobytes, and ten
 * thousand of them read in a third of the time the same reads take through the thread pool's round trips; the
 * folder's loader gives the event loop its turns between files (core/slices.ts).
 */
export function readContentBytesSync(path: string): { ok: true; bytes: Buffer } | Exclude<ReadResult, { ok: true }> {
  try {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) return { ok: false, missing: false, message: 'symbolic links are not followed: replace it with the file' };
    if (stats.isDirectory()) return { ok: false, missing: false, message: describeReadError({ code: 'EISDIR' }) };
    if (!stats.isFile())
      return { ok: false, missing: false, message: 'this is not a regular file (a pipe, socket or device); replace it with the file' };
    if (stats.size > MAX_FILE_BYTES)
      return {
        ok: false,
        missing: false,
        message: `the file has ${stats.size} bytes; the limit is ${MAX_FILE_BYTES} (2 MB): split it, or check that it is the right file`,
      };
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, message: describeReadError(error) };
  }
}

/** Reads one content file as UTF-8, or says in words why it cannot be used. */
export async function readContentFile(path: string): Promise<ReadResult> {
  const read = readContentBytesSync(path);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read;
}

/** The order a person sees names in, as localeCompare gives it, at a fraction of its cost per comparison. */
const byName = new Intl.Collator().compare;

/** A path inside the content folder as problems name it: relative, with forward slashes. */
export function contentPath(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

/** One entry of a guides folder, in the order a person sees it: a guide file to read, or a problem found on the way. */
export type GuideEntry = { path: string; problem?: undefined } | { path: string; problem: ContentProblem };

/**
 * Every `.md` file under `guides/`, sorted. Symbolic links, other special files named `.md` and folders that cannot
 * be listed are reported, each as a problem on its own path; other files (images, notes) are left alone.
 */
export async function listGuideFiles(dir: string, slice: () => Promise<void> = async () => {}): Promise<GuideEntry[]> {
  const entries: GuideEntry[] = [];
  const report = (path: string, field: string, message: string) =>
    entries.push({ path, problem: { file: contentPath(dir, path), line: 1, field, message } });
  async function walk(folder: string): Promise<void> {
    let children: Dirent[];
    try {
      await slice();
      children = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && folder === join(dir, 'guides'))
        report(folder, '(folder)', 'missing: put the guides under guides/<JURISDICTION>/<guide-id>/<lang>.md (content/README.md)');
      else report(folder, '(folder)', `this folder could not be listed: ${describeReadError(error)}`);
      return;
    }
    for (const entry of children.sort((a, b) => byName(a.name, b.name))) {
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) report(path, '(file)', 'symbolic links are not followed: replace it with the file');
      else if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.md')) {
        if (entry.isFile()) entries.push({ path });
        else report(path, '(file)', 'this is not a regular file (a pipe, socket or device); replace it with the file');
      }
    }
  }
  await walk(join(dir, 'guides'));
  return entries;
}
