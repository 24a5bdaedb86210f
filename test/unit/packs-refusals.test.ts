import { gzipSync } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '../../electron/core/packs/archive';
import { PackError, type PackRefusal } from '../../electron/core/packs/errors';
import { generateKey } from '../../electron/core/packs/keys';
import { openPacks, type PacksService } from '../../electron/core/packs/service';
import { signDocument } from '../../electron/core/packs/signed';
import {
  keyEntry,
  makePack,
  refusalOf,
  makeWorld,
  NOW,
  nextVersion,
  bundledFile,
  removeWorld,
  signKeyList,
  snapshot,
  SPANISH_GUIDE,
  type TestKeys,
  bundledVersion,
} from '../support/packs';

/**
 * Every refusal, each from a pack this suite makes with its own keys. Each case checks the reason, the message a
 * person reads, and that nothing changed: the data folder is byte-for-byte the same and the guide shown is the same.
 */

interface RawEntry {
  name: string;
  type?: 'file' | 'symlink' | 'link' | 'character-device' | 'block-device' | 'fifo' | 'directory';
  linkname?: string;
  bytes?: Buffer;
}

async function rawTar(entries: RawEntry[]): Promise<Buffer> {
  const writer = tarPack();
  const chunks: Buffer[] = [];
  writer.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve) => writer.on('end', () => resolve()));
  for (const entry of entries) {
    const bytes = entry.bytes ?? Buffer.alloc(0);
    const file = (entry.type ?? 'file') === 'file';
    await new Promise<void>((resolve, reject) => {
      const header = { name: entry.name, type: entry.type ?? 'file', linkname: entry.linkname, size: file ? bytes.length : 0 };
      const done = (error?: Error | null) => (error ? reject(error) : resolve());
      writer.entry(header, file ? bytes : Buffer.alloc(0), done);
    });
  }
  writer.finalize();
  await ended;
  return Buffer.concat(chunks);
}

/** Re-packs a pack's files after `edit`, keeping names in order. */
async function repack(bytes: Buffer, edit: (files: Map<string, Buffer>) => void): Promise<Buffer> {
  const files = await readArchive(bytes);
  edit(files);
  return writeArchive([...files].map(([name, data]) => ({ name, bytes: data })));
}

function editManifest(files: Map<string, Buffer>, change: (envelope: { signed: Record<string, unknown>; signatures: unknown[] }) => void): void {
  const envelope = JSON.parse(files.get('manifest.json')!.toString('utf8'));
  change(envelope);
  files.set('manifest.json', Buffer.from(JSON.stringify(envelope)));
}

let dir: string;
let dataDir: string;
let keys: TestKeys;
let keysDir: string;
let v2: Buffer;
let packs: PacksService;
let good: Buffer;

beforeAll(async () => {
  const world = await makeWorld((k) => [
    keyEntry(k.maintainer, 'Test maintainer', 'maintainer'),
    keyEntry(k.partnerES, 'Clínica de prueba', 'partner'),
    keyEntry(k.stranger, 'Lapsed partner', 'partner', { expires: '2027-01-01T00:00:00Z' }),
  ]);
  ({ dir, dataDir, keys, keysDir } = world);
  packs = await openPacks({ contentDir: 'content', keysDir, dataDir, now: () => NOW });
  // A pack already installed, so "nothing changed" covers a real state, objects and all; sequence 5 of es-clinic.
  v2 = Buffer.from(nextVersion((await bundledFile(SPANISH_GUIDE)).toString('utf8'), 'Texto de la versión 2.'));
  await packs.apply(await makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: v2 }], { sequence: 5 }));
  good = await makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: Buffer.from(nextVersion(v2.toString('utf8'), 'Texto de la versión 3.')) }], {
    sequence: 6,
  });
});
afterAll(async () => removeWorld(dir));

