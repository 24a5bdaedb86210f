import { randomBytes } from 'node:crypto';
import { link } from 'node:fs/promises';
import { dirname } from 'node:path';
import { nodeFs, type StoreFs } from '../store/store-fs';

/**
 * Writes several files as one change: every file is written to a temporary file beside it and synced first, then
 * each is renamed into place; if any step fails, the files already renamed get their old bytes back (or are removed
 * when they were new), temporary files and folders made here are removed, and the error is thrown. So a decision on
 * a submission leaves the content folder either wholly changed or as it was.
 */
export type WriteFs = Pick<StoreFs, 'open' | 'rename' | 'unlink' | 'mkdir' | 'rmdir' | 'stat'> & { link: typeof link };

async function missingDirs(fs: WriteFs, dir: string): Promise<string[]> {
  const made: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const exists = await fs.stat(at).then(
      () => true,
      () => false,
    );
    if (exists || dirname(at) === at) break;
    made.push(at);
  }
  return made;
}

async function writeSynced(fs: WriteFs, path: string, text: string): Promise<void> {
  const handle = await fs.open(path, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const defaultFs: WriteFs = { ...nodeFs, link };

export async function writeAll(files: readonly { path: string; text: string }[], fs: WriteFs = defaultFs): Promise<void> {
  const tag = randomBytes(6).toString('hex');
  const staged: { path: string; temp: string }[] = [];
  const madeDirs: string[] = [];
  // The file each rename replaced, kept under a second name (a hard link: same bytes, same dates) until all are in place.
  const renamed: { path: string; backup: string | null }[] = [];
  try {
    for (const file of files) {
      const made = await missingDirs(fs, dirname(file.path));
      if (made.length > 0) {
        await fs.mkdir(dirname(file.path), { recursive: true });
        madeDirs.push(...made);
      }
      const temp = `${file.path}.${tag}.tmp`;
      staged.push({ path: file.path, temp });
      await writeSynced(fs, temp, file.text);
    }
    for (const { path, temp } of staged) {
      const backup = `${path}.${tag}.old`;
      const existed = await fs.link(path, backup).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      renamed.push({ path, backup: existed ? backup : null });
      await fs.rename(temp, path);
    }
  } catch (error) {
    for (const { path, backup } of renamed.reverse()) {
      if (backup === null) await fs.unlink(path).catch(() => undefined);
      else await fs.rename(backup, path).catch(() => undefined);
    }
    for (const { temp } of staged) await fs.unlink(temp).catch(() => undefined);
    // Deepest first, so each folder is empty when it is removed.
    for (const dir of madeDirs.sort((a, b) => b.length - a.length)) await fs.rmdir(dir).catch(() => undefined);
    throw error;
  }
  for (const { backup } of renamed) if (backup) await fs.unlink(backup).catch(() => undefined);
}
