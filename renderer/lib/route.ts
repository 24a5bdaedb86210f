import { useEffect, useState } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'guide'; id: string; lang?: string; section?: string; highlight?: string }
  | { name: 'settings' }
  | { name: 'problems' }
  | { name: 'review' }
  | { name: 'packs' }
  | { name: 'collections' }
  | { name: 'collection'; id: string }
  | { name: 'handout'; of: 'guide' | 'collection'; id: string; lang?: string; large?: boolean }
  | { name: 'share' };

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
  if (parts[0] === 'share') return { name: 'share' };
  if (parts[0] === 'packs') return { name: 'packs' };
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
    case 'share':
      return '#/share';
    case 'packs':
      return '#/packs';
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
