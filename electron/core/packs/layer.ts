import type { Catalog, ContentProblem } from '../content/model';
import type { InstalledGuideEntry, PackState, PackStore } from './state';

export interface InstalledGuide extends InstalledGuideEntry {
  pack: string;
  sequence: number;
}

/** The guide each path gets from the installed packs: the highest version any installed pack holds. */
export function installedGuides(state: PackState): Map<string, InstalledGuide> {
  const best = new Map<string, InstalledGuide>();
  for (const [pack, installed] of Object.entries(state.installed)) {
    for (const guide of Object.values(installed.guides)) {
      const current = best.get(guide.path);
      if (!current || guide.version > current.version) best.set(guide.path, { ...guide, pack, sequence: installed.sequence });
    }
  }
  return best;
}

/**
 * The files that installed packs lay over the bundled content: a pack's guide replaces the bundled file at the same
 * path only when its version is higher (bundled content is never edited). A stored file whose bytes no longer match
 * its hash was changed outside Fieldbook: it is left out and reported, so the reader never shows it as the real text.
 */
export async function packOverlay(
  store: PackStore,
  state: PackState,
  bundled: Pick<Catalog, 'guides'>,
): Promise<{ files: Map<string, string>; from: Map<string, InstalledGuide>; problems: ContentProblem[] }> {
  const bundledVersion = new Map(bundled.guides.map((guide) => [guide.file, guide.meta.version]));
  const files = new Map<string, string>();
  const from = new Map<string, InstalledGuide>();
  const problems: ContentProblem[] = [];
  for (const [path, guide] of installedGuides(state)) {
    if ((bundledVersion.get(path) ?? 0) >= guide.version) continue;
    const bytes = await store.guideBytes(guide.object, guide.path, guide.sha256);
    if (!bytes) {
      problems.push({
        file: path,
        line: 1,
        field: '(file)',
        message: `version ${guide.version} from pack "${guide.pack}" was modified outside Fieldbook or is missing; import the pack again`,
      });
      continue;
    }
    files.set(path, bytes.toString('utf8'));
    from.set(path, guide);
  }
  return { files, from, problems };
}

/** The text of one version of a guide, from any pack ever installed; null when that version was never installed. */
export async function readInstalledVersion(store: PackStore, state: PackState, id: string, lang: string, version: number): Promise<string | null> {
  const where = state.history[`${id}/${lang}`]?.[String(version)];
  if (!where) return null;
  return (await store.guideBytes(where.object, where.path, where.sha256))?.toString('utf8') ?? null;
}
