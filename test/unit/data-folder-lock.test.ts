import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFieldbook } from '../../electron/core/fieldbook';
import { LOCK_FILE, type LockHolder } from '../../electron/core/store/data-folder-lock';
import { launchBrowserMode } from '../../electron/host/launch';
import type { Host } from '../../electron/host/server';
import { FIXTURE_CONTENT, fixedClock } from '../support/in-process';
import { tempDir } from '../support/temp';

let root: string;
let remove: () => Promise<void>;
let dataDir: string;
let rendererDir: string;
const hosts: Host[] = [];
beforeEach(async () => {
  ({ dir: root, remove } = await tempDir());
  dataDir = join(root, 'data');
  rendererDir = join(root, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  await remove();
});

async function serve(): Promise<Host> {
  const host = await launchBrowserMode({ dataDir, rendererDir, contentDir: FIXTURE_CONTENT, clock: fixedClock('2026-11-28'), log: () => undefined });
  hosts.push(host);
  return host;
}

async function setTheme(host: Host, theme: string): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/invoke/settings.update`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': host.token },
    body: JSON.stringify({ theme }),
  });
  return response.json();
}

const lockFile = () => join(dataDir, LOCK_FILE);

/** A process id that no longer runs: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('one Fieldbook per data folder', () => {
  it('a second host on the same folder refuses to start, says which process holds it, and the first keeps working', async () => {
    const first = await serve();
    const refused = await serve().catch((error: { code: string; message: string }) => error);
    expect(refused).toMatchObject({
      code: 'folder-in-use',
      message: expect.stringContaining(`is in use by a Fieldbook browser-mode host (npm run serve), process ${process.pid}`),
    });
    expect((refused as { message: string }).message).toContain(dataDir);
    expect(await setTheme(first, 'dark')).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(JSON.parse(await readFile(join(dataDir, 'fieldbook.json'), 'utf8')).settings.theme).toBe('dark');
  });

  it('after the first closes, a new one starts on the folder and sees what the first saved', async () => {
    const first = await serve();
    await setTheme(first, 'high-contrast');
    await first.close();
    hosts.splice(hosts.indexOf(first), 1);
    await expect(readFile(lockFile(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    const second = await serve();
    const response = await fetch(`${second.origin}/api/invoke/settings.get`, {
      method: 'POST',
      headers: { 'X-Fieldbook-Token': second.token },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { theme: 'high-contrast' } });
  });

  it('after a wipe, the lock says only which process holds the folder: no start time, no computer name', async () => {
    const host = await serve();
    const before = JSON.parse(await readFile(lockFile(), 'utf8')) as LockHolder;
    expect(before).toMatchObject({ pid: process.pid, mode: 'browser', host: hostname() });
    expect(before.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const wiped = await fetch(`${host.origin}/api/invoke/safety.wipe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Fieldbook-Token': host.token },
      body: JSON.stringify({ confirm: true }),
    });
    expect(wiped.status).toBe(200);
    const text = await readFile(lockFile(), 'utf8');
    expect(JSON.parse(text)).toEqual({ pid: process.pid, mode: 'browser' });
    expect(text).not.toContain(hostname());
    // It still holds the folder, and says so without the details it dropped.
    const refused = await serve().catch((error: { message: string }) => error);
    expect((refused as { message: string }).message).toMatch(new RegExp(`process ${process.pid}\\. Close that Fieldbook first`));
    // And it is still released when the host closes.
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    await expect(readFile(lockFile(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a stale lock left by a process that no longer runs', async () => {
    await mkdir(dataDir, { recursive: true });
    const stale: LockHolder = { pid: await deadPid(), mode: 'desktop', startedAt: '2026-11-27T09:00:00.000Z', host: hostname() };
    await writeFile(lockFile(), JSON.stringify(stale));
    await serve();
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, mode: 'browser' });
  });

  it('takes over a lock file cut short by a crash', async () => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(lockFile(), '{"pid": 12');
    await serve();
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('refuses a folder the desktop app holds, saying so, whether the holder is this process or another', async () => {
    // The desktop app takes the lock through the same core.
    const desktop = await openFieldbook({ contentDir: FIXTURE_CONTENT, dataDir, clock: fixedClock('2026-11-28'), version: '0', mode: 'desktop' });
    await expect(serve()).rejects.toMatchObject({ message: expect.stringContaining(`in use by the Fieldbook desktop app, process ${process.pid}`) });
    await desktop.close();

    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await writeFile(lockFile(), JSON.stringify({ pid: other.pid, mode: 'desktop', startedAt: '2026-11-28T08:00:00.000Z', host: hostname() }));
      await expect(serve()).rejects.toMatchObject({
        code: 'folder-in-use',
        message: expect.stringMatching(
          new RegExp(`the Fieldbook desktop app, process ${other.pid}, started 2026-11-28T08:00:00.000Z\\. Close that Fieldbook first`),
        ),
      });
      expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(other.pid);
    } finally {
      other.kill();
    }
  });

  it('gives its address before the core opens, answers a call made meanwhile, and closes its server when refused', async () => {
    const early: Promise<unknown>[] = [];
    const first = await launchBrowserMode({
      dataDir,
      rendererDir,
      contentDir: FIXTURE_CONTENT,
      clock: fixedClock('2026-11-28'),
      log: () => undefined,
      // A page opened at once calls before the core is open: the call waits for it rather than failing.
      onListening: (host) =>
        early.push(
          fetch(`${host.origin}/api/invoke/library.list`, { method: 'POST', headers: { 'X-Fieldbook-Token': host.token }, body: '{}' }).then((r) =>
            r.json(),
          ),
        ),
    });
    hosts.push(first);
    expect(early).toHaveLength(1);
    expect(await early[0]).toMatchObject({ ok: true, value: { guides: expect.arrayContaining([expect.objectContaining({ id: 'sample-rights' })]) } });

    let refusedOrigin = '';
    const refused = await launchBrowserMode({
      dataDir,
      rendererDir,
      contentDir: FIXTURE_CONTENT,
      clock: fixedClock('2026-11-28'),
      log: () => undefined,
      onListening: (host) => {
        refusedOrigin = host.origin;
      },
    }).catch((error: { code: string }) => error);
    expect(refused).toMatchObject({ code: 'folder-in-use' });
    expect(refusedOrigin).not.toBe('');
    await expect(fetch(refusedOrigin)).rejects.toThrow();
  });
});
