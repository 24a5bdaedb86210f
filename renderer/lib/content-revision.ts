import { useSyncExternalStore } from 'react';
import { client } from './client';

/**
 * How many times the core has reloaded the content folder since the page opened ('content-changed'). Views that
 * show content pass it to useAsync as `refresh`, so a guide written while Fieldbook runs appears without a restart.
 * The page carries it as `data-content-revision` on <html>.
 */
let revision = 0;
const listeners = new Set<() => void>();
let subscribed = false;

function subscribe(listener: () => void): () => void {
  if (!subscribed) {
    subscribed = true;
    client.on('content-changed', (change) => {
      revision = change.revision;
      document.documentElement.dataset.contentRevision = String(revision);
      for (const fn of listeners) fn();
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useContentRevision(): number {
  return useSyncExternalStore(subscribe, () => revision);
}
