// The trainer's side of `npm run bench:share`, in its own process so its memory is measured alone: the browser mode
// over the bundled content in a fresh data folder, with the room share started on loopback. Answers "start" and
// "stop" lines on standard input with the share's status as one JSON line; exits when standard input closes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { clockFromEnv } from '../electron/core/clock';
import { launchBrowserMode } from '../electron/host/launch';
import { tempDir } from '../test/support/temp';

const data = await tempDir('fieldbook-bench-share-');
const rendererDir = join(data.dir, 'renderer');
await mkdir(rendererDir);
await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
const host = await launchBrowserMode({ dataDir: join(data.dir, 'user'), rendererDir, clock: clockFromEnv(undefined), log: () => undefined });
const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const status = line === 'start' ? await host.share.start({ listen: '127.0.0.1' }) : await host.share.stop();
  console.log(JSON.stringify(status.running ? { running: true, url: status.url } : { running: false }));
});
lines.on('close', async () => {
  await host.close();
  await data.remove();
  process.exit(0);
});
console.log(JSON.stringify({ ready: true }));
