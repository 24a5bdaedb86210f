import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PackError } from '../../electron/core/packs/errors';
import { buildPack, type PackInput } from '../../electron/core/packs/build';
import type { KeyEntry, KeyList } from '../../electron/core/packs/keylist';
import { generateKey, type KeyPair, publicKeyFile, rawPublicKey } from '../../electron/core/packs/keys';
import { type Envelope, signDocument } from '../../electron/core/packs/signed';
import { KEYLIST_FILE, ROOT_KEYS_DIR } from '../../electron/core/packs/trust';
import { fixedClock, inProcessClient } from './in-process';

/** The bundled content, read-only: packs are laid over it in each test's own data folder. */
export const CONTENT = 'content';
export const NOW = new Date('2027-01-15T12:00:00Z');
export const LATER = new Date('2027-12-31T00:00:00Z');
export const SPANISH_GUIDE = 'guides/ES/es-recording-police/es.md';
export const FRENCH_GUIDE = 'guides/FR/fr-recording-police/fr.md';

export interface TestKeys {
  root: KeyPair;
  maintainer: KeyPair;
  partnerES: KeyPair;
  stranger: KeyPair;
}

export function keyEntry(pair: KeyPair, name: string, role: KeyEntry['role'], extra: Partial<KeyEntry> = {}): KeyEntry {
  return {
    id: pair.id,
    name,
    role,
    publicKey: rawPublicKey(pair.publicKey).toString('base64'),
    expires: LATER.toISOString(),
    ...(role === 'partner' ? { jurisdictions: ['ES'] } : {}),
    ...extra,
  };
}

export function signKeyList(root: KeyPair, version: number, keys: KeyEntry[]): Envelope<KeyList> {
  return signDocument({ type: 'fieldbook-key-list' as const, version, issued: NOW.toISOString(), keys }, [root]);
}

/** A temporary world: keys made for this run, a keys folder with the root key and a key list, and a data folder. */
export async function makeWorld(
  keyListFor?: (keys: TestKeys) => KeyEntry[],
): Promise<{ keys: TestKeys; keysDir: string; dataDir: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-packs-'));
  const keys: TestKeys = { root: generateKey(), maintainer: generateKey(), partnerES: generateKey(), stranger: generateKey() };
  const keysDir = join(dir, 'keys');
  await mkdir(join(keysDir, ROOT_KEYS_DIR), { recursive: true });
  await writeFile(join(keysDir, ROOT_KEYS_DIR, `${keys.root.id}.json`), JSON.stringify(publicKeyFile(keys.root, 'Test root', NOW)));
  const entries = keyListFor?.(keys) ?? [
    keyEntry(keys.maintainer, 'Test maintainer', 'maintainer'),
    keyEntry(keys.partnerES, 'Clínica de prueba', 'partner'),
  ];
  await writeFile(join(keysDir, KEYLIST_FILE), JSON.stringify(signKeyList(keys.root, 1, entries)));
  return { keys, keysDir, dataDir: join(dir, 'data'), dir };
}

/** The version a bundled guide is at, so tests follow the content as it is revised. */
export function bundledVersion(path: string): number {
  return Number(/^version: (\d+)$/m.exec(readFileSync(join(CONTENT, path), 'utf8'))![1]);
}

export async function bundledFile(path: string): Promise<Buffer> {
  return readFile(join(CONTENT, path));
}

/** A guide's next version: the version raised, a changelog entry added, and `extra` appended to the body. */
export function nextVersion(text: string, extra: string, { metadataOnly = false } = {}): string {
  const version = Number(/^version: (\d+)$/m.exec(text)![1]);
  const next = version + 1;
  let out = text
    .replace(/^version: \d+$/m, `version: ${next}`)
    .replace(/^updated: .*$/m, 'updated: 2027-01-10')
    .replace(/^changelog:\n/m, `changelog:\n  - version: ${next}\n    date: 2027-01-10\n    changes: Test change.\n`);
  if (!metadataOnly) out = `${out.trimEnd()}\n\n${extra}\n`;
  return out;
}

export function packInput(signer: KeyPair, files: { path: string; bytes: Buffer }[], extra: Partial<PackInput> = {}): PackInput {
  return { pack: 'es-clinic', sequence: 1, created: NOW, expires: LATER, signer, files, ...extra };
}

export async function makePack(signer: KeyPair, files: { path: string; bytes: Buffer }[], extra: Partial<PackInput> = {}): Promise<Buffer> {
  return (await buildPack(packInput(signer, files, extra))).bytes;
}

/** Every file under a folder with its size and modification time: what "nothing changed on disk" is checked against. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    out[path] = `${info.size}:${info.mtimeMs}:${(await readFile(path)).toString('base64')}`;
  }
  return out;
}

export async function removeWorld(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The PackError (or another refusal type) a call is refused with (the test fails if it is not refused, or with another error). */
export async function refusalOf<E extends Error = PackError>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E = PackError as unknown as abstract new (
    ...args: never[]
  ) => E,
): Promise<E> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/**
 * An installation for contract tests: a copy of content/ whose keys folder holds this run's keys, and a way to open
 * the core on a data folder at a fixed date. Remove `world.dir` when done.
 */
export async function appWorld(): Promise<{
  world: Awaited<ReturnType<typeof makeWorld>>;
  contentDir: string;
  open: (dataDir: string, date?: string) => ReturnType<typeof inProcessClient>;
}> {
  const world = await makeWorld();
  const contentDir = join(world.dir, 'content');
  await cp(CONTENT, contentDir, { recursive: true });
  await rm(join(contentDir, 'keys'), { recursive: true });
  await cp(world.keysDir, join(contentDir, 'keys'), { recursive: true });
  return { world, contentDir, open: (dataDir, date = '2027-01-15') => inProcessClient(dataDir, { contentDir, clock: fixedClock(date) }) };
}
