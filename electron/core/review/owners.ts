import type { Jurisdiction } from '../content/model';
import { type KeyList, mayPublish } from '../packs/keylist';

/**
 * Who looks after a jurisdiction's guides: the partner keys in the key list whose delegation covers it (a partner
 * delegated `ES` looks after `ES-CT` too), named as the key list names them. Keys revoked or expired by `now` (an
 * instant) look after nothing. An empty list means the maintainers do, which the dashboard and its export say in words.
 */
export function ownersOf(keyList: KeyList | null, jurisdiction: string, jurisdictions: readonly Jurisdiction[], now: string): string[] {
  if (!keyList) return [];
  const at = Date.parse(now);
  const inForce = (key: KeyList['keys'][number]) => Date.parse(key.expires) > at && (key.revoked === undefined || Date.parse(key.revoked) > at);
  return keyList.keys
    .filter((key) => key.role === 'partner' && inForce(key) && mayPublish(key, jurisdiction, jurisdictions))
    .map((key) => key.name)
    .sort((a, b) => a.localeCompare(b, 'en'));
}

/** The owners of each of these jurisdictions, by code. */
export function ownersByJurisdiction(
  keyList: KeyList | null,
  codes: Iterable<string>,
  jurisdictions: readonly Jurisdiction[],
  now: string,
): Record<string, string[]> {
  return Object.fromEntries([...new Set(codes)].map((code) => [code, ownersOf(keyList, code, jurisdictions, now)]));
}
