import type { CreditChoice, PartnerInfo, PartnerKeyFile } from '../../api/drafts';
import { FieldbookError } from '../../api/errors';
import { PackError } from '../packs/errors';
import { DEFAULT_SCRYPT, decryptPrivateKey, encryptPrivateKey, generateKey, type KeyPair, publicKeyFile, rawPublicKey } from '../packs/keys';
import type { Credit } from '../submissions/format';
import type { Partner } from './schema';

/**
 * The partner key: an Ed25519 key made in the app, its private half encrypted with the partner's own passphrase
 * (packs/keys.ts, as `content -- keygen` does), kept in the person's store, which the lock seals again.
 */
export function makePartner(name: string, credit: CreditChoice, passphrase: string, now: Date, cost = DEFAULT_SCRYPT): Partner {
  const pair = generateKey();
  return { name, credit, key: encryptPrivateKey(pair, name, passphrase, now, cost), publicKey: rawPublicKey(pair.publicKey).toString('base64') };
}

export function partnerInfo(partner: Partner): PartnerInfo {
  return { id: partner.key.id, name: partner.name, credit: partner.credit, created: partner.key.created };
}

/** The public key file a maintainer delegates (`content -- delegate`): the same format keygen writes. */
export function partnerKeyFile(partner: Partner, pair: Pick<KeyPair, 'id' | 'publicKey'>): PartnerKeyFile {
  const file = publicKeyFile(pair, partner.name, new Date(partner.key.created));
  return { fileName: `${partner.key.id}.pub.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}

/** Opens the private key; a wrong passphrase is refused with wrong-passphrase and changes nothing. */
export function unlockPartner(partner: Partner, passphrase: string): KeyPair {
  try {
    return decryptPrivateKey(partner.key, passphrase);
  } catch (error) {
    if (error instanceof PackError && error.reason === 'bad-passphrase')
      throw new FieldbookError(
        'wrong-passphrase',
        'That passphrase does not open your partner key. Type it again (it is the one you chose when you made the key).',
      );
    throw error;
  }
}

/** How the submission credits the partner, from their choice. */
export function creditOf(partner: Partner): Credit {
  if (partner.credit.as === 'organisation') return { as: 'organisation', organisation: partner.credit.organisation };
  if (partner.credit.as === 'name') return { as: 'name', name: partner.name };
  return { as: 'none' };
}
