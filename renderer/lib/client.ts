import { createClient, type Bridge, type Client } from '../../electron/api/client';
import type { Envelope } from '../../electron/api/errors';

declare global {
  interface Window {
    /** Present only in the desktop app, exposed by the preload. */
    fieldbook?: Bridge;
  }
}

/** Why this browser-mode page has no session: its launch code was refused, or it was reloaded (no code at all). */
export type LaunchProblem = 'used' | 'expired' | 'wrong' | 'no-session';
let launchProblem: LaunchProblem | null = null;

/** Set when start-up failed for want of a session, so the page can say in the person's language what to do. */
export function launchProblemOf(): LaunchProblem | null {
  return launchProblem;
}

/** A page from a room share carries no launch code: it may only read and search, and asks for nothing personal. */
let roomShare = false;

/** Whether this page is a participant's on a room share (nothing personal is kept or asked for there). */
export function isRoomShare(): boolean {
  return roomShare;
}

/**
 * The session token, in this page's memory only: never in sessionStorage, whose files are part of the browser
 * profile, nor in an address. A reload forgets it; the page then asks for a new address (see main.tsx).
 */
let token: string | null = null;

/** The one-time launch code in the address `npm run serve` prints: `/#launch=CODE`. */
const LAUNCH = /(?:^#|&)launch=([A-Za-z0-9_-]+)/;

/** Exchanges the one-time code of the address `npm run serve` printed for the session token, once. */
async function exchange(code: string): Promise<void> {
  const response = await fetch('/api/launch', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const answer = (await response.json()) as
    | { ok: true; value: { token: string } }
    | { ok: false; error: { message: string }; reason?: 'used' | 'expired' | 'wrong' };
  if (answer.ok) token = answer.value.token;
  else {
    launchProblem = answer.reason ?? 'wrong';
    throw new Error(answer.error.message);
  }
}

/**
 * The browser mode's bridge: calls go to the host over fetch with the session token, events come over server-sent
 * events. The address carries a one-time launch code, replaced at once with the bare origin and exchanged for the token.
 */
function browserBridge(): Bridge {
  const code = LAUNCH.exec(location.hash)?.[1];
  if (code) history.replaceState(null, '', location.pathname);
  roomShare = code === undefined;
  // Until the exchange settles, calls wait for it; after, they read the token at once (quick exit's lock request
  // must leave before the page is replaced).
  let exchanging: Promise<void> | null = code ? exchange(code) : null;
  void exchanging?.then(
    () => (exchanging = null),
    () => undefined,
  );
  // A new address opened in this tab differs from the current one by its fragment only, so the browser does not load
  // the page again: load it here, before the router sees (and drops) the fragment, so its code is exchanged.
  const reopen = (event: Event) => {
    if (!LAUNCH.test(location.hash)) return;
    event.stopImmediatePropagation();
    location.reload();
  };
  window.addEventListener('popstate', reopen);
  window.addEventListener('hashchange', reopen);
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    async invoke(method, input) {
      if (exchanging) await exchanging;
      const response = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token && { 'X-Fieldbook-Token': token }) },
        body: JSON.stringify(input ?? {}),
        // Quick exit replaces the page at once; keepalive lets its lock request finish after the page is gone.
        keepalive: method === 'safety.lock',
      });
      // No code and refused: a trainer's page that was reloaded (a room share answers without a token).
      if (response.status === 401 && token === null && launchProblem === null) launchProblem = 'no-session';
      return (await response.json()) as Envelope<unknown>;
    },
    on(event, listener) {
      // No session: this page came from a room share, which sends no events (and would refuse the stream).
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

/** Quick exit and wipe: the page drops its session token (a request already on its way still completes). */
export function forgetToken(): void {
  token = null;
}

/** The one place that knows which transport the UI runs on. */
export const client: Client = createClient(window.fieldbook ?? browserBridge());
