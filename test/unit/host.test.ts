import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/api/router';
import { startHost, type Host } from '../../electron/host/server';
import { inProcessClient } from '../support/in-process';
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

beforeAll(async () => {
  const data = await tempDir();
  const renderer = join(data.dir, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Fieldbook</title>');
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
