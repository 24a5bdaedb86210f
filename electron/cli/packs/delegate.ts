import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../../core/content/load';
import type { KeyEntry, KeyList } from '../../core/packs/keylist';
import { parseKeyFile, publicKeyFileSchema } from '../../core/packs/keys';
import { signDocument } from '../../core/packs/signed';
import { KEYLIST_FILE, loadTrustAnchors } from '../../core/packs/trust';
import { type CommandIO, openPrivateKey, parse, readText, required, untilDate, UsageError } from './common';

export const DELEGATE_HELP = `Usage: npm run content -- delegate --root ROOT.key.json (--add KEY.pub.json ... | --revoke KEY_ID) [options]

Signs a new key list (its version one above the current one) with a root key.
  --root FILE              the root private key (its public key must be in <keys>/root/)
  --add FILE               add a key, or replace its entry (new expiry, new delegation), from its .pub.json
    --role ROLE            partner (default) or maintainer
    --jurisdictions LIST   for a partner: the codes it may publish for, comma-separated (children included), e.g. ES
    --until DATE           the key's expiry (YYYY-MM-DD, end of that day UTC)
  --revoke KEY_ID          revoke a key: packs it signed are refused from then on
    --on DATE              when the revocation takes effect (default: now)
  --keys FOLDER            the keys folder (default: content/keys)
  --content FOLDER         the content folder whose jurisdictions.yaml names the codes (default: content)
  --out FILE               where to write the new list (default: <keys>/${KEYLIST_FILE})
  --passphrase-file FILE   read the root key's passphrase from the first line of FILE`;

export async function delegate(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse('delegate', args, {
    root: { type: 'string' },
    add: { type: 'string' },
    role: { type: 'string' },
    jurisdictions: { type: 'string' },
    until: { type: 'string' },
    revoke: { type: 'string' },
    on: { type: 'string' },
    keys: { type: 'string' },
    content: { type: 'string' },
    out: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  if (values.help) {
    io.out(DELEGATE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`delegate takes no folder or file without a flag: ${positionals.join(' ')}`);
  if ((values.add === undefined) === (values.revoke === undefined)) throw new UsageError('give exactly one of --add KEY.pub.json or --revoke KEY_ID');
  const keysDir = values.keys ?? 'content/keys';
  const { roots, keyList } = await loadTrustAnchors(keysDir);
  const rootFile = required(values.root, '--root', 'the root private key file that signs the key list');
  if (roots.length === 0) throw new UsageError(`${join(keysDir, 'root')} holds no root public key; add the root key's .pub.json there first`);
  const root = await openPrivateKey(io, rootFile, values['passphrase-file']);
  if (!roots.some((key) => key.id === root.id))
    throw new UsageError(`key ${root.id} is not a root key: its public key is not in ${join(keysDir, 'root')}; use the root key`);

  const keys: KeyEntry[] = [...(keyList?.signed.keys ?? [])];
  const now = io.now();
  let said: string;
  if (values.add !== undefined) {
    const pub = parseKeyFile(publicKeyFileSchema, await readText(values.add, 'the public key file'), values.add);
    if (roots.some((key) => key.id === pub.id)) throw new UsageError(`${pub.id} is a root key; root keys sign only the key list, never packs`);
    const role = values.role ?? 'partner';
    if (role !== 'partner' && role !== 'maintainer') throw new UsageError(`--role takes partner or maintainer, not "${role}"`);
    const expires = untilDate(required(values.until, '--until', 'the date the key expires, e.g. --until 2027-12-31'), '--until');
    if (expires <= now) throw new UsageError(`--until ${values.until} is already past; give a future date`);
    const entry: KeyEntry = { id: pub.id, name: pub.name, role, publicKey: pub.publicKey, expires: expires.toISOString() };
    if (role === 'partner') {
      const codes = required(values.jurisdictions, '--jurisdictions', 'the codes a partner may publish for, e.g. --jurisdictions ES')
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      const known = new Set((await loadContent(values.content ?? 'content')).jurisdictions.map((j) => j.code));
      const unknown = codes.filter((code) => !known.has(code));
      if (codes.length === 0 || unknown.length > 0)
        throw new UsageError(
          `--jurisdictions: unknown code(s) ${unknown.join(', ') || '(none given)'}; use codes from jurisdictions.yaml, such as ES or GB-EAW`,
        );
      entry.jurisdictions = codes;
    } else if (values.jurisdictions !== undefined) throw new UsageError('a maintainer key publishes for every jurisdiction; drop --jurisdictions');
    const at = keys.findIndex((key) => key.id === pub.id);
    if (at === -1) keys.push(entry);
    else keys[at] = entry;
    said = `${at === -1 ? 'added' : 'updated'} ${role} key ${pub.id} "${pub.name}"${entry.jurisdictions ? ` for ${entry.jurisdictions.join(', ')}` : ''} until ${entry.expires.slice(0, 10)}`;
  } else {
    const id = values.revoke!;
    const at = keys.findIndex((key) => key.id === id);
    if (at === -1) throw new UsageError(`key ${id} is not in the key list; nothing to revoke (list the keys with: npm run content -- verify)`);
    const on = values.on === undefined ? now : untilDate(values.on, '--on');
    keys[at] = { ...keys[at]!, revoked: on.toISOString() };
    said = `revoked key ${id} "${keys[at]!.name}" from ${on.toISOString()}`;
  }
  const signed: KeyList = { type: 'fieldbook-key-list', version: (keyList?.signed.version ?? 0) + 1, issued: now.toISOString(), keys };
  const out = values.out ?? join(keysDir, KEYLIST_FILE);
  await writeFile(out, `${JSON.stringify(signDocument(signed, [root]), null, 2)}\n`);
  io.out(`key list version ${signed.version} signed by root key ${root.id}: ${said}`);
  io.out(`written to ${out}; ship it in content/keys, or let packs carry it (pack --keylist ${out})`);
  return 0;
}
