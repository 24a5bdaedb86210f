import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encryptPrivateKey, generateKey, publicKeyFile } from '../../core/packs/keys';
import { type CommandIO, parse, passphrase, required } from './common';

export const KEYGEN_HELP = `Usage: npm run content -- keygen --name NAME [--out FOLDER] [--passphrase-file FILE]

Makes an Ed25519 key pair for signing packs (or, for maintainers, the key list).
  --name NAME              who holds the key, as the key list will show it (e.g. "Clínica Jurídica Madrid")
  --out FOLDER             where to write the two files (default: the current folder)
  --passphrase-file FILE   read the passphrase from the first line of FILE instead of asking on the terminal

Writes <key id>.key.json (the private key, encrypted with the passphrase: keep it, and the passphrase, private)
and <key id>.pub.json (the public key: send it to the maintainers to be delegated). Existing files are never overwritten.`;

export async function keygen(args: string[], io: CommandIO): Promise<number> {
  const { values } = parse('keygen', args, { name: { type: 'string' }, out: { type: 'string' }, 'passphrase-file': { type: 'string' } });
  if (values.help) {
    io.out(KEYGEN_HELP);
    return 0;
  }
  const name = required(values.name, '--name', 'who holds the key, e.g. --name "Clínica Jurídica Madrid"');
  const secret = await passphrase(io, values['passphrase-file'], 'Passphrase for the new key (at least 8 characters): ', true);
  const pair = generateKey();
  const now = io.now();
  const encrypted = encryptPrivateKey(pair, name, secret, now);
  const out = values.out ?? '.';
  await mkdir(out, { recursive: true });
  const privatePath = join(out, `${pair.id}.key.json`);
  const publicPath = join(out, `${pair.id}.pub.json`);
  await writeFile(privatePath, `${JSON.stringify(encrypted, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  await writeFile(publicPath, `${JSON.stringify(publicKeyFile(pair, name, now), null, 2)}\n`, { flag: 'wx' });
  io.out(`key ${pair.id} for "${name}"`);
  io.out(`  private key (encrypted; keep it private): ${privatePath}`);
  io.out(`  public key (send it to the maintainers):  ${publicPath}`);
  return 0;
}
