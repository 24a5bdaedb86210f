import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { EventMap, PacksList } from '../../api/types';
import type { Catalog } from '../content/model';
import { sha256 } from './manifest';
import type { PacksService } from './service';

export type PackHandlers = Pick<Handlers, 'packs.preview' | 'packs.apply' | 'packs.undo' | 'packs.list' | 'packs.export'>;

export interface PackHandlerDeps {
  packs: PacksService;
  now: () => Date;
  /** Called with the layered catalog after every apply and undo, before the call returns (refresh search, tell the UI). */
  contentChanged: (catalog: Catalog, reason: 'pack-applied' | 'pack-undone') => Promise<void>;
  /** Told how far an apply is, step by step, for the interface's progress bar. */
  progress?: (event: EventMap['pack-progress']) => void;
}

/**
 * The packs domain's side of the contract. A preview keeps the file it verified under a token (its SHA-256), so the
 * UI sends the bytes once and applies exactly what the person saw.
 */
export function packHandlers({ packs, now, contentChanged, progress }: PackHandlerDeps): PackHandlers {
  let previewed: { token: string; bytes: Buffer } | null = null;

  const list = (): PacksList => {
    const state = packs.state();
    const at = now().getTime();
    return {
      installed: Object.entries(state.installed)
        .map(([pack, installed]) => ({
          pack,
          sequence: installed.sequence,
          signer: installed.signer,
          signerName: installed.signerName,
          created: installed.created,
          expires: installed.expires,
          appliedAt: installed.appliedAt,
          guides: Object.keys(installed.guides).length,
          expired: Date.parse(installed.expires) <= at,
        }))
        .sort((a, b) => a.pack.localeCompare(b.pack)),
      canUndo: state.undo.length > 0,
      keyListVersion: packs.keyListVersion(),
    };
  };

  return {
    'packs.preview': async ({ bytes }) => {
      const file = Buffer.from(bytes, 'base64');
      const preview = await packs.preview(file);
      const token = sha256(file);
      previewed = { token, bytes: file };
      return { ...preview, token };
    },
    'packs.apply': async ({ token }) => {
      if (previewed?.token !== token) throw new FieldbookError('bad-input', 'packs: that pack is no longer previewed; open the pack file again');
      // The pack's own steps (store the file, record the state; a bundle has them for each pack), then the refresh.
      let steps = 3;
      progress?.({ stage: 'storing', done: 0, total: steps });
      const preview = await packs.apply(previewed.bytes, (done, total) => {
        steps = total + 1;
        progress?.({ stage: done < total ? 'recording' : 'refreshing', done, total: steps });
      });
      previewed = null;
      await contentChanged(await packs.catalog(), 'pack-applied');
      progress?.({ stage: 'done', done: steps, total: steps });
      return preview;
    },
    'packs.undo': async () => {
      await packs.undo();
      await contentChanged(await packs.catalog(), 'pack-undone');
      return list();
    },
    'packs.list': () => list(),
    'packs.export': async ({ jurisdiction }) => {
      const exported = await packs.exportInstalled(jurisdiction);
      return { fileName: exported.fileName, bytes: exported.bytes.toString('base64'), packs: exported.packs };
    },
  };
}
