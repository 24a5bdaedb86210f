import { describe, expect, it } from 'vitest';
import { bodyLine, parseGuide, parseGuideBytes } from '../../electron/core/content/guide-file';
import type { ContentProblem, Guide } from '../../electron/core/content/model';
import { sampleGuide } from '../support/content-folder';

/**
 * The loader reads a guide file as bytes and decodes its front matter and body apart (so the body keeps no copy of
 * the whole file alive). Whatever the bytes, the guide and its problems must be exactly those of the file read as
 * text.
 */
const FILE = 'guides/US/sample/en.md';

function read(parse: (problems: ContentProblem[]) => Guide | null) {
  const problems: ContentProblem[] = [];
  const guide = parse(problems);
  return {
    problems,
    guide: guide && {
      meta: guide.meta,
      body: guide.body,
      bodyLine: bodyLine(guide),
      sections: guide.sections.map(({ anchor, heading, level, text, markdown }) => ({ anchor, heading, level, text, markdown })),
    },
  };
}

const sample = sampleGuide('sample', '# Sample\n\nText with é, ü, العربية and 中文.\n\n## Second\n\nMore — text.\n');
const cases: [string, string][] = [
  ['a plain file', sample],
  ['Windows line endings', sample.replace(/\n/g, '\r\n')],
  ['old Mac line endings', sample.replace(/\n/g, '\r')],
  ['a byte-order mark', `\uFEFF${sample}`],
  ['multi-byte text on both sides of the fence', sample.replace('title: ', 'title: Ünïcödé ').replace('# Sample', 'é# Sample')],
  ['no front matter', '# Just a heading\n\nText.\n'],
  ['no closing fence', '---\nid: sample\ntitle: Open\n'],
  ['a fence as the last line', sample.split('\n---\n')[0]!.concat('\n---')],
  ['a front matter problem', sample.replace(/^version: .*$/m, 'version: not-a-number')],
  ['a body problem', sampleGuide('sample', `# ${'x'.repeat(400)}\n`)],
  ['an invalid UTF-8 byte in the body', sample],
];

describe('a guide file read as bytes', () => {
  it.each(cases)('reads %s exactly as the same file read as text', (name, text) => {
    let bytes = Buffer.from(text, 'utf8');
    if (name.startsWith('an invalid')) bytes = Buffer.concat([bytes, Buffer.from([0xff, 0x0a])]);
    const asText = read((problems) => parseGuide(FILE, bytes.toString('utf8'), problems, () => undefined));
    const asBytes = read((problems) => parseGuideBytes(FILE, bytes, problems, () => undefined));
    expect(asBytes).toEqual(asText);
  });

  it('loads a valid guide and refuses a broken one either way', () => {
    expect(read((problems) => parseGuideBytes(FILE, Buffer.from(sample), problems, () => undefined)).guide).not.toBeNull();
    expect(read((problems) => parseGuideBytes(FILE, Buffer.from('no front matter'), problems, () => undefined)).problems).toEqual([
      expect.objectContaining({ file: FILE, line: 1, field: '(front matter)' }),
    ]);
  });
});
