import { z } from 'zod';
import { anchorSchema, COLLECTION_LIMITS, collectionNameSchema, guideIdSchema, langSchema, noteSchema } from '../../api/collections';
import { FieldbookError } from '../../api/errors';
import type { Collection } from './collection';

/**
 * The collection file a trainer exports and imports: what the collection holds (guide ids, languages, the versions
 * at export, section anchors, notes) and nothing else of the person's data: never ticks, settings or history.
 * `formatVersion` goes up when the shape changes incompatibly; an older Fieldbook then says it cannot read the file.
 */
export const COLLECTION_FILE_FORMAT = 'fieldbook-collection';
export const COLLECTION_FILE_VERSION = 1;

const fileItemSchema = z.object({
  guide: guideIdSchema,
  lang: langSchema,
  version: z.number().int().min(1).nullable().default(null),
  section: anchorSchema.nullable().default(null),
  note: noteSchema.default(''),
});

export const collectionFileSchema = z.object({
  format: z.literal(COLLECTION_FILE_FORMAT, `must be "${COLLECTION_FILE_FORMAT}": this is not a Fieldbook collection file`),
  formatVersion: z.literal(COLLECTION_FILE_VERSION, `must be ${COLLECTION_FILE_VERSION}: the file was made by another version of Fieldbook`),
  name: collectionNameSchema,
  exported: z.string().max(40).optional(),
  items: z.array(fileItemSchema).max(COLLECTION_LIMITS.items, `must hold at most ${COLLECTION_LIMITS.items} items`),
});
export type CollectionFile = z.infer<typeof collectionFileSchema>;

/** The file's text; `versionOf` gives each guide's version here (null when this library lacks the guide). */
export function collectionFileText(collection: Collection, exported: Date, versionOf: (guide: string, lang: string) => number | null): string {
  const file: CollectionFile = {
    format: COLLECTION_FILE_FORMAT,
    formatVersion: COLLECTION_FILE_VERSION,
    name: collection.name,
    exported: exported.toISOString(),
    items: collection.items.map((item) => ({
      guide: item.guide,
      lang: item.lang,
      version: versionOf(item.guide, item.lang) ?? item.version ?? null,
      section: item.section ?? null,
      note: item.note,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name of letters, digits and hyphens from the collection's name, so every system can save it. */
export function collectionFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'collection'}.fieldbook-collection.json`;
}

/** Reads an imported file; a bad one is refused with the field that is wrong and what to do. */
export function parseCollectionFile(text: string): CollectionFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FieldbookError(
      'bad-input',
      `Collection file: it is not valid JSON (${(error as Error).message}). Choose a file exported from Fieldbook's Collections screen.`,
    );
  }
  const parsed = collectionFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : '(the whole file)';
    const message = issue.message.replace(/^Invalid input: /, '');
    throw new FieldbookError(
      'bad-input',
      `Collection file: the field "${field}" is wrong: ${message}. Fix that field, or export the collection again.`,
    );
  }
  return parsed.data;
}
