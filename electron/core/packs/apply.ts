import { refuse } from './errors';
import { type InstalledGuideEntry, type PackState, type PackStore, UNDO_DEPTH } from './state';
import type { VerifiedPack } from './verify';

/**
 * Applies a verified pack: first the pack file is stored as an object (named by its hash, so nothing existing is
 * overwritten, fsynced), then the new state replaces the old in one atomic rename. A crash before the rename leaves
 * the old state whole; an unreferenced object is harmless. `onProgress` is told of each of the two steps.
 */
export async function applyPack(
  store: PackStore,
  pack: VerifiedPack,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<PackState> {
  const state = store.read();
  const object = await store.putObject(pack.bytes);
  onProgress?.(1, 2);
  const next = stateAfter(state, pack, object, now);
  await store.write(next);
  onProgress?.(2, 2);
  return next;
}

/** The state once `pack`, stored as `object`, is applied on `state` (pure: used to apply and to preview a bundle). */
export function stateAfter(state: PackState, pack: VerifiedPack, object: string, now: Date): PackState {
  const { manifest } = pack;
  const guides: Record<string, InstalledGuideEntry> = manifest.base === null ? {} : { ...(state.installed[manifest.pack]?.guides ?? {}) };
  for (const removal of manifest.removed) delete guides[removal.path];
  for (const guide of manifest.guides) guides[guide.path] = { ...guide, object };

  const next = structuredClone(state);
  next.undo = [...state.undo, state.installed].slice(-UNDO_DEPTH);
  next.installed[manifest.pack] = {
    sequence: manifest.sequence,
    manifestSha256: pack.manifestSha256,
    signer: pack.signer.id,
    signerName: pack.signer.name,
    created: manifest.created,
    expires: manifest.expires,
    appliedAt: now.toISOString(),
    guides,
  };
  const trusted = next.trusted.packs[manifest.pack];
  if (!trusted || manifest.sequence >= trusted.sequence)
    next.trusted.packs[manifest.pack] = { sequence: manifest.sequence, manifestSha256: pack.manifestSha256 };
  const keptVersion = (next.trusted.keyList as { signed?: { version?: number } } | null)?.signed?.version ?? 0;
  if (pack.keyList.signed.version > keptVersion) next.trusted.keyList = pack.keyList;
  for (const guide of manifest.guides) {
    const key = `${guide.id}/${guide.lang}`;
    next.history[key] = { ...next.history[key], [String(guide.version)]: { sha256: guide.sha256, object, path: guide.path } };
  }
  return next;
}

/** Returns to the installed state before the last apply or undo step; the trusted state (sequences, key list) stays. */
export async function undoLast(store: PackStore): Promise<PackState> {
  const state = store.read();
  const previous = state.undo.at(-1);
  if (!previous) refuse('nothing-to-undo', 'no pack has been applied since the content was installed; there is nothing to undo');
  const next = { ...state, installed: previous, undo: state.undo.slice(0, -1) };
  await store.write(next);
  return next;
}
