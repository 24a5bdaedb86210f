import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRouter } from '../api/router';
import type { Clock } from '../core/clock';
import { openFieldbook, type Fieldbook } from '../core/fieldbook';
import type { StoreFs } from '../core/store/store-fs';
import { startHost, type Host } from './server';
import { createRoomShare, type RoomShare } from './share/control';
import { shareRouter } from './share/handlers';
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
 */
export async function launchBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const rendererDir = options.rendererDir ?? join(PROJECT_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `The built renderer is missing (${rendererDir}/index.html). Run \`npm run build\` first, or use \`npm run serve\`, which builds.`,
    );
  }
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
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
  let host: Host;
  try {
    host = await startHost({
      router: createRouter(fieldbook.handlers, options.log),
      fieldbook,
      rendererDir,
      port: options.port,
      token: options.token,
    });
  } catch (error) {
    await fieldbook.close();
    throw error;
  }
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
