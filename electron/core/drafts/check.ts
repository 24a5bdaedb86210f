import { join } from 'node:path';
import type { DraftMeta, DraftProblem } from '../../api/drafts';
import type { Catalog, ContentProblem } from '../content/model';
import { loadContent } from '../content/load';
import { contentWarnings } from '../content/warnings';
import { draftFileText, draftPath } from './file';
import type { Draft } from './schema';

/** The form field a content problem belongs to, from its front-matter path (`sources[1].url` → sources). */
function formField(path: string): DraftProblem['field'] {
  if (path === '(body)') return 'body';
  const top = path.split(/[.[]/)[0] ?? '';
  if (top === 'changelog' || top === 'updated' || top === 'version') return 'changes';
  if (top === 'review') return 'review_by';
  const fields: readonly string[] = ['id', 'title', 'summary', 'jurisdiction', 'lang', 'topics', 'sources', 'not_covered', 'authors', 'licence'];
  return fields.includes(top) ? (top as keyof DraftMeta) : 'file';
}

function toProblem(problem: ContentProblem): DraftProblem {
  return { field: formField(problem.field), path: problem.field, message: problem.message, severity: problem.severity ?? 'error' };
}

/**
 * Checks a draft with the content rules a pack's guides pass: the file is laid over a folder with no guides of its
 * own, against the content's lists (jurisdictions, topics, languages) and with every guide shown now beside it, so
 * its translation source and its links are checked too. Only this file's problems are returned.
 */
export async function checkDraft(draft: Draft, catalog: Catalog, contentDir: string, today: string): Promise<DraftProblem[]> {
  const path = draftPath(draft.meta);
  const problems: DraftProblem[] = [];
  const own = `${draft.meta.id}/${draft.meta.lang}`;
  const alongside = catalog.guides.filter((guide) => `${guide.meta.id}/${guide.meta.lang}` !== own);
  if (draft.kind === 'new') {
    const taken = catalog.guides.find((guide) => guide.meta.id === draft.meta.id);
    if (taken)
      problems.push({
        field: 'id',
        path: 'id',
        message: `"${draft.meta.id}" is already the id of ${taken.file}; choose another id`,
        severity: 'error',
      });
  }
  const file = draftFileText(draft, today);
  // A folder that holds no guides: only the draft is read, laid over it as a pack's file is. Its path is a name in
  // that overlay, never opened on disk, and the rules report an id, jurisdiction or language that cannot be one.
  const checked = await loadContent(join(contentDir, '.draft-check-has-no-guides'), {
    listsDir: contentDir,
    files: new Map([[path, file]]),
    alongside,
  });
  problems.push(...checked.problems.filter((problem) => problem.file === path).map(toProblem));
  problems.push(...contentWarnings(checked, today).map(toProblem));
  return problems;
}
