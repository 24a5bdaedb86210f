import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * content/rules: a digest of the code and library versions that decide what loading a content folder gives, so a
 * content snapshot (snapshot.ts) written by other rules is never taken for what these rules would load.
 */

/** The folders and files, relative to the project, whose code and versions decide what a load gives. */
const RULE_SOURCES = ['electron/core/content', 'electron/api', 'package-lock.json'];

/** The digest of the rule sources under `root` (the build writes it into its bundles). */
export function contentRulesDigest(root: string): string {
  const hash = createHash('sha256');
  for (const source of RULE_SOURCES) {
    const full = join(root, source);
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true })
          .map(String)
          .filter((file) => file.endsWith('.ts') || file.endsWith('.json'))
          .sort()
          .map((file) => join(source, file))
      : [source];
    for (const file of files)
      hash
        .update(`${file.split('\\').join('/')}\0`)
        .update(readFileSync(join(root, file)))
        .update('\0');
  }
  return hash.digest('hex');
}

// Set by electron.vite.config.ts in the built bundles; absent when the sources run as they are (tests, tsx).
declare const __FIELDBOOK_CONTENT_RULES__: string | undefined;
let fromSources: string | null | undefined;

/** The digest of the rules this code runs: the build's, or worked out from the sources; null when neither is known. */
export function contentRules(): string | null {
  if (typeof __FIELDBOOK_CONTENT_RULES__ === 'string') return __FIELDBOOK_CONTENT_RULES__;
  if (fromSources === undefined) {
    fromSources = null;
    for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package-lock.json')) && existsSync(join(dir, 'electron', 'core', 'content'))) {
        fromSources = contentRulesDigest(dir);
        break;
      }
    }
  }
  return fromSources;
}
