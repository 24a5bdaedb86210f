import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRouter } from '../api/router';
import type { Clock } from '../core/clock';
import { openFieldbook } from '../core/fieldbook';
import { startHost, type Host } from './server';

/** The repository root, found from this file so the host works from any current folder. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BrowserModeOptions {
  dataDir: string;
  contentDir?: string;
  rendererDir?: string;
  port?: number;
  token?: string;
  clock: Clock;
  log?: (message: string) => void;
}

/** Opens the core over the given folders and serves it with the built renderer: the whole browser mode. */
export async function launchBrowserMode(options: BrowserModeOptions): Promise<Host> {
  const rendererDir = options.rendererDir ?? join(PROJECT_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(
      `The built renderer is missing (${rendererDir}/index.html). Run \`npm run build\` first, or use \`npm run serve\`, which builds.`,
    );
  }
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const fieldbook = await openFieldbook({
    contentDir: options.contentDir ?? join(PROJECT_ROOT, 'content'),
    dataDir: options.dataDir,
    clock: options.clock,
    version,
    mode: 'browser',
    log: options.log,
    watchContent: true,
  });
  const host = await startHost({
    router: createRouter(fieldbook.handlers, options.log),
    fieldbook,
    rendererDir,
    port: options.port,
    token: options.token,
  });
  return {
    ...host,
    close: async () => {
      fieldbook.close();
      await host.close();
    },
  };
}
