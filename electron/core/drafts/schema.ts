import { z } from 'zod';
import { creditChoiceSchema, DRAFT_KINDS, DRAFT_LIMITS, DRAFT_STATES, draftBodySchema, draftIdSchema, draftMetaSchema } from '../../api/drafts';
import { privateKeyFileSchema } from '../packs/keys';
import { DECISIONS } from '../submissions/format';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One draft: the form's fields and the Markdown, with what the guide file needs that the form does not edit. */
export const draftSchema = z.strictObject({
  id: draftIdSchema,
  kind: z.enum(DRAFT_KINDS),
  meta: draftMetaSchema,
  body: draftBodySchema,
  /** The version this draft will be, and the version of the same file (id and lang) it started from. */
  version: z.number().int().min(1),
  base: z.number().int().min(1).nullable(),
  /** Earlier versions' changelog entries, carried over so the file lists one entry per version. */
  history: z.array(z.strictObject({ version: z.number().int().min(1), date: day, changes: z.string() })).max(10_000),
  /** The base's review fields: a new version keeps them until a maintainer's review replaces them. */
  reviewed: z.strictObject({ by: z.string().nullable(), on: day.nullable() }),
  translationOf: z.strictObject({ lang: z.string(), version: z.number().int().min(1) }).nullable(),
  updated: z.string(),
  /** Counts saves; the editor shows the last one saved, so a person (and a test) knows what is on disk. */
  revision: z.number().int().min(0),
  state: z.enum(DRAFT_STATES),
  sent: z.strictObject({ submission: z.string().regex(/^[0-9a-f]{16}$/), sha256, date: day }).nullable(),
  reply: z
    .strictObject({
      decision: z.enum(DECISIONS),
      date: day,
      message: z.string(),
      notes: z.array(z.string()),
      published: z.number().int().min(1).nullable(),
    })
    .nullable(),
  replaces: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

/** The partner key: the name they write under, how they are credited, and the key encrypted with their passphrase. */
export const partnerSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  credit: creditChoiceSchema,
  key: privateKeyFileSchema,
  publicKey: z.string(),
});
export type Partner = z.infer<typeof partnerSchema>;

/** The fields the drafts domain adds to the person's data file (all personal: sealed under the lock). */
export const draftsSchemaShape = {
  drafts: z.array(draftSchema).max(DRAFT_LIMITS.drafts, `must hold at most ${DRAFT_LIMITS.drafts} drafts`).default([]),
  partner: partnerSchema.nullable().default(null),
};
