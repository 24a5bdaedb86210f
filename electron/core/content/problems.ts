import { relative, join } from 'node:path';
import type { ContentProblem } from './model';

/** `path:line: field: message`, with the path as a person would type it from the current folder. */
export function formatProblem(contentDir: string, problem: ContentProblem): string {
  const path = relative(process.cwd(), join(contentDir, problem.file)) || problem.file;
  return `${path}:${problem.line}: ${problem.field}: ${problem.message}`;
}
