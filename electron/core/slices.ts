import { performance } from 'node:perf_hooks';

/**
 * slices: turns for the event loop during long synchronous work (reading ten thousand guide files, building or
 * loading a search index) on the thread that also serves the page's files and answers its requests.
 */

/** Lets everything waiting on the event loop run once. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Awaiting the returned function costs nothing until `sliceMs` of work have passed since the last turn, then
 * yields to the event loop once.
 */
export function timeSlices(sliceMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}
