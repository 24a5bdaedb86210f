import { parseArgs } from 'node:util';
import { clockFromEnv } from '../core/clock';
import { defaultUserDataDir } from '../core/paths';

const USAGE = `Usage: npm run serve -- [--port N] [--data-dir DIR] [--content-dir DIR] [--share [--listen ADDRESS] [--share-port N]]

Serves Fieldbook on 127.0.0.1 for use in a web browser and prints the address to open.
  --port N          port to listen on (default: a free port; env FIELDBOOK_PORT)
  --data-dir DIR    where settings and other personal data are kept
                    (default: the Fieldbook user-data folder; env FIELDBOOK_DATA_DIR)
  --content-dir DIR a content folder to serve instead of the bundled content/
  --share           also start the read-only room share: the library, for reading and search
                    only, on the local network, with no token; prints the address to give the room
  --listen ADDRESS  the IPv4 address the share listens on (default: this machine's private LAN
                    address, so it is reachable from the room only; 0.0.0.0 if it has none)
  --share-port N    the share's port (default: a free port)
Set FIELDBOOK_NOW=YYYY-MM-DD to run with a fixed clock (for demonstrations and tests).`;

function fail(message: string): never {
  console.error(`fieldbook serve: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const values = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'content-dir': { type: 'string' },
        share: { type: 'boolean' },
        listen: { type: 'string' },
        'share-port': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function portOf(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65535) fail(`${flag} must be a whole number from 0 to 65535, not "${text}"`);
  return value;
}
const port = portOf(values.port ?? process.env.FIELDBOOK_PORT ?? '0', '--port');
if ((values.listen !== undefined || values['share-port'] !== undefined) && !values.share) fail('--listen and --share-port go with --share');
if (values.listen !== undefined && !/^(\d{1,3})(\.\d{1,3}){3}$/.test(values.listen))
  fail(`--listen must be an IPv4 address such as 192.168.1.20, not "${values.listen}"`);
const sharePort = values['share-port'] === undefined ? undefined : portOf(values['share-port'], '--share-port');

const clock = (() => {
  try {
    return clockFromEnv(process.env.FIELDBOOK_NOW);
  } catch (error) {
    fail((error as Error).message);
  }
})();

const dataDir = values['data-dir'] ?? process.env.FIELDBOOK_DATA_DIR ?? defaultUserDataDir();
try {
  // Loaded after the arguments are read, so --help and a wrong argument answer at once.
  const { launchBrowserMode } = await import('./launch');
  // The address is printed as soon as the server listens: the page loads while the core opens (launch.ts).
  const host = await launchBrowserMode({
    dataDir,
    contentDir: values['content-dir'],
    port,
    clock,
    onListening: ({ url }) =>
      console.log(
        `Fieldbook is running in browser mode.\nOpen: ${url}\nThe address opens Fieldbook once, within two minutes; press Enter here for a new one (after a reload, or for another tab).\nData folder: ${dataDir}${clock.fixed ? `\nClock set to ${clock.now().toISOString().slice(0, 10)} (FIELDBOOK_NOW)` : ''}\nPress Ctrl+C to stop.`,
      ),
  });
  if (values.share) {
    // A share that cannot start stops the whole host, so the data folder is given up before the error is shown.
    const shared = await host.share.start({ listen: values.listen, port: sharePort }).catch(async (error: unknown) => {
      await host.close();
      throw error;
    });
    if (shared.running) {
      console.log(
        `Sharing the library to the room (read-only: reading and search).\nParticipants open: ${shared.url}${shared.urls.length > 1 ? `\nAlso reachable at: ${shared.urls.slice(1).join(' ')}` : ''}`,
      );
    }
  }
  // A new one-time address on each line read: the page keeps its session in memory only, so a reload needs one.
  // (A code rather than the session token goes into the address, because the browser records every address opened.)
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', () => console.log(`Open: ${host.newLaunchUrl()}`));
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`port ${port} is in use; choose another with --port, or leave it out for a free one`);
  console.error(`fieldbook serve: ${(error as Error).message}`);
  process.exit(1);
}
