import { createHash } from 'node:crypto';

/** The SHA-256 of some bytes, in hex: how packs, the bundled manifest and the content snapshot name a file's bytes. */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
