import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** What happened when a data file could not be read: it was moved aside, never deleted. */
export interface SetAside {
  file: string;
  keptAs: string;
  reason: string;
}

/**
 * A lowdb adapter for one JSON file. Writes go to a temporary file that is fsynced and then renamed over the
 * original, so a crash or power cut leaves either the old file or the new one, never half of each. A file that
 * cannot be parsed is renamed aside with a timestamp and reported through `onSetAside`; reading then returns null so
 * the caller starts from defaults.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly onSetAside: (event: SetAside) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      await this.setAside(`it is not valid JSON (${(error as Error).message})`);
      return null;
    }
  }

  async write(data: T): Promise<void> {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.tmp`);
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /** Moves the unreadable file to `<name>.unreadable-<timestamp><ext>` beside it and reports where it went. */
  async setAside(reason: string): Promise<void> {
    const ext = extname(this.path);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const keptAs = `${this.path.slice(0, this.path.length - ext.length)}.unreadable-${stamp}${ext}`;
    await rename(this.path, keptAs);
    this.onSetAside({ file: this.path, keptAs, reason });
  }
}
