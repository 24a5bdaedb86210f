import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '../../electron/core/packs/archive';
import { encryptPrivateKey } from '../../electron/core/packs/keys';
import { replySchema } from '../../electron/core/submissions/format';
import { bundledVersion, NOW, removeWorld, SPANISH_GUIDE } from '../support/packs';
import { maintainerWorld, submissionFrom } from '../support/submissions';

const exec = promisify(execFile);

/** `npx tsx electron/cli/content.ts …` as a maintainer types it, with the clock set to the test's day. */
async function content(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return exec('npx', ['tsx', 'electron/cli/content.ts', ...args], { env: { ...process.env, FIELDBOOK_NOW: NOW.toISOString(), NO_COLOR: '1' } }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout, err: stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, out: error.stdout, err: error.stderr }),
  );
}

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map(removeWorld));
  dirs = [];
});

async function setUp() {
  const made = await maintainerWorld();
  dirs.push(made.world.dir);
  const file = join(made.world.dir, 'ana.fbsub');
  await writeFile(file, (await submissionFrom(made.world.keys.partnerES)).bytes);
  return { ...made, file, p: (name: string) => join(made.world.dir, name) };
}

describe('npm run content -- submission', () => {
  it('verify and diff print who sent what and the inline change; accept publishes, validates with --strict and packs', async () => {
    const { file, contentDir, world, p } = await setUp();
    const base = bundledVersion(SPANISH_GUIDE);
    const verified = await content('submission', 'verify', file, '--content-dir', contentDir);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`signed by: key ${world.keys.partnerES.id} ("Clínica de prueba" in the key list, partner for ES`);
    expect(verified.out).toContain(`${SPANISH_GUIDE}: clean: based on version ${base}`);
    expect(verified.out).toContain('verified: every check passed');

    const diffed = await content('submission', 'diff', file, '--content-dir', contentDir);
    expect(diffed.code).toBe(0);
    expect(diffed.out).toMatch(/\| \{\+Una frase nueva, añadida por la clínica\.\+\}/);
    expect(diffed.out).toMatch(new RegExp(`\\| version: \\[-${base}-\\]\\{\\+${base + 1}\\+\\}`));

    const noReviewer = await content('submission', 'accept', file, '--content-dir', contentDir);
    expect([noReviewer.code, noReviewer.err]).toEqual([2, expect.stringContaining('--reviewer is required')]);

    const accepted = await content(
      'submission',
      'accept',
      file,
      '--content-dir',
      contentDir,
      '--reviewer',
      'Marta Ruiz',
      '--out',
      p('reply.fbreply'),
    );
    expect(accepted.err).toBe('');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain(`published ${SPANISH_GUIDE} as version ${base + 1}`);
    const reply = replySchema.parse(JSON.parse(await readFile(p('reply.fbreply'), 'utf8')));
    expect(reply.published).toEqual([{ path: SPANISH_GUIDE, version: base + 1 }]);

    const validated = await content('validate', contentDir, '--strict', '--now', '2027-01-15');
    expect([validated.code, validated.out]).toEqual([0, '']);

    const again = await content('submission', 'accept', file, '--content-dir', contentDir, '--reviewer', 'Marta Ruiz', '--out', p('again.fbreply'));
    expect([again.code, again.err]).toEqual([1, expect.stringContaining('refused (already-decided)')]);

    // The maintainer packs the folder: the accepted version goes out signed.
    await writeFile(p('pass'), 'a long test passphrase\n');
    const keyFile = encryptPrivateKey(world.keys.maintainer, 'Test maintainer', 'a long test passphrase', NOW, { N: 2 ** 12, r: 8, p: 1 });
    await writeFile(p('maintainer.key.json'), JSON.stringify(keyFile));
    const packed = await content(
      'pack',
      ...['--key', p('maintainer.key.json'), '--passphrase-file', p('pass'), '--id', 'es-test', '--sequence', '1', '--expires', '2027-06-30'],
      ...['--jurisdiction', 'ES', '--keys', join(contentDir, 'keys'), '--out', p('es.fbpack'), contentDir],
    );
    expect(packed.err).toBe('');
    expect(packed.code).toBe(0);
    const packedGuide = (await readArchive(await readFile(p('es.fbpack')))).get(SPANISH_GUIDE)!.toString('utf8');
    expect(packedGuide).toBe(await readFile(join(contentDir, SPANISH_GUIDE), 'utf8'));
    expect(packedGuide).toContain(`version: ${base + 1}`);
  }, 60_000);

  it('refuses a tampered file and an unknown key with exit 1, and reject without a reason with exit 2', async () => {
    const { file, contentDir, world, p } = await setUp();
    const files = await readArchive(await readFile(file));
    const guide = files.get(SPANISH_GUIDE)!;
    files.set(SPANISH_GUIDE, Buffer.concat([guide.subarray(0, guide.length - 2), Buffer.from('X\n')]));
    await writeFile(p('tampered.fbsub'), await writeArchive([...files].map(([name, bytes]) => ({ name, bytes }))));
    const tampered = await content('submission', 'verify', p('tampered.fbsub'), '--content-dir', contentDir);
    expect([tampered.code, tampered.err]).toEqual([1, expect.stringContaining('refused (tampered)')]);

    await writeFile(p('stranger.fbsub'), (await submissionFrom(world.keys.stranger)).bytes);
    const unknown = await content('submission', 'diff', p('stranger.fbsub'), '--content-dir', contentDir);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringContaining(`refused (unknown-key): key ${world.keys.stranger.id} ("Ana")`)]);

    const noReason = await content('submission', 'reject', file, '--content-dir', contentDir, '--reviewer', 'Marta');
    expect([noReason.code, noReason.err]).toEqual([2, expect.stringContaining('--reason is required')]);

    await writeFile(p('notes.json'), JSON.stringify({ [SPANISH_GUIDE]: 'Cita la fuente.' }));
    const asked = await content(
      'submission',
      'request-changes',
      file,
      '--content-dir',
      contentDir,
      '--reviewer',
      'Marta',
      '--notes',
      p('notes.json'),
      '--out',
      p('r.fbreply'),
    );
    expect(asked.code).toBe(0);
    expect(replySchema.parse(JSON.parse(await readFile(p('r.fbreply'), 'utf8'))).notes).toEqual([{ path: SPANISH_GUIDE, note: 'Cita la fuente.' }]);
  }, 60_000);
});
