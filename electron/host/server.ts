import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from '../api/router';
import type { EventName } from '../api/types';
import { securityHeaders } from '../core/csp';
import type { Fieldbook } from '../core/fieldbook';
import { rendererFile } from '../core/static-files';
import { createLaunchCodes, type Redeemed } from './launch-codes';

export const TOKEN_HEADER = 'x-fieldbook-token';
/** Where the page exchanges the launch code of its address for the session token (POST { code }). */
export const LAUNCH_PATH = '/api/launch';
const MAX_BODY = 1024 * 1024;
/**
 * Where quick exit sends the tab: an empty page titled like a browser's own new tab, with nothing that names
 * Fieldbook, a guide or the token, so a glance at the screen or at the browser's history tells nothing.
 */
export const NEUTRAL_PATH = '/blank';
const NEUTRAL_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>New Tab</title></head><body></body></html>';

/**
 * How long a connection may take and how many there may be. A page on 127.0.0.1 needs a few connections and answers
 * in milliseconds; anything slower or more numerous is a stuck or hostile client that must not hold the host.
 */
export interface HostLimits {
  /** The request line and headers must arrive within this (Node answers 408 and closes). */
  headersTimeout: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeout: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeout: number;
  /** A connection with no traffic either way is closed after this (the event stream is exempt). */
  idleTimeout: number;
  /** Connections beyond this are closed as they arrive. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: HostLimits = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  idleTimeout: 60_000,
  maxConnections: 64,
};
/** A pack file travels in one call, base64-encoded: the core's 64 MB limit and a little over. */
const MAX_PACK_BODY = 90 * 1024 * 1024;
const EVENTS: EventName[] = ['notice', 'settings-changed', 'content-changed', 'share-changed', 'locked', 'pack-progress'];

export interface HostOptions {
  router: Router;
  fieldbook: Pick<Fieldbook, 'on'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fixed token for tests; by default a new random one each run. */
  token?: string;
  /** Shorter limits for tests; by default DEFAULT_LIMITS. */
  limits?: Partial<HostLimits>;
  /** How long a launch code stays valid; default DEFAULT_LAUNCH_CODE_TTL_MS (launch-codes.ts). */
  launchCodeTtlMs?: number;
  /** Milliseconds now, for launch codes' expiry (tests move it); default Date.now. */
  now?: () => number;
}

export interface Host {
  /**
   * The first address to open: a one-time launch code in the fragment (never sent in a request line or logged),
   * which the page exchanges for the session token. The browser's history keeps the address, but the code opens
   * nothing once used or expired.
   */
  url: string;
  /** A new one-time address (`npm run serve` prints one when Enter is pressed), for a reload or another tab. */
  newLaunchUrl(): string;
  origin: string;
  /** The session token: the page keeps it in memory only; never in an address. */
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...securityHeaders() });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

const REFUSED: Record<Exclude<Redeemed, { ok: true }>['reason'], string> = {
  used: 'This address has been used already: each address `npm run serve` prints opens Fieldbook once. Press Enter in the terminal where it runs for a new address, or run `npm run serve` again.',
  expired:
    'This address has expired: it works for a short time only. Press Enter in the terminal where `npm run serve` runs for a new address, or run it again.',
  wrong:
    'This address is not one this Fieldbook printed. Open the address `npm run serve` printed most recently, or press Enter in its terminal for a new one.',
};

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, or null once it is larger than `limit` (the rest is read and dropped, not kept). The room share uses it too. */
export function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => size <= limit && resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The method named in /api/invoke/<method>, or null when its percent-escapes are malformed. */
function methodName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/invoke/'.length));
  } catch {
    return null;
  }
}

