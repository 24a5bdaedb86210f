import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'content');
const SAMPLE = readFileSync(join(FIXTURE, 'guides', 'US', 'sample-rights', 'en.md'), 'utf8');

/** The body of test/fixtures/content's sample guide starts on this line of its file. */
export const SAMPLE_BODY_LINE = SAMPLE.split('\n---\n')[0]!.split('\n').length + 2;

/**
 * A guide file like the fixture's US sample, with another id and body, and front-matter lines replaced
 * (`{ updated: '2027-01-01' }` rewrites the line `updated: …`). Written under guides/US/<id>/en.md.
 */
export function sampleGuide(id: string, body?: string, fields: Record<string, string> = {}): string {
  let [frontMatter, sampleBody] = SAMPLE.split('\n---\n') as [string, string];
  frontMatter = frontMatter.replace(/^id: .*$/m, `id: ${id}`);
  for (const [field, value] of Object.entries(fields)) {
    const pattern = new RegExp(`^(\\s*)${field}: .*$`, 'm');
    if (!pattern.test(frontMatter)) throw new Error(`sampleGuide: no "${field}:" line in the sample front matter`);
    frontMatter = frontMatter.replace(pattern, (_line, indent: string) => `${indent}${field}: ${value}`);
  }
  return `${frontMatter}\n---\n${body ?? sampleBody}`;
}

/** A temporary copy of test/fixtures/content (three valid guides) that a test adds hostile or broken files to. */
export function contentCopy(prefix = 'fieldbook-content-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(FIXTURE, dir, { recursive: true });
  return {
    dir,
    /** Writes a file at a path inside the folder, creating its folders. */
    write(path: string, text: string) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    /** Writes sampleGuide(id, …) at guides/US/<id>/en.md and returns that path. */
    guide(id: string, body?: string, fields?: Record<string, string>) {
      const path = `guides/US/${id}/en.md`;
      this.write(path, sampleGuide(id, body, fields));
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A YAML alias bomb ("billion laughs"): nine levels of nine aliases each, 9^9 strings if it were expanded. */
export function aliasBomb(key = 'bomb'): string {
  const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const prev = String.fromCharCode(96 + level);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${key}:\n${levels.map((line) => `  ${line}`).join('\n')}\n`;
}
