import * as fsp from 'node:fs/promises';

/**
 * The file operations the store uses, as one object so that tests can hand it a layer that fails the way a full,
 * read-only or failing disk does (ENOSPC, EROFS, EIO, EACCES) without root tricks: as root, a chmod'ed folder is
 * still writable.
 */
export type StoreFs = Pick<typeof fsp, 'open' | 'readFile' | 'rename' | 'unlink' | 'stat' | 'lstat' | 'readdir' | 'mkdir' | 'rmdir'>;

export const nodeFs: StoreFs = fsp;
