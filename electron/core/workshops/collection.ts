import { z } from 'zod';
import { anchorSchema, COLLECTION_LIMITS, collectionNameSchema, guideIdSchema, idSchema, langSchema, noteSchema } from '../../api/collections';

/** One guide, or one section of it, in a collection, with the trainer's note. */
export const collectionItemSchema = z.object({
  id: idSchema,
  guide: guideIdSchema,
  lang: langSchema,
  /** One section of the guide; absent for the whole guide. */
  section: anchorSchema.optional(),
  /** The guide's version when the item was added (or in the imported file): the UI says when the guide moved on. */
  version: z.number().int().min(1).optional(),
  note: noteSchema.default(''),
});
export type CollectionItem = z.infer<typeof collectionItemSchema>;

/** A trainer's named, ordered set of guides or single sections for one session. */
export const collectionSchema = z.object({
  /** Stable for the collection's life: its screens, the presentation and a read-only room share address it by this id. */
  id: idSchema,
  name: collectionNameSchema,
  created: z.string(),
  updated: z.string(),
  items: z.array(collectionItemSchema).max(COLLECTION_LIMITS.items, `must hold at most ${COLLECTION_LIMITS.items} items`),
});
export type Collection = z.infer<typeof collectionSchema>;

/** The `collections` field of the person's data file. */
export const collectionsSchema = z
  .array(collectionSchema)
  .max(COLLECTION_LIMITS.collections, `must hold at most ${COLLECTION_LIMITS.collections} collections`)
  .default([]);
