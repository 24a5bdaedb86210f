import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareStatus } from '../../electron/api/types';
import { launchBrowserMode, type BrowserMode } from '../../electron/host/launch';
import { TOKEN_HEADER } from '../../electron/host/server';
import { chooseListenAddress, isPrivateIPv4 } from '../../electron/host/share/listen';
import { raw } from '../network/share-client.mjs';
import { fixedClock, FIXTURE_CONTENT } from '../support/in-process';
import { tempDir } from '../support/temp';

let host: BrowserMode;
let remove: () => Promise<void>;
const changes: ShareStatus[] = [];

const trainer = async (method: string, input: unknown = {}) => {
  const response = await fetch(`${host.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value: ShareStatus; error?: { message: string } };
};

beforeAll(async () => {
  const data = await tempDir();
  remove = data.remove;
  const rendererDir = join(data.dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  host = await launchBrowserMode({
    dataDir: join(data.dir, 'user'),
    contentDir: FIXTURE_CONTENT,
    rendererDir,
    clock: fixedClock('2026-11-28'),
    log: () => undefined,
    shareLimits: { rate: { burst: 5, perSecond: 0.5 }, maxConnectionsPerClient: 3 },
  });
  host.share.onChange((status) => changes.push(status));
});
afterAll(async () => {
  await host.close();
  await remove();
});

describe('starting and stopping the room share (loopback)', () => {
  it('is off until the trainer starts it, runs at the address asked for, and stops on demand', async () => {
    expect((await trainer('share.status')).value).toEqual({ running: false });
    const started = (await trainer('share.start', { listen: '127.0.0.1' })).value;
    expect(started).toMatchObject({ running: true, address: '127.0.0.1', limitedTo: null });
    if (!started.running) throw new Error('not started');
    expect(started.url).toBe(`http://127.0.0.1:${started.port}/`);
    expect(started.qr.cells).toHaveLength(started.qr.size * started.qr.size);
    // Starting again keeps the running share rather than opening a second one.
    expect((await trainer('share.start', {})).value).toEqual(started);
    expect((await raw(started.url, '/')).status).toBe(200);

    // Every request counts, the page's too: with a burst of five, four more pass and the next is told to wait.
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(
        (await raw(started.url, '/api/invoke/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status,
      );
    expect(answers).toEqual([200, 200, 200, 200]);
    const limited = await raw(started.url, '/api/invoke/app.info', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    expect((await trainer('share.stop')).value).toEqual({ running: false });
    expect((await raw(started.url, '/')).error).toBe('ECONNREFUSED');
    expect(changes.map((status) => status.running)).toEqual([true, false]);
  });

  it('says what to do when the address is not this machine’s, and stays off', async () => {
    const answer = await trainer('share.start', { listen: '10.203.255.254' });
    expect(answer.ok).toBe(false);
    expect(answer.error?.message).toMatch(/cannot listen on 10\.203\.255\.254: it is not an address of this machine/);
    expect((await trainer('share.status')).value).toEqual({ running: false });
    expect(await trainer('share.start', { listen: 'localhost' })).toMatchObject({ ok: false });
  });

  it('caps the connections one client may hold open: the one past the cap is closed at once', async () => {
    const started = (await trainer('share.start', { listen: '127.0.0.1' })).value;
    if (!started.running) throw new Error('not started');
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = connect(started.port, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    const held = [await open(), await open(), await open()];
    const extra = await open();
    const closed = await new Promise<boolean>((resolve) => {
      extra.once('close', () => resolve(true));
      extra.once('data', () => resolve(false));
    });
    expect(closed).toBe(true);
    expect(held.every((socket) => !socket.destroyed)).toBe(true);
    for (const socket of held) socket.destroy();
    await trainer('share.stop');
  });

  it('shares one collection when started with its guides: the status says how many, the rest is not found', async () => {
    const started = await host.share.start({ listen: '127.0.0.1', only: [{ id: 'sample-checklist', lang: 'en' }] });
    if (!started.running) throw new Error('not started');
    expect(started.limitedTo).toBe(1);
    const ask = async (method: string, input: unknown) =>
      JSON.parse(
        (
          await raw(started.url, `/api/invoke/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          })
        ).body,
      );
    expect((await ask('library.list', {})).value.guides.map((g: { id: string }) => g.id)).toEqual(['sample-checklist']);
    expect(await ask('guide.get', { id: 'sample-rights', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await host.share.stop();
    // The next share, started for the library, shares all of it again.
    const library = await host.share.start({ listen: '127.0.0.1' });
    expect(library).toMatchObject({ running: true, limitedTo: null });
    await host.share.stop();
  });

  it('stops with the host: closing the browser mode closes the share', async () => {
    const started = (await trainer('share.start', { listen: '127.0.0.1' })).value;
    if (!started.running) throw new Error('not started');
    await host.share.close();
    expect((await raw(started.url, '/')).error).toBe('ECONNREFUSED');
  });
});

describe('choosing where the share listens', () => {
  const iface = (address: string, internal = false) => ({
    address,
    family: 'IPv4' as const,
    internal,
    netmask: '255.255.255.0',
    mac: '',
    cidr: null,
  });
  it('prefers a private LAN address, and falls back to every interface only with a note', () => {
    expect(chooseListenAddress({ lo: [iface('127.0.0.1', true)], wg0: [iface('100.64.0.2')], wlan0: [iface('192.168.1.20')] })).toEqual({
      address: '192.168.1.20',
      note: null,
    });
    const fallback = chooseListenAddress({ lo: [iface('127.0.0.1', true)], eth0: [iface('203.0.113.7')] });
    expect(fallback.address).toBe('0.0.0.0');
    expect(fallback.note).toMatch(/--listen ADDRESS/);
    expect(['10.1.2.3', '172.16.0.1', '172.31.255.1', '192.168.0.1'].every(isPrivateIPv4)).toBe(true);
    expect(['172.15.0.1', '172.32.0.1', '100.64.0.1', '8.8.8.8'].some(isPrivateIPv4)).toBe(false);
  });
});

describe('npm run serve -- --share', () => {
  const serve = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', ...args], { encoding: 'utf8', timeout: 20_000 });
  it('names a wrong share argument and exits 2 before starting anything', () => {
    const alone = serve('--listen', '127.0.0.1');
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--listen and --share-port go with --share/);
    const name = serve('--share', '--listen', 'my-laptop.local');
    expect(name.status).toBe(2);
    expect(name.stderr).toMatch(/--listen must be an IPv4 address such as 192\.168\.1\.20, not "my-laptop\.local"/);
    const port = serve('--share', '--share-port', '99999');
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--share-port must be a whole number/);
  });
});
