import { readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would escape it (`..`, encoded slashes, NUL).
 * `/` serves index.html: the renderer routes inside the page.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  return full === base || !full.startsWith(base + sep) ? null : full;
}

/**
 * The renderer's file for a URL path, with its content type, or null when there is none (outside `root`, missing,
 * or a folder, which never gets a listing).
 *
 * Read synchronously on purpose: the page's files are small, and while the core opens it hands the event loop a
 * turn between slices of work. One turn answers a synchronous read, where an asynchronous one waits for a turn at
 * each of its open, stat, read and close.
 */
export function rendererFile(root: string, urlPath: string): { body: Buffer<ArrayBuffer>; type: string } | null {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  try {
    if (!statSync(path).isFile()) return null;
    return { body: readFileSync(path), type: contentTypeOf(path) };
  } catch {
    return null;
  }
}
