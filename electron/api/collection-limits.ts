// A workshop collection's bounds, apart from its schemas (collections.ts): the page needs only these, and importing
// them from there would put the whole schema library in the code it loads at start-up.

export const COLLECTION_LIMITS = {
  collections: 100,
  items: 200,
  nameLength: 120,
  noteLength: 4000,
  /** An imported collection file, in characters. */
  fileLength: 512 * 1024,
} as const;
