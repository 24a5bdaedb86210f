import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Jurisdiction } from '../content/model';
import { ancestry } from '../search/rank';
import { type ArchiveLimits, DEFAULT_LIMITS, readArchive, writeArchive } from './archive';
import { refuse } from './errors';
import { MANIFEST_ENTRY, type Manifest, manifestSchema, sha256 } from './manifest';
import type { PackState, PackStore } from './state';

/**
 * Passing content on. A pack's signatures cover its manifest and files exactly as they were packed, so an export
 * never re-packs anything: it hands on the stored pack files as they arrived. One pack file is exported as itself; more
 * than one (several publishers, or a full pack and the deltas on it) go into a bundle:
 *
 *     bundle.json               { type: "fieldbook-bundle", format: 1, packs: [{ file, sha256, pack, sequence }] }
 *     packs/<sha256>.fbpack     each original pack file, in the order they apply
 *
 * bundle.json is not signed and needs no signature: it only orders the packs, and each pack is verified on import
 * exactly as if it had been opened alone.
 */
export const BUNDLE_ENTRY = 'bundle.json';
const bundleSchema = z.strictObject({
  type: z.literal('fieldbook-bundle'),
  format: z.literal(1),
  packs: z
    .array(z.strictObject({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), pack: z.string(), sequence: z.number().int() }))
    .min(1),
});

/** A bundle holds whole pack files, so its entries may be as large as a pack file. */
const BUNDLE_LIMITS: ArchiveLimits = { ...DEFAULT_LIMITS, maxEntryBytes: DEFAULT_LIMITS.maxPackBytes };

/** The pack files a bundle holds, in the order they apply; null when `bytes` is a single pack (or not an archive). */
export async function readBundle(bytes: Buffer): Promise<Buffer[] | null> {
  const files = await readArchive(bytes, BUNDLE_LIMITS).catch(() => null);
  if (!files?.has(BUNDLE_ENTRY) || files.has(MANIFEST_ENTRY)) return null;
  let json: unknown = null;
  try {
    json = JSON.parse(files.get(BUNDLE_ENTRY)!.toString('utf8'));
  } catch {}
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success)
    refuse('bad-bundle', `${BUNDLE_ENTRY} does not list the bundle's packs; copy the bundle again or ask for the packs one by one`);
  return parsed.data.packs.map((entry) => {
    const pack = files.get(entry.file);
    if (!pack || sha256(pack) !== entry.sha256)
      refuse('bad-bundle', `the bundle lists ${entry.file}, which it does not hold as listed; copy the bundle again from its source`);
    return pack;
  });
}

/** A stored pack file's manifest (it was verified when applied). */
async function storedManifest(store: PackStore, hash: string): Promise<{ hash: string; bytes: Buffer; manifest: Manifest } | null> {
  const bytes = await store.getObject(hash);
  const files = bytes && (await readArchive(bytes).catch(() => null));
  const text = files?.get(MANIFEST_ENTRY);
  if (!bytes || !text) return null;
  const parsed = manifestSchema.safeParse((JSON.parse(text.toString('utf8')) as { signed?: unknown }).signed);
  return parsed.success ? { hash, bytes, manifest: parsed.data } : null;
}

export interface ExportedContent {
  fileName: string;
  bytes: Buffer;
  /** The packs it holds, in the order they apply. */
  packs: { pack: string; sequence: number }[];
}

/**
 * The installed content, or the part of it for one jurisdiction (and its children), as the original signed pack
 * files: for each installed pack that has a guide there, its full pack and every delta since, in order. A pack is
 * passed on whole, even when only some of its guides are for that jurisdiction: a part would no longer match its
 * signature.
 */
export async function exportInstalled(
  store: PackStore,
  state: PackState,
  options: { jurisdiction?: string; jurisdictions: readonly Jurisdiction[]; now: Date },
): Promise<ExportedContent> {
  const { jurisdiction } = options;
  const within = (code: string) => !jurisdiction || ancestry(options.jurisdictions, code).includes(jurisdiction);
  const wanted = Object.entries(state.installed)
    .filter(([, installed]) => Object.values(installed.guides).some((guide) => within(guide.jurisdiction)))
    .sort(([a], [b]) => a.localeCompare(b));
  if (wanted.length === 0)
    refuse(
      'nothing-to-export',
      jurisdiction
        ? `no installed pack holds a guide for ${jurisdiction}; the guides that came with Fieldbook are passed on by installing Fieldbook`
        : 'no pack is installed; the guides that came with Fieldbook are passed on by installing Fieldbook',
    );
  const hashes = (await readdir(join(store.dir, 'objects')).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{64}$/.test(name));
  const stored = (await Promise.all(hashes.map((hash) => storedManifest(store, hash)))).filter((entry) => entry !== null);
  const chosen: NonNullable<Awaited<ReturnType<typeof storedManifest>>>[] = [];
  for (const [pack, installed] of wanted) {
    const chain: typeof chosen = [];
    // From the installed sequence back through each delta's base to the full pack it started from.
    for (let sequence: number | null = installed.sequence; sequence !== null; ) {
      const at: number = sequence;
      const found = stored.find((entry) => entry.manifest.pack === pack && entry.manifest.sequence === at);
      if (!found)
        refuse('nothing-to-export', `pack "${pack}" #${at} is no longer stored in the data folder, so it cannot be passed on; import it again first`);
      chain.unshift(found);
      sequence = found.manifest.base;
    }
    chosen.push(...chain);
  }
  const packs = chosen.map((entry) => ({ pack: entry.manifest.pack, sequence: entry.manifest.sequence }));
  if (chosen.length === 1) return { fileName: `${packs[0]!.pack}-${packs[0]!.sequence}.fbpack`, bytes: chosen[0]!.bytes, packs };
  const listing = {
    type: 'fieldbook-bundle',
    format: 1,
    packs: chosen.map((entry) => ({
      file: `packs/${entry.hash}.fbpack`,
      sha256: entry.hash,
      pack: entry.manifest.pack,
      sequence: entry.manifest.sequence,
    })),
  };
  const bytes = await writeArchive([
    { name: BUNDLE_ENTRY, bytes: Buffer.from(`${JSON.stringify(listing, null, 1)}\n`) },
    ...chosen.map((entry) => ({ name: `packs/${entry.hash}.fbpack`, bytes: entry.bytes })),
  ]);
  const date = options.now.toISOString().slice(0, 10);
  return { fileName: `fieldbook-${(jurisdiction ?? 'all').toLowerCase()}-${date}.fbpack`, bytes, packs };
}
