import { useEffect, useState, useTransition } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'guide'; id: string; lang?: string; section?: string; highlight?: string }
  | { name: 'settings' }
  | { name: 'problems' }
  | { name: 'review' }
  | { name: 'reports'; id?: string; lang?: string }
  | { name: 'help-partners' }
  | { name: 'packs' }
  | { name: 'collections' }
  | { name: 'collection'; id: string }
  | { name: 'handout'; of: 'guide' | 'collection'; id: string; lang?: string; large?: boolean }
  | { name: 'share' }
  | { name: 'keeps' }
  | { name: 'submissions' }
  | { name: 'write' }
  | { name: 'draft'; id: string };

/** Reads a route from its link form (`#/guide/<id>/<lang>?section=…&q=…`), as hrefs carry it. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'guide' && parts[1]) {
    return { name: 'guide', id: parts[1], lang: parts[2], section: params.get('section') ?? undefined, highlight: params.get('q') ?? undefined };
  }
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'problems') return { name: 'problems' };
  if (parts[0] === 'review') return { name: 'review' };
  if (parts[0] === 'reports') return { name: 'reports', id: parts[1], lang: parts[2] };
  if (parts[0] === 'help' && parts[1] === 'partners') return { name: 'help-partners' };
  if (parts[0] === 'share') return { name: 'share' };
  if (parts[0] === 'keeps') return { name: 'keeps' };
  if (parts[0] === 'write') return parts[1] ? { name: 'draft', id: parts[1] } : { name: 'write' };
  if (parts[0] === 'packs') return { name: 'packs' };
  if (parts[0] === 'submissions') return { name: 'submissions' };
  if (parts[0] === 'collections') return { name: 'collections' };
  if (parts[0] === 'collection' && parts[1]) return { name: 'collection', id: parts[1] };
  if (parts[0] === 'handout' && (parts[1] === 'guide' || parts[1] === 'collection') && parts[2]) {
    return { name: 'handout', of: parts[1], id: parts[2], lang: parts[3], large: params.get('large') === '1' };
  }
  return { name: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'guide': {
      const params = new URLSearchParams();
      if (route.section) params.set('section', route.section);
      if (route.highlight) params.set('q', route.highlight);
      const query = params.toString();
      return `#/guide/${encodeURIComponent(route.id)}${route.lang ? `/${encodeURIComponent(route.lang)}` : ''}${query ? `?${query}` : ''}`;
    }
    case 'settings':
      return '#/settings';
    case 'problems':
      return '#/problems';
    case 'review':
      return '#/review';
    case 'reports':
      return `#/reports${route.id ? `/${encodeURIComponent(route.id)}${route.lang ? `/${encodeURIComponent(route.lang)}` : ''}` : ''}`;
    case 'help-partners':
      return '#/help/partners';
    case 'share':
      return '#/share';
    case 'keeps':
      return '#/keeps';
    case 'write':
      return '#/write';
    case 'draft':
      return `#/write/${encodeURIComponent(route.id)}`;
    case 'packs':
      return '#/packs';
    case 'submissions':
      return '#/submissions';
    case 'collections':
      return '#/collections';
    case 'collection':
      return `#/collection/${encodeURIComponent(route.id)}`;
    case 'handout':
      return `#/handout/${route.of}/${encodeURIComponent(route.id)}${route.lang ? `/${encodeURIComponent(route.lang)}` : ''}${route.large ? '?large=1' : ''}`;
    default:
      return '#/';
  }
}

/**
 * Where the route lives: in memory only, never in the address. A guide id, section or search phrase in the URL would
 * go into the browser's history and session files with a timestamp (in the browser mode, on a seized laptop), so the
 * address stays the bare page (`/` or `/index.html`) and each move is a history entry whose state is only its
 * index here. Back and forward (the browser's, the app's buttons, Alt+arrows) still move through the app's routes;
 * after a reload the place is forgotten and the app opens on the library. Links keep `#/…` hrefs, which are
 * intercepted below, and a fragment set from outside (an old bookmark, a test) is read once and then replaced.
 */
