import { writeArchive } from './archive';
import type { KeyList } from './keylist';
import type { KeyPair } from './keys';
import { describeGuideFile, KEYLIST_ENTRY, MANIFEST_ENTRY, type Manifest, type ManifestGuide, PACK_FORMAT } from './manifest';
import { type Envelope, signDocument } from './signed';

export interface PackInput {
  pack: string;
  sequence: number;
  created: Date;
  expires: Date;
  signer: Pick<KeyPair, 'id' | 'privateKey'>;
  /** Guide files by content path (`guides/<J>/<id>/<lang>.md`). */
  files: { path: string; bytes: Buffer }[];
  /** For a delta: the pack it applies on (its sequence and guides); only what differs from it is carried. */
  base?: { sequence: number; guides: readonly ManifestGuide[] };
  /** A key list to carry along, so receivers learn of a newly delegated key with the first pack it signs. */
  keyList?: Envelope<KeyList>;
}

/** The signed manifest and the archive bytes of a pack (full, or a delta when `base` is given). */
export async function buildPack(input: PackInput): Promise<{ manifest: Manifest; bytes: Buffer }> {
  const described = input.files.map((file) => ({ ...describeGuideFile(file.path, file.bytes), bytes: file.bytes }));
  const baseByPath = new Map(input.base?.guides.map((guide) => [guide.path, guide]) ?? []);
  const carried = input.base ? described.filter((guide) => baseByPath.get(guide.path)?.sha256 !== guide.sha256) : described;
  const present = new Set(described.map((guide) => guide.path));
  const removed = input.base
    ? input.base.guides.filter((guide) => !present.has(guide.path)).map(({ path, id, lang, jurisdiction }) => ({ path, id, lang, jurisdiction }))
    : [];
  carried.sort((a, b) => a.path.localeCompare(b.path));
  const manifest: Manifest = {
    type: 'fieldbook-pack',
    format: PACK_FORMAT,
    pack: input.pack,
    sequence: input.sequence,
    created: input.created.toISOString(),
    expires: input.expires.toISOString(),
    signer: input.signer.id,
    base: input.base?.sequence ?? null,
    guides: carried.map(({ bytes: _bytes, ...guide }) => guide),
    removed,
  };
  const envelope = signDocument(manifest, [input.signer]);
  const entries: { name: string; bytes: Buffer }[] = [{ name: MANIFEST_ENTRY, bytes: Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`) }];
  if (input.keyList) entries.push({ name: KEYLIST_ENTRY, bytes: Buffer.from(`${JSON.stringify(input.keyList, null, 2)}\n`) });
  for (const guide of carried) entries.push({ name: guide.path, bytes: guide.bytes });
  return { manifest, bytes: await writeArchive(entries) };
}
