// The trainer's side for the network test: opens Fieldbook over the fixture content in a fresh data folder, ticks a
// checklist box and sets a jurisdiction through the trainer's own (token) API, then starts the room share on the
// given address and prints both addresses as one JSON line. Stops when its standard input closes, or after a minute.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowserMode } from '../../electron/host/launch';
import { TOKEN_HEADER } from '../../electron/host/server';
import { fixedClock, FIXTURE_CONTENT } from '../support/in-process';

const [dataDir, listen] = process.argv.slice(2);
const rendererDir = join(dataDir!, 'renderer');
await mkdir(join(rendererDir, 'assets'), { recursive: true });
await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
const host = await launchBrowserMode({
  dataDir: join(dataDir!, 'user'),
  contentDir: FIXTURE_CONTENT,
  rendererDir,
  clock: fixedClock('2026-11-28'),
  log: () => undefined,
});
const own = async (method: string, input: unknown) => {
  const response = await fetch(`${host.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean };
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope)}`);
};
await own('guide.setChecked', { id: 'sample-checklist', lang: 'en', version: 2, checked: [0, 1] });
await own('settings.update', { myJurisdiction: 'US' });
const share = await host.share.start({ listen });
if (!share.running) throw new Error('the share did not start');
console.log(JSON.stringify({ url: share.url, mainPort: Number(new URL(host.origin).port) }));
const stop = () => void host.close().then(() => process.exit(0));
process.stdin.on('end', stop).resume();
setTimeout(stop, 60_000).unref();
