import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FieldbookError } from '../../api/errors';
import type { ReviewMark } from '../../api/types';
import { editFrontMatter } from '../content/front-matter-edit';
import { loadContent } from '../content/load';
import type { Guide } from '../content/model';
import { addMonths, REVIEW_MONTHS } from '../content/warnings';
import { isLegalGuide } from './status';

/**
 * "Mark reviewed": a reviewer records that a guide which did not change has been checked again. Only the three review
 * fields change (who, today, and the next review date from the subject's interval); the version, the changelog and
 * the body stay as written, so the change is one small hunk in Git and the guide's readers are not told it changed.
 * It writes into a maintainer's working copy of the content, never into an installed app's read-only content.
 */

export interface MarkRequest {
  /** The content folder to write into (FieldbookOptions.maintainerContentDir, or the command line's folder). */
  contentDir: string;
  id: string;
  lang: string;
  /** Who reviewed it: the organisation or person, as it should appear in "last reviewed by". */
  by: string;
  /** The clock's calendar date in UTC, YYYY-MM-DD. */
  today: string;
}

function guideIn(guides: readonly Guide[], id: string, lang: string, contentDir: string): Guide {
  const guide = guides.find((g) => g.meta.id === id && g.meta.lang === lang);
  if (guide) return guide;
  const langs = guides.filter((g) => g.meta.id === id).map((g) => g.meta.lang);
  throw new FieldbookError(
    'not-found',
    langs.length > 0
      ? `review mark: the guide "${id}" has no valid "${lang}" version in ${contentDir} (it has ${langs.join(', ')}); name one of those languages.`
      : `review mark: there is no valid guide "${id}" in ${contentDir}; check the id (npm run content -- review lists them) or fix the guide first (npm run content -- validate).`,
  );
}

/** What a mark would write, without writing it: the confirmation step shows the next review date from this. */
export async function planMark(request: MarkRequest): Promise<{ mark: ReviewMark; text: string }> {
  const by = request.by.trim();
  if (by === '' || /[\r\n]/.test(by))
    throw new FieldbookError('bad-input', 'review mark: say who reviewed the guide (a name or organisation, on one line).');
  const catalog = await loadContent(request.contentDir);
  const guide = guideIn(catalog.guides, request.id, request.lang, request.contentDir);
  const legal = isLegalGuide(guide.meta);
  const months = legal ? REVIEW_MONTHS.legal : REVIEW_MONTHS.security;
  const reviewBy = addMonths(request.today, months);
  const original = await readFile(join(request.contentDir, guide.file), 'utf8');
  const text = editFrontMatter(
    original,
    [
      { path: ['review', 'reviewed_by'], value: by },
      { path: ['review', 'reviewed_on'], value: request.today },
      { path: ['review', 'review_by'], value: reviewBy },
    ],
    guide.file,
  );
  // The marked file must still pass every content rule, laid over the folder exactly where it will be written.
  const checked = await loadContent(request.contentDir, { files: new Map([[guide.file, text]]) });
  const errors = checked.problems.filter((p) => p.file === guide.file && p.severity !== 'warning');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new FieldbookError(
      'bad-input',
      `review mark: ${guide.file}:${first.line}: ${first.field}: ${first.message}; the file was not changed. Fix it (npm run content -- validate) and mark again.`,
    );
  }
  return {
    mark: {
      id: guide.meta.id,
      lang: guide.meta.lang,
      file: guide.file,
      version: guide.meta.version,
      reviewedBy: by,
      reviewedOn: request.today,
      reviewBy,
      previousReviewBy: guide.meta.review.review_by,
      months,
      legal,
    },
    text,
  };
}

/** Writes `text` to `path` through a temporary file and a rename, so a failed write leaves the old file whole. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.mark.tmp`;
  try {
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new FieldbookError(
      'not-saved',
      `review mark: could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was changed. Check that the folder is writable and has space.`,
    );
  }
}

/** Records the review in the guide's file; returns what was written. */
export async function markReviewed(request: MarkRequest): Promise<ReviewMark> {
  const { mark, text } = await planMark(request);
  await writeAtomically(join(request.contentDir, mark.file), text);
  return mark;
}
