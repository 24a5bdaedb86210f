import { join } from 'node:path';
import { FieldbookError } from '../../api/errors';
import type { SubmissionChangeKind, SubmissionGuideChange } from '../../api/submissions';
import type { DiffPart } from '../../api/types';
import { readContentFile } from '../content/files';
import { wordDiff } from '../history/diff';
import { mayPublish } from '../packs/keylist';
import { frontMatterVersion } from '../packs/manifest';
import type { SubmittedGuide } from './format';
import type { VerifiedSubmission } from './verify';

/**
 * Each submitted guide against the maintainer's content folder (README "Checks", step 5): how it stands (new, a clean
 * change, an old base, no current file), the two texts side by side and a word diff. With an old base the person
 * also sees what was published since the base and what the partner changed from it, when history/ keeps the base.
 */

export function historyPath(guide: Pick<SubmittedGuide, 'jurisdiction' | 'id' | 'lang'>, version: number): string {
  return `history/${guide.jurisdiction}/${guide.id}/${guide.lang}.v${version}.md`;
}

async function readText(path: string): Promise<string | null> {
  const read = await readContentFile(path);
  return read.ok ? read.text : null;
}

export interface CurrentFile {
  text: string | null;
  version: number | null;
}

export async function currentFile(contentDir: string, path: string): Promise<CurrentFile> {
  const text = await readText(join(contentDir, path));
  return { text, version: text === null ? null : frontMatterVersion(text) };
}

export function changeKind(base: number | null, current: number | null): SubmissionChangeKind {
  if (current === null) return base === null ? 'new' : 'no-current';
  if (base === current) return 'clean';
  return 'old-base';
}

function noteFor(kind: SubmissionChangeKind, guide: SubmittedGuide, current: number | null): string {
  switch (kind) {
    case 'new':
      return `a new file: accepting publishes it as version 1`;
    case 'clean':
      return `based on version ${current}, the one published: accepting publishes version ${(current ?? 0) + 1}`;
    case 'no-current':
      return `based on version ${guide.base} of a file the content folder no longer has: accepting publishes it as version 1`;
    case 'old-base':
      return guide.base === null
        ? `started as a new file, but version ${current} was published since: accepting would overwrite it; merge by hand`
        : (current ?? 0) > guide.base
          ? `published since: version ${current} is newer than the base ${guide.base}; accepting would overwrite it: merge by hand (both changes are shown)`
          : `based on version ${guide.base}, newer than version ${current} in this content folder; update the content folder (git pull) before deciding`;
  }
}

/** A word diff, or why there is none: a text too large or too different to compare is no reason to hide the rest. */
function tryDiff(before: string, after: string, names: { before: string; after: string }, problems: string[]): DiffPart[] | null {
  try {
    return wordDiff(before, after, names);
  } catch (error) {
    if (!(error instanceof FieldbookError)) throw error;
    problems.push(error.message);
    return null;
  }
}

export async function diffSubmission(
  verified: VerifiedSubmission,
  contentDir: string,
  dirOf: (lang: string) => 'ltr' | 'rtl',
): Promise<SubmissionGuideChange[]> {
  const out: SubmissionGuideChange[] = [];
  for (const guide of verified.submission.guides) {
    const after = verified.texts.get(guide.path)!;
    const { text: before, version: current } = await currentFile(contentDir, guide.path);
    const change = changeKind(guide.base, current);
    const names = { before: current === null ? 'nothing' : `${guide.path} version ${current}`, after: `the submitted ${guide.path}` };
    let baseText: string | null = null;
    let sinceBase = null;
    let partnerChange = null;
    const problems: string[] = [];
    if (change === 'old-base' && guide.base !== null) {
      baseText = await readText(join(contentDir, historyPath(guide, guide.base)));
      if (baseText !== null && before !== null) {
        const baseName = `${guide.path} version ${guide.base}`;
        sinceBase = tryDiff(baseText, before, { before: baseName, after: names.before }, problems);
        partnerChange = tryDiff(baseText, after, { before: baseName, after: names.after }, problems);
      }
    }
    const inline = tryDiff(before ?? '', after, names, problems);
    out.push({
      path: guide.path,
      id: guide.id,
      lang: guide.lang,
      jurisdiction: guide.jurisdiction,
      submitted: guide.kind,
      base: guide.base,
      current,
      change,
      dir: dirOf(guide.lang),
      before,
      after,
      inline,
      diffProblem: problems[0] ?? null,
      baseText,
      sinceBase,
      partnerChange,
      delegated: mayPublish(verified.signer, guide.jurisdiction, verified.catalog.jurisdictions),
      note: noteFor(change, guide, current),
    });
  }
  return out;
}
