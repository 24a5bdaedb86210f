import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type KeyList, verifyKeyList } from './keylist';
import { parseKeyFile, publicKeyFileSchema, type PublicKeyFile } from './keys';
import type { Envelope } from './signed';

export const ROOT_KEYS_DIR = 'root';
export const KEYLIST_FILE = 'keylist.json';

/**
 * The trust anchors shipped with the content: `<keysDir>/root/*.json` (root public keys) and `<keysDir>/keylist.json`
 * (the key list they signed). A missing key list means no pack can be accepted yet; a forged one is refused.
 */
export async function loadTrustAnchors(keysDir: string): Promise<{ roots: PublicKeyFile[]; keyList: Envelope<KeyList> | null }> {
  const rootDir = join(keysDir, ROOT_KEYS_DIR);
  const names = (await readdir(rootDir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const roots = await Promise.all(
    names.map(async (name) => parseKeyFile(publicKeyFileSchema, await readFile(join(rootDir, name), 'utf8'), join(rootDir, name))),
  );
  const text = await readFile(join(keysDir, KEYLIST_FILE), 'utf8').catch(() => null);
  if (text === null) return { roots, keyList: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { roots, keyList: verifyKeyList(json, roots, join(keysDir, KEYLIST_FILE)) };
}
