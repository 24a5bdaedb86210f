import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../electron/cli/packs/common';
import { type PackCommand, runPackCommand } from '../../electron/cli/packs/run';
import { bundledVersion, nextVersion, NOW, SPANISH_GUIDE } from '../support/packs';

/** The bundled Spanish guide's version: the pack in these tests raises it by one. */
const V = bundledVersion(SPANISH_GUIDE);

/** The content command line as a maintainer and a partner use it, run as functions with captured output. */
let dir: string;
const out: string[] = [];
const err: string[] = [];
const io: CommandIO = {
  out: (line) => out.push(line),
  err: (line) => err.push(line),
  now: () => NOW,
  askPassphrase: async () => null,
};

async function run(command: PackCommand, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  out.length = 0;
  err.length = 0;
  const code = await runPackCommand(command, args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const p = (...parts: string[]) => join(dir, ...parts);
const revoke = (rootKey: string, id: string, ...more: string[]) =>
  run('delegate', '--root', rootKey, '--passphrase-file', p('pass'), '--keys', p('keys'), '--revoke', id, ...more);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-content-cli-'));
  await writeFile(p('pass'), 'a long test passphrase\n');
  await cp('content', p('content'), { recursive: true });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function keyIdIn(text: string): string {
  return /key ([0-9a-f]{16})/.exec(text)![1]!;
}

describe('npm run content -- keygen, delegate, pack, verify, diff', () => {
  let partner = '';
  it('a maintainer makes a root key, a partner makes its key, and the root delegates ES to it until a date', async () => {
    const root = await run('keygen', '--name', 'Test root', '--out', p('root'), '--passphrase-file', p('pass'));
    expect(root.code).toBe(0);
    const rootId = keyIdIn(root.out);
    await mkdir(p('keys', 'root'), { recursive: true });
    await rename(p('root', `${rootId}.pub.json`), p('keys', 'root', `${rootId}.pub.json`).replace('.pub.json', '.json'));
    const made = await run('keygen', '--name', 'Clínica de prueba', '--out', p('partner'), '--passphrase-file', p('pass'));
    partner = keyIdIn(made.out);
    expect(JSON.parse(await readFile(p('partner', `${partner}.key.json`), 'utf8')).type).toBe('fieldbook-private-key');

    const delegated = await run(
      'delegate',
      ...['--root', p('root', `${rootId}.key.json`), '--passphrase-file', p('pass'), '--keys', p('keys')],
      ...['--add', p('partner', `${partner}.pub.json`), '--jurisdictions', 'ES', '--until', '2027-12-31'],
    );
    expect(delegated).toMatchObject({ code: 0 });
    expect(delegated.out).toContain(
      `key list version 1 signed by root key ${rootId}: added partner key ${partner} "Clínica de prueba" for ES until 2027-12-31`,
    );

    const wrong = await revoke(p('partner', `${partner}.key.json`), partner);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(`key ${partner} is not a root key`);
  });

  it('the partner packs an update to a Spanish guide; verify and diff say who signed it and what it changes', async () => {
    const guide = p('content', SPANISH_GUIDE);
    await writeFile(guide, nextVersion(await readFile(guide, 'utf8'), 'Texto de prueba.'));
    const packed = await run(
      'pack',
      ...['--key', p('partner', `${partner}.key.json`), '--passphrase-file', p('pass'), '--keys', p('keys')],
      ...['--id', 'es-clinic', '--sequence', '1', '--jurisdiction', 'ES', '--expires', '2027-06-30', '--out', p('es-1.fbpack'), p('content')],
    );
    expect(packed.err).toBe('');
    expect(packed.code).toBe(0);
    expect(packed.out).toMatch(/pack "es-clinic" #1, full, signed by [0-9a-f]{16} "Clínica de prueba", 8 guide file\(s\), 0 removal\(s\)/);

    const verified = await run('verify', p('es-1.fbpack'), '--keys', p('keys'));
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(
      `signed by partner key "Clínica de prueba" (${partner}), which may publish for ES and their children; the key expires 2027-12-31`,
    );
    expect(verified.out).toContain('key list version 1 (the pack carries a key list)');
    expect(verified.out).toContain(`  ${SPANISH_GUIDE}  es-recording-police es v${V + 1}`);
    expect(verified.out).toMatch(/verified: every check passed$/);

    const diffed = await run('diff', p('es-1.fbpack'), 'content', '--keys', p('keys'));
    expect(diffed.code).toBe(0);
    expect(diffed.out).toContain(`changed    ${SPANISH_GUIDE}  v${V} → v${V + 1}`);
    expect(diffed.out).toMatch(/0 added, 1 changed, 0 metadata only, 0 removed, 7 unchanged, 0 not newer$/);
  });

  it('a delta from the full pack carries only what changed, and diff shows a metadata-only change as such', async () => {
    const other = p('content', 'guides/ES/es-legal-observer/es.md');
    await writeFile(other, nextVersion(await readFile(other, 'utf8'), '', { metadataOnly: true }));
    const packed = await run(
      'pack',
      ...['--key', p('partner', `${partner}.key.json`), '--passphrase-file', p('pass'), '--keys', p('keys')],
      ...[
        '--id',
        'es-clinic',
        '--base',
        p('es-1.fbpack'),
        '--jurisdiction',
        'ES',
        '--expires',
        '2027-06-30',
        '--out',
        p('es-2.fbpack'),
        p('content'),
      ],
    );
    expect(packed.code).toBe(0);
    expect(packed.out).toMatch(/pack "es-clinic" #2, delta on #1, .* 1 guide file\(s\), 0 removal\(s\)/);
    const diffed = await run('diff', p('es-2.fbpack'), 'content', '--keys', p('keys'));
    expect(diffed.out).toBe(
      `metadata-only  guides/ES/es-legal-observer/es.md  v${bundledVersion('guides/ES/es-legal-observer/es.md')} → v${bundledVersion('guides/ES/es-legal-observer/es.md') + 1}\n0 added, 0 changed, 1 metadata only, 0 removed, 0 unchanged, 0 not newer`,
    );
    expect((await readFile(p('es-2.fbpack'))).length).toBeLessThan((await readFile(p('es-1.fbpack'))).length);
  });

  it('the ES partner key cannot pack a French guide: refused, and no file is written', async () => {
    const packed = await run(
      'pack',
      ...['--key', p('partner', `${partner}.key.json`), '--passphrase-file', p('pass'), '--keys', p('keys')],
      ...['--id', 'fr', '--sequence', '1', '--jurisdiction', 'FR', '--expires', '2027-06-30', '--out', p('fr.fbpack'), p('content')],
    );
    expect(packed.code).toBe(1);
    expect(packed.err).toMatch(
      /^fieldbook content pack: refused \(outside-delegation\): guides\/FR\/.* is a guide for FR, but the pack is signed by partner key "Clínica de prueba"/,
    );
    expect(existsSync(p('fr.fbpack'))).toBe(false);
  });

  it('after the root revokes the key, verify refuses its packs and says why', async () => {
    const rootKey = (await readdir(p('root'))).find((name) => name.endsWith('.key.json'))!;
    const revoked = await revoke(p('root', rootKey), partner, '--on', '2027-01-10');
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain('key list version 2');
    const verified = await run('verify', p('es-1.fbpack'), '--keys', p('keys'));
    expect(verified.code).toBe(1);
    expect(verified.err).toContain('refused (key-revoked)');
    expect(verified.err).toContain('was revoked on 2027-01-10');
  });

  it('wrong calls and a wrong passphrase say what to do', async () => {
    const noName = await run('keygen', '--out', p('x'), '--passphrase-file', p('pass'));
    expect(noName.code).toBe(2);
    expect(noName.err).toContain('--name is required');
    expect(noName.err).toContain('Usage: npm run content -- keygen');
    const noTerminal = await run('keygen', '--name', 'x', '--out', p('x'));
    expect(noTerminal.err).toContain('no terminal to ask for the passphrase on; give --passphrase-file FILE');
    await writeFile(p('wrong'), 'not the passphrase\n');
    const wrong = await run('verify', p('nope.fbpack'));
    expect(wrong.err).toContain('cannot read the pack file');
    const bad = await run(
      'pack',
      ...['--key', p('partner', `${partner}.key.json`), '--passphrase-file', p('wrong'), '--id', 'es-clinic', '--sequence', '3'],
      ...['--expires', '2027-06-30', '--out', p('es-3.fbpack'), p('content')],
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`refused (bad-passphrase): the passphrase does not open key ${partner}`);
    const date = await run('pack', '--key', 'k', '--id', 'x', '--out', p('y.fbpack'), '--expires', '2027-02-30');
    expect(date.err).toContain('--expires takes a date written YYYY-MM-DD');
    for (const command of ['keygen', 'delegate', 'pack', 'verify', 'diff'] as const)
      expect((await run(command, '--help')).out).toMatch(/^Usage: npm run content -- /);
  });
});
