import { diffWordsWithSpace } from 'diff';
import type { DiffPart } from '../../api/types';
import { FieldbookError } from '../../api/errors';

/**
 * history/diff: a word-level diff of two texts, bounded so a pathological guide cannot freeze the app. Each side is
 * capped at MAX_DIFF_BYTES (the largest bundled guide is under 10 KB), and the diff itself gives up after
 * DIFF_TIMEOUT_MS, when two texts share almost nothing; both say so instead of hanging.
 */
export const MAX_DIFF_BYTES = 200 * 1024;
export const DIFF_TIMEOUT_MS = 2000;

export function wordDiff(before: string, after: string, names: { before: string; after: string }): DiffPart[] {
  for (const [text, name] of [
    [before, names.before],
    [after, names.after],
  ] as const) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_DIFF_BYTES)
      throw new FieldbookError(
        'bad-input',
        `${name} has ${bytes} bytes; a word diff compares at most ${MAX_DIFF_BYTES} (200 KB) per side. Open the two versions and compare them by reading.`,
      );
  }
  const changes = diffWordsWithSpace(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes)
    throw new FieldbookError(
      'bad-input',
      `${names.before} and ${names.after} differ too much to compare word by word. Open each version and read it.`,
    );
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const kind: DiffPart['kind'] = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}
