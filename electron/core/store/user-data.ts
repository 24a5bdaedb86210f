import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { settingsSchema } from '../../api/settings';
import { collectionsSchema } from '../workshops/collection';
import { AtomicJsonFile, type SetAside } from './atomic-json-file';

const userDataSchema = z.object({
  settings: settingsSchema.default(settingsSchema.parse({})),
  /** Ticked checklist items, keyed by `<guide id>/<lang>@<version>`, as item indexes. */
  checklists: z.record(z.string(), z.array(z.number().int().min(0))).default({}),
  /** Workshop collections (electron/core/workshops), bounded in count, items and note length. */
  collections: collectionsSchema,
});
export type UserData = z.infer<typeof userDataSchema>;

export const USER_DATA_FILE = 'fieldbook.json';

export interface UserDataStore {
  read(): UserData;
  update(change: (data: UserData) => void): Promise<UserData>;
  /** Files found unreadable at start-up and moved aside; shown to the person once. */
  readonly setAside: readonly SetAside[];
}

/**
 * Opens the user's data file in `dir` (creating the folder), falling back to defaults when the file is missing or
 * unreadable. Data that parses as JSON but does not fit the schema is also set aside rather than half-loaded, so
 * nothing the person wrote is silently dropped.
 */
export async function openUserData(dir: string, now: () => Date = () => new Date()): Promise<UserDataStore> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const setAside: SetAside[] = [];
  const file = new AtomicJsonFile<unknown>(join(dir, USER_DATA_FILE), (event) => setAside.push(event), now);
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
        db.data = userDataSchema.parse(draft);
        await db.write();
        return structuredClone(db.data);
      });
      queue = next.catch(() => undefined);
      return next;
    },
    setAside,
  };
}
