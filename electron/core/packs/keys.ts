import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { z } from 'zod';
import { refuse } from './errors';

/**
 * Ed25519 keys, their ids and their files. A key id is the first 16 hex digits of the SHA-256 of the raw 32-byte
 * public key: short enough to read aloud, and tied to the key itself so a key list cannot name one key under another's id.
 */

export const keyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 lower-case hex digits');
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

export const publicKeyFileSchema = z.strictObject({
  type: z.literal('fieldbook-public-key'),
  algorithm: z.literal('ed25519'),
  id: keyIdSchema,
  name: z.string().trim().min(1),
  /** The raw 32-byte public key, base64. */
  publicKey: base64,
  created: z.string(),
});
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

export const privateKeyFileSchema = z.strictObject({
  type: z.literal('fieldbook-private-key'),
  algorithm: z.literal('ed25519'),
  id: keyIdSchema,
  name: z.string(),
  created: z.string(),
  kdf: z.strictObject({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: base64 }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: base64, tag: base64 }),
  /** The PKCS#8 DER private key, encrypted. */
  data: base64,
});
export type PrivateKeyFile = z.infer<typeof privateKeyFileSchema>;

export interface KeyPair {
  id: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

/** scrypt cost: N = 2^17, r = 8 (128 MiB, about a third of a second), the strength OWASP suggests for scrypt. */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 };

export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('packs: not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(raw: Buffer | string): KeyObject {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'base64') : raw;
  if (bytes.length !== 32) refuse('bad-key-file', `a public key must be 32 bytes, not ${bytes.length}; copy the key file again`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.toString('base64url') }, format: 'jwk' });
}

export function keyIdOf(publicKey: KeyObject | Buffer): string {
  const raw = Buffer.isBuffer(publicKey) ? publicKey : rawPublicKey(publicKey);
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function generateKey(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { id: keyIdOf(publicKey), publicKey, privateKey };
}

export function publicKeyFile(pair: Pick<KeyPair, 'id' | 'publicKey'>, name: string, created: Date): PublicKeyFile {
  return {
    type: 'fieldbook-public-key',
    algorithm: 'ed25519',
    id: pair.id,
    name,
    publicKey: rawPublicKey(pair.publicKey).toString('base64'),
    created: created.toISOString(),
  };
}

function deriveKey(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 });
}

/**
 * The private key encrypted under a passphrase: scrypt derives a 256-bit key, AES-256-GCM encrypts the PKCS#8 DER and
 * authenticates it (with the key id and name as associated data), so a wrong passphrase or an edited file is told
 * apart from a good one instead of yielding garbage.
 */
export function encryptPrivateKey(pair: KeyPair, name: string, passphrase: string, created: Date, cost = DEFAULT_SCRYPT): PrivateKeyFile {
  if (passphrase.length < 8) refuse('bad-passphrase', 'the passphrase must be at least 8 characters; choose a longer one');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, cost), iv);
  cipher.setAAD(Buffer.from(`${pair.id}\n${name}`));
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const data = Buffer.concat([cipher.update(der), cipher.final()]);
  return {
    type: 'fieldbook-private-key',
    algorithm: 'ed25519',
    id: pair.id,
    name,
    created: created.toISOString(),
    kdf: { name: 'scrypt', ...cost, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
}

export function parseKeyFile<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse('bad-key-file', `${file} is not a key file (not JSON); give the file that keygen wrote`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(
      'bad-key-file',
      `${file} is not a key file of this kind (${issue?.path.join('.') || 'type'}: ${issue?.message}); give the file that keygen wrote`,
    );
  }
  return parsed.data;
}

export function decryptPrivateKey(file: PrivateKeyFile, passphrase: string): KeyPair {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    deriveKey(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf),
    Buffer.from(file.cipher.iv, 'base64'),
  );
  decipher.setAAD(Buffer.from(`${file.id}\n${file.name}`));
  decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]);
  } catch {
    refuse('bad-passphrase', `the passphrase does not open key ${file.id} (or the key file was changed); try again`);
  }
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  if (keyIdOf(publicKey) !== file.id) refuse('bad-key-file', `the key file says id ${file.id} but holds another key; use the file keygen wrote`);
  return { id: file.id, publicKey, privateKey };
}
