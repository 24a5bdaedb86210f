import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AtomicJsonFile, type SetAside } from '../store/atomic-json-file';
import { readArchive } from './archive';
import { manifestGuideSchema, sha256 } from './manifest';

/**
 * What is installed, kept in `<dataDir>/packs/`:
 *
 * - `objects/<sha256>`: every pack file ever applied, as it arrived (signed manifest and all), named by the hash of
 *   its bytes and never deleted, so every version ever published stays readable, a pack can be passed on with its
 *   original signatures, applying costs one durable write, and re-applying writes nothing new;
 * - `state.json`: the installed packs (which objects make up the content now), the states before them for undo, the
 *   index of every guide version ever installed, and the last trusted state: the highest sequence accepted per pack
 *   and the newest key list. Undo never moves the trusted state back, so a rollback is refused after an undo and
 *   after a restart alike.
 */

/** An installed guide: its manifest line, and the stored pack file (by its SHA-256) that holds its bytes. */
const installedGuideSchema = manifestGuideSchema.extend({ object: z.string().regex(/^[0-9a-f]{64}$/) });
export type InstalledGuideEntry = z.infer<typeof installedGuideSchema>;

const installedPackSchema = z.object({
  sequence: z.number().int(),
  manifestSha256: z.string(),
  signer: z.string(),
  signerName: z.string(),
  created: z.string(),
  expires: z.string(),
  appliedAt: z.string(),
  guides: z.record(z.string(), installedGuideSchema),
});
export type InstalledPack = z.infer<typeof installedPackSchema>;
const installedSchema = z.record(z.string(), installedPackSchema);
export type Installed = z.infer<typeof installedSchema>;

export const packStateSchema = z.object({
  format: z.literal(1).default(1),
  installed: installedSchema.default({}),
  /** Earlier `installed` states, oldest first; undo pops the last. */
  undo: z.array(installedSchema).default([]),
  trusted: z
    .object({
      /** The newest verified key list (its envelope), or null while the bundled one is the newest seen. */
      keyList: z.unknown().nullable().default(null),
      packs: z.record(z.string(), z.object({ sequence: z.number().int(), manifestSha256: z.string() })).default({}),
    })
    .default({ keyList: null, packs: {} }),
  /** Every guide version ever installed: `<id>/<lang>` → version → where its bytes are. */
  history: z.record(z.string(), z.record(z.string(), z.object({ sha256: z.string(), object: z.string(), path: z.string() }))).default({}),
});
export type PackState = z.infer<typeof packStateSchema>;

export const UNDO_DEPTH = 20;

export interface PackStore {
  readonly dir: string;
  read(): PackState;
  /** Replaces the state file atomically (temp file, fsync, rename). */
  write(state: PackState): Promise<void>;
  putObject(bytes: Buffer): Promise<string>;
  /** The object's bytes, or null when it is missing or its bytes no longer match its name (changed outside Fieldbook). */
  getObject(hash: string): Promise<Buffer | null>;
  /** One guide file from a stored pack, or null when the pack is missing or changed, or the file's hash differs. */
  guideBytes(object: string, path: string, sha256: string): Promise<Buffer | null>;
  readonly setAside: readonly SetAside[];
}

export async function openPackStore(dataDir: string, now: () => Date = () => new Date()): Promise<PackStore> {
  const dir = join(dataDir, 'packs');
  const objects = join(dir, 'objects');
  const setAside: SetAside[] = [];
  const file = new AtomicJsonFile<unknown>(join(dir, 'state.json'), (event) => setAside.push(event), { now });
  const raw = await file.read();
  let state = packStateSchema.parse({});
  if (raw !== null) {
    const parsed = packStateSchema.safeParse(raw);
    if (parsed.success) state = parsed.data;
    else await file.setAside(`it does not hold an installed-packs state (${parsed.error.issues[0]?.path.join('.')}); installed packs start empty`);
  }
  const getObject = async (hash: string) => {
    const bytes = await readFile(join(objects, hash)).catch(() => null);
    return bytes && sha256(bytes) === hash ? bytes : null;
  };
  // Stored packs were verified when applied; they are read again (within the same limits) only to take files out.
  const opened = new Map<string, Promise<Map<string, Buffer> | null>>();
  const archive = (hash: string) => {
    let files = opened.get(hash);
    if (!files) {
      files = getObject(hash).then((bytes) => (bytes ? readArchive(bytes).catch(() => null) : null));
      opened.set(hash, files);
    }
    return files;
  };
  return {
    dir,
    read: () => structuredClone(state),
    async write(next) {
      const checked = packStateSchema.parse(next);
      await file.write(checked);
      state = checked;
    },
    async putObject(bytes) {
      const hash = sha256(bytes);
      const path = join(objects, hash);
      // Created on the first apply, so a person who never imports a pack has no packs folder at all.
      await mkdir(objects, { recursive: true, mode: 0o700 });
      const existing = await readFile(path).catch(() => null);
      if (existing && sha256(existing) === hash) return hash;
      const temp = `${path}.${process.pid}.tmp`;
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, path).catch(async (error) => {
        await unlink(temp).catch(() => undefined);
        throw error;
      });
      return hash;
    },
    getObject,
    async guideBytes(object, path, hash) {
      const bytes = (await archive(object))?.get(path);
      return bytes && sha256(bytes) === hash ? bytes : null;
    },
    setAside,
  };
}
