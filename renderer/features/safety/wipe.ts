import { client } from '../../lib/client';

/**
 * One wipe: the core removes the data file, its set-aside copies and temporary files (and the desktop app clears its
 * session's storage and caches); the page clears what the browser keeps for this origin. The tab's token stays in
 * memory only, so the page keeps working until it is closed.
 */
export async function wipeEverything(): Promise<void> {
  await client.invoke('safety.wipe', { confirm: true });
  try {
    localStorage.clear();
    sessionStorage.clear();
    if ('caches' in window) for (const name of await caches.keys()) await caches.delete(name);
  } catch {
    // Storage the browser refuses to this page holds nothing Fieldbook put there.
  }
}
