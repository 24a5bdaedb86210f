import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/api/router';
import { startHost, type Host, type HostLimits } from '../../electron/host/server';
import { inProcessClient } from '../support/in-process';
import { standInRenderer } from '../support/renderer';
import { tempDir } from '../support/temp';

let host: Host;
let cleanup: () => Promise<void>;

/** A raw request, so the test controls the Host and Origin headers a browser would set. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', headers: { host: url.host, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A raw TCP connection to a host: what it was sent back, and a promise that settles when the host closes it. */
interface RawConnection {
  socket: Socket;
  received: () => string;
  closed: Promise<string>;
}

function rawConnection(target: Host): Promise<RawConnection> {
  const url = new URL(target.origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(url.port) });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    // A reset after the answer (the host drops the unread rest of a body) still counts as closed.
    socket.on('error', () => undefined);
    const closed = new Promise<string>((done) => socket.on('close', () => done(text)));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

/** Resolves once the connection has received `pattern`. */
function until(connection: RawConnection, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(connection.received())) {
        connection.socket.off('data', check);
        resolve();
      }
    };
    connection.socket.on('data', check);
    void connection.closed.then(() =>
      pattern.test(connection.received()) ? resolve() : reject(new Error(`closed before ${pattern}: ${connection.received()}`)),
    );
    check();
  });
}

const head = (target: Host, lines: string[]) => `${[...lines, `Host: ${new URL(target.origin).host}`].join('\r\n')}\r\n\r\n`;

async function hostWith(limits: Partial<HostLimits>): Promise<{ host: Host; close: () => Promise<void> }> {
  const data = await tempDir();
  const renderer = await standInRenderer(data.dir);
  const { fieldbook } = await inProcessClient(join(data.dir, 'user'));
  const started = await startHost({ router: createRouter(fieldbook.handlers, () => undefined), fieldbook, rendererDir: renderer, limits });
  return {
    host: started,
    close: async () => {
      await started.close();
      await data.remove();
    },
  };
}

beforeAll(async () => {
  const data = await tempDir();
  const renderer = await standInRenderer(data.dir);
  const { fieldbook } = await inProcessClient(join(data.dir, 'user'));
  host = await startHost({ router: createRouter(fieldbook.handlers, () => undefined), fieldbook, rendererDir: renderer });
  cleanup = async () => {
    await host.close();
    await data.remove();
  };
});
afterAll(() => cleanup());

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and serves the page with the CSP', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('requires the per-run token on every API call', async () => {
    expect((await raw('/api/invoke/settings.get', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await raw('/api/invoke/settings.get', { method: 'POST', body: '{}', headers: { 'x-fieldbook-token': 'wrong' } })).status).toBe(401);
    const ok = await raw('/api/invoke/settings.get', { method: 'POST', body: '{}', headers: { 'x-fieldbook-token': host.token } });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    expect((await raw('/', { headers: { host: 'evil.example:80' } })).status).toBe(421);
    const foreign = await raw('/api/invoke/settings.get', {
      method: 'POST',
      body: '{}',
      headers: { 'x-fieldbook-token': host.token, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('answers malformed requests with a message, not a crash', async () => {
    const bad = await raw('/api/invoke/settings.get', { method: 'POST', body: '{not json', headers: { 'x-fieldbook-token': host.token } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/not valid JSON/);
    const huge = await raw('/api/invoke/search.query', {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 10),
      headers: { 'x-fieldbook-token': host.token },
    });
    expect(huge.status).toBe(413);
    expect((await raw('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('takes a pack file of several MB in packs.preview, and only there', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    const preview = await raw('/api/invoke/packs.preview', {
      method: 'POST',
      body: JSON.stringify({ bytes }),
      headers: { 'x-fieldbook-token': host.token },
    });
    expect(preview.status).toBe(200);
    // It reached the core, which refused it for what it is: not a pack file.
    expect(JSON.parse(preview.body)).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/not a pack file/) } });
    const other = await raw('/api/invoke/packs.list', {
      method: 'POST',
      body: JSON.stringify({ bytes }),
      headers: { 'x-fieldbook-token': host.token },
    });
    expect(other.status).toBe(413);
  });
});

describe('npm run serve arguments', () => {
  const serve = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', ...args], { encoding: 'utf8', timeout: 20_000 });
  it('names a wrong argument and exits 2', () => {
    const port = serve('--port', 'eighty');
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number/);
    const unknown = serve('--colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--colour/);
  });
});

