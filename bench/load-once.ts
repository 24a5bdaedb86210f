/**
 * One load of a content folder in a fresh Node process, as an app start does it (its code not yet optimised, its
 * heap new): milliseconds until the catalog is loaded and until every language's prebuilt index is ready, and the
 * CPU time of both. With a SNAPSHOT file (content/snapshot.ts), as the app opens its bundled content after a build.
 * Run by bench/content.ts; prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { loadContent } from '../electron/core/content/load';
import { openSearch } from '../electron/core/search/service';

const [dir, indexDir, snapshot] = process.argv.slice(2);
if (!dir || !indexDir) throw new Error('usage: load-once.ts CONTENT_DIR INDEX_DIR [SNAPSHOT]');
const start = performance.now();
const cpu = process.cpuUsage();
const catalog = await loadContent(dir, { snapshot });
const loaded = performance.now();
const search = openSearch(catalog, { indexDir });
await search.ready();
const used = process.cpuUsage(cpu);
const origins = Object.values(await search.origins());
if (origins.some((origin) => origin !== 'prebuilt')) throw new Error('the prebuilt index was not used');
console.log(
  JSON.stringify({
    loadMs: loaded - start,
    searchableMs: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
    guides: catalog.guides.length,
  }),
);
