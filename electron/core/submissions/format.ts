import { z } from 'zod';
import { keyIdSchema } from '../packs/keys';
import { signatureSchema } from '../packs/signed';

/**
 * The submission file (`.fbsub`) and the maintainer's reply (`.fbreply`): what a partner sends and what comes back.
 * README.md in this folder says why each field is there; the writer (build.ts) and the reader (verify.ts) both use
 * these schemas, so the two cannot drift.
 */

export const SUBMISSION_TYPE = 'fieldbook-submission';
export const REPLY_TYPE = 'fieldbook-reply';
export const SUBMISSION_FORMAT = 1;
export const SUBMISSION_FILE = 'submission.json';
export const MAX_MESSAGE_CHARS = 4000;
export const MAX_SUBMISSION_GUIDES = 200;

const guidePath = z.string().regex(/^guides\/(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)\/[a-z0-9]+(-[a-z0-9]+)*\/[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.md$/, {
  message: 'must be guides/<jurisdiction>/<id>/<lang>.md',
});

/** How the partner chose to be credited: by the name they gave, by their organisation, or not at all. */
export const creditSchema = z.discriminatedUnion('as', [
  z.strictObject({ as: z.literal('name'), name: z.string().trim().min(1).max(120) }),
  z.strictObject({ as: z.literal('organisation'), organisation: z.string().trim().min(1).max(120) }),
  z.strictObject({ as: z.literal('none') }),
]);
export type Credit = z.infer<typeof creditSchema>;

export const submittedGuideSchema = z.strictObject({
  path: guidePath,
  id: z.string(),
  lang: z.string(),
  jurisdiction: z.string(),
  /** new: no guide with this id existed; version: a new version of this file; translation: a new language of a guide. */
  kind: z.enum(['new', 'version', 'translation']),
  /** The version of this same file (id and lang) the draft was started from; null when the file did not exist. */
  base: z.number().int().min(1).nullable(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SubmittedGuide = z.infer<typeof submittedGuideSchema>;

export const submissionSchema = z.strictObject({
  type: z.literal(SUBMISSION_TYPE),
  format: z.literal(SUBMISSION_FORMAT),
  /** Random, 16 hex digits: names the submission in replies and in the maintainer's records. */
  id: z.string().regex(/^[0-9a-f]{16}$/),
  /** The day it was made (YYYY-MM-DD): a day, not a time, so the file says no more than it must. */
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The partner's key: its id and raw Ed25519 public key (base64), so a tampered file is told apart from an unknown key. */
  signer: z.strictObject({ id: keyIdSchema, publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/), name: z.string().trim().min(1).max(120) }),
  credit: creditSchema,
  message: z.string().max(MAX_MESSAGE_CHARS),
  /** The submission this one answers (after "request changes"), if any. */
  replaces: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .nullable(),
  guides: z.array(submittedGuideSchema).min(1).max(MAX_SUBMISSION_GUIDES),
});
export type Submission = z.infer<typeof submissionSchema>;

export const submissionEnvelopeSchema = z.strictObject({ signed: z.unknown(), signatures: z.array(signatureSchema).min(1).max(4) });

export const DECISIONS = ['accepted', 'changes-requested', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The maintainer's answer, carried back to the partner. Unsigned: it changes nothing but the state the partner sees. */
export const replySchema = z.strictObject({
  type: z.literal(REPLY_TYPE),
  format: z.literal(SUBMISSION_FORMAT),
  submission: z.string().regex(/^[0-9a-f]{16}$/),
  /** SHA-256 of the submission file answered, so a reply cannot be attached to another submission with the same id. */
  submissionSha256: z.string().regex(/^[0-9a-f]{64}$/),
  decision: z.enum(DECISIONS),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Why (required for changes-requested and rejected). */
  message: z.string().max(MAX_MESSAGE_CHARS),
  /** Notes on particular guides: shown beside the draft of that file. */
  notes: z.array(z.strictObject({ path: guidePath, note: z.string().min(1).max(MAX_MESSAGE_CHARS) })).max(MAX_SUBMISSION_GUIDES),
  /** For each accepted guide, the version it was published as. */
  published: z.array(z.strictObject({ path: guidePath, version: z.number().int().min(1) })),
});
export type Reply = z.infer<typeof replySchema>;

/** What the partner and maintainer both see of a submission. */
export const SUBMISSION_STATES = ['draft', 'sent', 'accepted', 'changes-requested', 'rejected'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** The maintainer's record of a decision (`content/submissions/<id>.json`, kept in Git): nothing about the partner but their key id. */
export const recordSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  decision: z.enum(DECISIONS),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reviewer: z.string().min(1).max(120),
  reason: z.string().max(MAX_MESSAGE_CHARS),
  key: keyIdSchema,
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  guides: z.array(z.strictObject({ path: guidePath, base: z.number().int().min(1).nullable(), published: z.number().int().min(1).nullable() })),
  notes: z.array(z.strictObject({ path: guidePath, note: z.string().min(1).max(MAX_MESSAGE_CHARS) })),
});
