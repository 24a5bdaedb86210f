import { z } from 'zod';
import { sha256 } from '../digest';
import { splitFrontMatter } from '../content/guide-file';
import { keyIdSchema } from './keys';
import { signatureSchema } from './signed';

/**
 * The pack manifest: what the signer vouches for. It names the pack and its sequence (so an old or replayed pack is
 * told from a new one), its dates, its signer, the base sequence a delta applies on, and for each guide the path,
 * identity, version, size and SHA-256 of its bytes; a delta also lists the guides it removes.
 */
export const GUIDE_PATH = /^guides\/(global|[A-Z]{2}(?:-[A-Z0-9]{1,3})?)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;
export const MANIFEST_ENTRY = 'manifest.json';
export const KEYLIST_ENTRY = 'keylist.json';
export const PACK_FORMAT = 1;

const instant = z.iso.datetime({ offset: true });
const guideRef = {
  path: z.string().regex(GUIDE_PATH, 'must be guides/<JURISDICTION>/<guide-id>/<lang>.md'),
  id: z.string(),
  lang: z.string(),
  jurisdiction: z.string(),
};
export const manifestGuideSchema = z.strictObject({
  ...guideRef,
  version: z.number().int().min(1),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestGuide = z.infer<typeof manifestGuideSchema>;
export const manifestRemovalSchema = z.strictObject(guideRef);

export const manifestSchema = z.strictObject({
  type: z.literal('fieldbook-pack'),
  format: z.literal(PACK_FORMAT),
  pack: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  sequence: z.number().int().min(1),
  created: instant,
  expires: instant,
  signer: keyIdSchema,
  /** The sequence of this pack that a delta applies on; null for a full pack, which replaces all of the pack's guides. */
  base: z.number().int().min(1).nullable(),
  guides: z.array(manifestGuideSchema),
  removed: z.array(manifestRemovalSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
export const manifestEnvelopeSchema = z.strictObject({ signed: z.unknown(), signatures: z.array(signatureSchema).optional() });

export { sha256 };

/** A manifest line for one guide file, from its path and bytes (the version is read from its front matter). */
export function describeGuideFile(path: string, bytes: Buffer): ManifestGuide {
  const match = GUIDE_PATH.exec(path);
  if (!match) throw new Error(`packs: ${path} is not at guides/<JURISDICTION>/<guide-id>/<lang>.md; move it there`);
  const version = frontMatterVersion(bytes.toString('utf8'));
  if (version === null) throw new Error(`packs: ${path} has no "version:" line in its front matter; run validate first`);
  return { path, jurisdiction: match[1]!, id: match[2]!, lang: match[3]!, version, size: bytes.length, sha256: sha256(bytes) };
}

/** The `version:` of a guide's front matter, or null when there is none. */
export function frontMatterVersion(text: string): number | null {
  const match = /^version:[ \t]*(\d+)[ \t]*$/m.exec(splitFrontMatter(text)?.yaml ?? '');
  return match ? Number(match[1]) : null;
}

/** The body of a guide, without its front matter: what tells a change of text from a change of metadata only. */
export function guideBody(text: string): string {
  return splitFrontMatter(text)?.body ?? text;
}
