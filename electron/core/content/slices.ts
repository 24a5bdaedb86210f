import { performance } from 'node:perf_hooks';

/**
 * content/slices: turns for the event loop during long synchronous work. The core reads ten thousand guide files on
 * the thread that also serves the page's files and answers its requests; awaiting the returned function costs nothing
 * until SLICE_MS of work have passed since the last turn, then lets everything waiting run once.
 */
export const SLICE_MS = 12;

export function timeSlices(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
