import type { Method } from '../../api/contract';

/**
 * The only contract methods the room share answers: reading and search. Everything else (settings, checklists,
 * notes, drafts, keys, submissions, packs, collections, the share's own controls, events) is refused before the
 * router sees it, and again by the share's handlers, so a method added to the contract later stays private until
 * someone adds it here on purpose.
 */
export const SHARE_METHODS = ['app.info', 'library.list', 'library.browse', 'guide.get', 'search.query'] as const satisfies readonly Method[];
export type ShareMethod = (typeof SHARE_METHODS)[number];

const ALLOWED: ReadonlySet<string> = new Set(SHARE_METHODS);

/** Exact names only: no case folding, trimming or decoding happens here or after, so `Guide.get` or `guide.get%20` is refused. */
export function isShareMethod(name: unknown): name is ShareMethod {
  return typeof name === 'string' && ALLOWED.has(name);
}

const INVOKE_PREFIX = '/api/invoke/';

/**
 * The method a request path names, or null. The raw path must be exactly the prefix and an allowed name: a
 * percent-encoded, doubled or dotted variant names nothing, rather than being decoded into something allowed.
 */
export function shareMethodOfPath(rawPath: string): ShareMethod | null {
  if (!rawPath.startsWith(INVOKE_PREFIX)) return null;
  const name = rawPath.slice(INVOKE_PREFIX.length);
  return isShareMethod(name) ? name : null;
}
