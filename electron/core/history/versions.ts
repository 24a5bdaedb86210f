import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { GuideVersionInfo, GuideVersionText } from '../../api/types';
import { FieldbookError } from '../../api/errors';
import { readContentFile } from '../content/files';
import { splitFrontMatter } from '../content/guide-file';
import type { Catalog } from '../content/model';
import { readInstalledVersion } from '../packs/layer';
import type { PackState, PackStore } from '../packs/state';

/**
 * history/versions: every published version of a guide in one language, from the three places a text is kept: the
 * bundled guide (`guides/`), the bundled earlier versions (`history/<J>/<id>/<lang>.v<N>.md`) and every pack ever
 * installed (the pack store keeps each version it carried). Earlier texts are not validated as guides (they were
 * when published); only their front matter's version, date and changelog are read, and their body is sent as
 * Markdown for the reader's own marked → DOMPurify pipeline.
 */

export interface HistorySources {
  contentDir: string;
  catalog: () => Catalog;
  packStore: PackStore;
  packState: () => PackState;
}

interface Found {
  version: number;
  source: GuideVersionInfo['source'];
  body: string;
  meta: FrontMatter | null;
}

const HISTORY_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.v([1-9][0-9]{0,5})\.md$/;

/** The guide's jurisdiction (its folder), from any language of it in the catalog; a clear error when it is unknown. */
function jurisdictionOf(catalog: Catalog, id: string): string {
  const guide = catalog.guides.find((g) => g.meta.id === id);
  if (!guide) throw new FieldbookError('not-found', `There is no guide "${id}". It may have been removed or renamed; go back to the library.`);
  return guide.meta.jurisdiction;
}

async function readText(path: string): Promise<string | null> {
  const read = await readContentFile(path);
  return read.ok ? read.text : null;
}

/** Every kept text of the guide in `lang`, one per version: bundled first, then bundled history, then packs. */
async function findAll(sources: HistorySources, id: string, lang: string): Promise<Map<number, Found>> {
  const catalog = sources.catalog();
  const jurisdiction = jurisdictionOf(catalog, id);
  const found = new Map<number, Found>();
  const keep = (text: string | null, source: Found['source'], stated?: number) => {
    if (text === null) return;
    const meta = frontMatter(text);
    const version = stated ?? meta?.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || found.has(version)) return;
    found.set(version, { version, source, body: splitFrontMatter(text)?.body ?? text, meta });
  };
  keep(await readText(join(sources.contentDir, 'guides', jurisdiction, id, `${lang}.md`)), 'bundled');
  const historyDir = join(sources.contentDir, 'history', jurisdiction, id);
  const names = await readdir(historyDir).catch(() => [] as string[]);
  for (const name of names.sort()) {
    const match = HISTORY_FILE.exec(name);
    if (match?.[1] === lang) keep(await readText(join(historyDir, name)), 'history', Number(match[2]));
  }
  const state = sources.packState();
  for (const version of Object.keys(state.history[`${id}/${lang}`] ?? {})) {
    if (found.has(Number(version))) continue;
    keep(await readInstalledVersion(sources.packStore, state, id, lang, Number(version)), 'pack', Number(version));
  }
  // The text shown now (a pack's, laid over) is always in the list, even when its pack file was since removed.
  const shown = catalog.guides.find((g) => g.meta.id === id && g.meta.lang === lang);
  if (shown && !found.has(shown.meta.version))
    found.set(shown.meta.version, { version: shown.meta.version, source: 'pack', body: shown.body, meta: shown.meta });
  return found;
}

interface FrontMatter {
  version?: unknown;
  updated?: unknown;
  title?: unknown;
  changelog?: unknown;
}

function frontMatter(text: string): FrontMatter | null {
  const split = splitFrontMatter(text);
  if (!split) return null;
  try {
    const value = parse(split.yaml, { maxAliasCount: 10 }) as unknown;
    return value && typeof value === 'object' ? (value as FrontMatter) : null;
  } catch {
    return null;
  }
}

type Entry = { version: number; date: string; changes: string };

function changelogOf(meta: FrontMatter | null): Entry[] {
  if (!Array.isArray(meta?.changelog)) return [];
  return meta.changelog
    .filter(
      (e): e is Entry => typeof e?.version === 'number' && typeof e?.changes === 'string' && (typeof e?.date === 'string' || e?.date instanceof Date),
    )
    .map((e) => ({ version: e.version, changes: e.changes, date: dateText(e.date) }));
}

function dateText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : '';
}

/** The guide's versions in `lang`, newest first, each with its changelog entry (from the newest text that has one). */
export async function listVersions(sources: HistorySources, id: string, lang: string): Promise<GuideVersionInfo[]> {
  const found = await findAll(sources, id, lang);
  if (found.size === 0) throw new FieldbookError('not-found', `The guide "${id}" has no text in "${lang}". Choose another language.`);
  const ordered = [...found.values()].sort((a, b) => b.version - a.version);
  const current = sources.catalog().guides.find((g) => g.meta.id === id && g.meta.lang === lang)?.meta.version ?? ordered[0]!.version;
  // Newest first: a later changelog may correct an earlier entry's wording, and it always covers every version.
  const entries = new Map<number, Entry>();
  for (const f of ordered) for (const entry of changelogOf(f.meta)) if (!entries.has(entry.version)) entries.set(entry.version, entry);
  return ordered.map((f) => {
    const meta = f.meta;
    const entry = entries.get(f.version);
    return {
      version: f.version,
      date: entry?.date || dateText(meta?.updated),
      changes: entry?.changes ?? '',
      source: f.source,
      current: f.version === current,
    };
  });
}

/** One version's text: its Markdown body (the reader renders and sanitises it), title and place in the list. */
export async function readVersion(sources: HistorySources, id: string, lang: string, version: number): Promise<GuideVersionText> {
  const found = await findAll(sources, id, lang);
  const chosen = found.get(version);
  if (!chosen) {
    const kept = [...found.keys()].sort((a, b) => a - b).join(', ') || 'none';
    throw new FieldbookError(
      'not-found',
      `Version ${version} of "${id}" in "${lang}" is not kept here (kept: ${kept}). Choose one from the guide's history.`,
    );
  }
  const meta = chosen.meta;
  return {
    id,
    lang,
    version,
    latest: Math.max(...found.keys()),
    title: typeof meta?.title === 'string' ? meta.title : '',
    body: chosen.body,
    source: chosen.source,
  };
}
