/**
 * Prints, as JSON, the heap a loaded content folder holds (bytes after a full collection, before and after
 * loadContent) and its guides. Run with `node --expose-gc --import tsx test/support/content-heap.ts DIR [SNAPSHOT]`:
 * a fresh process, so nothing else the test runner holds is counted; with SNAPSHOT, loaded from that snapshot.
 */
import { loadContent } from '../../electron/core/content/load';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const [dir, snapshot] = process.argv.slice(2) as [string, string | undefined];
gc();
const before = process.memoryUsage().heapUsed;
const catalog = await loadContent(dir, { snapshot });
gc();
const heapBytes = process.memoryUsage().heapUsed - before;
console.log(JSON.stringify({ heapBytes, guides: catalog.guides.length, problems: catalog.problems.length }));
