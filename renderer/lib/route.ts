import { useEffect, useState } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'guide'; id: string; lang?: string; section?: string; highlight?: string }
  | { name: 'settings' }
  | { name: 'problems' }
  | { name: 'review' }
  | { name: 'packs' };

/** Routes live in the address's fragment, so reloading keeps the place and nothing reaches a server. */
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
  if (parts[0] === 'packs') return { name: 'packs' };
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
    case 'packs':
      return '#/packs';
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