/**
 * The browser mode: serves the built renderer and the router on 127.0.0.1 only. Every API call must carry the
 * per-run token, and requests whose Host is not this address are refused, so another site in the same browser
 * (or a DNS-rebinding trick) cannot reach the API.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const launchCodes = createLaunchCodes({ ttlMs: options.launchCodeTtlMs, now: options.now });
  let origin = '';
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // Node checks the header and request deadlines on this interval (30 s by default, longer than the deadlines).
  const checkEvery = Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeout / 4)));
  const server = createServer({ connectionsCheckingInterval: checkEvery }, (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: `The host failed: ${(error as Error).message}` } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (`http://${req.headers.host ?? ''}` !== origin) return send(res, 421, 'Wrong host', 'text/plain; charset=utf-8');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from Fieldbook’s own page.' } });
      }
      if (url.pathname === LAUNCH_PATH) return exchangeLaunchCode(req, res);
      const given = url.pathname === '/api/events' ? (url.searchParams.get('token') ?? undefined) : (req.headers[TOKEN_HEADER] as string | undefined);
      if (!sameToken(given, token)) {
        return sendJson(res, 401, {
          ok: false,
          error: {
            code: 'forbidden',
            message:
              'This page has no session (a reload forgets it, so that the browser keeps nothing). Press Enter in the terminal where `npm run serve` runs and open the new address it prints.',
          },
        });
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res);
      if (!url.pathname.startsWith('/api/invoke/') || req.method !== 'POST') {
        return sendJson(res, 404, { ok: false, error: { code: 'unknown-method', message: 'Use POST /api/invoke/<method>.' } });
      }
      const method = methodName(url.pathname);
      if (method === null) {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'bad-input', message: 'The method name in the address has a malformed %-escape: use POST /api/invoke/<method>.' },
        });
      }
      // A pack file travels in one call; every other call is small.
      const limit = method === 'packs.preview' ? MAX_PACK_BODY : MAX_BODY;
      const text = await readBody(req, limit);
      if (text === null) {
        // The rest of an oversized body is not worth reading: answer, then close this connection (others are unaffected).
        res.setHeader('Connection', 'close');
        res.on('finish', () => {
          req.socket.end();
          setTimeout(() => req.socket.destroy(), 2_000).unref();
        });
        return sendJson(res, 413, { ok: false, error: { code: 'bad-input', message: `The request is larger than ${limit / 1024 / 1024} MB.` } });
      }
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'bad-input', message: `${method}: the request body is not valid JSON.` } });
      }
      return sendJson(res, 200, await options.router.dispatch(method, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    if (url.pathname === NEUTRAL_PATH) return send(res, 200, NEUTRAL_PAGE, 'text/html; charset=utf-8');
    const file = rendererFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    send(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : file.body, file.type);
  }

  /** The page's one exchange of the code in its address for the session token; a used, expired or unknown code gets a refusal saying what to do. */
  async function exchangeLaunchCode(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'bad-input', message: `Use POST ${LAUNCH_PATH}.` } });
    const text = await readBody(req, 1024);
    let code: unknown;
    try {
      code = text === null ? null : (JSON.parse(text) as { code?: unknown }).code;
    } catch {
      code = null;
    }
    if (typeof code !== 'string' || code.length > 200) {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'bad-input', message: `${LAUNCH_PATH} takes { "code": "…" } from the page's address.` },
      });
    }
    const redeemed = launchCodes.redeem(code);
    if (!redeemed.ok)
      return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: REFUSED[redeemed.reason] }, reason: redeemed.reason });
    sendJson(res, 200, { ok: true, value: { token } });
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    // The event stream is quiet for long stretches by design: it alone is exempt from the idle timeout.
    req.socket.setTimeout(0);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', ...securityHeaders() });
    res.write(': connected\n\n');
    const stops = EVENTS.map((event) => options.fieldbook.on(event, (payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)));
    req.on('close', () => {
      for (const stop of stops) stop();
    });
  }

  server.headersTimeout = limits.headersTimeout;
  server.requestTimeout = limits.requestTimeout;
  server.keepAliveTimeout = limits.keepAliveTimeout;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeout, (socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const newLaunchUrl = () => `${origin}/#launch=${launchCodes.issue()}`;
  return {
    url: newLaunchUrl(),
    newLaunchUrl,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
