import { parseArgs } from 'node:util';
import { clockFromEnv } from '../core/clock';
import { defaultUserDataDir } from '../core/paths';

const USAGE = `Usage: npm run serve -- [--port N] [--data-dir DIR] [--content-dir DIR]

Serves Fieldbook on 127.0.0.1 for use in a web browser and prints the address to open.
  --port N          port to listen on (default: a free port; env FIELDBOOK_PORT)
  --data-dir DIR    where settings and other personal data are kept
                    (default: the Fieldbook user-data folder; env FIELDBOOK_DATA_DIR)
  --content-dir DIR a content folder to serve instead of the bundled content/
Set FIELDBOOK_NOW=YYYY-MM-DD to run with a fixed clock (for demonstrations and tests).`;

function fail(message: string): never {
  console.error(`fieldbook serve: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'content-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const portText = values.port ?? process.env.FIELDBOOK_PORT ?? '0';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be a whole number from 0 to 65535, not "${portText}"`);

let clock;
try {
  clock = clockFromEnv(process.env.FIELDBOOK_NOW);
} catch (error) {
  fail((error as Error).message);
}

const dataDir = values['data-dir'] ?? process.env.FIELDBOOK_DATA_DIR ?? defaultUserDataDir();
try {
  // Loaded after the arguments are read, so --help and a wrong argument answer at once.
  const { launchBrowserMode } = await import('./launch');
  const host = await launchBrowserMode({ dataDir, contentDir: values['content-dir'], port, clock });
  console.log(
    `Fieldbook is running in browser mode.\nOpen: ${host.url}\nData folder: ${dataDir}${clock.fixed ? `\nClock set to ${clock.now().toISOString().slice(0, 10)} (FIELDBOOK_NOW)` : ''}\nPress Ctrl+C to stop.`,
  );
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`port ${port} is in use; choose another with --port, or leave it out for a free one`);
  console.error(`fieldbook serve: ${(error as Error).message}`);
  process.exit(1);
}
