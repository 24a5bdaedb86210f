import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { FieldbookError } from '../../api/errors';
import { readFailureReason, saveFailure } from './failures';
import { nodeFs, type StoreFs } from './store-fs';

/** What happened when a data file could not be read: it was moved aside (or, failing that, left in place), never deleted. */
export interface SetAside {
  file: string;
  /** Where the file was moved; null when it could not be moved and was left where it was. */
  keptAs: string | null;
  reason: string;
}

const MB = 1024 * 1024;
/**
 * The most Fieldbook writes. Its data is settings and checklist ticks for guide versions that exist: a few kilobytes
 * for a person, far below this even with every checklist of a large library ticked.
 */
export const MAX_WRITE_BYTES = 4 * MB;
/**
 * The most it reads at start-up. A larger file is not one Fieldbook wrote (it never writes more than MAX_WRITE_BYTES),
 * and reading and parsing one of hundreds of megabytes whole could exhaust memory before the window appears. The
 * margin above the write cap leaves room for a later format's growth.
 */
export const MAX_READ_BYTES = 16 * MB;

export interface AtomicJsonFileOptions {
  now?: () => Date;
  fs?: StoreFs;
  maxWriteBytes?: number;
  maxReadBytes?: number;
}

const size = (bytes: number) =>
  bytes >= MB ? `${(bytes / MB).toLocaleString('en', { maximumFractionDigits: 1 })} MB` : `${Math.ceil(bytes / 1024)} KB`;
