import { FieldbookError } from '../../api/errors';

/**
 * Why a submission was refused, or a decision on it could not be made. Each reason is its own code so the app, the
 * command line and tests tell them apart; the message names the file or field and says what to do.
 */
export const SUBMISSION_REFUSALS = [
  /** Not a submission file, or not one this version reads (bad archive, bad JSON, schema, extra or missing entries). */
  'malformed',
  /** Signature invalid, a listed file's size or hash differs, or the key id is not the id of the key carried. */
  'tampered',
  'unknown-key',
  'key-revoked',
  'key-expired',
  /** A guide breaks the content rules laid over the content it would join. */
  'malformed-guide',
  /** Accepting would overwrite a version published since the submission's base. */
  'published-since',
  /** The decision asked for cannot be made as given (no reason, a note for a guide not in the submission, ...). */
  'bad-decision',
  /** The submission was already decided. */
  'already-decided',
  /** Nothing was written: the content folder is as it was. */
  'write-failed',
] as const;
export type SubmissionRefusal = (typeof SUBMISSION_REFUSALS)[number];

export class SubmissionError extends FieldbookError {
  constructor(
    readonly reason: SubmissionRefusal,
    message: string,
  ) {
    super('bad-input', `submissions: ${message}`);
    this.name = 'SubmissionError';
  }
}

export function refuseSubmission(reason: SubmissionRefusal, message: string): never {
  throw new SubmissionError(reason, message);
}