/** The bundled Spanish guide's version; the pack installed before the cases raises it by one. */
const V = bundledVersion(SPANISH_GUIDE);
const v3 = () => Buffer.from(nextVersion(v2.toString('utf8'), 'Texto de la versión 3.'));
const cases: { name: string; reason: PackRefusal; message: RegExp; make: () => Promise<Buffer> }[] = [
  {
    name: 'unsigned',
    reason: 'unsigned',
    message: /the pack is not signed; ask its publisher to sign it/,
    make: () =>
      repack(good, (files) =>
        editManifest(files, (m) => {
          m.signatures = [];
        }),
      ),
  },
  {
    name: 'no manifest at all',
    reason: 'unsigned',
    message: /the pack has no manifest.json, so nobody vouches for it/,
    make: () => repack(good, (files) => void files.delete('manifest.json')),
  },
  {
    name: 'unknown key',
    reason: 'unknown-key',
    message: /signed by key [0-9a-f]{16}, which is not in the key list \(version 1\)/,
    make: async () => makePack(generateKey(), [{ path: SPANISH_GUIDE, bytes: v3() }], { sequence: 6 }),
  },
  {
    name: 'signed by the root key',
    reason: 'unknown-key',
    message: /signed by root key [0-9a-f]{16}, which signs only the key list/,
    make: () => makePack(keys.root, [{ path: SPANISH_GUIDE, bytes: v3() }], { sequence: 6 }),
  },
  {
    name: 'bad signature (manifest edited after signing)',
    reason: 'bad-signature',
    message: /the signature does not match the pack's manifest for partner key "Clínica de prueba"/,
    make: () =>
      repack(good, (files) =>
        editManifest(files, (m) => {
          m.signed.expires = '2099-01-01T00:00:00.000Z';
        }),
      ),
  },
  {
    name: 'a guide whose bytes do not match its hash',
    reason: 'hash-mismatch',
    message: /guides\/ES\/es-recording-police\/es.md does not match its SHA-256 in the signed manifest/,
    make: () =>
      repack(good, (files) => {
        const bytes = Buffer.from(files.get(SPANISH_GUIDE)!);
        bytes[bytes.length - 3] = 0x58;
        files.set(SPANISH_GUIDE, bytes);
      }),
  },
  {
    name: 'expired pack',
    reason: 'pack-expired',
    message: /pack "es-clinic" #6 expired on 2027-01-10; old packs may hide newer guidance/,
    make: () => makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: v3() }], { sequence: 6, expires: new Date('2027-01-10T00:00:00Z') }),
  },
  {
    name: 'expired key',
    reason: 'key-expired',
    message: /partner key "Lapsed partner" \([0-9a-f]{16}\), which may publish for ES and their children expired on 2027-01-01/,
    make: () => makePack(keys.stranger, [{ path: SPANISH_GUIDE, bytes: v3() }], { pack: 'lapsed' }),
  },
  {
    name: 'rollback (a sequence below the installed one)',
    reason: 'rollback',
    message: /pack "es-clinic" #4 is older than #5, already accepted/,
    make: () => makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: v3() }], { sequence: 4 }),
  },
  {
    name: 'replay (another pack under the installed sequence)',
    reason: 'replay',
    message: /pack "es-clinic" #5 is already installed/,
    make: () => makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: v3() }], { sequence: 5 }),
  },
  {
    name: 'a delta for a base that is not installed',
    reason: 'wrong-base',
    message: /this delta pack applies on "es-clinic" #3, but #5 is installed; import the full pack instead/,
    make: () => makePack(keys.partnerES, [{ path: SPANISH_GUIDE, bytes: v3() }], { sequence: 6, base: { sequence: 3, guides: [] } }),
  },
  {
    name: "a guide outside the signer's delegation",
    reason: 'outside-delegation',
    message: /guides\/FR\/fr-recording-police\/fr.md is a guide for FR, but the pack is signed by partner key "Clínica de prueba"/,
    make: async () =>
      makePack(keys.partnerES, [{ path: 'guides/FR/fr-recording-police/fr.md', bytes: await bundledFile('guides/FR/fr-recording-police/fr.md') }], {
        sequence: 6,
      }),
  },
  {
    name: "a removal outside the signer's delegation",
    reason: 'outside-delegation',
    message: /guides\/global\/backups\/en.md is a guide for global, but the pack is signed by partner key/,
    make: () =>
      makePack(keys.partnerES, [], {
        sequence: 6,
        base: {
          sequence: 5,
          guides: [
            { path: 'guides/global/backups/en.md', id: 'backups', lang: 'en', jurisdiction: 'global', version: 1, size: 1, sha256: '0'.repeat(64) },
          ],
        },
      }),
  },
  {
    name: 'the manifest of one pack with the files of another',
    reason: 'mix-and-match',
    message:
      /the pack holds guides\/ES\/es-legal-observer\/es.md, which its manifest \("es-clinic" #6\) does not list; files from another pack were mixed in/,
    make: async () => {
      const other = await makePack(
        keys.partnerES,
        [
          {
            path: 'guides/ES/es-legal-observer/es.md',
            bytes: Buffer.from(nextVersion((await bundledFile('guides/ES/es-legal-observer/es.md')).toString('utf8'), 'Otro.')),
          },
        ],
        { pack: 'other', sequence: 9 },
      );
      const otherFiles = await readArchive(other);
      return repack(good, (files) => {
        files.delete(SPANISH_GUIDE);
        for (const [name, bytes] of otherFiles) if (name !== 'manifest.json') files.set(name, bytes);
      });
    },
  },
  {
    name: 'a listed file missing',
    reason: 'mix-and-match',
    message: /the manifest of "es-clinic" #6 lists guides\/ES\/es-recording-police\/es.md, which the pack does not hold/,
    make: () => repack(good, (files) => void files.delete(SPANISH_GUIDE)),
  },
  {
    name: 'a truncated file',
    reason: 'size-mismatch',
    message: /guides\/ES\/es-recording-police\/es.md is \d+ bytes but the manifest says \d+: the file was cut short/,
    make: () => repack(good, (files) => files.set(SPANISH_GUIDE, files.get(SPANISH_GUIDE)!.subarray(0, 100))),
  },
  {
    name: 'an oversized file',
    reason: 'size-mismatch',
    message: /guides\/ES\/es-recording-police\/es.md is \d+ bytes but the manifest says \d+: the file was padded or replaced/,
    make: () => repack(good, (files) => files.set(SPANISH_GUIDE, Buffer.concat([files.get(SPANISH_GUIDE)!, Buffer.from('\nmore\n')]))),
  },
  {
    name: 'a truncated pack file',
    reason: 'truncated',
    message: /the pack file is cut short or damaged .*; copy it again from its source/,
    make: async () => good.subarray(0, Math.floor(good.length / 2)),
  },
  {
    name: 'not a pack file at all',
    reason: 'truncated',
    message: /this is not a pack file \(not gzip-compressed\)/,
    make: async () => Buffer.from('hello'),
  },
  {
    name: 'an entry with ..',
    reason: 'bad-entry',
    message: /an entry "guides\/\.\.\/\.\.\/evil.md" with a "\.\.", "\." or empty path part; it was made to escape its folder/,
    make: async () => gzipSync(await rawTar([{ name: 'guides/../../evil.md', bytes: Buffer.from('x') }])),
  },
  {
    name: 'an absolute path',
    reason: 'bad-entry',
    message: /an entry "\/etc\/evil" with an absolute path/,
    make: async () => gzipSync(await rawTar([{ name: '/etc/evil', bytes: Buffer.from('x') }])),
  },
  {
    name: 'a symbolic link',
    reason: 'bad-entry',
    message: /the pack holds "guides\/ES\/x\/es.md", a symlink rather than a file; packs hold only files/,
    make: async () => gzipSync(await rawTar([{ name: 'guides/ES/x/es.md', type: 'symlink', linkname: '/etc/passwd' }])),
  },
  {
    name: 'a hard link',
    reason: 'bad-entry',
    message: /a link rather than a file/,
    make: async () => gzipSync(await rawTar([{ name: 'manifest.json', type: 'link', linkname: 'other' }])),
  },
  {
    name: 'a device entry',
    reason: 'bad-entry',
    message: /a character-device rather than a file/,
    make: async () => gzipSync(await rawTar([{ name: 'dev', type: 'character-device' }])),
  },
  {
    name: 'a file twice',
    reason: 'bad-entry',
    message: /the pack holds "manifest.json" twice/,
    make: async () =>
      gzipSync(
        await rawTar([
          { name: 'manifest.json', bytes: Buffer.from('{}') },
          { name: 'manifest.json', bytes: Buffer.from('{}') },
        ]),
      ),
  },
  {
    name: 'a decompression bomb (ratio)',
    reason: 'bomb',
    message: /the pack expands \d+ times, more than guides ever do; it is a decompression bomb/,
    make: async () => gzipSync(await rawTar([{ name: 'manifest.json', bytes: Buffer.alloc(4 * 1024 * 1024, 0x20) }])),
  },
  {
    name: 'a malformed guide inside (path:line)',
    reason: 'malformed-guide',
    message: /guides\/ES\/es-recording-police\/es.md:4: summary: must not be empty\n1 problem\(s\) in the pack's guides/,
    make: () =>
      makePack(
        keys.partnerES,
        [
          {
            path: SPANISH_GUIDE,
            bytes: Buffer.from(
              v3()
                .toString('utf8')
                .replace(/^summary: .*$/m, 'summary: "  "'),
            ),
          },
        ],
        { sequence: 6 },
      ),
  },
  {
    name: "a manifest version other than the file's",
    reason: 'malformed-manifest',
    message: new RegExp(`guides/ES/es-recording-police/es.md is version ${V + 2} but the manifest says ${V + 3}`),
    make: async () => {
      return repack(good, (files) =>
        editManifest(files, (m) => {
          (m.signed.guides as { version: number }[])[0]!.version = V + 3;
          m.signatures = signDocument(m.signed, [keys.partnerES]).signatures;
        }),
      );
    },
  },
  {
    name: 'a key list not signed by a root key',
    reason: 'keylist-invalid',
    message: /the pack's keylist.json is not signed by a root key in content\/keys .*it may be forged/,
    make: () =>
      makePack(keys.stranger, [{ path: SPANISH_GUIDE, bytes: v3() }], {
        sequence: 6,
        keyList: signKeyList(keys.stranger, 7, [keyEntry(keys.stranger, 'Self-made maintainer', 'maintainer')]),
      }),
  },
];

