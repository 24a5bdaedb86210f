import { sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { keyIdSchema } from './keys';

/**
 * A signed document, as TUF writes its metadata: `{ signed, signatures }`, each signature an Ed25519 signature over
 * the RFC 8785 canonical JSON of `signed`. Canonical bytes mean a document can be re-serialised, pretty-printed or
 * carried in another file and still verify, and that two different byte strings never mean the same document.
 */
export const signatureSchema = z.strictObject({ keyid: keyIdSchema, sig: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/) });
export interface Envelope<T> {
  signed: T;
  signatures: z.infer<typeof signatureSchema>[];
}

export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('packs: nothing to canonicalise');
  return Buffer.from(text, 'utf8');
}

export function signDocument<T>(signed: T, signers: { id: string; privateKey: KeyObject }[]): Envelope<T> {
  const bytes = canonicalBytes(signed);
  return { signed, signatures: signers.map((key) => ({ keyid: key.id, sig: sign(null, bytes, key.privateKey).toString('base64') })) };
}

/** True when `keyid`'s signature over `signed` is present and valid for `publicKey`. */
export function hasValidSignature(envelope: Envelope<unknown>, keyid: string, publicKey: KeyObject): boolean {
  const bytes = canonicalBytes(envelope.signed);
  return envelope.signatures.some((s) => s.keyid === keyid && verify(null, bytes, publicKey, Buffer.from(s.sig, 'base64')));
}