describe('browser-mode host under hostile and stuck clients', () => {
  it('answers a malformed %-escape in a method name with 400 and a message', async () => {
    for (const method of ['%E0%A4%A', '%', 'settings%2']) {
      const answer = await raw(`/api/invoke/${method}`, { method: 'POST', body: '{}', headers: { 'x-fieldbook-token': host.token } });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).error).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/malformed %-escape/) });
    }
    // The host keeps answering well-formed calls.
    expect((await raw('/api/invoke/settings.get', { method: 'POST', body: '{}', headers: { 'x-fieldbook-token': host.token } })).status).toBe(200);
  });

  it('answers an oversized body with 413 and closes that connection, while another connection is served', async () => {
    for (const framing of [['Content-Length: 2097152'], ['Transfer-Encoding: chunked']]) {
      const big = await rawConnection(host);
      big.socket.write(head(host, ['POST /api/invoke/search.query HTTP/1.1', `x-fieldbook-token: ${host.token}`, ...framing]));
      const part = 'x'.repeat(1024 * 1024 + 100);
      // The body is sent only in part and the connection left open, as a stuck or hostile client would.
      big.socket.write(framing[0]!.startsWith('Transfer') ? `${part.length.toString(16)}\r\n${part}\r\n` : part);
      await until(big, /^HTTP\/1\.1 413 /);
      expect(big.received()).toMatch(/connection: close/i);
      expect(await big.closed).toMatch(/larger than 1 MB/);

      const next = await rawConnection(host);
      next.socket.write(head(host, ['GET / HTTP/1.1', 'Connection: close']));
      expect(await next.closed).toMatch(/^HTTP\/1\.1 200 /);
    }
  });

  describe('with short limits', () => {
    let short: Awaited<ReturnType<typeof hostWith>>;
    beforeAll(async () => {
      short = await hostWith({ headersTimeout: 300, requestTimeout: 600, keepAliveTimeout: 200, idleTimeout: 2_000, maxConnections: 3 });
    });
    afterAll(() => short.close());

    it('closes a connection that sends nothing, or its headers too slowly', async () => {
      const silent = await rawConnection(short.host);
      const slow = await rawConnection(short.host);
      slow.socket.write('GET / HTTP/1.1\r\nHost: ');
      const drip = setInterval(() => slow.socket.writable && slow.socket.write('x'), 50);
      try {
        expect(await slow.closed).toMatch(/^HTTP\/1\.1 408 /);
        await silent.closed;
      } finally {
        clearInterval(drip);
      }
    });

    it('closes a connection whose body arrives too slowly', async () => {
      const slow = await rawConnection(short.host);
      slow.socket.write(
        head(short.host, ['POST /api/invoke/settings.get HTTP/1.1', `x-fieldbook-token: ${short.host.token}`, 'Content-Length: 1000']),
      );
      const drip = setInterval(() => slow.socket.writable && slow.socket.write(' '), 50);
      try {
        expect(await slow.closed).toMatch(/^HTTP\/1\.1 408 /);
      } finally {
        clearInterval(drip);
      }
    });

    it('closes an idle kept-alive connection after its answer', async () => {
      const kept = await rawConnection(short.host);
      kept.socket.write(head(short.host, ['GET / HTTP/1.1', 'Connection: keep-alive']));
      expect(await kept.closed).toMatch(/^HTTP\/1\.1 200 [\s\S]*Fieldbook/);
    });

    it('caps the number of connections; a freed place serves the next one', async () => {
      const held: RawConnection[] = [];
      for (let i = 0; i < 3; i++) {
        const connection = await rawConnection(short.host);
        // A request in progress, so the host has surely counted this connection.
        connection.socket.write('GET / HTTP/1.1\r\n');
        held.push(connection);
      }
      const extra = await rawConnection(short.host);
      extra.socket.write(head(short.host, ['GET / HTTP/1.1', 'Connection: close']));
      expect(await extra.closed).toBe('');
      for (const connection of held) connection.socket.destroy();
      await Promise.all(held.map((connection) => connection.closed));
      const after = await rawConnection(short.host);
      after.socket.write(head(short.host, ['GET / HTTP/1.1', 'Connection: close']));
      expect(await after.closed).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  it('closes a connection with no traffic after the idle timeout, but keeps the quiet event stream open', async () => {
    const idle = await hostWith({ headersTimeout: 4_000, requestTimeout: 8_000, idleTimeout: 200 });
    try {
      const events = await rawConnection(idle.host);
      events.socket.write(head(idle.host, [`GET /api/events?token=${idle.host.token} HTTP/1.1`]));
      await until(events, /: connected/);
      const silent = await rawConnection(idle.host);
      await silent.closed;
      // The stream has been quiet longer than the connection that was just closed for idleness.
      expect(events.socket.destroyed).toBe(false);
      events.socket.destroy();
    } finally {
      await idle.close();
    }
  });
});
