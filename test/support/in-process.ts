import { join } from 'node:path';
import { createClient, type Client } from '../../electron/api/client';
import { createRouter, type Router } from '../../electron/api/router';
import type { Clock } from '../../electron/core/clock';
import { openFieldbook, type Fieldbook } from '../../electron/core/fieldbook';
import type { KdfParams } from '../../electron/core/safety/vault';
import type { StoreFs } from '../../electron/core/store/store-fs';

export const FIXTURE_CONTENT = join(import.meta.dirname, '..', 'fixtures', 'content');

export function fixedClock(date: string): Clock {
  return { now: () => new Date(`${date}T00:00:00Z`), fixed: true };
}

/** The core opened last on each data folder: one Fieldbook holds a folder at a time. */
const openOn = new Map<string, Fieldbook>();

/**
 * The real core and router behind a client whose transport is a direct call: the contract without IPC or HTTP.
 * Opening again on a data folder first closes the core opened there before, as quitting and restarting does.
 */
export async function inProcessClient(
  dataDir: string,
  options: { contentDir?: string; clock?: Clock; storeFs?: StoreFs; kdf?: KdfParams; maintainerContentDir?: string } = {},
): Promise<{ client: Client; router: Router; fieldbook: Fieldbook }> {
  await openOn.get(dataDir)?.close();
  const fieldbook = await openFieldbook({
    contentDir: options.contentDir ?? FIXTURE_CONTENT,
    dataDir,
    clock: options.clock ?? fixedClock('2026-11-28'),
    version: '0.0.0-test',
    mode: 'browser',
    log: () => undefined,
    storeFs: options.storeFs,
    kdf: options.kdf,
    maintainerContentDir: options.maintainerContentDir,
  });
  openOn.set(dataDir, fieldbook);
  const router = createRouter(fieldbook.handlers, () => undefined);
  const client = createClient({
    // A JSON round trip, as both real transports do, so nothing that cannot cross a process boundary slips through.
    invoke: async (method, input) => JSON.parse(JSON.stringify(await router.dispatch(method, JSON.parse(JSON.stringify(input))))),
    on: (event, listener) => fieldbook.on(event as never, listener as never),
  });
  return { client, router, fieldbook };
}