const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/**
 * A lowdb adapter for one JSON file. Writes go to a temporary file with a unique name that is fsynced and then
 * renamed over the original, and the folder is fsynced after the rename, so a crash or power cut leaves either the
 * old file or the new one, never half of each; a failed write removes its temporary file and throws a message for
 * the person. A file that cannot be read is moved aside under a name of its own and reported through `onSetAside`;
 * reading then returns null so the caller starts from defaults.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  /** Why saving is refused: the file could be neither read nor moved aside, and a save would overwrite it. */
  private blocked: string | null = null;
  private readonly fs: StoreFs;
  private readonly now: () => Date;
  private readonly maxWriteBytes: number;
  private readonly maxReadBytes: number;

  constructor(
    readonly path: string,
    private readonly onSetAside: (event: SetAside) => void,
    options: AtomicJsonFileOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? (() => new Date());
    this.maxWriteBytes = options.maxWriteBytes ?? MAX_WRITE_BYTES;
    this.maxReadBytes = options.maxReadBytes ?? MAX_READ_BYTES;
  }

  async read(): Promise<T | null> {
    let info: Awaited<ReturnType<StoreFs['stat']>>;
    try {
      info = await this.fs.stat(this.path);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null;
      return this.setAsideAndStartAfresh(readFailureReason(error));
    }
    if (info.isDirectory()) return this.setAsideAndStartAfresh(readFailureReason({ code: 'EISDIR' }));
    // A pipe or device would block start-up or never end.
    if (!info.isFile()) return this.setAsideAndStartAfresh('it is not a regular file');
    if (info.size > this.maxReadBytes) {
      return this.setAsideAndStartAfresh(
        `it is ${size(info.size)}, larger than the ${size(this.maxReadBytes)} Fieldbook reads; Fieldbook never writes more than ${size(this.maxWriteBytes)}, so it is not a file Fieldbook wrote`,
      );
    }
    let text: string;
    try {
      text = await this.fs.readFile(this.path, 'utf8');
    } catch (error) {
      return this.setAsideAndStartAfresh(readFailureReason(error));
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.setAsideAndStartAfresh(`it is not valid JSON (${(error as Error).message})`);
    }
    if (value === null) return this.setAsideAndStartAfresh('it holds null instead of Fieldbook’s data');
    return value as T;
  }

  async write(data: T): Promise<void> {
    if (this.blocked) throw new FieldbookError('not-saved', this.blocked);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    const bytes = Buffer.byteLength(text);
    if (bytes > this.maxWriteBytes) {
      throw new FieldbookError(
        'not-saved',
        `Your Fieldbook data would grow to ${size(bytes)}, past the ${size(this.maxWriteBytes)} it keeps: your change was not saved. Clear checklist ticks you no longer need and try again.`,
      );
    }
    const dir = dirname(this.path);
    // pid and random bytes: two writers (or a crashed earlier run) never share a temporary file.
    const temp = join(dir, `.${basename(this.path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let handle: FileHandle | undefined;
    try {
      handle = await this.fs.open(temp, 'wx', 0o600);
      await handle.writeFile(text, 'utf8');
      await handle.sync();
      const closing = handle;
      handle = undefined;
      await closing.close();
      await this.fs.rename(temp, this.path);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await this.fs.unlink(temp).catch(() => undefined);
      throw saveFailure(error, dir);
    }
    await this.syncFolder(dir);
  }

  /** Removes temporary files an earlier run left behind (a crash mid-write); only the folder's one writer may. */
  async sweepTemporaryFiles(): Promise<string[]> {
    const dir = dirname(this.path);
    const prefix = `.${basename(this.path)}.`;
    const names = await this.fs.readdir(dir).catch(() => [] as string[]);
    const swept: string[] = [];
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      await this.fs.unlink(join(dir, name)).then(
        () => swept.push(name),
        () => undefined,
      );
    }
    return swept;
  }

  /** Moves the unreadable file aside under a name no earlier copy has, and reports where it went. */
  async setAside(reason: string): Promise<void> {
    try {
      const keptAs = await this.moveAside();
      this.onSetAside({ file: this.path, keptAs, reason });
    } catch (error) {
      this.blocked = `Your saved data (${this.path}) could not be read (${reason}) nor moved aside (${errnoOf(error) ?? (error as Error).message}), so it was left where it is and Fieldbook saves no change over it: your change was not saved. Make the file and its folder readable and writable for your account, or move the file elsewhere, then restart Fieldbook.`;
      this.onSetAside({ file: this.path, keptAs: null, reason: `${reason}; it could not be moved aside, so it was left where it is, untouched` });
    }
  }

  private async setAsideAndStartAfresh(reason: string): Promise<null> {
    await this.setAside(reason);
    return null;
  }

  /**
   * `<name>.unreadable-<timestamp>[-n]<ext>`. The name is claimed by creating it exclusively (a file, or an empty
   * folder for a folder) before the rename replaces the claim, so a copy set aside earlier, even in the same
   * millisecond or under a fixed clock, is never overwritten.
   */
  private async moveAside(): Promise<string> {
    const isDir = (await this.fs.lstat(this.path)).isDirectory();
    const ext = extname(this.path);
    const stem = `${this.path.slice(0, this.path.length - ext.length)}.unreadable-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    for (let n = 1; n <= 1000; n++) {
      const keptAs = `${stem}${n === 1 ? '' : `-${n}`}${ext}`;
      try {
        if (isDir) await this.fs.mkdir(keptAs, { mode: 0o700 });
        else await (await this.fs.open(keptAs, 'wx', 0o600)).close();
      } catch (error) {
        if (errnoOf(error) === 'EEXIST') continue;
        throw error;
      }
      try {
        await this.fs.rename(this.path, keptAs);
      } catch (error) {
        await (isDir ? this.fs.rmdir(keptAs) : this.fs.unlink(keptAs)).catch(() => undefined);
        throw error;
      }
      return keptAs;
    }
    throw new Error('a thousand set-aside copies already carry this time');
  }

  /** fsyncs the folder so the rename itself survives a power cut. Some systems cannot open a folder (Windows); there
   * the rename is as durable as the system makes it, and the data is already in place, so this never fails a save. */
  private async syncFolder(dir: string): Promise<void> {
    let handle: FileHandle | undefined;
    try {
      handle = await this.fs.open(dir, 'r');
      await handle.sync();
    } catch {
      // See above: the save has happened.
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
}
