// `npm run serve`: starts the browser mode from the prebuilt host bundle (out/main/host.js), building first only
// when the sources are newer than the build, so a launch never waits for a transpiler. Plain JavaScript because
// it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'out', 'main', 'host.js');
const built = [bundle, join(root, 'out', 'renderer', 'index.html')];
const sources = ['electron', 'renderer', 'locales', 'package.json', 'electron.vite.config.ts'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = built.every((file) => existsSync(file)) ? Math.min(...built.map((file) => statSync(file).mtimeMs)) : -1;
if (builtAt < Math.max(...sources.map((source) => newest(join(root, source))))) {
  console.error('fieldbook serve: building the app first (npm run build)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    console.error('fieldbook serve: the build failed (see above); fix it, then run `npm run serve` again.');
    process.exit(build.status ?? 1);
  }
}
await import(pathToFileURL(bundle).href);
