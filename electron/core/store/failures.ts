import { FieldbookError } from '../../api/errors';

/**
 * What a failed file operation means for the person, in one place: every errno the store meets is turned here into
 * words that say what happened and what to do. Saving and reading at start-up use different sentences, because
 * after a failed save nothing changed, while at start-up the file is kept aside and the app runs on defaults.
 */

const errno = (error: unknown): string => ((error as NodeJS.ErrnoException | null)?.code ?? '').toString();

/** The error a person sees when a change could not be written; the store guarantees nothing changed. */
export function saveFailure(error: unknown, dataDir: string): FieldbookError {
  if (error instanceof FieldbookError) return error;
  const code = errno(error);
  const message = (() => {
    switch (code) {
      case 'ENOSPC':
        return 'The disk is full: your change was not saved. Free some space and try again.';
      case 'EDQUOT':
        return 'Your disk quota is used up: your change was not saved. Free some space in your account and try again.';
      case 'EROFS':
        return `The disk holding your data folder (${dataDir}) is read-only: your change was not saved. Make it writable, or start Fieldbook with a data folder on another disk, and try again.`;
      case 'EACCES':
      case 'EPERM':
        return `Fieldbook is not allowed to write in its data folder (${dataDir}): your change was not saved. Give your user account write permission to that folder and try again.`;
      case 'EIO':
        return 'The disk reported an error while saving: your change was not saved. Check the disk (or the USB stick and its connection) and try again.';
      case 'EMFILE':
      case 'ENFILE':
        return 'Too many files are open on this computer: your change was not saved. Close some programs and try again.';
      case 'ENOENT':
      case 'ENOTDIR':
        return `Your data folder (${dataDir}) is gone or was replaced: your change was not saved. Restart Fieldbook, which creates it again.`;
      default:
        return `Your change was not saved (${code || (error as Error)?.message || 'unknown error'}). Nothing else changed; try again, and if it keeps failing, restart Fieldbook.`;
    }
  })();
  return new FieldbookError('not-saved', message);
}

/** Why the data file could not be read at start-up, as the reason shown beside where it was kept. */
export function readFailureReason(error: unknown): string {
  switch (errno(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'Fieldbook is not allowed to read it; check the permissions of the file';
    case 'EISDIR':
      return 'a folder is where the data file should be';
    case 'EIO':
      return 'the disk reported an error while reading it; check the disk';
    default:
      return `it could not be read (${errno(error) || (error as Error)?.message || 'unknown error'})`;
  }
}
