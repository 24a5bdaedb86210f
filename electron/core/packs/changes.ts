import type { PackGuideChange as GuideChange } from '../../api/types';
import { guideBody } from './manifest';
import type { VerifiedPack } from './verify';

export type { GuideChange };

export interface CurrentGuide {
  version: number;
  text: string;
}

/**
 * What applying a pack would change, against the guides shown now (by path). "metadata-only" means the front matter
 * changed (review dates, sources, credits) but not a word of the text; "older" means the pack's version is not above
 * the one shown, so it stays hidden behind it.
 */
export function packChanges(
  pack: VerifiedPack,
  current: ReadonlyMap<string, CurrentGuide>,
  installedPaths: ReadonlySet<string> = new Set(),
): GuideChange[] {
  const changes: GuideChange[] = [];
  for (const guide of pack.manifest.guides) {
    const now = current.get(guide.path);
    const text = pack.files.get(guide.path)!.toString('utf8');
    const base = {
      path: guide.path,
      id: guide.id,
      lang: guide.lang,
      jurisdiction: guide.jurisdiction,
      from: now?.version ?? null,
      to: guide.version,
    };
    if (!now) changes.push({ ...base, kind: 'added' });
    else if (guide.version < now.version || (guide.version === now.version && text !== now.text)) changes.push({ ...base, kind: 'older' });
    else if (text === now.text) changes.push({ ...base, kind: 'unchanged' });
    else changes.push({ ...base, kind: guideBody(text) === guideBody(now.text) ? 'metadata-only' : 'changed' });
  }
  const removals = [...pack.manifest.removed];
  // A full pack replaces all the guides of its id: those it no longer holds are removed too.
  if (pack.manifest.base === null) {
    const kept = new Set(pack.manifest.guides.map((guide) => guide.path));
    for (const path of installedPaths) if (!kept.has(path) && !removals.some((r) => r.path === path)) removals.push(pathRef(path));
  }
  for (const removal of removals) {
    changes.push({ ...removal, kind: 'removed', from: current.get(removal.path)?.version ?? null, to: null });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

function pathRef(path: string): { path: string; id: string; lang: string; jurisdiction: string } {
  const [, jurisdiction = '', id = '', file = ''] = path.split('/');
  return { path, id, lang: file.replace(/\.md$/, ''), jurisdiction };
}
