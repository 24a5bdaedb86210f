import { unlinkSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { FieldbookError } from '../../api/errors';
import { nodeFs, type StoreFs } from './store-fs';

/**
 * One writer per data folder. Two Fieldbooks on one folder (the desktop app and a browser-mode host, or two hosts)
 * would each write their own copy of the data and lose the other's changes, so the first to start takes
 * `fieldbook.lock` in the folder and the others refuse to start, saying who holds it. Plain Node, no Electron: the
 * desktop app and the browser mode take the same lock through the store.
 */
export const LOCK_FILE = 'fieldbook.lock';

export type LockMode = 'desktop' | 'browser';

/**
 * What the lock file holds: enough to tell the person which Fieldbook has the folder. After a wipe only `pid` and
 * `mode` stay (see `forgetDetails`): when and on which computer Fieldbook started is a trace of its use.
 */
export interface LockHolder {
  pid: number;
  mode: LockMode;
  startedAt?: string;
  host?: string;
}

export interface DataFolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** False when the folder could not be written to at all, so the lock file could not be made. */
  readonly held: boolean;
  /** Removes the lock file if it is still ours. */
  release(): Promise<void>;
  /** The same, synchronously, for an exit handler that cannot wait. */
  releaseSync(): void;
  /** Rewrites the lock file with the process id and kind only, dropping the start time and the computer's name (a wipe). */
  forgetDetails(): Promise<void>;
}

export interface LockOptions {
  fs?: StoreFs;
  now?: () => Date;
  /** Whether a process with this id runs; by default `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, which still makes it a live holder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(value.pid) && (value.mode === 'desktop' || value.mode === 'browser')) return value as LockHolder;
  } catch {
    // A lock file cut short by a crash: nobody holds it.
  }
  return null;
}

function inUse(dir: string, file: string, holder: LockHolder, ours: LockMode): FieldbookError {
  const who = holder.mode === 'desktop' ? 'the Fieldbook desktop app' : 'a Fieldbook browser-mode host (npm run serve)';
  const where = holder.host && holder.host !== hostname() ? ` on the computer "${holder.host}"` : '';
  const started = holder.startedAt ? `, started ${holder.startedAt}` : '';
  return new FieldbookError(
    'folder-in-use',
    `The data folder ${dir} is in use by ${who}, process ${holder.pid}${where}${started}. Close that Fieldbook first${ours === 'browser' ? ', or start this one with another data folder (--data-dir)' : ', then start this one again'}. If no Fieldbook is running, delete ${file} and try again.`,
  );
}

/** Takes the data folder's lock, taking over a stale one left by a process that no longer runs; refuses a live one. */
export async function lockDataFolder(dir: string, mode: LockMode, options: LockOptions = {}): Promise<DataFolderLock> {
  const fs = options.fs ?? nodeFs;
  const isAlive = options.isAlive ?? processIsAlive;
  const file = join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, mode, startedAt: (options.now?.() ?? new Date()).toISOString(), host: hostname() };
  const text = `${JSON.stringify(holder)}\n`;

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(file, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
      } finally {
        await handle.close();
      }
      return ownLock(file, holder, text, fs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // A folder Fieldbook cannot write to (read-only disk, full disk, no permission) must not stop the person
        // reading guides: start without the lock. No one can save there meanwhile, and each save says why it failed.
        await fs.unlink(file).catch(() => undefined);
        return { file, holder, held: false, release: async () => undefined, releaseSync: () => undefined, forgetDetails: async () => undefined };
      }
    }
    const existing = parseHolder(await fs.readFile(file, 'utf8').catch(() => ''));
    // Another computer's process cannot be checked from here: treat it as live.
    const live = existing && (existing.pid === process.pid || (existing.host !== undefined && existing.host !== hostname()) || isAlive(existing.pid));
    if (existing && live) throw inUse(dir, file, existing, mode);
    await fs.unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  throw new FieldbookError('folder-in-use', `The data folder ${dir} keeps being locked by another Fieldbook as this one starts. Try again.`);
}

function ownLock(file: string, holder: LockHolder, written: string, fs: StoreFs): DataFolderLock {
  let released = false;
  /** What this process wrote last: the lock is released only while the file still says so. */
  let text = written;
  return {
    file,
    holder,
    held: true,
    async forgetDetails() {
      if (released) return;
      const next = `${JSON.stringify({ pid: holder.pid, mode: holder.mode } satisfies LockHolder)}\n`;
      // In place: a crash midway leaves a file that parses as nobody's, which the next start takes over.
      const handle = await fs.open(file, 'w', 0o600);
      try {
        await handle.writeFile(next, 'utf8');
      } finally {
        await handle.close();
      }
      text = next;
    },
    async release() {
      if (released) return;
      released = true;
      if ((await fs.readFile(file, 'utf8').catch(() => null)) === text) await fs.unlink(file).catch(() => undefined);
    },
    releaseSync() {
      if (released) return;
      released = true;
      try {
        if (readFileSync(file, 'utf8') === text) unlinkSync(file);
      } catch {
        // Already gone, or the folder went away: nothing to release.
      }
    },
  };
}
