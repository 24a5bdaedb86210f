import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF, deriveKey, deriveKeyFor, open, seal } from '../../electron/core/safety/vault';
import { joinPersonal, splitPersonal } from '../../electron/core/safety/personal-section';

describe('the vault', () => {
  it('derives the key with the stated scrypt cost and opens only with the same passphrase', async () => {
    expect(DEFAULT_KDF).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const key = await deriveKey('a long passphrase here');
    const sealed = seal(key, Buffer.from('{"myJurisdiction":"US-CA"}'));
    expect(sealed.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(JSON.stringify(sealed)).not.toContain('US-CA');
    expect(open(await deriveKeyFor('a long passphrase here', sealed), sealed)?.toString()).toBe('{"myJurisdiction":"US-CA"}');
    expect(open(await deriveKeyFor('a long passphrase herE', sealed), sealed)).toBeNull();
    // A fresh nonce on every write: the same data never gives the same bytes.
    expect(seal(key, Buffer.from('x')).nonce).not.toBe(seal(key, Buffer.from('x')).nonce);
  });

  it('refuses a copy whose header was altered, and a header asking for more memory than allowed', async () => {
    const key = await deriveKey('a long passphrase here', { N: 2 ** 14, r: 8, p: 1 });
    const sealed = seal(key, Buffer.from('secret'));
    expect(open(key, { ...sealed, kdf: { ...sealed.kdf, p: 2 } })).toBeNull();
    await expect(deriveKey('x', { N: 2 ** 20, r: 8, p: 1 })).rejects.toThrow(/more memory than Fieldbook allows/);
  });

  it('seals every field but the look of the app and the lock settings, including fields added later', () => {
    const data = {
      settings: { theme: 'dark', interfaceLanguage: 'ar', myJurisdiction: 'US-CA', someFutureSetting: 'x' },
      safety: { keepNothing: false },
      checklists: { a: [1] },
      collections: [{ name: 'training' }],
    };
    const { plain, personal } = splitPersonal(data);
    expect(plain).toEqual({ settings: { theme: 'dark', interfaceLanguage: 'ar' }, safety: { keepNothing: false } });
    expect(personal).toEqual({
      settings: { myJurisdiction: 'US-CA', someFutureSetting: 'x' },
      checklists: { a: [1] },
      collections: [{ name: 'training' }],
    });
    expect(joinPersonal(plain, personal)).toEqual(data);
  });
});
