import { join } from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { z } from 'zod';
import { settingsSchema } from '../../api/settings';
import { readingSchemaShape, safetySchema } from '../safety/schema';
import type { KdfParams } from '../safety/vault';
import { AtomicJsonFile, type AtomicJsonFileOptions, type SetAside } from './atomic-json-file';
import { lockDataFolder, type LockMode } from './data-folder-lock';
import { openSealing, type Sealing } from '../safety/sealing';
import { nodeFs, type StoreFs } from './store-fs';
import { collectionsSchema } from '../workshops/collection';
import { draftsSchemaShape } from '../drafts/schema';
import { reportsStoreShape } from '../reports/schema';

const userDataSchema = z.object({
  settings: settingsSchema.default(settingsSchema.parse({})),
  /** Ticked checklist items, keyed by `<guide id>/<lang>@<version>`, as item indexes. */
  checklists: z.record(z.string(), z.array(z.number().int().min(0))).default({}),
  /** Workshop collections (electron/core/workshops), bounded in count, items and note length. */
  collections: collectionsSchema,
  /** The passphrase lock's settings (readable: see safety/personal-section.ts for what is sealed). */
  safety: safetySchema.default(safetySchema.parse({})),
  ...readingSchemaShape,
  /** Personal: the version of each guide the person last opened, keyed by `<guide id>/<lang>` (history/last-read.ts). */
  lastRead: z.record(z.string(), z.number().int().min(1)).default({}),
  /** Personal: a partner's drafts and partner key (electron/core/drafts). */
  ...draftsSchemaShape,
  ...reportsStoreShape,
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
  /** The same, allowed while locked: for the readable part only (the lock's settings), as the sealed part stays as it was. */
  updatePlain(change: (data: UserData) => void): Promise<UserData>;
  /** Files found unreadable at start-up and moved aside (or left in place); shown to the person once. */
  readonly setAside: readonly SetAside[];
  /** The passphrase lock: while locked, read() holds only the readable part and update() refuses. */
  readonly sealing: Sealing;
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
  /** scrypt's cost for new passphrases; tests use a cheaper one (the file states the cost it was sealed with). */
  kdf?: KdfParams;
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
  const fromRaw = async (value: unknown): Promise<UserData | null> => {
    const parsed = userDataSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    await file.setAside(`the field "${issue?.path.join('.') || '(top level)'}" is invalid: ${issue?.message ?? 'unknown problem'}`);
    return null;
  };
  const sealing = await openSealing({
    file,
    raw,
    dir,
    fs,
    kdf: options.kdf,
    parse: fromRaw,
    defaults: () => userDataSchema.parse({}),
    afterWipe: () => lock.forgetDetails(),
  });
  const db = new Low<UserData>(sealing.adapter as unknown as Adapter<UserData>, (await sealing.initial()) as UserData);
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every pending write, so nothing interleaves with a save. */
  const serial = <R>(task: () => Promise<R>): Promise<R> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
  const save = (change: (data: UserData) => void) =>
    serial(async () => {
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
  sealing.bind({
    serial,
    replace: (data) => {
      db.data = userDataSchema.parse(data);
    },
    current: () => db.data,
  });
  return {
    read: () => structuredClone(db.data),
    update(change) {
      if (sealing.state() === 'locked') return Promise.reject(sealing.lockedError());
      return save(change);
    },
    updatePlain: save,
    setAside,
    sealing,
    async close() {
      await queue;
      await lock.release();
    },
    closeSync: () => lock.releaseSync(),
  };
}
