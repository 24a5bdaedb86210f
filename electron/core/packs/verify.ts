import type { ContentProblem, Jurisdiction } from '../content/model';
import { type ArchiveLimits, DEFAULT_LIMITS, readArchive } from './archive';
import { refuse } from './errors';
import { firstMismatch, listedGuideProblems, problemLines } from './listed';
import { describeKey, type KeyEntry, type KeyList, mayPublish, newerKeyList, verifyKeyList } from './keylist';
import { publicKeyFromRaw, type PublicKeyFile } from './keys';
import {
  frontMatterVersion,
  GUIDE_PATH,
  KEYLIST_ENTRY,
  MANIFEST_ENTRY,
  type Manifest,
  manifestEnvelopeSchema,
  manifestSchema,
  sha256,
} from './manifest';
import { canonicalBytes, type Envelope, hasValidSignature } from './signed';
import type { PackState } from './state';

/** What a pack is checked against: the shipped root keys and key list, what is installed, the time, the hierarchy. */
export interface TrustContext {
  roots: readonly PublicKeyFile[];
  /** The key list shipped in content/keys, already verified against the roots. */
  bundledKeyList: Envelope<KeyList> | null;
  state: PackState;
  now: Date;
  jurisdictions: readonly Jurisdiction[];
}

export interface VerifiedPack {
  manifest: Manifest;
  /** The signed manifest as it will be kept (canonical JSON), and its SHA-256: the pack's identity. */
  manifestBytes: Buffer;
  manifestSha256: string;
  signer: KeyEntry;
  /** The newest key list known once this pack is accepted (the pack may carry a newer one). */
  keyList: Envelope<KeyList>;
  files: Map<string, Buffer>;
  /** The pack file's size in bytes, and the bytes themselves (kept as they came, signatures and all). */
  size: number;
  bytes: Buffer;
}

export interface VerifyOptions {
  limits?: ArchiveLimits;
  /**
   * Parses and validates the pack's guides with the content rules, laid over the content they will join; returns
   * the problems. The caller supplies it because it knows the content folder.
   */
  checkGuides?: (files: Map<string, string>) => Promise<ContentProblem[]>;
}

/** The trusted key list now: the newer of the shipped one and the last one accepted. */
export function trustedKeyList(context: TrustContext): Envelope<KeyList> | null {
  // A kept list that no shipped root key signs any more (the root was rotated in a new release) is set aside, not
  // fatal: the shipped list, or a newer one a pack brings, takes over.
  let kept: Envelope<KeyList> | null = null;
  try {
    kept = context.state.trusted.keyList ? verifyKeyList(context.state.trusted.keyList, context.roots, 'the installed key list') : null;
  } catch {
    kept = null;
  }
  return newerKeyList(context.bundledKeyList, kept);
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    refuse('malformed-manifest', `the pack's ${what} is not valid JSON; the pack is damaged: ask its publisher for a new one`);
  }
}

/**
 * Checks everything about a pack file and returns what it holds; throws a PackError for the first refusal. Reads
 * nothing from disk and writes nothing: the caller applies the result.
 */
