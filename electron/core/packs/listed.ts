import type { ContentProblem } from '../content/model';
import { sha256 } from './manifest';

/**
 * Checks a signed file list against the files an archive holds, and the listed guides against the content rules:
 * packs and partner submissions both carry guides under a signed list, and both are checked the same way. Each
 * caller words the refusal for its own file (a pack or a submission); what counts as a mismatch is decided here.
 */
export interface ListedFile {
  path: string;
  size: number;
  sha256: string;
}

export type ListMismatch =
  | { kind: 'unlisted'; path: string }
  | { kind: 'missing'; path: string }
  | { kind: 'size'; path: string; actual: number; expected: number }
  | { kind: 'hash'; path: string };

/** The first file that is not exactly as listed: an unlisted entry (other than `own`), then each listed file in order. */
export function firstMismatch(files: ReadonlyMap<string, Buffer>, listed: readonly ListedFile[], own: readonly string[]): ListMismatch | null {
  const paths = new Set(listed.map((file) => file.path));
  for (const name of files.keys()) if (!own.includes(name) && !paths.has(name)) return { kind: 'unlisted', path: name };
  for (const file of listed) {
    const bytes = files.get(file.path);
    if (!bytes) return { kind: 'missing', path: file.path };
    if (bytes.length !== file.size) return { kind: 'size', path: file.path, actual: bytes.length, expected: file.size };
    if (sha256(bytes) !== file.sha256) return { kind: 'hash', path: file.path };
  }
  return null;
}

/** The listed files as text, and the content rules' problems with them (only theirs: the rest of the content is not theirs to answer for). */
export async function listedGuideProblems(
  files: ReadonlyMap<string, Buffer>,
  listed: readonly Pick<ListedFile, 'path'>[],
  checkGuides: ((texts: Map<string, string>) => Promise<ContentProblem[]>) | undefined,
): Promise<{ texts: Map<string, string>; problems: ContentProblem[] }> {
  const texts = new Map<string, string>();
  for (const file of listed) texts.set(file.path, files.get(file.path)!.toString('utf8'));
  const problems = checkGuides ? (await checkGuides(texts)).filter((problem) => texts.has(problem.file)) : [];
  return { texts, problems };
}

/** Problems as `path:line: field: message`, one a line: what a person opens the file at. */
export function problemLines(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n');
}
