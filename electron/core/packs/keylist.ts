import { z } from 'zod';
import type { Jurisdiction } from '../content/model';
import { ancestry } from '../search/rank';
import { refuse } from './errors';
import { keyIdOf, keyIdSchema, publicKeyFromRaw, type PublicKeyFile } from './keys';
import { hasValidSignature, signatureSchema, type Envelope } from './signed';

/**
 * The key list: which keys may sign packs, signed by a root key (TUF's root and targets roles, folded into one small
 * document). Maintainer keys may publish for every jurisdiction; a partner key only for the jurisdictions delegated
 * to it and their children, until its expiry. A newer list (higher version) replaces an older one; an older one is
 * never taken back.
 */

const instant = z.iso.datetime({ offset: true });
const jurisdictionCode = z.string().regex(/^(global|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/);

export const keyEntrySchema = z
  .strictObject({
    id: keyIdSchema,
    name: z.string().trim().min(1),
    role: z.enum(['maintainer', 'partner']),
    publicKey: z.string(),
    /** A partner key's delegation: it may publish guides for these jurisdictions and their children. */
    jurisdictions: z.array(jurisdictionCode).min(1).optional(),
    expires: instant,
    /** When set, the key is revoked from that moment: packs it signed are refused. */
    revoked: instant.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.role === 'partner' && !entry.jurisdictions)
      ctx.addIssue({ code: 'custom', path: ['jurisdictions'], message: 'a partner key needs its jurisdictions' });
    if (entry.role === 'maintainer' && entry.jurisdictions)
      ctx.addIssue({ code: 'custom', path: ['jurisdictions'], message: 'a maintainer key publishes everywhere; drop jurisdictions' });
  });
export type KeyEntry = z.infer<typeof keyEntrySchema>;

export const keyListSchema = z.strictObject({
  type: z.literal('fieldbook-key-list'),
  version: z.number().int().min(1),
  issued: instant,
  keys: z.array(keyEntrySchema),
});
export type KeyList = z.infer<typeof keyListSchema>;
export const keyListEnvelopeSchema = z.strictObject({ signed: z.unknown(), signatures: z.array(signatureSchema) });

/** Checks a key list's form and that a root key signed it; throws `keylist-invalid` saying what is wrong. */
export function verifyKeyList(envelope: unknown, roots: readonly PublicKeyFile[], where: string): Envelope<KeyList> {
  const outer = keyListEnvelopeSchema.safeParse(envelope);
  if (!outer.success) refuse('keylist-invalid', `${where} is not a signed key list; get the key list from the maintainers again`);
  const list = keyListSchema.safeParse(outer.data.signed);
  if (!list.success) {
    const issue = list.error.issues[0];
    refuse('keylist-invalid', `${where}: ${issue?.path.join('.')}: ${issue?.message}; get the key list from the maintainers again`);
  }
  const doc = { signed: list.data, signatures: outer.data.signatures };
  if (!roots.some((root) => hasValidSignature(doc, root.id, publicKeyFromRaw(root.publicKey))))
    refuse(
      'keylist-invalid',
      `${where} is not signed by a root key in content/keys (signed by ${outer.data.signatures.map((s) => s.keyid).join(', ') || 'nobody'}); ` +
        'it may be forged: get the key list from the maintainers again',
    );
  for (const entry of list.data.keys) {
    if (keyIdOf(publicKeyFromRaw(entry.publicKey)) !== entry.id)
      refuse('keylist-invalid', `${where}: key "${entry.name}" is listed as ${entry.id} but its public key has another id; the list is corrupt`);
  }
  return doc;
}

/** The newer of two verified key lists (TUF: versions only go forward). */
export function newerKeyList(a: Envelope<KeyList> | null, b: Envelope<KeyList> | null): Envelope<KeyList> | null {
  if (!a) return b;
  if (!b) return a;
  return b.signed.version > a.signed.version ? b : a;
}

/** Whether `key` may publish a guide for `jurisdiction`: a maintainer anywhere, a partner within its delegation. */
export function mayPublish(key: KeyEntry, jurisdiction: string, jurisdictions: readonly Jurisdiction[]): boolean {
  if (key.role === 'maintainer') return true;
  const chain = ancestry(jurisdictions, jurisdiction);
  return (key.jurisdictions ?? []).some((code) => chain.includes(code));
}

export function describeKey(key: KeyEntry): string {
  return key.role === 'maintainer'
    ? `maintainer key "${key.name}" (${key.id}), which may publish for every jurisdiction`
    : `partner key "${key.name}" (${key.id}), which may publish for ${key.jurisdictions!.join(', ')} and their children`;
}
