import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../../core/content/load';
import { buildPack } from '../../core/packs/build';
import { verifyKeyList } from '../../core/packs/keylist';
import type { ManifestGuide } from '../../core/packs/manifest';
import { KEYLIST_FILE, loadTrustAnchors } from '../../core/packs/trust';
import { ancestry } from '../../core/search/rank';
import { type CommandIO, openPrivateKey, parse, positiveInteger, readText, required, untilDate, UsageError } from './common';
import { describeChanges, inspectPack, readManifest, readPackFile } from './inspect';

export const PACK_HELP = `Usage: npm run content -- pack --key KEY.key.json --id PACK_ID --expires DATE --out FILE [options] [FOLDER]

Packs the guides of a content folder (default: content) into one signed pack file.
  --key FILE               the private key that signs the pack (a maintainer's, or a partner's delegated key)
  --id PACK_ID             the pack's id, lower-case words joined by hyphens (e.g. es-clinica-madrid); keep it for every release
  --sequence N             this release's number; above every earlier one of this pack id (default with --base: the base's + 1)
  --expires DATE           after this date (YYYY-MM-DD) the app refuses the pack: set it before the guides fall due for review
  --base FILE              make a delta: carry only the guides changed since this earlier FULL pack, and list the removed ones
  --jurisdiction LIST      pack only the guides for these codes (comma-separated) and their children, e.g. ES
  --keylist FILE           the signed key list to carry (default: <keys>/${KEYLIST_FILE} when it exists)
  --keys FOLDER            the trusted keys, to check the pack would be accepted (default: content/keys)
  --out FILE               the pack file to write (never overwritten)
  --passphrase-file FILE   read the key's passphrase from the first line of FILE

The new pack is verified as the app would verify it before it is written; a pack that would be refused is not written.
Publish a full pack for every release (for new readers) and, optionally, a delta from the previous full pack.`;

export async function pack(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse('pack', args, {
    key: { type: 'string' },
    id: { type: 'string' },
    sequence: { type: 'string' },
    expires: { type: 'string' },
    base: { type: 'string' },
    jurisdiction: { type: 'string' },
    keylist: { type: 'string' },
    keys: { type: 'string' },
    out: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  if (values.help) {
    io.out(PACK_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`pack takes one content folder, not ${positionals.length}: ${positionals.join(' ')}`);
  const folder = positionals[0] ?? 'content';
  const keyFile = required(values.key, '--key', 'the private key that signs the pack');
  const id = required(values.id, '--id', 'the pack id, e.g. --id es-clinica-madrid');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    throw new UsageError(`--id "${id}" must be lower-case words joined by hyphens, such as es-clinica-madrid`);
  const out = required(values.out, '--out', 'the pack file to write, e.g. --out es-clinica-madrid-2.fbpack');
  if (existsSync(out)) throw new UsageError(`${out} already exists; packs are never overwritten: choose another --out`);
  const expires = untilDate(
    required(values.expires, '--expires', 'the date after which the pack is refused, e.g. --expires 2027-06-30'),
    '--expires',
  );
  const now = io.now();
  if (expires <= now) throw new UsageError(`--expires ${values.expires} is already past; give a future date`);

  let base: { sequence: number; guides: ManifestGuide[] } | undefined;
  if (values.base !== undefined) {
    const parsed = await readManifest(await readPackFile(values.base));
    if (!parsed?.success) throw new UsageError(`--base ${values.base} has no readable manifest; give an earlier pack made by this command`);
    if (parsed.data.pack !== id)
      throw new UsageError(`--base ${values.base} is pack "${parsed.data.pack}", not "${id}"; give an earlier pack of the same id`);
    if (parsed.data.base !== null) throw new UsageError(`--base ${values.base} is itself a delta; give the full pack of #${parsed.data.sequence}`);
    base = { sequence: parsed.data.sequence, guides: parsed.data.guides };
  }
  const sequence = values.sequence !== undefined ? positiveInteger(values.sequence, '--sequence') : base ? base.sequence + 1 : undefined;
  if (sequence === undefined) throw new UsageError('--sequence is required for a full pack: one above the last release of this pack id');
  if (base && sequence <= base.sequence) throw new UsageError(`--sequence ${sequence} must be above the base's #${base.sequence}`);

  const catalog = await loadContent(folder);
  const codes = values.jurisdiction
    ?.split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const known = new Set(catalog.jurisdictions.map((j) => j.code));
  const unknown = (codes ?? []).filter((code) => !known.has(code));
  if (unknown.length > 0) throw new UsageError(`--jurisdiction: unknown code(s) ${unknown.join(', ')}; use codes from jurisdictions.yaml`);
  const within = (code: string) => !codes || ancestry(catalog.jurisdictions, code).some((c) => codes.includes(c));
  const problems = catalog.problems.filter((problem) => problem.file.startsWith('guides/') && within(problem.file.split('/')[1] ?? ''));
  if (problems.length > 0) {
    for (const p of problems) io.err(`${join(folder, p.file)}:${p.line}: ${p.field}: ${p.message}`);
    io.err(`${problems.length} problem(s) in the guides to pack; fix them (npm run content -- validate ${folder}) and pack again`);
    return 1;
  }
  const guides = catalog.guides.filter((guide) => within(guide.meta.jurisdiction));
  if (guides.length === 0 && !base) throw new UsageError(`no guides to pack in ${folder}${codes ? ` for ${codes.join(', ')}` : ''}`);
  const files = await Promise.all(guides.map(async (guide) => ({ path: guide.file, bytes: await readFile(join(folder, guide.file)) })));

  const keysDir = values.keys ?? 'content/keys';
  const keyListPath = values.keylist ?? join(keysDir, KEYLIST_FILE);
  let keyList: ReturnType<typeof verifyKeyList> | undefined;
  if (values.keylist !== undefined || existsSync(keyListPath)) {
    const { roots } = await loadTrustAnchors(keysDir);
    let json: unknown;
    try {
      json = JSON.parse(await readText(keyListPath, 'the key list'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${keyListPath} is not JSON; give the key list that delegate wrote`);
    }
    keyList = verifyKeyList(json, roots, keyListPath);
  }

  const signer = await openPrivateKey(io, keyFile, values['passphrase-file']);
  const built = await buildPack({ pack: id, sequence, created: now, expires, signer, files, base, keyList });
  // Check it as a receiver would, against this folder, before writing anything.
  const { changes } = await inspectPack(built.bytes, { keysDir, contentDir: folder, now });
  await writeFile(out, built.bytes, { flag: 'wx' });
  io.out(
    `${out}: pack "${id}" #${sequence}, ${base ? `delta on #${base.sequence}` : 'full'}, signed by ${signer.id} "${signer.name}", ` +
      `${built.manifest.guides.length} guide file(s), ${built.manifest.removed.length} removal(s), ${built.bytes.length} bytes, expires ${expires.toISOString().slice(0, 10)}`,
  );
  if (base) for (const line of describeChanges(changes)) io.out(`  ${line}`);
  return 0;
}
