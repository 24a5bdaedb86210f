import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Physical left/right properties and values that would not mirror when the interface runs right to left. */
const PHYSICAL = [
  /(?<![-\w])(margin|padding|border)-(left|right)(-[a-z]+)?\s*:/,
  /(?<![-\w])border-(top|bottom)-(left|right)-radius\s*:/,
  /(?<![-\w])(left|right)\s*:/,
  /(?<![-\w])text-align\s*:\s*(left|right)\b/,
  /(?<![-\w])float\s*:\s*(left|right)\b/,
  /(?<![-\w])clear\s*:\s*(left|right)\b/,
];

function physicalProperties(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  return withoutComments.split('\n').flatMap((line, index) => (PHYSICAL.some((rule) => rule.test(line)) ? [`${index + 1}: ${line.trim()}`] : []));
}

function styleSheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.css'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('style sheets use logical properties so right-to-left layouts mirror', () => {
  it('the check catches physical properties and passes logical ones', () => {
    expect(
      physicalProperties('a { margin-left: 1rem; }\nb { padding-right:0 }\nc { left: 0 }\nd { text-align: right }\ne { float: left }'),
    ).toHaveLength(5);
    expect(physicalProperties('a { margin-inline-start: 1rem; inset-inline-start: 0; text-align: start; border-inline-end: 1px solid; }')).toEqual(
      [],
    );
  });

  for (const file of styleSheets('renderer')) {
    it(file, () => {
      expect(physicalProperties(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});
