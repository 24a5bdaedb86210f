import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../electron/api/contract';
import { isShareMethod } from '../../electron/host/share/allow-list';
import { tempDir } from '../support/temp';

/**
 * The room share seen from a second device: the trainer's Fieldbook runs in one network namespace, a participant's
 * client in another, joined only by a veth pair with a /30 of 10.203.x.0 that exists between these two namespaces
 * alone. Traffic goes only to those two addresses. Needs root (as CI runs); elsewhere it is skipped, saying why.
 */
const tag = `${process.pid % 100000}`;
const HOST_NS = `fbh${tag}`;
const CLIENT_NS = `fbc${tag}`;
const subnet = `10.203.${process.pid % 250}`;
const HOST_IP = `${subnet}.1`;
const CLIENT_IP = `${subnet}.2`;
const ROOT = join(import.meta.dirname, '..', '..');

function ip(...args: string[]): { ok: boolean; message: string } {
  const run = spawnSync('ip', args, { encoding: 'utf8' });
  return { ok: run.status === 0, message: (run.stderr || run.error?.message || '').trim() };
}

function namespacesPermitted(): string | null {
  const probe = `fbp${tag}`;
  const added = ip('netns', 'add', probe);
  if (!added.ok) return `ip netns is not permitted here (${added.message || 'no ip command'}); run as root with iproute2 installed`;
  ip('netns', 'del', probe);
  return null;
}

function removeNamespaces(): void {
  // Deleting a namespace also removes its end of the veth pair, and with it the other end.
  ip('netns', 'del', HOST_NS);
  ip('netns', 'del', CLIENT_NS);
}

const skipReason = namespacesPermitted();
if (skipReason) console.warn(`skipped: the room share's network test: ${skipReason}`);

describe.skipIf(skipReason !== null)('the room share from a second device on its own network', () => {
  let server: ChildProcess | undefined;
  let removeData: () => Promise<void> = async () => undefined;
  let share: { url: string; mainPort: number };
  process.once('exit', removeNamespaces);

  beforeAll(async () => {
    removeNamespaces();
    const steps = [
      ['netns', 'add', HOST_NS],
      ['netns', 'add', CLIENT_NS],
      ['link', 'add', `fbv${tag}h`, 'type', 'veth', 'peer', 'name', `fbv${tag}c`],
      ['link', 'set', `fbv${tag}h`, 'netns', HOST_NS],
      ['link', 'set', `fbv${tag}c`, 'netns', CLIENT_NS],
      ['-n', HOST_NS, 'addr', 'add', `${HOST_IP}/30`, 'dev', `fbv${tag}h`],
      ['-n', CLIENT_NS, 'addr', 'add', `${CLIENT_IP}/30`, 'dev', `fbv${tag}c`],
      ['-n', HOST_NS, 'link', 'set', 'lo', 'up'],
      ['-n', HOST_NS, 'link', 'set', `fbv${tag}h`, 'up'],
      ['-n', CLIENT_NS, 'link', 'set', 'lo', 'up'],
      ['-n', CLIENT_NS, 'link', 'set', `fbv${tag}c`, 'up'],
    ];
    for (const step of steps) {
      const done = ip(...step);
      if (!done.ok) throw new Error(`ip ${step.join(' ')} failed: ${done.message}`);
    }
    const data = await tempDir();
    removeData = data.remove;
    server = spawn(
      'ip',
      ['netns', 'exec', HOST_NS, process.execPath, '--import', 'tsx', join(ROOT, 'test', 'network', 'share-server.ts'), data.dir, HOST_IP],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<never>((_, reject) =>
      server!.once('exit', (code) => reject(new Error(`the share's host exited (${code}) before it started`))),
    );
    const line = new Promise<string>((resolve) => createInterface({ input: server!.stdout! }).once('line', resolve));
    share = JSON.parse(await Promise.race([line, exited]));
  }, 60_000);

  afterAll(async () => {
    server?.stdin?.end();
    if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
    removeNamespaces();
    await removeData();
  });

  it('listens on the chosen address only, and a participant reads a guide, searches, and is refused everything else', async () => {
    expect(new URL(share.url).hostname).toBe(HOST_IP);
    const refused = Object.keys(contract).filter((method) => !isShareMethod(method));
    const client = spawnSync(
      'ip',
      [
        'netns',
        'exec',
        CLIENT_NS,
        process.execPath,
        join(ROOT, 'test', 'network', 'share-client.mjs'),
        share.url,
        JSON.stringify(refused),
        String(share.mainPort),
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(client.status, client.stderr).toBe(0);
    const seen = JSON.parse(client.stdout);

    expect(seen.info).toMatchObject({ ok: true, value: { mode: 'share', notices: [] } });
    expect(seen.libraryCount).toBeGreaterThan(1);
    // The trainer ticked two boxes on this guide; the participant sees the guide without them.
    expect(seen.guide).toMatchObject({ id: 'sample-checklist', lang: 'en', checked: [], hasBody: true });
    expect(seen.searchHits).toEqual(expect.arrayContaining(['sample-rights', 'sample-checklist']));
    // Ranked as for a person with no jurisdiction, though the trainer's is US (which puts sample-rights first).
    expect(seen.searchHits[0]).toBe('sample-checklist');

    expect(Object.keys(seen.refused).sort()).toEqual([...refused].sort());
    for (const [method, answer] of Object.entries(seen.refused)) expect(answer, method).toEqual({ status: 403, code: 'forbidden' });
    for (const [trick, status] of Object.entries(seen.tricks)) expect([403, 404], trick).toContain(status);
    expect(seen.extraField).toBe('bad-input');
    expect(seen.withToken).toBe(403);
    expect(seen.hugeBody).toBe(413);
    expect(seen.notJson).toBe(415);

    expect(seen.page).toMatchObject({ status: 200, html: true });
    expect(seen.page.csp).toContain("script-src 'self'");
    expect(seen.traversal).toBe(404);
    expect(seen.encodedTraversal).toBe(404);
    expect(seen.listing).toBe(404);
    expect(seen.wrongHost).toBe(421);
    expect(seen.crossOrigin).toBe(403);
    // The trainer's own API (with its token) listens on the host's loopback only: from the room it is not there.
    expect(seen.mainApi).toMatchObject({ status: 0, error: 'ECONNREFUSED' });
  });
});
