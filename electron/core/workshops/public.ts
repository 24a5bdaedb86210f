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