export async function verifyPack(bytes: Buffer, context: TrustContext, options: VerifyOptions = {}): Promise<VerifiedPack> {
  const files = await readArchive(bytes, options.limits ?? DEFAULT_LIMITS);

  const manifestFile = files.get(MANIFEST_ENTRY);
  if (!manifestFile) refuse('unsigned', `the pack has no ${MANIFEST_ENTRY}, so nobody vouches for it; ask its publisher for a signed pack`);
  const envelope = manifestEnvelopeSchema.safeParse(parseJson(manifestFile, MANIFEST_ENTRY));
  if (!envelope.success) refuse('malformed-manifest', `${MANIFEST_ENTRY} is not a signed manifest; ask the publisher for a new pack`);
  const signatures = envelope.data.signatures ?? [];
  if (signatures.length === 0) refuse('unsigned', 'the pack is not signed; ask its publisher to sign it with `npm run content -- pack --key …`');
  const parsed = manifestSchema.safeParse(envelope.data.signed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse('malformed-manifest', `${MANIFEST_ENTRY}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; ask the publisher for a new pack`);
  }
  const manifest = parsed.data;
  const signed: Envelope<Manifest> = { signed: manifest, signatures };

  // The key list: the newest of the trusted one and one the pack carries (a pack may bring a newer list along).
  let keyList = trustedKeyList(context);
  const carried = files.get(KEYLIST_ENTRY);
  if (carried) keyList = newerKeyList(keyList, verifyKeyList(parseJson(carried, KEYLIST_ENTRY), context.roots, `the pack's ${KEYLIST_ENTRY}`));
  if (!keyList)
    refuse('unknown-key', 'no key list is installed (content/keys/keylist.json is missing), so no pack can be trusted; reinstall Fieldbook');

  const signer = keyList.signed.keys.find((key) => key.id === manifest.signer);
  if (!signer) {
    const root = context.roots.some((key) => key.id === manifest.signer);
    refuse(
      'unknown-key',
      root
        ? `the pack is signed by root key ${manifest.signer}, which signs only the key list; ask the maintainers to sign it with a maintainer key`
        : `the pack is signed by key ${manifest.signer}, which is not in the key list (version ${keyList.signed.version}); ` +
            'if you trust its publisher, ask them for a pack that carries the newer key list',
    );
  }
  if (!hasValidSignature(signed, signer.id, publicKeyFromRaw(signer.publicKey)))
    refuse(
      'bad-signature',
      `the signature does not match the pack's manifest for ${describeKey(signer)}; the pack was changed after signing: delete it`,
    );

  const now = context.now.getTime();
  if (signer.revoked && Date.parse(signer.revoked) <= now)
    refuse('key-revoked', `${describeKey(signer)} was revoked on ${signer.revoked.slice(0, 10)}; get a pack signed with a current key`);
  if (Date.parse(signer.expires) <= now)
    refuse('key-expired', `${describeKey(signer)} expired on ${signer.expires.slice(0, 10)}; ask its publisher to have it renewed and to pack again`);
  if (Date.parse(manifest.expires) <= now)
    refuse(
      'pack-expired',
      `pack "${manifest.pack}" #${manifest.sequence} expired on ${manifest.expires.slice(0, 10)}; old packs may hide newer guidance: get a current pack`,
    );

  // Rollback and replay: the sequence must be above the highest accepted, unless this very pack was undone.
  const manifestBytes = canonicalBytes(signed);
  const manifestSha256 = sha256(manifestBytes);
  const trusted = context.state.trusted.packs[manifest.pack];
  const installed = context.state.installed[manifest.pack];
  if (trusted && manifest.sequence < trusted.sequence)
    refuse(
      'rollback',
      `pack "${manifest.pack}" #${manifest.sequence} is older than #${trusted.sequence}, already accepted; an old pack would bring back old guidance: get the newest pack`,
    );
  const undone = trusted?.manifestSha256 === manifestSha256 && (installed?.sequence ?? 0) < trusted.sequence;
  if (trusted && manifest.sequence === trusted.sequence && !undone)
    refuse(
      'replay',
      `pack "${manifest.pack}" #${manifest.sequence} is already installed (or another pack was issued under that number); nothing to do`,
    );
  if (manifest.base !== null && manifest.base !== (installed?.sequence ?? null))
    refuse(
      'wrong-base',
      `this delta pack applies on "${manifest.pack}" #${manifest.base}, but ${installed ? `#${installed.sequence}` : 'no version of it'} is installed; ` +
        'import the full pack instead',
    );

  // Local autonomy: each guide, and each removal, must be within the signer's delegation.
  for (const item of [...manifest.guides, ...manifest.removed]) {
    const match = GUIDE_PATH.exec(item.path)!;
    if (match[1] !== item.jurisdiction || match[2] !== item.id || match[3] !== item.lang)
      refuse(
        'malformed-manifest',
        `${MANIFEST_ENTRY}: ${item.path} is listed as ${item.jurisdiction}/${item.id}/${item.lang}; the manifest is inconsistent`,
      );
    if (!mayPublish(signer, item.jurisdiction, context.jurisdictions))
      refuse(
        'outside-delegation',
        `${item.path} is a guide for ${item.jurisdiction}, but the pack is signed by ${describeKey(signer)}; ` +
          'only a key delegated to that jurisdiction may publish it: ask the maintainers',
      );
  }

  // Mix-and-match: every file is listed, every listed file is there, each exactly as listed.
  const listed = new Map(manifest.guides.map((guide) => [guide.path, guide]));
  if (listed.size !== manifest.guides.length) refuse('malformed-manifest', `${MANIFEST_ENTRY} lists a guide twice; ask the publisher for a new pack`);
  const mismatch = firstMismatch(files, manifest.guides, [MANIFEST_ENTRY, KEYLIST_ENTRY]);
  const named = `"${manifest.pack}" #${manifest.sequence}`;
  if (mismatch?.kind === 'unlisted')
    refuse(
      'mix-and-match',
      `the pack holds ${mismatch.path}, which its manifest (${named}) does not list; files from another pack were mixed in: delete it`,
    );
  if (mismatch?.kind === 'missing')
    refuse(
      'mix-and-match',
      `the manifest of ${named} lists ${mismatch.path}, which the pack does not hold; the pack was put together from parts: delete it`,
    );
  if (mismatch?.kind === 'size')
    refuse(
      'size-mismatch',
      `${mismatch.path} is ${mismatch.actual} bytes but the manifest says ${mismatch.expected}: the file was ${mismatch.actual < mismatch.expected ? 'cut short' : 'padded or replaced'}; copy the pack again`,
    );
  if (mismatch?.kind === 'hash')
    refuse('hash-mismatch', `${mismatch.path} does not match its SHA-256 in the signed manifest; it was changed after signing: delete the pack`);

  const { texts, problems } = await listedGuideProblems(files, manifest.guides, options.checkGuides);
  if (problems.length > 0)
    refuse(
      'malformed-guide',
      `${problemLines(problems)}\n` +
        `${problems.length} problem(s) in the pack's guides; ask its publisher to run \`npm run content -- validate\` and pack again`,
    );
  for (const guide of manifest.guides) {
    const version = frontMatterVersion(texts.get(guide.path)!);
    if (version !== guide.version)
      refuse('malformed-manifest', `${guide.path} is version ${version} but the manifest says ${guide.version}; ask the publisher to pack again`);
  }

  const guideFiles = new Map([...files].filter(([name]) => listed.has(name)));
  return { manifest, manifestBytes, manifestSha256, signer, keyList, files: guideFiles, size: bytes.length, bytes };
}
