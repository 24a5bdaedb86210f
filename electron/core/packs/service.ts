import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../content/load';
import type { Catalog } from '../content/model';
import { applyPack, stateAfter, undoLast } from './apply';
import { type ExportedContent, exportInstalled, readBundle } from './bundle';
import { type BundledCheck, bundledDigests, checkBundled } from './bundled';
import type { PackPreview } from '../../api/types';
import { type CurrentGuide, packChanges } from './changes';
import { describeKey, type KeyList, newerKeyList } from './keylist';
import type { Envelope } from './signed';
import { packOverlay } from './layer';
import { MANIFEST_ENTRY, sha256 } from './manifest';
import { readArchive } from './archive';
import { refuse } from './errors';
import { openPackStore, type PackState, type PackStore } from './state';
import { loadTrustAnchors } from './trust';
import { type TrustContext, type VerifiedPack, type VerifyOptions, verifyPack } from './verify';

export interface PacksOptions {
  /** The bundled content folder (read-only). */
  contentDir: string;
  /** Where the root keys and the shipped key list are (normally `<contentDir>/keys`). */
  keysDir: string;
  dataDir: string;
  now: () => Date;
  limits?: VerifyOptions['limits'];
  log?: (message: string) => void;
  /** The bundled content's snapshot (content/snapshot.ts), beside the prebuilt search index; absent, it is read in full. */
  snapshot?: string;
}

export interface PacksService {
  readonly store: PackStore;
  /** Bundled content with the installed packs laid over it: what the app shows. */
  catalog(): Promise<Catalog>;
  /** Reads the bundled content folder again (it changed on disk); catalog() then lays the packs over the new text. */
  rereadBundled(): Promise<void>;
  /** Verifies a pack file and says what it would change; changes nothing. */
  preview(bytes: Buffer): Promise<PackPreview>;
  /** Verifies and applies a pack file; returns what it changed. */
  apply(bytes: Buffer, onProgress?: (done: number, total: number) => void): Promise<PackPreview>;
  undo(): Promise<PackState>;
  /** The installed packs (or those with guides for one jurisdiction) as their original signed files: see bundle.ts. */
  exportInstalled(jurisdiction?: string): Promise<ExportedContent>;
  state(): PackState;
  /** The version of the key list in use: the newer of the shipped one and the last one accepted. */
  keyListVersion(): number | null;
  /** The key list in use (the newer of the shipped one and the last one accepted), or null when there is none. */
  keyList(): KeyList | null;
  /** The pack last previewed, when its bytes hash to `token` and nothing was applied or undone since. */
  previewed(token: string): VerifiedPack | null;
}

