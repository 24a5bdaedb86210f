import { Document, isAlias, isMap, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './model';

/**
 * content/yaml: YAML front matter and list files, parsed so that every mistake becomes a problem on a line of its
 * file and nothing in a file can stop the app: syntax errors, aliases that expand without end (the "billion laughs")
 * and aliases to anchors that do not exist all end here as problems, never as exceptions.
 */

/**
 * How many nodes aliases may copy in one document (the `yaml` library's own guard, `maxAliasCount`; its default is
 * 100). Guides and lists have no use for aliases, so a small allowance only keeps a hand-written one working.
 */
export const MAX_ALIAS_COUNT = 20;

/** A parsed YAML document that can say on which line a field stands. */
export interface Located {
  doc: Document;
  lines: LineCounter;
  /** Line of the document's first line within its file (front matter starts after `---`). */
  firstLine: number;
}

/** A document with nothing in it: every field is then reported at the front matter's first line. */
export function emptyLocated(): Located {
  return { doc: new Document(null), lines: new LineCounter(), firstLine: 2 };
}

export function lineOf(located: Located, path: readonly PropertyKey[]): number {
  // Walk up until a node exists: a missing field is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = located.doc.getIn(path.slice(0, depth) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const parent = depth > 0 ? located.doc.getIn(path.slice(0, depth - 1) as (string | number)[], true) : located.doc.contents;
    let offset = node?.range?.[0];
    // Prefer the key's line for a map entry, so `field:` rather than its value's first line is named.
    if (isMap(parent) && depth > 0) {
      const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path[depth - 1]);
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (keyRange) offset = keyRange[0];
    } else if (isSeq(parent) && node?.range) offset = node.range[0];
    if (offset !== undefined) return located.firstLine + located.lines.linePos(offset).line - 1;
  }
  return located.firstLine;
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '(front matter)'
    : path
        .map((part) => (typeof part === 'number' ? `[${part}]` : String(part)))
        .join('.')
        .replace(/\.\[/g, '[');
}

/** What to do about the YAML mistakes people make most often when writing front matter by hand. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'put the value in quotes when it contains ": "',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'keep one of the two fields',
  MISSING_CHAR: 'close the quote or bracket (the problem may start on an earlier line)',
  BAD_INDENT: 'check the indentation and close any bracket (the problem may start on an earlier line)',
};

/** The line of the document's first alias (`*name`), where an alias problem is reported. */
function firstAliasLine(located: Located): number {
  let offset: number | undefined;
  visit(located.doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset === undefined ? located.firstLine : located.firstLine + located.lines.linePos(offset).line - 1;
}

/**
 * Parses a YAML document into plain values. On failure, pushes one problem per line that has a syntax error (one
 * mistake often yields several errors on its line; the first says what to fix) and returns null.
 */
export function parseYaml(text: string, file: string, firstLine: number, problems: ContentProblem[]): { located: Located; value: unknown } | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const located: Located = { doc, lines, firstLine };
  if (doc.errors.length > 0) {
    const reported = new Set<number>();
    for (const error of doc.errors) {
      const line = firstLine + lines.linePos(error.pos[0]).line - 1;
      if (reported.has(line)) continue;
      reported.add(line);
      problems.push({ file, line, field: '(yaml)', message: `${error.message.split('\n')[0]}; ${YAML_HINTS[error.code] ?? 'fix the YAML syntax'}` });
    }
    return null;
  }
  try {
    return { located, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = (error as Error).message;
    problems.push({
      file,
      line: firstAliasLine(located),
      field: '(yaml)',
      message: /Excessive alias count/.test(message)
        ? `aliases (*name) copy more than ${MAX_ALIAS_COUNT} values; write the values out instead of using & anchors and * aliases`
        : `${message.split('\n')[0]}; write the value out, or define the & anchor before its * alias`,
    });
    return null;
  }
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.join(', ')}; remove or correct them`;
  if (issue.code === 'invalid_type') {
    // zod words these as "Invalid input: expected number, received string"; say what to write instead.
    if (/received undefined/.test(issue.message)) return `missing; add it (content/README.md describes every field)`;
    const word = (type: string) => ({ array: 'a list', object: 'a group of fields', string: 'text', null: 'null' })[type] ?? `a ${type}`;
    const received = /received (\w+)/.exec(issue.message)?.[1];
    return `must be ${word(issue.expected)}${received ? `, not ${word(received)}` : ''}`;
  }
  return issue.message;
}

export function schemaProblems(issues: z.core.$ZodIssue[], located: Located, file: string): ContentProblem[] {
  return issues.map((issue) => ({
    file,
    line: lineOf(located, issue.path),
    field: fieldName(issue.path),
    message: issueMessage(issue),
  }));
}
