/**
 * Limits that keep a hostile or broken guide from freezing the window. marked parses synchronously on the main
 * thread, and some inputs cost far more than their size suggests: deep nesting recurses until the stack overflows,
 * and runs of emphasis or link delimiters in one paragraph take time that grows much faster than the paragraph
 * (2,000 characters of `*_a` took about 200 ms). So the Markdown is trimmed before parsing, in one linear pass, to
 * sizes no real guide comes near: the largest bundled guide has under 10,000 characters, lines under 800 and 74
 * delimiters in its busiest paragraph. Whatever was cut is reported, so the reader can say that the guide was
 * shortened. `npm run bench:render` measures both the bundled guides and pathological inputs against the budget.
 */
export const LIMITS = {
  /** Characters in the whole guide; the rest is dropped at a line break. */
  chars: 50_000,
  lines: 3_000,
  /** Characters in one line. */
  lineLength: 4_000,
  /** Block quotes and list levels, together. */
  depth: 8,
  /** Cells in one table row. */
  tableCells: 20,
  /** Table rows in the whole guide, all tables together. */
  tableRows: 200,
  /** Emphasis, code, link and tag delimiters in one paragraph (or one table row); later ones are shown as text. */
  delimiters: 128,
  /** The same delimiters in the whole guide (the bundled guides use at most 74 in a paragraph and 136 in all). */
  totalDelimiters: 1_024,
  /** Entries in the table of contents; a note counts the rest (50,000 entries froze the reader for 0.7 s). */
  tocEntries: 100,
} as const;

export type Limit = 'chars' | 'lines' | 'lineLength' | 'depth' | 'tableCells' | 'tableRows' | 'delimiters';

const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const DELIMITER = /[*_~`[\]<]/g;
// One container level: a `>` or a list marker, with the spaces around it.
const CONTAINER = /^[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*/;

/**
 * Block-quote and list markers beyond the depth limit are dropped, and so is indentation deeper than the limit's
 * worth of list levels (nested lists are written by indenting).
 */
function capDepth(line: string): string {
  let rest = line;
  let prefix = '';
  let depth = 0;
  for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
    if (depth < LIMITS.depth) prefix += match[0];
    depth++;
    rest = rest.slice(match[0].length);
  }
  if (depth > LIMITS.depth) return prefix + rest.trimStart();
  const indent = /^[ \t]*/.exec(line)![0].length;
  const maxIndent = LIMITS.depth * 2;
  return indent > maxIndent ? ' '.repeat(maxIndent) + line.slice(indent) : line;
}

/** Escapes delimiters past the paragraph's allowance or the guide's, so marked reads them as text. */
function capDelimiters(line: string, used: { count: number }, total: { count: number }): string {
  return line.replace(DELIMITER, (char, offset: number) => {
    if (line[offset - 1] === '\\') return char;
    used.count++;
    total.count++;
    return used.count > LIMITS.delimiters || total.count > LIMITS.totalDelimiters ? `\\${char}` : char;
  });
}

export interface Bounded {
  markdown: string;
  /** The limits that cut something, in the order first met; empty for every ordinary guide. */
  hit: Limit[];
}

export function boundMarkdown(input: string): Bounded {
  const hit = new Set<Limit>();
  let text = input;
  if (text.length > LIMITS.chars) {
    hit.add('chars');
    const cut = text.lastIndexOf('\n', LIMITS.chars);
    text = text.slice(0, cut > 0 ? cut : LIMITS.chars);
  }
  let lines = text.split('\n');
  if (lines.length > LIMITS.lines) {
    hit.add('lines');
    lines = lines.slice(0, LIMITS.lines);
  }
  const out: string[] = [];
  let fence: string | null = null;
  let used = { count: 0 };
  const total = { count: 0 };
  let tableRows = 0;
  /** Index of the line within its block (paragraph, list or table); -1 before the first. */
  let blockLine = -1;
  let inTable = false;
  for (let line of lines) {
    if (line.length > LIMITS.lineLength) {
      hit.add('lineLength');
      line = `${line.slice(0, LIMITS.lineLength)}…`;
    }
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      // Code is shown as it is written; only its line length and count are bounded.
      if (fenceMatch && fenceMatch[1]![0] === fence) fence = null;
      out.push(line);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]![0]!;
      out.push(line);
      continue;
    }
    if (line.trim() === '') {
      used = { count: 0 };
      blockLine = -1;
      inTable = false;
      out.push(line);
      continue;
    }
    const capped = capDepth(line);
    if (capped !== line) hit.add('depth');
    line = capped;
    blockLine++;
    // A table is a header row, then a delimiter row such as |---|:--:|, then its body rows.
    if (blockLine === 1 && line.includes('|') && TABLE_DELIMITER_ROW.test(line)) inTable = true;
    if (inTable) {
      tableRows++;
      if (tableRows > LIMITS.tableRows) {
        hit.add('tableRows');
        continue;
      }
      // Table cells are parsed one by one, so each row gets its own allowance of delimiters.
      used = { count: 0 };
    }
    if (line.includes('|')) {
      let pipes = 0;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '|' && ++pipes > LIMITS.tableCells) {
          hit.add('tableCells');
          line = line.slice(0, i);
          break;
        }
      }
    }
    line = capDelimiters(line, used, total);
    if (used.count > LIMITS.delimiters || total.count > LIMITS.totalDelimiters) hit.add('delimiters');
    out.push(line);
  }
  return { markdown: out.join('\n'), hit: [...hit] };
}
