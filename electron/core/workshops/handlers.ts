import { randomUUID } from 'node:crypto';
import { COLLECTION_LIMITS } from '../../api/collections';
import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { CollectionItemView, CollectionSummary, CollectionView, HandoutResult } from '../../api/types';
import type { Clock } from '../clock';
import type { Catalog } from '../content/model';
import { toCard } from '../library';
import type { ReviewContext } from '../review/status';
import type { UserData, UserDataStore } from '../store/user-data';
import type { Collection } from './collection';
import { collectionFileName, collectionFileText, parseCollectionFile } from './file';

type WorkshopMethod =
  | 'collections.list'
  | 'collections.get'
  | 'collections.create'
  | 'collections.rename'
  | 'collections.delete'
  | 'collections.addItem'
  | 'collections.removeItem'
  | 'collections.setNote'
  | 'collections.moveItem'
  | 'collections.export'
  | 'collections.import'
  | 'handout.print';

export interface WorkshopDeps {
  /** The content as shown now: it changes when a pack is applied or the folder changes. */
  catalog: () => Catalog;
  store: UserDataStore;
  clock: Clock;
  review: () => ReviewContext;
  /** Saves the showing print view as a PDF or prints it; only the desktop app provides one. */
  printHandout?: (request: { action: 'pdf' | 'print'; fileName: string }) => Promise<HandoutResult>;
}

const newId = () => randomUUID().replace(/-/g, '').slice(0, 16);

function find(data: UserData, id: string): Collection {
  const collection = data.collections.find((c) => c.id === id);
  if (!collection) throw new FieldbookError('not-found', `There is no collection "${id}". It may have been deleted; open the Collections screen.`);
  return collection;
}

function roomFor(collection: Collection, adding: number): void {
  if (collection.items.length + adding > COLLECTION_LIMITS.items) {
    throw new FieldbookError(
      'bad-input',
      `"${collection.name}" holds ${collection.items.length} items and may hold at most ${COLLECTION_LIMITS.items}. Remove some, or start another collection.`,
    );
  }
}

function roomForCollection(data: UserData): void {
  if (data.collections.length >= COLLECTION_LIMITS.collections) {
    throw new FieldbookError(
      'bad-input',
      `You have ${data.collections.length} collections, the most Fieldbook keeps. Delete one you no longer need, then try again.`,
    );
  }
}

