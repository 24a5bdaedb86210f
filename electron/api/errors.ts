/** Error codes that cross the boundary; the message is always one a person can act on. */
export type ErrorCode =
  | 'bad-input'
  | 'unknown-method'
  | 'not-found'
  | 'forbidden'
  | 'internal'
  /** A change could not be saved; the message says why (disk full, read-only, no permission, a disk error). */
  | 'not-saved'
  /** Another running Fieldbook uses the same data folder. */
  | 'folder-in-use'
  /** The person's data is locked under a passphrase; unlock first. */
  | 'locked'
  /** The passphrase given is not the one set. */
  | 'wrong-passphrase';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** Thrown by the core for an expected failure; the router passes its code and message through unchanged. */
export class FieldbookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FieldbookError';
  }
}

/** What every call answers, over either transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
