import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Router } from '../api/router';
import type { EventMap, EventName } from '../api/types';
import type { Clock } from '../core/clock';
import type { Fieldbook } from '../core/fieldbook';
import type { StoreFs } from '../core/store/store-fs';
import { startHost, type Host } from './server';
import type { RoomShare } from './share/control';
import type { ShareLimits } from './share/server';

/**
 * The repository root, found from this file so the host works from any current folder, whether it runs from the
 * sources (electron/host/) or from the prebuilt bundle (out/main/), where the bundler may place it deeper in a chunk.
 */
export const PROJECT_ROOT = projectRootFrom(dirname(fileURLToPath(import.meta.url)));

function projectRootFrom(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'content', 'jurisdictions.yaml'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '..', '..');
  }
}

export interface BrowserModeOptions {
  dataDir: string;
  contentDir?: string;
  rendererDir?: string;
  port?: number;
  token?: string;
  clock: Clock;
  log?: (message: string) => void;
  /** The store's file operations (tests: a disk that fills up). */
  storeFs?: StoreFs;
  /** The room share's limits (the benchmark and tests); default: DEFAULT_SHARE_LIMITS. */
  shareLimits?: Partial<ShareLimits>;
  /** Where the share listens when started without an address (tests: 127.0.0.1); default: a LAN address. */
  shareListen?: string;
}

export interface BrowserMode extends Host {
  /** The read-only room share: off until started (`--share`, or the Share screen). */
  share: RoomShare;
}

/**
 * Opens the core over the given folders and serves it with the built renderer: the whole browser mode. It refuses to
 * start when another Fieldbook holds the data folder, and closing it gives the folder up.
 *
 * The server listens first, and `onListening` may print its address then, while the core's code loads and the
 * content opens: the browser fetches the page meanwhile, and its first calls wait for the core. That overlap is most
 * of a quick start. If the core then fails to open (another Fieldbook holds the folder), the server closes and the
 * returned promise rejects, as before.
 */
export async function launchBrowserMode(options: BrowserModeOptions & { onListening?: (host: Host) => void }): Promise<BrowserMode> {
  const rendererDir = options.rendererDir ?? join(PROJECT_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `The built renderer is missing (${rendererDir}/index.html). Run \`npm run build\` first, or use \`npm run serve\`, which builds.`,
    );
  }
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const core = openCore(options, rendererDir, version);
  // Awaited below; until then a failure must not count as unhandled.
  core.catch(() => undefined);
  let host: Host;
  try {
    host = await startHost({
      router: { dispatch: async (method, input) => (await core).router.dispatch(method, input) },
      fieldbook: { on: (event, listener) => onceOpen(core, event, listener) },
      rendererDir,
      port: options.port,
      token: options.token,
    });
  } catch (error) {
    await core.then(({ fieldbook }) => fieldbook.close()).catch(() => undefined);
    throw error;
  }
  options.onListening?.(host);
  let opened: Awaited<typeof core>;
  try {
    opened = await core;
  } catch (error) {
    await host.close();
    throw error;
  }
  const { fieldbook, share } = opened;
  return {
    ...host,
    share,
    close: async () => {
      await share.close();
      await host.close();
      await fieldbook.close();
    },
  };
}

/** The core and the room share, whose code is loaded only now: the server above needs none of it to listen. */
async function openCore(
  options: BrowserModeOptions,
  rendererDir: string,
  version: string,
): Promise<{ fieldbook: Fieldbook; router: Router; share: RoomShare }> {
  const [{ openFieldbook }, { createRouter }, { createRoomShare }, { shareRouter }] = await Promise.all([
    import('../core/fieldbook'),
    import('../api/router'),
    import('./share/control'),
    import('./share/handlers'),
  ]);
  // The share serves the core opened just below; it is built only when the trainer starts it.
  let fieldbook: Fieldbook | undefined;
  const share = createRoomShare({
    router: (only) => shareRouter({ fieldbook: fieldbook!, clock: options.clock, version, only }, options.log),
    rendererDir,
    log: options.log ?? ((message) => console.error(`fieldbook share: ${message}`)),
    limits: options.shareLimits,
    defaultListen: options.shareListen,
  });
  fieldbook = await openFieldbook({
    contentDir: options.contentDir ?? join(PROJECT_ROOT, 'content'),
    dataDir: options.dataDir,
    clock: options.clock,
    version,
    mode: 'browser',
    log: options.log,
    storeFs: options.storeFs,
    share,
    watchContent: true,
    // The browser mode runs from a checkout (or a folder given with --content-dir): its content is a working copy.
    maintainerContentDir: options.contentDir ?? join(PROJECT_ROOT, 'content'),
  });
  return { fieldbook, router: createRouter(fieldbook.handlers, options.log), share };
}

/** Subscribes to a core event once the core is open; the returned function unsubscribes, whenever it is called. */
function onceOpen<E extends EventName>(core: Promise<{ fieldbook: Fieldbook }>, event: E, listener: (payload: EventMap[E]) => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  core.then(
    ({ fieldbook }) => {
      if (!stopped) stop = fieldbook.on(event, listener);
    },
    () => undefined,
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
