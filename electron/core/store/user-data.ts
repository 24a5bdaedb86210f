import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { settingsSchema } from '../../api/settings';
import { AtomicJsonFile, type AtomicJsonFileOptions, type SetAside } from './atomic-json-file';
import { lockDataFolder, type LockMode } from './data-folder-lock';
import { nodeFs, type StoreFs } from './store-fs';

const userDataSchema = z.object({
  settings: settingsSchema.default(settingsSchema.parse({})),
  /** Ticked checklist items, keyed by `<guide id>/<lang>@<version>`, as item indexes. */
  checklists: z.record(z.string(), z.array(z.number().int().min(0))).default({}),
  /** Personal: the version of each guide the person last opened, keyed by `<guide id>/<lang>` (history/last-read.ts). */
  lastRead: z.record(z.string(), z.number().int().min(1)).default({}),
});
export type UserData = z.infer<typeof userDataSchema>;

export const USER_DATA_FILE = 'fieldbook.json';

export interface UserDataStore {
  read(): UserData;
  /**
   * Applies `change` to a copy and saves it. Memory changes only once the file is written: when the write fails
   * (disk full, read-only, no permission), both stay as they were and the promise rejects with a FieldbookError
   * whose message says what happened and what to do.
   */
  update(change: (data: UserData) => void): Promise<UserData>;
  /** Files found unreadable at start-up and moved aside (or left in place); shown to the person once. */
  readonly setAside: readonly SetAside[];
  /** Waits for pending writes and gives up the data folder's lock. */
  close(): Promise<void>;
  /** Gives up the lock at once, for an exit handler that cannot wait. */
  closeSync(): void;
}

export interface UserDataOptions extends Pick<AtomicJsonFileOptions, 'maxReadBytes' | 'maxWriteBytes'> {
  /** Which kind of Fieldbook holds the folder; the lock file says so to a second one that tries to start. */
  mode?: LockMode;
  /** The file operations; tests pass one that fails like a full or read-only disk. */
  fs?: StoreFs;
  /** Tells whether a lock's process still runs (tests); by default `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
}

/**
 * Opens the user's data file in `dir` (creating the folder) after taking the folder's lock, so no other Fieldbook
 * writes there meanwhile, and removes temporary files a crashed run left. Falls back to defaults when the file is
 * missing or unreadable. Data that parses as JSON but does not fit the schema is also set aside rather than
 * half-loaded, so nothing the person wrote is silently dropped.
 */
export async function openUserData(dir: string, now: () => Date = () => new Date(), options: UserDataOptions = {}): Promise<UserDataStore> {
  const fs = options.fs ?? nodeFs;
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const lock = await lockDataFolder(dir, options.mode ?? 'browser', { fs, now, isAlive: options.isAlive });
  try {
    return await openLocked(dir, now, options, fs, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked(
  dir: string,
  now: () => Date,
  options: UserDataOptions,
  fs: StoreFs,
  lock: Awaited<ReturnType<typeof lockDataFolder>>,
): Promise<UserDataStore> {
  const setAside: SetAside[] = [];
  const file = new AtomicJsonFile<unknown>(join(dir, USER_DATA_FILE), (event) => setAside.push(event), { ...options, fs, now });
  await file.sweepTemporaryFiles();
  const raw = await file.read();
  let initial = userDataSchema.parse({});
  if (raw !== null) {
    const parsed = userDataSchema.safeParse(raw);
    if (parsed.success) initial = parsed.data;
    else {
      const issue = parsed.error.issues[0];
      await file.setAside(`the field "${issue?.path.join('.') || '(top level)'}" is invalid: ${issue?.message ?? 'unknown problem'}`);
    }
  }
  const db = new Low<UserData>(file as AtomicJsonFile<UserData>, initial);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: () => structuredClone(db.data),
    update(change) {
      // Writes are serialised so two quick changes cannot interleave their temporary files.
      const next = queue.then(async () => {
        const draft = structuredClone(db.data);
        change(draft);
        const previous = db.data;
        db.data = userDataSchema.parse(draft);
        try {
          await db.write();
        } catch (error) {
          db.data = previous;
          throw error;
        }
        return structuredClone(db.data);
      });
      queue = next.catch(() => undefined);
      return next;
    },
    setAside,
    async close() {
      await queue;
      await lock.release();
    },
    closeSync: () => lock.releaseSync(),
  };
}
