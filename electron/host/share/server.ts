import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Router } from '../../api/router';
import { securityHeaders } from '../../core/csp';
import { rendererFile } from '../../core/static-files';
import { readBody } from '../server';
import { shareMethodOfPath } from './allow-list';
import { reachableAddresses } from './listen';
import { createRateLimiter, type RateLimitOptions } from './rate-limit';

/** The share's limits; the defaults suit a room of tens of phones and laptops. */
export interface ShareLimits {
  rate: RateLimitOptions;
  /** Open connections in all. */
  maxConnections: number;
  /** Open connections from one address (a browser opens about six per site). */
  maxConnectionsPerClient: number;
  /** Largest request body in bytes: a search or a guide request is tiny. */
  maxBody: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export const DEFAULT_SHARE_LIMITS: ShareLimits = {
  rate: { burst: 60, perSecond: 10 },
  maxConnections: 256,
  maxConnectionsPerClient: 12,
  maxBody: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
};

export interface ShareServerOptions {
  /** The share's router (shareRouter): it answers only the allow-listed methods. */
  router: Router;
  rendererDir: string;
  /** The one IPv4 address to bind to; 0.0.0.0 for every interface. */
  listen: string;
  port?: number;
  limits?: Partial<ShareLimits>;
}

export interface ShareServer {
  address: string;
  port: number;
  /** The address to give the room. */
  url: string;
  /** Every address it answers at. */
  urls: string[];
  close(): Promise<void>;
}

const TEXT = 'text/plain; charset=utf-8';

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...securityHeaders(), ...extra });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, code: string, message: string, extra?: Record<string, string>): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8', extra);
}

/**
 * The room share's HTTP server: the built renderer and the share's router, without the browser mode's token,
 * settings or events. It binds only to the address given. Requests must name this machine by address in their Host
 * header (a name could be a DNS-rebinding trick), API calls must name an allow-listed method exactly, and each client
 * (remote address) has a rate limit and a connection cap; the server has overall caps and time-outs.
 */
export async function startShareServer(options: ShareServerOptions): Promise<ShareServer> {
  const limits = { ...DEFAULT_SHARE_LIMITS, ...options.limits };
  const limiter = createRateLimiter(limits.rate);
  const perClient = new Map<string, number>();
  let port = 0;
  let hosts = new Set<string>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'internal', 'The share failed to answer; try again.');
      else res.end();
    });
  });
  server.maxConnections = limits.maxConnections;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? '';
    const open = (perClient.get(client) ?? 0) + 1;
    if (open > limits.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    perClient.set(client, open);
    socket.once('close', () => {
      const left = (perClient.get(client) ?? 1) - 1;
      if (left <= 0) perClient.delete(client);
      else perClient.set(client, left);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!hosts.has(host) && !(options.listen === '0.0.0.0' && refreshHosts().has(host))) return send(res, 421, 'Wrong host', TEXT);
    const decision = limiter.take(req.socket.remoteAddress ?? '');
    if (!decision.allowed) {
      return refuse(res, 429, 'forbidden', `Too many requests; wait ${decision.retryAfterSeconds} s and try again.`, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';

    if (rawPath.startsWith('/api/')) {
      if (req.headers.origin !== undefined && req.headers.origin !== `http://${host}`) {
        return refuse(res, 403, 'forbidden', 'Calls are accepted only from the share’s own page.');
      }
      const method = shareMethodOfPath(rawPath);
      if (!method || req.method !== 'POST') {
        return refuse(res, 403, 'forbidden', 'The room share answers reading and search only.');
      }
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        return refuse(res, 415, 'bad-input', `${method}: send the request as application/json.`);
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const text = declared > limits.maxBody ? null : await readBody(req, limits.maxBody);
      if (text === null) {
        res.setHeader('Connection', 'close');
        return refuse(res, 413, 'bad-input', `${method}: the request is larger than ${limits.maxBody} bytes.`);
      }
      let input: unknown;
      try {
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 400, 'bad-input', `${method}: the request body is not valid JSON.`);
      }
      const envelope = await options.router.dispatch(method, input);
      return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', TEXT);
    const file = rendererFile(options.rendererDir, rawPath);
    if (!file) return send(res, 404, 'Not found', TEXT);
    send(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : file.body, file.type);
  }

  function refreshHosts(): Set<string> {
    hosts = new Set(reachableAddresses(options.listen).map((address) => `${address}:${port}`));
    return hosts;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: options.listen, exclusive: true }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const urls = [...refreshHosts()].map((host) => `http://${host}/`);
  return {
    address: options.listen,
    port,
    url: urls[0]!,
    urls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