const NEUTRAL_URL = () => location.pathname;
/** A fresh id per page load: history states left by an earlier load (after a reload) are not ours to resolve. */
const LOAD = Math.random().toString(36).slice(2);
/** Fired on window after every change of route, for views that reset on one (find in page). */
export const ROUTE_EVENT = 'fieldbook:route';

const entries: Route[] = [];
let index = 0;
const listeners = new Set<(route: Route) => void>();

function stateOf(at: number) {
  return { fieldbook: at, load: LOAD };
}

function changed(): void {
  const route = entries[index] ?? { name: 'library' };
  // The route as a link would carry it, in the page only (never the address): tests wait for it.
  document.documentElement.dataset.route = hrefFor(route);
  for (const listener of listeners) listener(route);
  window.dispatchEvent(new Event(ROUTE_EVENT));
}

function routeFromAddress(): Route {
  return /(?:^#|&)launch=/.test(location.hash) ? { name: 'library' } : parseRoute(location.hash);
}

export function navigate(route: Route): void {
  entries.splice(index + 1, entries.length, route);
  index = entries.length - 1;
  history.pushState(stateOf(index), '', NEUTRAL_URL());
  changed();
}

/** How many of the app's own history entries lie behind the current one (quick exit steps back over them). */
export function entriesBehind(): number {
  return index;
}

/** The route shown now. */
export function currentRoute(): Route {
  return entries[index] ?? { name: 'library' };
}

function start(): void {
  if (entries.length > 0) return;
  entries.push(routeFromAddress());
  index = 0;
  history.replaceState(stateOf(0), '', NEUTRAL_URL());
  // A fragment typed or set from outside already made a history entry with the route in its address: that entry
  // is replaced at once. (Chromium fires popstate, then hashchange, for it; whichever comes first handles it.)
  const fromFragment = (): boolean => {
    if (!location.hash || location.hash === '#') return false;
    const route = routeFromAddress();
    entries.splice(index + 1, entries.length, route);
    index = entries.length - 1;
    history.replaceState(stateOf(index), '', NEUTRAL_URL());
    changed();
    return true;
  };
  window.addEventListener('popstate', (event) => {
    if (fromFragment()) return;
    const state = event.state as ReturnType<typeof stateOf> | null;
    if (state?.load === LOAD && entries[state.fieldbook]) index = state.fieldbook;
    else {
      // An entry from before a reload, or one the browser made itself: its route is not known here.
      entries.splice(0, entries.length, { name: 'library' });
      index = 0;
      history.replaceState(stateOf(0), '', NEUTRAL_URL());
    }
    changed();
  });
  window.addEventListener('hashchange', () => void fromFragment());
  // In-app links: followed here, so their `#/…` never reaches the address (a modified or middle click included,
  // which would otherwise open a new tab with the route in its address).
  const follow = (event: MouseEvent) => {
    if (event.defaultPrevented || (event.type === 'auxclick' && event.button !== 1)) return;
    const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
    if (!link) return;
    event.preventDefault();
    navigate(parseRoute(link.getAttribute('href') ?? '#/'));
  };
  document.addEventListener('click', follow);
  document.addEventListener('auxclick', follow);
  document.documentElement.dataset.route = hrefFor(currentRoute());
}

/**
 * The route, and whether a change of it is still on its way. A change for which `waitsForCode` is true (its screen's
 * code has not arrived) is a transition: the current screen stays, and `pending` is true, until the next can be
 * drawn. Every other change is drawn at once, so focus and scrolling follow the person's click before their next key.
 * Pass a function that stays the same between renders: a new one subscribes again.
 */
export function useRouteChange(waitsForCode: (next: Route) => boolean): { route: Route; pending: boolean } {
  start();
  const [route, setRoute] = useState(currentRoute);
  const [pending, startChange] = useTransition();
  useEffect(() => {
    const follow = (next: Route) => (waitsForCode(next) ? startChange(() => setRoute(next)) : setRoute(next));
    listeners.add(follow);
    setRoute(currentRoute());
    return () => {
      listeners.delete(follow);
    };
  }, [waitsForCode]);
  return { route, pending };
}
