import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../content/model';
import { timeSlices } from '../slices';
import type { KeyList } from './keylist';
import { type KeyPair, keyIdSchema, publicKeyFromRaw } from './keys';
import { frontMatterVersion, sha256 } from './manifest';
import { type Envelope, hasValidSignature, signatureSchema, signDocument } from './signed';

/**
 * The bundled content's own signed manifest, `<keysDir>/bundled-manifest.json`: each guide file shipped with the app
 * (`guides/` and the earlier versions in `history/`), with its version and SHA-256, signed by a maintainer key.
 * Checked at start, it tells a file changed on disk after install from the text the maintainers published, so such a
 * file is shown as "modified outside Fieldbook" and never silently as the real text. Regenerated with
 * `npm run content -- sign-bundled` after any guide is edited.
 */
export const BUNDLED_MANIFEST_FILE = 'bundled-manifest.json';
/** The folders of a content folder whose files the manifest covers. */
const COVERED = ['guides', 'history'];

const bundledManifestSchema = z.strictObject({
  type: z.literal('fieldbook-bundled'),
  format: z.literal(1),
  created: z.iso.datetime({ offset: true }),
  signer: keyIdSchema,
  files: z.array(z.strictObject({ path: z.string(), version: z.number().int().nullable(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BundledManifest = z.infer<typeof bundledManifestSchema>;
const envelopeSchema = z.object({ signed: z.unknown(), signatures: z.array(signatureSchema) });

/**
 * Every covered file of a content folder, sorted, with forward-slash paths relative to it. Listed synchronously, as
 * the content loader lists its folders: one call instead of a thread pool round trip per folder.
 */
function coveredFiles(contentDir: string): string[] {
  const out: string[] = [];
  for (const top of COVERED) {
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(join(contentDir, top), { recursive: true, withFileTypes: true });
    } catch {
      // A content folder without history/ (or guides/) covers nothing there.
    }
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      const relative = join(entry.parentPath, entry.name)
        .slice(contentDir.length + 1)
        .split(/[\\/]/)
        .join('/');
      out.push(relative);
    }
  }
  return out.sort();
}

/** The manifest a content folder's files would have now, signed by `signer` (a maintainer key). */
export async function signBundledManifest(contentDir: string, signer: KeyPair, now: Date): Promise<Envelope<BundledManifest>> {
  const files = await Promise.all(
    coveredFiles(contentDir).map(async (path) => {
      const bytes = await readFile(join(contentDir, path));
      return { path, version: frontMatterVersion(bytes.toString('utf8')), sha256: sha256(bytes) };
    }),
  );
  return signDocument({ type: 'fieldbook-bundled' as const, format: 1 as const, created: now.toISOString(), signer: signer.id, files }, [signer]);
}

/** Collects the SHA-256 of each guide file as the content loader reads it (LoadOptions.onRead), for checkBundled. */
export function bundledDigests(): { onRead: (file: string, sha256: string) => void; read: Map<string, string> } {
  const read = new Map<string, string>();
  return { onRead: (file, digest) => read.set(file, digest), read };
}

export interface BundledCheck {
  /** Covered files whose bytes differ from the manifest, or that it does not list. */
  modified: Set<string>;
  /** Why the manifest itself cannot be trusted (missing, malformed, badly signed); empty when it verified. */
  problems: ContentProblem[];
}

/**
 * Checks a content folder's files against its signed manifest, with the key list shipped beside it. Without a key
 * list (a bare content folder, as in development fixtures) nothing can be checked and nothing is reported.
 * `read` holds the SHA-256 of files already read (bundledDigests, as the content loaded); the others are read here.
 */
export async function checkBundled(
  contentDir: string,
  keysDir: string,
  keyList: Envelope<KeyList> | null,
  read: ReadonlyMap<string, string> = new Map(),
): Promise<BundledCheck> {
  const result: BundledCheck = { modified: new Set(), problems: [] };
  if (!keyList) return result;
  const file = `keys/${BUNDLED_MANIFEST_FILE}`;
  const problem = (message: string) => {
    result.problems.push({ file, line: 1, field: '(manifest)', message });
    return result;
  };
  const text = await readFile(join(keysDir, BUNDLED_MANIFEST_FILE), 'utf8').catch(() => null);
  if (text === null)
    return problem(
      'the signed manifest of the bundled guides is missing, so they cannot be checked for changes made outside Fieldbook; reinstall Fieldbook',
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const envelope = envelopeSchema.safeParse(json);
  const parsed = bundledManifestSchema.safeParse(envelope.success ? envelope.data.signed : null);
  if (!envelope.success || !parsed.success)
    return problem('the manifest of the bundled guides is not a signed manifest; reinstall Fieldbook (maintainers: npm run content -- sign-bundled)');
  const manifest = parsed.data;
  const signer = keyList.signed.keys.find((key) => key.id === manifest.signer);
  // Bundled content is checked at rest, long after release: a maintainer key that has since expired still vouches
  // for what it signed then, but a key that is not a maintainer's never does.
  if (signer?.role !== 'maintainer')
    return problem(
      `the manifest of the bundled guides is signed by key ${manifest.signer}, which is no maintainer key in the key list; reinstall Fieldbook`,
    );
  if (!hasValidSignature({ signed: manifest, signatures: envelope.data.signatures }, signer.id, publicKeyFromRaw(signer.publicKey)))
    return problem("the signature of the bundled guides' manifest does not match it: it was changed after signing; reinstall Fieldbook");

  const listed = new Map(manifest.files.map((entry) => [entry.path, entry.sha256]));
  const onDisk = coveredFiles(contentDir);
  // Read synchronously, as the content loader reads (content/files.ts): each file in one turn of the event loop,
  // where the thread pool's four round trips per file each wait for a turn while the core opens.
  const slice = timeSlices(12);
  for (const path of onDisk) {
    await slice();
    const expected = listed.get(path);
    if (!expected || (read.get(path) ?? sha256(readFileSync(join(contentDir, path)))) !== expected) result.modified.add(path);
  }
  return result;
}
