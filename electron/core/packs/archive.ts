import { gunzipSync, gzipSync } from 'node:zlib';
import { extract, pack as tarPack } from 'tar-stream';
import { refuse } from './errors';

/**
 * The pack file is a gzip-compressed tar. Reading is done from a Buffer, entry by entry, with every limit enforced
 * before a byte is kept: total uncompressed size and ratio (decompression bombs), entry count, per-entry size, names,
 * and entry types. Nothing is ever written to disk here.
 */
export interface ArchiveLimits {
  /** The pack file itself. */
  maxPackBytes: number;
  /** All entries together, uncompressed. */
  maxUncompressedBytes: number;
  /** Uncompressed to compressed, checked once the archive is larger than 1 MiB (small files compress oddly). */
  maxRatio: number;
  maxEntries: number;
  maxEntryBytes: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = {
  maxPackBytes: 64 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxRatio: 100,
  maxEntries: 20_000,
  maxEntryBytes: 8 * 1024 * 1024,
};

/** A name a pack may hold: relative, forward slashes, no `.` or `..` part, printable ASCII only. */
export function badEntryName(name: string): string | null {
  if (name.length === 0 || name.length > 255) return 'an empty or over-long name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path';
  if (name.includes('\\')) return 'a backslash';
  if (!/^[\x21-\x7e]+$/.test(name)) return 'a character other than printable ASCII';
  if (name.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'a "..", "." or empty path part';
  return null;
}

function gunzip(bytes: Buffer, limits: ArchiveLimits): Buffer {
  if (bytes.length > limits.maxPackBytes)
    refuse('too-large', `the pack file is ${bytes.length} bytes, over the ${limits.maxPackBytes}-byte limit; ask its publisher for a smaller pack`);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    refuse('truncated', 'this is not a pack file (not gzip-compressed); choose a .fbpack file');
  try {
    const tar = gunzipSync(bytes, { maxOutputLength: limits.maxUncompressedBytes });
    if (tar.length > 1024 * 1024 && tar.length / bytes.length > limits.maxRatio)
      refuse(
        'bomb',
        `the pack expands ${Math.round(tar.length / bytes.length)} times, more than guides ever do; it is a decompression bomb: delete it`,
      );
    return tar;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      refuse('bomb', `the pack expands past ${limits.maxUncompressedBytes} bytes; it is a decompression bomb or far too large: delete it`);
    if ((error as { reason?: string }).reason) throw error;
    refuse('truncated', `the pack file is cut short or damaged (${(error as Error).message}); copy it again from its source`);
  }
}

/** Every regular file in the archive by name. Refuses links, devices, duplicates, unsafe names and oversized entries. */
export async function readArchive(bytes: Buffer, limits: ArchiveLimits = DEFAULT_LIMITS): Promise<Map<string, Buffer>> {
  const tar = gunzip(bytes, limits);
  const files = new Map<string, Buffer>();
  const reader = extract();
  let count = 0;
  const done = new Promise<void>((resolve, reject) => {
    reader.on('entry', (header, stream, next) => {
      try {
        count += 1;
        if (count > limits.maxEntries) refuse('too-large', `the pack has more than ${limits.maxEntries} entries; ask its publisher to split it`);
        const problem = badEntryName(header.name.replace(/\/$/, ''));
        if (problem) refuse('bad-entry', `the pack holds an entry "${header.name}" with ${problem}; it was made to escape its folder: delete it`);
        if (header.type === 'directory') {
          stream.resume();
          stream.on('end', next);
          return;
        }
        if (header.type !== 'file')
          refuse('bad-entry', `the pack holds "${header.name}", a ${header.type} rather than a file; packs hold only files: delete it`);
        if (files.has(header.name)) refuse('bad-entry', `the pack holds "${header.name}" twice; a pack lists each file once: delete it`);
        if ((header.size ?? 0) > limits.maxEntryBytes)
          refuse(
            'too-large',
            `"${header.name}" is ${header.size} bytes, over the ${limits.maxEntryBytes}-byte limit for one file; ask its publisher`,
          );
      } catch (error) {
        stream.resume();
        reject(error);
        reader.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
      stream.on('end', () => {
        files.set(header.name, Buffer.concat(chunks));
        next();
      });
      stream.on('error', reject);
    });
    reader.on('finish', resolve);
    reader.on('error', (error: Error) =>
      reject(
        (error as { reason?: string }).reason
          ? error
          : Object.assign(new Error(), { toRefusal: `the pack's archive is cut short or damaged (${error.message}); copy it again from its source` }),
      ),
    );
  });
  reader.end(tar);
  try {
    await done;
  } catch (error) {
    const refusal = (error as { toRefusal?: string }).toRefusal;
    if (refusal) refuse('truncated', refusal);
    throw error;
  }
  return files;
}

/** Writes files (in the given order) into a gzip-compressed tar with fixed dates and modes, so packing is reproducible. */
export async function writeArchive(entries: { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const writer = tarPack();
  const chunks: Buffer[] = [];
  writer.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve, reject) => {
    writer.on('end', resolve);
    writer.on('error', reject);
  });
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) =>
      writer.entry({ name: entry.name, size: entry.bytes.length, mode: 0o644, mtime: new Date(0), type: 'file' }, entry.bytes, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }
  writer.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}
