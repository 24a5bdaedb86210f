import { lstat, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FieldbookError } from '../../api/errors';
import type { ReviewMark } from '../../api/types';
import { editFrontMatter } from '../content/front-matter-edit';
import { parse } from 'yaml';
import { splitFrontMatter } from '../content/guide-file';
import { loadContent } from '../content/load';
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

/** The guide file `guides/<J>/<id>/<lang>.md`, found by listing the jurisdictions' folders rather than loading them all. */
async function locate(contentDir: string, id: string, lang: string): Promise<string> {
  // The command line passes what was typed: only an id and a language tag may become a path.
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    throw new FieldbookError('bad-input', `review mark: "${id}" is not a guide id (lower-case words joined by hyphens).`);
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang))
    throw new FieldbookError('bad-input', `review mark: "${lang}" is not a language tag such as en or ar.`);
  const guidesDir = join(contentDir, 'guides');
  const jurisdictions = await readdir(guidesDir).catch(() => [] as string[]);
  const langs: string[] = [];
  for (const jurisdiction of jurisdictions) {
    const files = await readdir(join(guidesDir, jurisdiction, id)).catch(() => [] as string[]);
    if (files.includes(`${lang}.md`)) {
      const file = `guides/${jurisdiction}/${id}/${lang}.md`;
      // As the content loader does, a link is refused: the mark would replace it with a file and hide where it pointed.
      if (!(await lstat(join(contentDir, file))).isFile())
        throw new FieldbookError('bad-input', `review mark: ${file} is not a plain file (a link or a folder); guides must be plain files.`);
      return file;
    }
    langs.push(...files.filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3)));
  }
  throw new FieldbookError(
    'not-found',
    langs.length > 0
      ? `review mark: the guide "${id}" has no "${lang}" version in ${contentDir} (it has ${langs.join(', ')}); name one of those languages.`
      : `review mark: there is no guide "${id}" in ${contentDir}; check the id (npm run content -- review lists them).`,
  );
}

/**
 * What the edit needs from the guide's front matter as it stands: its jurisdiction and topics (the subject's interval)
 * and the review date it replaces. The content rules check the rest once the marked file is laid over the folder.
 */
function currentFields(text: string, file: string): { jurisdiction: string; topics: string[]; reviewBy: string } {
  const parts = splitFrontMatter(text);
  let meta: unknown = null;
  try {
    meta = parts ? parse(parts.yaml, { maxAliasCount: 0 }) : null;
  } catch {
    // Reported below, as a file that cannot be read.
  }
  const { jurisdiction, topics, review } = (meta ?? {}) as { jurisdiction?: unknown; topics?: unknown; review?: { review_by?: unknown } };
  if (typeof jurisdiction !== 'string' || !Array.isArray(topics) || review?.review_by === undefined)
    throw new FieldbookError(
      'bad-input',
      `review mark: ${file} has no readable jurisdiction, topics and review dates; fix it first (npm run content -- validate).`,
    );
  return { jurisdiction, topics: topics.filter((topic): topic is string => typeof topic === 'string'), reviewBy: String(review.review_by) };
}

/**
 * What a mark would write, without writing it: the confirmation step shows the next review date from this. The
 * content folder is loaded once, with the marked file laid over it where it will be written, so the file must pass
 * every content rule (links, translations and all) as it will stand, and a guide that is invalid now is refused with
 * its first problem.
 */
export async function planMark(request: MarkRequest): Promise<{ mark: ReviewMark; text: string }> {
  const by = request.by.trim();
  if (by === '' || /[\r\n]/.test(by))
    throw new FieldbookError('bad-input', 'review mark: say who reviewed the guide (a name or organisation, on one line).');
  const file = await locate(request.contentDir, request.id, request.lang);
  const original = await readFile(join(request.contentDir, file), 'utf8');
  const current = currentFields(original, file);
  const legal = isLegalGuide(current);
  const months = legal ? REVIEW_MONTHS.legal : REVIEW_MONTHS.security;
  const reviewBy = addMonths(request.today, months);
  const text = editFrontMatter(
    original,
    [
      { path: ['review', 'reviewed_by'], value: by },
      { path: ['review', 'reviewed_on'], value: request.today },
      { path: ['review', 'review_by'], value: reviewBy },
    ],
    file,
  );
  const checked = await loadContent(request.contentDir, { files: new Map([[file, text]]) });
  const error = checked.problems.find((p) => p.file === file && p.severity !== 'warning');
  const guide = checked.guides.find((g) => g.file === file);
  if (error || !guide) {
    const where = error ? `${file}:${error.line}: ${error.field}: ${error.message}` : `${file} does not load`;
    throw new FieldbookError('bad-input', `review mark: ${where}; the file was not changed. Fix it (npm run content -- validate) and mark again.`);
  }
  return {
    mark: {
      id: guide.meta.id,
      lang: guide.meta.lang,
      file,
      version: guide.meta.version,
      reviewedBy: by,
      reviewedOn: request.today,
      reviewBy,
      previousReviewBy: current.reviewBy,
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
