import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../../core/content/load';
import { type CurrentGuide, type GuideChange, packChanges } from '../../core/packs/changes';
import { readArchive } from '../../core/packs/archive';
import { MANIFEST_ENTRY, manifestSchema } from '../../core/packs/manifest';
import { type PackState, packStateSchema } from '../../core/packs/state';
import { loadTrustAnchors } from '../../core/packs/trust';
import { type VerifiedPack, verifyPack } from '../../core/packs/verify';
import { UsageError } from './common';

export async function readPackFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(`cannot read the pack file "${path}"; check the path`);
  }
}

/** A pack's manifest, read without verifying it (null when it cannot be read): only to choose what to check it against. */
export async function readManifest(bytes: Buffer): Promise<ReturnType<typeof manifestSchema.safeParse> | null> {
  try {
    const files = await readArchive(bytes);
    return manifestSchema.safeParse((JSON.parse(files.get(MANIFEST_ENTRY)?.toString('utf8') ?? 'null') as { signed?: unknown } | null)?.signed);
  } catch {
    return null;
  }
}

/**
 * What is taken as installed: nothing for a full pack; for a delta, its base (read here unverified, only to pick the
 * state; the pack itself is then verified in full), so a delta can be checked on its own.
 */
async function assumedState(bytes: Buffer): Promise<PackState> {
  const state = packStateSchema.parse({});
  const manifest = await readManifest(bytes);
  if (manifest?.success && manifest.data.base !== null) {
    const { pack, base } = manifest.data;
    state.installed[pack] = { sequence: base, manifestSha256: '', signer: '', signerName: '', created: '', expires: '', appliedAt: '', guides: {} };
    state.trusted.packs[pack] = { sequence: base, manifestSha256: '' };
  }
  return state;
}

/**
 * Verifies a pack file as a fresh install of the app would (nothing installed yet, or a delta's base) against the keys folder and a
 * content folder's jurisdictions and guides, and says what it would change in that folder. Throws a PackError on a refusal.
 */
export async function inspectPack(
  bytes: Buffer,
  options: { keysDir: string; contentDir: string; now: Date },
): Promise<{ verified: VerifiedPack; changes: GuideChange[] }> {
  const [anchors, catalog] = await Promise.all([loadTrustAnchors(options.keysDir), loadContent(options.contentDir)]);
  const verified = await verifyPack(
    bytes,
    {
      roots: anchors.roots,
      bundledKeyList: anchors.keyList,
      state: await assumedState(bytes),
      now: options.now,
      jurisdictions: catalog.jurisdictions,
    },
    { checkGuides: async (files) => (await loadContent(options.contentDir, { files })).problems },
  );
  const current = new Map<string, CurrentGuide>();
  for (const guide of catalog.guides)
    current.set(guide.file, { version: guide.meta.version, text: await readFile(join(options.contentDir, guide.file), 'utf8') });
  return { verified, changes: packChanges(verified, current) };
}

export function describePack(verified: VerifiedPack, carriesKeyList: boolean): string[] {
  const { manifest, signer } = verified;
  const who =
    signer.role === 'maintainer'
      ? `maintainer key "${signer.name}" (${signer.id}), which may publish for every jurisdiction`
      : `partner key "${signer.name}" (${signer.id}), which may publish for ${signer.jurisdictions!.join(', ')} and their children`;
  return [
    `pack "${manifest.pack}" #${manifest.sequence}, ${manifest.base === null ? 'full' : `delta on #${manifest.base}`}, ${verified.size} bytes`,
    `signed by ${who}; the key expires ${signer.expires.slice(0, 10)}`,
    `created ${manifest.created}, expires ${manifest.expires}`,
    `key list version ${verified.keyList.signed.version}${carriesKeyList ? ' (the pack carries a key list)' : ''}`,
    `${manifest.guides.length} guide file(s), ${manifest.removed.length} removal(s):`,
    ...manifest.guides.map((g) => `  ${g.path}  ${g.id} ${g.lang} v${g.version}  ${g.size} bytes  sha256 ${g.sha256.slice(0, 16)}…`),
    ...manifest.removed.map((g) => `  ${g.path}  removed`),
  ];
}

export function describeChanges(changes: GuideChange[]): string[] {
  const width = Math.max(0, ...changes.map((c) => c.kind.length));
  const line = (c: GuideChange) => {
    const versions =
      c.kind === 'added' ? `v${c.to}` : c.kind === 'removed' ? (c.from === null ? '(not in the folder)' : `v${c.from}`) : `v${c.from} → v${c.to}`;
    const note = c.kind === 'older' ? '  (not newer than the folder: stays hidden)' : '';
    return `${c.kind.padEnd(width)}  ${c.path}  ${versions}${note}`;
  };
  const count = (kind: GuideChange['kind']) => changes.filter((c) => c.kind === kind).length;
  return [
    ...changes.map(line),
    `${count('added')} added, ${count('changed')} changed, ${count('metadata-only')} metadata only, ${count('removed')} removed, ` +
      `${count('unchanged')} unchanged, ${count('older')} not newer`,
  ];
}
