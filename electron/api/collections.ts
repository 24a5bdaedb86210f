import { z } from 'zod';

/**
 * The fields of a workshop collection that cross the boundary, and its bounds. A collection is personal data kept in
 * the person's data file, so it is bounded: a file grown without limit would slow every save.
 */
export { COLLECTION_LIMITS } from './collection-limits';
import { COLLECTION_LIMITS } from './collection-limits';

export const guideIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a guide id (lower-case words joined by hyphens)');
export const langSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ar');
/** Anchors as slug.ts makes them: letters, marks and digits of every script, joined by hyphens. */
export const anchorSchema = z.string().regex(/^[\p{L}\p{N}\p{M}_-]{1,200}$/u, 'must be a section anchor (letters, digits and hyphens)');
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ and -');
export const collectionNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty: give the collection a name')
  .max(COLLECTION_LIMITS.nameLength, `must be at most ${COLLECTION_LIMITS.nameLength} characters`);
export const noteSchema = z.string().max(COLLECTION_LIMITS.noteLength, `must be at most ${COLLECTION_LIMITS.noteLength} characters`);
