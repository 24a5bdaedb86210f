import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Which folder may import what: the rule that keeps the core runnable under plain Node and the UI transport-blind. */
describe('layering', () => {
  it('electron/core imports neither electron nor React, nor any other layer', async () => {
    const offences: string[] = [];
    for (const file of await sourceFiles('electron/core')) {
      for (const spec of await importsOf(file)) {
        if (/^(electron|react|react-dom)(\/|$)/.test(spec) || /\.\.\/(main|preload|host|cli)\//.test(spec) || spec.includes('renderer/')) {
          offences.push(`${relative('.', file)} imports "${spec}"`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('electron/api is pure: no electron, React, Node built-ins or core', async () => {
    const offences: string[] = [];
    for (const file of await sourceFiles('electron/api')) {
      for (const spec of await importsOf(file)) {
        if (/^(electron|react|react-dom|node:)/.test(spec) || spec.includes('/core/')) offences.push(`${relative('.', file)} imports "${spec}"`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('the renderer reaches the core only through the contract', async () => {
    const offences: string[] = [];
    for (const file of await sourceFiles('renderer')) {
      for (const spec of await importsOf(file)) {
        if (/^(electron|node:)/.test(spec) || /electron\/(core|main|preload|host|cli)\//.test(spec))
          offences.push(`${relative('.', file)} imports "${spec}"`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('detects a forbidden import (the check is not vacuous)', async () => {
    expect((await importsOf('electron/main/index.ts')).some((spec) => spec === 'electron')).toBe(true);
  });
});
