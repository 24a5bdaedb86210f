import type { ChangeEvent } from 'react';

/**
 * The file just chosen in an `<input type="file">`, with the input cleared: the person often opens the very same file
 * again (after delegating its key, fixing it, or undoing a pack), and an input whose value did not change fires no
 * change event, so the second choice would do nothing.
 */
export function chosenFile(event: ChangeEvent<HTMLInputElement>): File | undefined {
  const file = event.target.files?.[0];
  event.target.value = '';
  return file;
}
