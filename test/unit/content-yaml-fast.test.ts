import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../electron/core/content/guide-file';
import { readPlainYaml } from '../../electron/core/content/yaml-fast';
import { aliasBomb } from '../support/content-folder';

/**
 * Front matter is read by js-yaml for speed and by the `yaml` library for problems and lines: the two must never
 * disagree on what a file says. The fast reader either gives the values the full one gives, or declines.
 */
const CONTENT = join(import.meta.dirname, '..', '..', 'content', 'guides');
const bundled = readdirSync(CONTENT, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.md'))
  .map((file) => ({ file, yaml: splitFrontMatter(readFileSync(join(CONTENT, file), 'utf8'))!.yaml }));

const full = (text: string) => parse(text, { uniqueKeys: true, maxAliasCount: 20 }) as unknown;

describe('the fast front-matter reader', () => {
  it('reads every bundled guide exactly as the full reader does', () => {
    expect(bundled.length).toBeGreaterThan(50);
    for (const { file, yaml } of bundled) expect({ file, value: readPlainYaml(yaml)?.value }).toEqual({ file, value: full(yaml) });
  });

  it('reads scalars by YAML 1.2 core rules, as the full reader does: dates stay text, 1_000 and 0b1 are words', () => {
    const text = [
      'a: 2026-12-01',
      'b: 1_000',
      'c: 0b1',
      'd: 0x1F',
      'e: 0o17',
      'f: -12',
      'g: 1.5e3',
      'i: yes',
      'j: ~',
      'k:',
      'l: True',
      'm: "7"',
      'n: 1.',
      'o: +3',
      'p: Null',
    ].join('\n');
    expect(readPlainYaml(text)?.value).toEqual(full(text));
    expect(readPlainYaml(text)?.value).toMatchObject({ a: '2026-12-01', b: '1_000', c: '0b1', d: 31, e: 15, i: 'yes', k: null });
  });

  it('declines what only the full reader reports well: syntax errors, duplicate keys, anchors and aliases', () => {
    for (const text of [
      'title: "unclosed\nid: x\n',
      'summary: one: two: three\n',
      'id: a\nid: b\n',
      aliasBomb(),
      'a: &x 1\nb: *x\n',
      'topics: [a, *x]\n',
      'a: !!timestamp 2026-01-01\n',
      'a:\n\t- tab\n',
      // JSON, which gives each value its own memory, has no infinity or NaN.
      'a: .inf\n',
      'a: -.Inf\n',
      'a: .NaN\n',
    ])
      expect(readPlainYaml(text), text).toBeNull();
  });

  it('still reads text that only looks like an anchor: "R&D", "a * b", "&" in quotes costs only speed', () => {
    expect(readPlainYaml('a: R&D and a * b\n')?.value).toEqual({ a: 'R&D and a * b' });
    expect(readPlainYaml('a: "see &here"\n')).toBeNull();
  });
});
