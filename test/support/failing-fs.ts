import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { StoreFs } from '../../electron/core/store/store-fs';

/** An error as Node's fs reports it, with its errno code. */
export function errno(code: string, syscall = 'write'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall });
}

/** Where in a save the disk gives out. */
export type FailAt = 'open' | 'write' | 'sync' | 'rename' | 'read';

export interface FaultyDisk {
  fs: StoreFs;
  /** From now on, operations of this kind fail with this errno (null: the disk works again). */
  fail(code: string | null, at?: FailAt, options?: { renameToo?: boolean }): void;
  /** Every operation, in order, as `op path` lines: what the store did to the disk. */
  log: string[];
}

/**
 * The real file system with faults switched on and off by the test: a disk that fills up (ENOSPC halfway through a
 * write, leaving a partial temporary file), turns read-only, refuses permission or reports I/O errors. Injected into
 * the store, so the faults need no root, no tmpfs and no chmod (which root ignores).
 */
export function faultyDisk(): FaultyDisk {
  let fault: { code: string; at: FailAt; renameToo: boolean } | null = null;
  const log: string[] = [];
  const failing = (at: FailAt) => (fault && fault.at === at ? errno(fault.code, at) : null);

  const wrapHandle = (handle: FileHandle, path: string): FileHandle =>
    new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile') {
          return async (data: string, encoding: BufferEncoding) => {
            log.push(`write ${path}`);
            const error = failing('write');
            if (error) {
              // A full disk takes part of the data before it refuses the rest.
              await target.writeFile(data.slice(0, Math.floor(data.length / 2)), encoding);
              throw error;
            }
            return target.writeFile(data, encoding);
          };
        }
        if (property === 'sync') {
          return async () => {
            log.push(`sync ${path}`);
            const error = failing('sync');
            if (error) throw error;
            return target.sync();
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

  const fs: StoreFs = {
    ...fsp,
    open: (async (path: string, flags?: string, mode?: number) => {
      log.push(`open ${path} ${flags ?? 'r'}`);
      const error = flags && flags !== 'r' ? failing('open') : null;
      if (error) throw error;
      return wrapHandle(await fsp.open(path, flags, mode), path);
    }) as StoreFs['open'],
    rename: async (from, to) => {
      log.push(`rename ${from} -> ${to}`);
      if (failing('rename') || (fault?.renameToo && fault.code)) throw errno(fault!.code, 'rename');
      return fsp.rename(from, to);
    },
    readFile: (async (path: Parameters<typeof fsp.readFile>[0], options?: Parameters<typeof fsp.readFile>[1]) => {
      const error = String(path).endsWith('.json') ? failing('read') : null;
      if (error) throw error;
      return fsp.readFile(path, options);
    }) as StoreFs['readFile'],
  };
  return {
    fs,
    log,
    fail(code, at = 'write', options = {}) {
      fault = code ? { code, at, renameToo: options.renameToo ?? false } : null;
    },
  };
}
