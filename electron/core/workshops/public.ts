import { FieldbookError } from '../../api/errors';
import type { CollectionView } from '../../api/types';

/** A collection as a room may see it: its name and what it holds, without the trainer's notes. */
export interface PublicCollection {
  id: string;
  name: string;
  items: { guide: string; lang: string; section: string | null; title: string | null; sectionHeading: string | null }[];
}

/**
 * What a read-only share (or anything else that leaves the trainer's machine) may serve of a collection: notes are
 * the trainer's own and never leave, nor do the dates the collection was made and changed.
 */
export function publicCollection(view: CollectionView): PublicCollection {
  return {
    id: view.id,
    name: view.name,
    items: view.items.map((item) => ({
      guide: item.guide,
      lang: item.lang,
      section: item.section,
      title: item.card?.title ?? null,
      sectionHeading: item.sectionHeading,
    })),
  };
}

/** What the room share is limited to when a trainer shares one collection. */
export interface CollectionShare {
  collection: { id: string; name: string };
  /** Each guide once, in one language: the share serves whole guides, so an item of one section shares its guide. */
  only: { id: string; lang: string }[];
}

/**
 * The guides a room share of this collection serves, from its public form only (so no note can reach the share).
 * Items whose guide is no longer in the library are left out; a collection with nothing left to share is refused.
 */
export function collectionShare(collection: PublicCollection): CollectionShare {
  const only = new Map<string, { id: string; lang: string }>();
  for (const item of collection.items) {
    if (item.title !== null) only.set(`${item.guide}/${item.lang}`, { id: item.guide, lang: item.lang });
  }
  if (only.size === 0) {
    throw new FieldbookError(
      'bad-input',
      `"${collection.name}" has no guides to share${collection.items.length > 0 ? ' (its guides are no longer in the library)' : ''}. Add guides to it, or share the whole library.`,
    );
  }
  return { collection: { id: collection.id, name: collection.name }, only: [...only.values()] };
}

/** A stored collection's room share, read through `collections.get` and its public form. */
export async function shareOfCollection(
  get: (input: { id: string }) => Promise<CollectionView> | CollectionView,
  id: string,
): Promise<CollectionShare> {
  return collectionShare(publicCollection(await get({ id })));
}