/** Workshop collections and handouts: the handlers fieldbook.ts composes into the contract's map. */
export function workshopHandlers(deps: WorkshopDeps): Pick<Handlers, WorkshopMethod> {
  const { store } = deps;
  const now = () => deps.clock.now().toISOString();
  const guideIn = (id: string, lang: string, catalog = deps.catalog()) =>
    catalog.guides.find((g) => g.meta.id === id && g.meta.lang === lang) ??
    catalog.guides.find((g) => g.meta.id === id && !g.meta.translation_of) ??
    catalog.guides.find((g) => g.meta.id === id);

  function view(collection: Collection): CollectionView {
    const context = deps.review();
    const items = collection.items.map((item): CollectionItemView => {
      const guide = guideIn(item.guide, item.lang);
      const section = item.section ? guide?.sections.find((s) => s.anchor === item.section) : undefined;
      return {
        id: item.id,
        guide: item.guide,
        lang: item.lang,
        section: item.section ?? null,
        note: item.note,
        version: item.version ?? null,
        card: guide ? toCard(deps.catalog(), guide, context) : null,
        sectionHeading: section?.heading ?? null,
      };
    });
    return { id: collection.id, name: collection.name, created: collection.created, updated: collection.updated, items };
  }

  const summaries = (data: UserData): CollectionSummary[] =>
    data.collections
      .map((c) => ({ id: c.id, name: c.name, count: c.items.length, updated: c.updated }))
      .sort((a, b) => b.updated.localeCompare(a.updated));

  /** Changes one collection in a single atomic save; a change that throws saves nothing. */
  async function change(id: string, edit: (collection: Collection) => void): Promise<CollectionView> {
    const data = await store.update((draft) => {
      const collection = find(draft, id);
      edit(collection);
      collection.updated = now();
    });
    return view(find(data, id));
  }

  return {
    'collections.list': () => summaries(store.read()),
    'collections.get': ({ id }) => view(find(store.read(), id)),
    'collections.create': async ({ name }) => {
      const id = newId();
      const data = await store.update((draft) => {
        roomForCollection(draft);
        draft.collections.push({ id, name, created: now(), updated: now(), items: [] });
      });
      return view(find(data, id));
    },
    'collections.rename': ({ id, name }) =>
      change(id, (collection) => {
        collection.name = name;
      }),
    'collections.delete': async ({ id }) => {
      const data = await store.update((draft) => {
        find(draft, id);
        draft.collections = draft.collections.filter((c) => c.id !== id);
      });
      return summaries(data);
    },
    'collections.addItem': ({ id, guide, lang, section }) => {
      const found = guideIn(guide, lang);
      if (!found || found.meta.lang !== lang) {
        throw new FieldbookError('not-found', `There is no guide "${guide}" in "${lang}" here. Open it from the library, then add it.`);
      }
      if (section && !found.sections.some((s) => s.anchor === section)) {
        throw new FieldbookError(
          'not-found',
          `The guide "${found.meta.title}" has no section "${section}". Add the whole guide, or another section.`,
        );
      }
      return change(id, (collection) => {
        roomFor(collection, 1);
        if (collection.items.some((item) => item.guide === guide && item.lang === lang && (item.section ?? null) === (section ?? null))) {
          throw new FieldbookError('bad-input', `That is already in "${collection.name}".`);
        }
        collection.items.push({ id: newId(), guide, lang, ...(section && { section }), version: found.meta.version, note: '' });
      });
    },
    'collections.removeItem': ({ id, item }) =>
      change(id, (collection) => {
        const before = collection.items.length;
        collection.items = collection.items.filter((i) => i.id !== item);
        if (collection.items.length === before)
          throw new FieldbookError('not-found', `That item is no longer in "${collection.name}". Reload the collection.`);
      }),
    'collections.setNote': ({ id, item, note }) =>
      change(id, (collection) => {
        const target = collection.items.find((i) => i.id === item);
        if (!target)
          throw new FieldbookError('not-found', `That item is no longer in "${collection.name}". Copy your note, then reload the collection.`);
        target.note = note;
      }),
    'collections.moveItem': ({ id, item, to }) =>
      change(id, (collection) => {
        const from = collection.items.findIndex((i) => i.id === item);
        if (from < 0) throw new FieldbookError('not-found', `That item is no longer in "${collection.name}". Reload the collection.`);
        const [moved] = collection.items.splice(from, 1);
        collection.items.splice(Math.min(to, collection.items.length), 0, moved!);
      }),
    'collections.export': ({ id }) => {
      const collection = find(store.read(), id);
      const text = collectionFileText(collection, deps.clock.now(), (guide, lang) => {
        const found = guideIn(guide, lang);
        return found && found.meta.lang === lang ? found.meta.version : null;
      });
      return { fileName: collectionFileName(collection.name), mediaType: 'application/json;charset=utf-8', text };
    },
    'collections.import': async ({ text }) => {
      const file = parseCollectionFile(text);
      const id = newId();
      const data = await store.update((draft) => {
        roomForCollection(draft);
        draft.collections.push({
          id,
          name: file.name,
          created: now(),
          updated: now(),
          items: file.items.map((item) => ({
            id: newId(),
            guide: item.guide,
            lang: item.lang,
            ...(item.section !== null && { section: item.section }),
            ...(item.version !== null && { version: item.version }),
            note: item.note,
          })),
        });
      });
      return view(find(data, id));
    },
    'handout.print': (request) => {
      if (!deps.printHandout) {
        return { outcome: 'unavailable', message: "The browser mode prints from the page: use the Print button, or the browser's own Print." };
      }
      return deps.printHandout(request);
    },
  };
}
