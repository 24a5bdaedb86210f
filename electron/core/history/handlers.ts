import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { Catalog } from '../content/model';
import { directionOf } from '../library';
import { guideBody } from '../packs/manifest';
import type { PacksService } from '../packs/service';
import type { UserDataStore } from '../store/user-data';
import { wordDiff } from './diff';
import { lastReadKey, recordRead } from './last-read';
import { type HistorySources, listVersions, readVersion } from './versions';

export type HistoryHandlers = Pick<Handlers, 'guide.versions' | 'guide.version' | 'guide.diff' | 'guide.markRead' | 'guide.lastRead' | 'packs.diff'>;

export interface HistoryHandlerDeps {
  contentDir: string;
  catalog: () => Catalog;
  packs: PacksService;
  store: UserDataStore;
}

/** The history domain's side of the contract: versions, their texts, word diffs, and what the person last read. */
export function historyHandlers({ contentDir, catalog, packs, store }: HistoryHandlerDeps): HistoryHandlers {
  const sources: HistorySources = { contentDir, catalog, packStore: packs.store, packState: () => packs.state() };
  return {
    'guide.versions': ({ id, lang }) => listVersions(sources, id, lang),
    'guide.version': ({ id, lang, version }) => readVersion(sources, id, lang, version),
    'guide.diff': async ({ id, lang, from, to }) => {
      const [before, after] = await Promise.all([readVersion(sources, id, lang, from), readVersion(sources, id, lang, to)]);
      return {
        from,
        to,
        dir: directionOf(catalog(), lang),
        parts: wordDiff(before.body, after.body, { before: `version ${from}`, after: `version ${to}` }),
      };
    },
    'guide.markRead': async ({ id, lang, version }) => {
      const shown = catalog().guides.find((guide) => guide.meta.id === id && guide.meta.lang === lang);
      // Only what the library shows can have been read: a made-up id or version is not stored.
      if (shown?.meta.version !== version)
        throw new FieldbookError('not-found', `guide.markRead: "${id}" in "${lang}" is not shown at version ${version}; reopen the guide.`);
      const previous = store.read().lastRead[lastReadKey(id, lang)] ?? null;
      if (previous !== version) await store.update((draft) => recordRead(draft, id, lang, version));
      return { previous };
    },
    'guide.lastRead': () => store.read().lastRead,
    'packs.diff': async ({ token, path }) => {
      const pack = packs.previewed(token);
      if (!pack) throw new FieldbookError('bad-input', 'packs: that pack is no longer previewed; open the pack file again');
      const entry = pack.manifest.guides.find((guide) => guide.path === path);
      const incoming = pack.files.get(path);
      if (!entry || !incoming)
        throw new FieldbookError('not-found', `packs: the previewed pack has no guide at ${path}; choose one from its list of changes`);
      const shown = catalog().guides.find((guide) => guide.file === path);
      return {
        from: shown?.meta.version ?? 0,
        to: entry.version,
        dir: directionOf(catalog(), entry.lang),
        parts: wordDiff(shown?.body ?? '', guideBody(incoming.toString('utf8')), {
          before: `the version shown now of ${path}`,
          after: `the pack's version of ${path}`,
        }),
      };
    },
  };
}
