import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { FieldbookError } from '../../api/errors';
import { type AtomicJsonFile, MAX_READ_BYTES } from '../store/atomic-json-file';
import type { StoreFs } from '../store/store-fs';
import { isSealedFile, joinPersonal, SEALED_COPY_FORMAT, SEALED_FORMAT, sealedFileSchema, splitPersonal, withoutEphemeral } from './personal-section';
import { DEFAULT_KDF, deriveKey, deriveKeyFor, type KdfParams, open, type Sealed, sameKey, seal, sealedSchema, type VaultKey } from './vault';

type Data = Record<string, unknown> & { settings?: Record<string, unknown>; safety?: { keepNothing?: boolean } };

export type LockState = 'off' | 'locked' | 'unlocked';

/**
 * The passphrase lock over the store's one data file. Without a passphrase the file is the data as JSON, as before.
 * With one, the file is `{ format, plain, sealed }`: the readable part (see personal-section.ts) and the personal
 * part as AES-256-GCM ciphertext. The temporary file of each atomic write holds the same sealed bytes, so no
 * plaintext touches the disk; set-aside copies are sealed when the lock is set. Locked, the store holds only the
 * readable part in memory, and a write of the lock's own settings keeps the last ciphertext unchanged.
 */
export interface Sealing {
  readonly adapter: Adapter<Data>;
  /** The data to start from: the whole of a plain file, or the readable part of a sealed one (then locked). */
  initial(): Promise<Data>;
  /** Connects the store's write queue and memory. */
  bind(store: { serial<R>(task: () => Promise<R>): Promise<R>; replace(data: Data): void; current(): Data }): void;
  state(): LockState;
  lockedError(): FieldbookError;
  /** Sets, changes (next and current) or removes (next null, current) the passphrase. Throws 'wrong-passphrase'. */
  setPassphrase(next: string | null, current?: string): Promise<void>;
  /** Opens the sealed part; false for a wrong passphrase (or an altered file). */
  unlock(passphrase: string): Promise<boolean>;
  /** Forgets the key and every personal value in memory. Nothing to do without a passphrase. */
  lock(): Promise<void>;
  /** Removes the data file, its set-aside copies and temporary files, and starts from defaults. */
  wipe(): Promise<void>;
  /** The files the store keeps in its folder, for the "What Fieldbook keeps" screen. */
  files(): Promise<{ path: string; kind: 'data' | 'set-aside' }[]>;
}

export interface SealingOptions {
  file: AtomicJsonFile<unknown>;
  raw: unknown;
  dir: string;
  fs: StoreFs;
  kdf?: KdfParams;
  /** Validates data; null when it did not fit and the file was set aside. */
  parse(value: unknown): Promise<Data | null>;
  defaults(): Data;
  /** Called once a wipe has removed the files: the data folder's lock drops what it says about this run. */
  afterWipe?: () => Promise<void>;
}

const SET_ASIDE_PREFIX = (file: string) => `${basename(file, '.json')}.unreadable-`;

