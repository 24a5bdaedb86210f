import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Passphrase encryption for the personal part of the data file, with Node's own crypto only.
 *
 * Key: scrypt(passphrase, 16-byte random salt) → 32 bytes. N = 2^17, r = 8, p = 1 is the cost RFC 7914 and OWASP's
 * password-storage guidance name for interactive logins: 128 × N × r = 128 MiB of memory and about half a second
 * on a 2-core laptop per guess, which makes guessing a phrase from a seized copy slow and memory-bound (GPU-hostile)
 * while unlocking stays quick. Node refuses scrypt above `maxmem` (32 MiB by default), so it is set to twice the need.
 *
 * Cipher: AES-256-GCM with a fresh random 12-byte nonce on every write (the key changes with every new passphrase or
 * salt; random nonces under one key stay safe for far more writes than a person makes, NIST SP 800-38D's 2^32).
 * The header (format version, KDF, its parameters and salt) is the additional authenticated data, so a copy whose
 * parameters were altered does not decrypt rather than decrypting to something else.
 */

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
/** The most memory a header may make scrypt use: a planted file cannot make the app allocate gigabytes. */
const MAX_KDF_MEMORY = 256 * 1024 * 1024;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const sealedSchema = z.strictObject({
  v: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(4),
    salt: b64,
  }),
  cipher: z.literal('aes-256-gcm'),
  nonce: b64,
  tag: b64,
  data: b64,
});
export type Sealed = z.infer<typeof sealedSchema>;

/** A derived key and the salt and parameters it came from, so each write can state them in its header. */
export interface VaultKey {
  readonly key: Buffer;
  readonly salt: Buffer;
  readonly params: KdfParams;
}

function kdfMemory({ N, r }: KdfParams): number {
  return 128 * N * r;
}

/** Derives the key for `passphrase`; a new random salt unless one is given (unlocking an existing file). */
export function deriveKey(passphrase: string, params: KdfParams = DEFAULT_KDF, salt: Buffer = randomBytes(SALT_BYTES)): Promise<VaultKey> {
  if (kdfMemory(params) > MAX_KDF_MEMORY) return Promise.reject(new Error('the key parameters ask for more memory than Fieldbook allows'));
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem: 2 * kdfMemory(params) + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve({ key, salt, params }),
    );
  });
}

/** The key for an existing sealed file: same salt and parameters as its header. */
export function deriveKeyFor(passphrase: string, sealed: Sealed): Promise<VaultKey> {
  const { N, r, p, salt } = sealed.kdf;
  return deriveKey(passphrase, { N, r, p }, Buffer.from(salt, 'base64'));
}

/** Whether `candidate` is the same key as `held` (changing or removing the passphrase asks for the current one). */
export function sameKey(held: VaultKey, candidate: VaultKey): boolean {
  return held.key.length === candidate.key.length && timingSafeEqual(held.key, candidate.key);
}

function header(key: VaultKey) {
  return { v: 1 as const, kdf: { name: 'scrypt' as const, ...key.params, salt: key.salt.toString('base64') }, cipher: 'aes-256-gcm' as const };
}

/** The header in a fixed key order: the bytes the tag authenticates. */
function aad(sealed: Pick<Sealed, 'v' | 'kdf' | 'cipher'>): Buffer {
  const { name, N, r, p, salt } = sealed.kdf;
  return Buffer.from(JSON.stringify([sealed.v, name, N, r, p, salt, sealed.cipher]));
}

export function seal(key: VaultKey, plaintext: Buffer): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const head = header(key);
  const cipher = createCipheriv('aes-256-gcm', key.key, nonce, { authTagLength: 16 });
  cipher.setAAD(aad(head));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ...head, nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Decrypts; null when the key is wrong or the file was altered (GCM cannot tell these apart, and need not). */
export function open(key: VaultKey, sealed: Sealed): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.nonce, 'base64'), { authTagLength: 16 });
    decipher.setAAD(aad(sealed));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
