import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackError } from '../../electron/core/packs/errors';
import { mayPublish } from '../../electron/core/packs/keylist';
import { decryptPrivateKey, encryptPrivateKey, generateKey, keyIdOf, privateKeyFileSchema, rawPublicKey } from '../../electron/core/packs/keys';
import { canonicalBytes, hasValidSignature, signDocument } from '../../electron/core/packs/signed';
import { loadTrustAnchors } from '../../electron/core/packs/trust';
import { keyEntry } from '../support/packs';

const FAST = { N: 2 ** 12, r: 8, p: 1 };

describe('keys', () => {
  it('a key id is the first 16 hex digits of the SHA-256 of the raw public key', async () => {
    const pair = generateKey();
    const { createHash } = await import('node:crypto');
    expect(pair.id).toBe(createHash('sha256').update(rawPublicKey(pair.publicKey)).digest('hex').slice(0, 16));
    expect(keyIdOf(pair.publicKey)).toBe(pair.id);
  });

  it('a private key file opens with its passphrase only, and holds no key in the clear', () => {
    const pair = generateKey();
    const file = encryptPrivateKey(pair, 'Clínica', 'correct horse battery', new Date('2027-01-01T00:00:00Z'), FAST);
    expect(privateKeyFileSchema.parse(file)).toEqual(file);
    const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(JSON.stringify(file)).not.toContain(der.slice(-43));
    const opened = decryptPrivateKey(file, 'correct horse battery');
    expect(opened.id).toBe(pair.id);
    const doc = signDocument({ hello: 'world' }, [opened]);
    expect(hasValidSignature(doc, pair.id, pair.publicKey)).toBe(true);
    expect(() => decryptPrivateKey(file, 'wrong horse battery')).toThrow(PackError);
    expect(() => decryptPrivateKey({ ...file, name: 'Someone else' }, 'correct horse battery')).toThrow(/does not open key/);
    expect(() => encryptPrivateKey(pair, 'x', 'short', new Date(), FAST)).toThrow(/at least 8 characters/);
  });

  it('signatures are over RFC 8785 canonical JSON: key order and spacing do not matter, any value change does', () => {
    const pair = generateKey();
    const doc = signDocument({ b: 1, a: 'é', c: [1, 2] }, [pair]);
    expect(canonicalBytes({ c: [1, 2], a: 'é', b: 1 }).toString()).toBe('{"a":"é","b":1,"c":[1,2]}');
    const reordered = { signed: JSON.parse(JSON.stringify({ c: [1, 2], a: 'é', b: 1 })), signatures: doc.signatures };
    expect(hasValidSignature(reordered, pair.id, pair.publicKey)).toBe(true);
    expect(hasValidSignature({ ...reordered, signed: { ...reordered.signed, b: 2 } }, pair.id, pair.publicKey)).toBe(false);
  });

  it('a partner delegation covers its jurisdictions and their children, nothing else; a maintainer key covers all', () => {
    const tree = [
      { code: 'global', parent: null, names: {}, aliases: [], abbreviations: [] },
      { code: 'GB', parent: 'global', names: {}, aliases: [], abbreviations: [] },
      { code: 'GB-EAW', parent: 'GB', names: {}, aliases: [], abbreviations: [] },
      { code: 'GB-SCT', parent: 'GB', names: {}, aliases: [], abbreviations: [] },
      { code: 'ES', parent: 'global', names: {}, aliases: [], abbreviations: [] },
    ];
    const gb = keyEntry(generateKey(), 'GB', 'partner', { jurisdictions: ['GB'] });
    expect(['GB', 'GB-EAW', 'GB-SCT'].map((code) => mayPublish(gb, code, tree))).toEqual([true, true, true]);
    expect(['ES', 'global'].map((code) => mayPublish(gb, code, tree))).toEqual([false, false]);
    const eaw = keyEntry(generateKey(), 'EAW', 'partner', { jurisdictions: ['GB-EAW'] });
    expect(['GB-EAW', 'GB-SCT', 'GB'].map((code) => mayPublish(eaw, code, tree))).toEqual([true, false, false]);
    expect(mayPublish(keyEntry(generateKey(), 'M', 'maintainer'), 'ES', tree)).toBe(true);
  });
});

describe('the keys shipped in content/keys', () => {
  it('hold root public keys and a key list signed by one of them, and no private key', async () => {
    const { roots, keyList } = await loadTrustAnchors('content/keys');
    expect(roots.length).toBeGreaterThan(0);
    expect(keyList?.signed.keys.some((key) => key.role === 'maintainer')).toBe(true);
    for (const entry of await readdir('content/keys', { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
      expect(text, `${entry.name} must not hold a private key`).not.toMatch(/fieldbook-private-key|PRIVATE KEY/);
    }
  });
});
