import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BUNDLED_MANIFEST_FILE, signBundledManifest } from '../../core/packs/bundled';
import { type CommandIO, openPrivateKey, parse, required, UsageError } from './common';

export const SIGN_BUNDLED_HELP = `Usage: npm run content -- sign-bundled [folder] --key FILE [--passphrase-file FILE]

Signs the manifest of the guides that ship with the app: every file under guides/ and history/ of the content
folder (default: content/), with its version and SHA-256, written to <folder>/keys/${BUNDLED_MANIFEST_FILE}. The app
checks the bundled guides against it at start and shows a file that differs as "modified outside Fieldbook".
Run it after editing any guide, before a release; test/unit/bundled-manifest.test.ts fails until you do.
  --key FILE               a maintainer's private key file (<key id>.key.json)
  --passphrase-file FILE   read the key's passphrase from the first line of FILE instead of asking on the terminal`;

export async function signBundled(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse('sign-bundled', args, { key: { type: 'string' }, 'passphrase-file': { type: 'string' } });
  if (values.help) {
    io.out(SIGN_BUNDLED_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`sign-bundled takes one content folder, not ${positionals.length}`);
  const folder = resolve(positionals[0] ?? 'content');
  const key = await openPrivateKey(io, required(values.key, '--key', "a maintainer's private key file"), values['passphrase-file']);
  const manifest = await signBundledManifest(folder, key, io.now());
  const out = join(folder, 'keys', BUNDLED_MANIFEST_FILE);
  await writeFile(out, `${JSON.stringify(manifest, null, 1)}\n`);
  io.out(`signed ${manifest.signed.files.length} bundled guide file(s) with key ${key.id} (${key.name}): ${out}`);
  return 0;
}