describe('pack refusals change nothing', () => {
  it.each(cases)('$name', async ({ reason, message, make }) => {
    const pack = await make();
    const before = await snapshot(dataDir);
    const shown = (await packs.catalog()).guides.find((g) => g.file === SPANISH_GUIDE)!;
    for (const attempt of [() => packs.preview(pack), () => packs.apply(pack)]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PackError);
      expect((error as PackError).reason).toBe(reason);
      expect((error as PackError).message).toMatch(message);
    }
    expect(await snapshot(dataDir)).toEqual(before);
    expect((await packs.catalog()).guides.find((g) => g.file === SPANISH_GUIDE)).toEqual(shown);
    // The pack installed before each refusal raised the bundled version by one; it is still what is shown.
    expect(shown.meta.version).toBe(V + 1);
  });

  it('the good pack the cases were made from is accepted (so each refusal is due to its one change)', async () => {
    expect((await packs.preview(good)).changes.map((c) => [c.kind, c.from, c.to])).toEqual([['changed', V + 1, V + 2]]);
  });

  it('a pack with more entries or bigger files than the limits is refused as too large', async () => {
    const small = await openPacks({
      contentDir: 'content',
      keysDir,
      dataDir,
      now: () => NOW,
      limits: { maxPackBytes: 1024 * 1024, maxUncompressedBytes: 1024 * 1024, maxRatio: 100, maxEntries: 1, maxEntryBytes: 1000 },
    });
    const tooMany = await refusalOf(small.preview(good));
    expect(tooMany.reason).toBe('too-large');
    expect(tooMany.message).toMatch(/more than 1 entries|over the 1000-byte limit for one file/);
    const bomb = await refusalOf(small.preview(gzipSync(await rawTar([{ name: 'a', bytes: Buffer.alloc(2 * 1024 * 1024) }]))));
    expect(bomb.reason).toBe('bomb');
    expect(bomb.message).toMatch(/expands past 1048576 bytes/);
  });
});