export async function openSealing(options: SealingOptions): Promise<Sealing> {
  const { file, fs, dir } = options;
  let key: VaultKey | null = null;
  /** The ciphertext on disk, written again unchanged while locked. */
  let retained: Sealed | null = null;
  let store: Parameters<Sealing['bind']>[0];

  const stored = (data: Data): unknown => {
    const kept = data.safety?.keepNothing ? withoutEphemeral(data) : data;
    if (!key && !retained) return kept;
    const { plain, personal } = splitPersonal(kept);
    const sealed = key ? seal(key, Buffer.from(JSON.stringify(personal), 'utf8')) : (retained as Sealed);
    if (key) retained = sealed;
    return { format: SEALED_FORMAT, plain, sealed };
  };
  const adapter: Adapter<Data> = {
    read: async () => null,
    write: (data) => file.write(stored(data)),
  };

  async function setAsideCopies(): Promise<string[]> {
    const prefix = SET_ASIDE_PREFIX(file.path);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    return names.filter((name) => name.startsWith(prefix)).map((name) => join(dir, name));
  }

  /** Writes bytes over a file the way the store writes: a new temporary file, fsync, rename. */
  async function replaceBytes(path: string, bytes: Buffer): Promise<void> {
    const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path).catch(async (error: unknown) => {
      await fs.unlink(temp).catch(() => undefined);
      throw error;
    });
  }

  /**
   * Re-encrypts the set-aside copies from `from` (null: plain) to `to` (null: plain), so that setting the lock leaves
   * no readable copy and removing it leaves none the person can no longer open. A copy that is not a regular file
   * (a folder once found where the data file should be) is left as it is.
   */
  async function recodeCopies(from: VaultKey | null, to: VaultKey | null): Promise<void> {
    for (const path of await setAsideCopies()) {
      const info = await fs.stat(path).catch(() => null);
      if (!info?.isFile() || info.size > MAX_READ_BYTES) continue;
      const bytes = Buffer.from(await fs.readFile(path));
      let plain: Buffer | null = bytes;
      try {
        const value = JSON.parse(bytes.toString('utf8')) as { format?: string; sealed?: unknown };
        if (value?.format === SEALED_COPY_FORMAT) {
          const sealed = sealedSchema.safeParse(value.sealed);
          plain = sealed.success && from ? open(from, sealed.data) : null;
        }
      } catch {
        // Not JSON: the copy is the unreadable bytes themselves.
      }
      if (plain === null) continue; // sealed under a key no longer known: leave it sealed
      if (to) await replaceBytes(path, Buffer.from(`${JSON.stringify({ format: SEALED_COPY_FORMAT, sealed: seal(to, plain) })}\n`));
      else if (from) await replaceBytes(path, plain);
    }
  }

  const wrong = () =>
    new FieldbookError(
      'wrong-passphrase',
      'That is not the passphrase: nothing was changed. Check the keyboard layout and Caps Lock, and try again.',
    );

  const lockedError = () => new FieldbookError('locked', 'Fieldbook is locked: enter your passphrase to see and change your own data.');

  return {
    adapter,
    async initial() {
      const { raw } = options;
      if (raw === null) return options.defaults();
      if (!isSealedFile(raw)) return (await options.parse(raw)) ?? options.defaults();
      const parsed = sealedFileSchema.safeParse(raw);
      if (!parsed.success) {
        await file.setAside('its encrypted part is damaged or was written by a newer Fieldbook');
        return options.defaults();
      }
      const data = await options.parse(joinPersonal(parsed.data.plain, {}));
      if (data === null) return options.defaults();
      retained = parsed.data.sealed;
      return data;
    },
    bind(next) {
      store = next;
    },
    state: () => (key ? 'unlocked' : retained ? 'locked' : 'off'),
    lockedError,
    async setPassphrase(next, current) {
      if (!key && retained) throw lockedError();
      if (key && (current === undefined || !sameKey(key, await deriveKey(current, key.params, key.salt)))) throw wrong();
      const nextKey = next === null ? null : await deriveKey(next, options.kdf ?? DEFAULT_KDF);
      await store.serial(async () => {
        const previous = { key, retained };
        key = nextKey;
        retained = null;
        try {
          await adapter.write(store.current());
        } catch (error) {
          ({ key, retained } = previous);
          throw error;
        }
        await recodeCopies(previous.key, nextKey);
        previous.key?.key.fill(0);
      });
    },
    async unlock(passphrase) {
      if (!retained || key) return key !== null;
      const sealed = retained;
      const candidate = await deriveKeyFor(passphrase, sealed);
      const bytes = open(candidate, sealed);
      if (!bytes) return false;
      await store.serial(async () => {
        const plain = splitPersonal(store.current()).plain;
        let personal: Data = {};
        try {
          personal = JSON.parse(bytes.toString('utf8')) as Data;
        } catch {
          // GCM authenticated these bytes, so only a bug could make them unparsable; start the personal part afresh.
        }
        key = candidate;
        store.replace((await options.parse(joinPersonal(plain, personal))) ?? joinPersonal(plain, {}));
      });
      return true;
    },
    async lock() {
      await store.serial(async () => {
        if (!key) return;
        key.key.fill(0);
        key = null;
        store.replace(joinPersonal(splitPersonal(store.current()).plain, {}));
      });
    },
    async wipe() {
      await store.serial(async () => {
        key?.key.fill(0);
        key = null;
        retained = null;
        const temps = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.startsWith(`.${basename(file.path)}.`));
        for (const path of [file.path, ...(await setAsideCopies()), ...temps.map((name) => join(dir, name))]) {
          await rm(path, { recursive: true, force: true });
        }
        store.replace(options.defaults());
        await options.afterWipe?.();
      });
    },
    async files() {
      const exists = await fs.stat(file.path).then(
        () => true,
        () => false,
      );
      return [
        ...(exists ? [{ path: file.path, kind: 'data' as const }] : []),
        ...(await setAsideCopies()).map((path) => ({ path, kind: 'set-aside' as const })),
      ];
    },
  };
}
