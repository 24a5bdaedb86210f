import { FieldbookError } from '../../api/errors';

/**
 * Why a pack, a key list or a key was refused. Each reason is its own code so the app, the command line and tests can
 * tell them apart; the message always says what is wrong and what to do.
 */
export const PACK_REFUSALS = [
  'unsigned',
  'unknown-key',
  'bad-signature',
  'hash-mismatch',
  'pack-expired',
  'key-expired',
  'key-revoked',
  'rollback',
  'replay',
  'wrong-base',
  'outside-delegation',
  'mix-and-match',
  'size-mismatch',
  'truncated',
  'too-large',
  'bad-entry',
  'bomb',
  'malformed-guide',
  'malformed-manifest',
  'keylist-rollback',
  'keylist-invalid',
  'bad-passphrase',
  'bad-key-file',
  'nothing-to-undo',
  'nothing-to-export',
  'bad-bundle',
] as const;
export type PackRefusal = (typeof PACK_REFUSALS)[number];

/** An expected refusal: nothing was changed when it is thrown. Crosses the contract as `bad-input` with its message. */
export class PackError extends FieldbookError {
  constructor(
    readonly reason: PackRefusal,
    message: string,
  ) {
    super('bad-input', `packs: ${message}`);
    this.name = 'PackError';
  }
}

export function refuse(reason: PackRefusal, message: string): never {
  throw new PackError(reason, message);
}
