import type { Catalog, Guide } from './model';

/**
 * content/versions: a guide's language versions, looked up by id. Cards, review statuses and the reader ask this for
 * every guide; scanning the whole catalog each time made the library of 10,000 guides take over ten seconds to list.
 * The index is made once per list of guides (a catalog's list is replaced, never changed, when content reloads).
 */
const byList = new WeakMap<readonly Guide[], Map<string, Guide[]>>();

export function versionsOf(catalog: Pick<Catalog, 'guides'>, id: string): Guide[] {
  let byId = byList.get(catalog.guides);
  if (!byId) {
    byId = new Map();
    for (const guide of catalog.guides) {
      const versions = byId.get(guide.meta.id);
      if (versions) versions.push(guide);
      else byId.set(guide.meta.id, [guide]);
    }
    byList.set(catalog.guides, byId);
  }
  return byId.get(id) ?? [];
}
