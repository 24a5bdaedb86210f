import { KEYLIST_ENTRY } from '../../core/packs/manifest';
import { readArchive } from '../../core/packs/archive';
import { type CommandIO, parse, UsageError } from './common';
import { describeChanges, describePack, inspectPack, readPackFile } from './inspect';

const OPTIONS = `  --keys FOLDER     the trusted keys (default: content/keys)
  --content FOLDER  the content folder whose jurisdictions and guides the pack is checked against (default: content)
  --now DATE        check expiry as of this date (YYYY-MM-DD or ISO time; default: FIELDBOOK_NOW, else now)
  --json            print the result as JSON`;

export const VERIFY_HELP = `Usage: npm run content -- verify PACK_FILE [options]

Checks a pack as the app would before installing it (with nothing installed yet), and prints who signed it, what
that key may publish, its dates and every file it holds; or why it is refused. Exits 1 when it is refused.
${OPTIONS}`;

export const DIFF_HELP = `Usage: npm run content -- diff PACK_FILE [FOLDER] [options]

Verifies a pack, then prints what it would change in a content folder (default: content): each guide added,
changed, changed in metadata only (front matter, not a word of the text), removed, unchanged, or not newer.
${OPTIONS.replace(/\n {2}--content.*\n/, '\n')}`;

function options(command: string, args: string[]) {
  return parse(command, args, { keys: { type: 'string' }, content: { type: 'string' }, now: { type: 'string' }, json: { type: 'boolean' } });
}

function when(io: CommandIO, now: string | undefined): Date {
  if (now === undefined) return io.now();
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(now) ? `${now}T00:00:00Z` : now);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now takes a date written YYYY-MM-DD or an ISO time, not "${now}"`);
  return date;
}

export async function verify(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = options('verify', args);
  if (values.help) {
    io.out(VERIFY_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`verify takes one pack file, not ${positionals.length}`);
  const bytes = await readPackFile(positionals[0]!);
  const { verified, changes } = await inspectPack(bytes, {
    keysDir: values.keys ?? 'content/keys',
    contentDir: values.content ?? 'content',
    now: when(io, values.now),
  });
  const carries = (await readArchive(bytes)).has(KEYLIST_ENTRY);
  if (values.json)
    io.out(
      JSON.stringify(
        { ok: true, manifest: verified.manifest, signer: verified.signer, keyListVersion: verified.keyList.signed.version, changes },
        null,
        2,
      ),
    );
  else for (const line of [...describePack(verified, carries), 'verified: every check passed']) io.out(line);
  return 0;
}

export async function diff(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = options('diff', args);
  if (values.help) {
    io.out(DIFF_HELP);
    return 0;
  }
  if (positionals.length < 1 || positionals.length > 2)
    throw new UsageError(`diff takes a pack file and optionally a folder, not ${positionals.length} argument(s)`);
  const { changes } = await inspectPack(await readPackFile(positionals[0]!), {
    keysDir: values.keys ?? 'content/keys',
    contentDir: positionals[1] ?? values.content ?? 'content',
    now: when(io, values.now),
  });
  if (values.json) io.out(JSON.stringify(changes, null, 2));
  else for (const line of describeChanges(changes)) io.out(line);
  return 0;
}
