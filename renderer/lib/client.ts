import { createClient, type Bridge, type Client } from '../../electron/api/client';
import type { Envelope } from '../../electron/api/errors';

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the preload. */
    fieldbook?: Bridge;
  }
}

const TOKEN_KEY = 'fieldbook.token';

/**
 * The browser mode's bridge: calls go to the host over fetch with the per-run token, events come over server-sent
 * events. The token arrives once in the address's fragment and is kept for this tab only.
 */
/** A page from a room share carries no token: it may only read and search, and asks for nothing personal. */
let roomShare = false;

/** Whether this page is a participant's on a room share (nothing personal is kept or asked for there). */
export function isRoomShare(): boolean {
  return roomShare;
}

function browserBridge(): Bridge {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', location.pathname);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  roomShare = token === '';
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    async invoke(method, input) {
      const response = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': token },
        body: JSON.stringify(input ?? {}),
        // Quick exit replaces the page at once; keepalive lets its lock request finish after the page is gone.
        keepalive: method === 'safety.lock',
      });
      return (await response.json()) as Envelope<unknown>;
    },
    on(event, listener) {
      // No token: this page came from a room share, which sends no events (and would refuse the stream).
      if (!token) return () => undefined;
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        // The page's signal that events flow: tests wait for it before changing anything the app should notice.
        source.addEventListener('open', () => (document.documentElement.dataset.events = 'open'));
      }
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        source.addEventListener(event, (message) => {
          const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
          for (const fn of created) fn(payload);
        });
        set = created;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

/** Quick exit and wipe: the tab no longer keeps the token (calls from this page keep working until it closes). */
export function forgetToken(): void {
  if (!window.fieldbook) sessionStorage.removeItem(TOKEN_KEY);
}

/** The one place that knows which transport the UI runs on. */
export const client: Client = createClient(window.fieldbook ?? browserBridge());