/** Installed packs over the bundled content: verify, preview, apply and undo, and the layered catalog. */
export async function openPacks(options: PacksOptions): Promise<PacksService> {
  const digests = bundledDigests();
  const [store, anchors, initialBundled] = await Promise.all([
    openPackStore(options.dataDir, options.now),
    // A damaged key list must not stop the app: no pack is accepted until it is repaired, and the reason is logged.
    loadTrustAnchors(options.keysDir).catch((error: Error) => {
      options.log?.(error.message);
      return { roots: [], keyList: null };
    }),
    loadContent(options.contentDir, { onRead: digests.onRead, snapshot: options.snapshot }),
  ]);

  // The bundled content as last read: read again when its folder changes (rereadBundled), and checked each time
  // against its signed manifest.
  let bundled = initialBundled;
  let atRest: BundledCheck = await checkBundled(options.contentDir, options.keysDir, anchors.keyList, digests.read);

  // The last preview, reused by an apply of the same bytes while nothing was applied or undone in between.
  let serial = 0;
  let last: { hash: string; serial: number; result: { verified: VerifiedPack; preview: PackPreview } } | null = null;

  async function verify(bytes: Buffer): Promise<{ verified: VerifiedPack; preview: PackPreview }> {
    const hash = sha256(bytes);
    if (last?.hash === hash && last.serial === serial) return last.result;
    const result = await verifyAgainstState(bytes);
    last = { hash, serial, result };
    return result;
  }

  async function verifyAgainstState(bytes: Buffer, view: PackStore = store): Promise<{ verified: VerifiedPack; preview: PackPreview }> {
    const state = view.read();
    const context: TrustContext = {
      roots: anchors.roots,
      bundledKeyList: anchors.keyList,
      state,
      now: options.now(),
      jurisdictions: bundled.jurisdictions,
    };
    const overlay = await packOverlay(view, state, bundled);
    const verified = await verifyPack(bytes, context, {
      limits: options.limits,
      checkGuides: async (files) => (await loadContent(options.contentDir, { files: new Map([...overlay.files, ...files]) })).problems,
    });
    // What is shown now, path by path: a pack's file where one is laid over, else the bundled file.
    const shown = new Map<string, CurrentGuide>();
    for (const guide of bundled.guides) shown.set(guide.file, { version: guide.meta.version, text: '' });
    for (const [path, guide] of overlay.from) shown.set(path, { version: guide.version, text: overlay.files.get(path)! });
    for (const [path, entry] of shown) if (!overlay.files.has(path)) entry.text = await readFile(join(options.contentDir, path), 'utf8');
    const installedPaths = new Set(Object.keys(state.installed[verified.manifest.pack]?.guides ?? {}));
    const { signer, manifest } = verified;
    return {
      verified,
      preview: {
        pack: manifest.pack,
        sequence: manifest.sequence,
        base: manifest.base,
        created: manifest.created,
        expires: manifest.expires,
        size: verified.size,
        signer: {
          id: signer.id,
          name: signer.name,
          role: signer.role,
          jurisdictions: signer.jurisdictions ?? null,
          expires: signer.expires,
          description: describeKey(signer),
        },
        keyListVersion: verified.keyList.signed.version,
        changes: packChanges(verified, shown, installedPaths),
      },
    };
  }

  /** The bundle's packs not already installed (or superseded): a receiver who has some of them gets the rest. */
  function pending(parts: Buffer[], state: PackState, manifests: { pack: string; sequence: number }[]): Buffer[] {
    return parts.filter((_, index) => {
      const { pack, sequence } = manifests[index]!;
      return (state.trusted.packs[pack]?.sequence ?? 0) < sequence || (state.installed[pack]?.sequence ?? 0) < sequence;
    });
  }

  async function manifestsOf(parts: Buffer[]): Promise<{ pack: string; sequence: number }[]> {
    return Promise.all(
      parts.map(async (part) => {
        const files = await readArchive(part);
        const signed = (JSON.parse(files.get(MANIFEST_ENTRY)?.toString('utf8') ?? '{}') as { signed?: { pack?: string; sequence?: number } }).signed;
        return { pack: signed?.pack ?? '', sequence: signed?.sequence ?? 0 };
      }),
    );
  }

  /**
   * Verifies each pack of a bundle as if those before it were applied (in memory: nothing is written), and says what
   * they change together; the parts' own previews come along, one per pack.
   */
  async function previewBundle(parts: Buffer[], size: number): Promise<PackPreview> {
    let state = store.read();
    const extra = new Map<string, Buffer>();
    const view: PackStore = {
      ...store,
      read: () => state,
      getObject: async (hash) => extra.get(hash) ?? store.getObject(hash),
      guideBytes: async (object, path, hash) => {
        const part = extra.get(object);
        if (!part) return store.guideBytes(object, path, hash);
        const bytes = (await readArchive(part)).get(path);
        return bytes && sha256(bytes) === hash ? bytes : null;
      },
    };
    const previews: PackPreview[] = [];
    const todo = pending(parts, state, await manifestsOf(parts));
    if (todo.length === 0) refuse('replay', 'every pack in this bundle is already installed, or a newer one is; nothing to do');
    for (const part of todo) {
      const { verified, preview } = await verifyAgainstState(part, view);
      const object = sha256(part);
      extra.set(object, part);
      state = stateAfter(state, verified, object, options.now());
      previews.push(preview);
    }
    const last = previews.at(-1)!;
    // One line per guide over the whole bundle: from the version shown now to the one the last pack brings.
    const changes = new Map<string, PackPreview['changes'][number]>();
    for (const change of previews.flatMap((preview) => preview.changes)) {
      const before = changes.get(change.path);
      changes.set(change.path, before ? { ...change, from: before.from } : change);
    }
    return { ...last, size, changes: [...changes.values()], parts: previews };
  }

  /** Applies a bundle's packs in order, each verified as if opened alone; a refusal undoes those already applied. */
  async function applyBundle(parts: Buffer[], size: number, onProgress?: (done: number, total: number) => void): Promise<PackPreview> {
    const preview = await previewBundle(parts, size);
    const before = store.read();
    const todo = pending(parts, before, await manifestsOf(parts));
    let applied = 0;
    try {
      for (const part of todo) {
        const { verified } = await verifyAgainstState(part);
        serial += 1;
        await applyPack(store, verified, options.now(), (done, total) => onProgress?.(applied * total + done, todo.length * total));
        applied += 1;
      }
    } catch (error) {
      // Back to exactly the state before this call, trusted sequences included: the bundle's packs are not accepted.
      if (applied > 0) await store.write(before);
      throw error;
    }
    return preview;
  }

  async function rereadBundled(): Promise<void> {
    const reread = bundledDigests();
    const next = await loadContent(options.contentDir, { onRead: reread.onRead, snapshot: options.snapshot });
    [bundled, atRest] = [next, await checkBundled(options.contentDir, options.keysDir, anchors.keyList, reread.read)];
    serial++;
  }

  async function catalog(): Promise<Catalog> {
    const state = store.read();
    const overlay = await packOverlay(store, state, bundled);
    const layered =
      overlay.files.size === 0 && overlay.problems.length === 0 ? bundled : await loadContent(options.contentDir, { files: overlay.files });
    // Each guide a pack laid over names that pack and its expiry, so a stale pack shows once its date has passed; a
    // bundled file whose bytes differ from the signed bundled manifest is marked as modified outside Fieldbook.
    const guides = layered.guides.map((guide) => {
      const from = overlay.from.get(guide.file);
      const installed = from && state.installed[from.pack];
      if (installed) return { ...guide, pack: { id: from.pack, sequence: installed.sequence, expires: installed.expires } };
      return atRest.modified.has(guide.file) ? { ...guide, modifiedOutside: true } : guide;
    });
    const invalid =
      atRest.problems.length > 0 ? [...layered.invalid, { file: atRest.problems[0]!.file, problems: atRest.problems }] : layered.invalid;
    return { ...layered, guides, invalid, problems: [...layered.problems, ...overlay.problems, ...atRest.problems] };
  }

  // Applies and undos run one at a time, each verifying against the state the one before it left.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    store,
    catalog,
    rereadBundled,
    preview: async (bytes) => {
      const parts = await readBundle(bytes);
      return parts ? previewBundle(parts, bytes.length) : (await verify(bytes)).preview;
    },
    apply: (bytes, onProgress) =>
      serialised(async () => {
        const parts = await readBundle(bytes);
        if (parts) return applyBundle(parts, bytes.length, onProgress);
        const { verified, preview } = await verify(bytes);
        serial += 1;
        await applyPack(store, verified, options.now(), onProgress);
        return preview;
      }),
    exportInstalled: (jurisdiction) =>
      exportInstalled(store, store.read(), { jurisdiction, jurisdictions: bundled.jurisdictions, now: options.now() }),
    undo: () =>
      serialised(async () => {
        serial += 1;
        return undoLast(store);
      }),
    state: () => store.read(),
    previewed: (token) => (last?.hash === token && last.serial === serial ? last.result.verified : null),
    keyList: () => newerKeyList(anchors.keyList, store.read().trusted.keyList as Envelope<KeyList> | null)?.signed ?? null,
    keyListVersion: () => {
      const kept = (store.read().trusted.keyList as { signed?: { version?: number } } | null)?.signed?.version ?? null;
      const shipped = anchors.keyList?.signed.version ?? null;
      return kept === null ? shipped : Math.max(kept, shipped ?? 0);
    },
  };
}
