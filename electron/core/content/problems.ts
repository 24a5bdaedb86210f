import { relative, join } from 'node:path';
import type { ContentProblem } from './model';

/**
 * `path:line: field: message` for an error and `path:line: warning: field: message` for a warning (the shape
 * compilers print, which editors and CI annotate), with the path as a person would type it from the current folder.
 */
export function formatProblem(contentDir: string, problem: ContentProblem): string {
  const path = relative(process.cwd(), join(contentDir, problem.file)) || problem.file;
  return `${path}:${problem.line}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.field}: ${problem.message}`;
}
