/**
 * Boots the BUILT main process (out/main/index.js, from `npm run build`) under plain Node, with the `electron` module
 * replaced by a recording fake through a Node module hook, and drives it as Electron and the window would: make the
 * app ready, load the page through the registered app:// handler, call IPC from the app's frame and from others.
 * The desktop shell itself cannot run on machines without the Electron binary; this proves the built bundle's wiring.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mainBundle = join(root, 'out', 'main', 'index.js');
if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run \`npm run build\` first.`);

register('./electron-hooks.mjs', import.meta.url);
const fake = await import('./fake-electron.mjs');
// electron-updater is CommonJS and requires 'electron' through Node's require: it gets the same fake, by the path
// that require resolves 'electron' to.
const fromUpdater = createRequire(createRequire(join(root, 'package.json')).resolve('electron-updater'));
const electronPath = fromUpdater.resolve('electron');
fromUpdater.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: fake.asCommonJs };

const userData = mkdtempSync(join(tmpdir(), 'fieldbook-smoke-'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
Object.assign(fake.config, { appPath: root, userData, version: pkg.version });
delete process.env.APPIMAGE;
delete process.env.FIELDBOOK_DEVTOOLS;
// Electron sets this for every app; electron-updater reads it to find out how the app was packaged.
Object.assign(process, { resourcesPath: join(userData, 'resources') });

/** Fails instead of hanging when the app never gets there, and says what it did instead. */
function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen; calls so far: ${fake.callNames().join(', ')}`)), 15_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const index = (name) => fake.callNames().indexOf(name);

let window;
let namesBeforeReady;
before(async () => {
  await import(pathToFileURL(mainBundle).href);
  namesBeforeReady = fake.callNames();
  fake.emitReady();
  const failed = fake.waitForCall('dialog.showErrorBox').then(([title, detail]) => {
    throw new Error(`start-up failed: ${title}: ${detail}`);
  });
  await within(Promise.race([fake.waitForCall('BrowserWindow.show'), failed]), 'showing the window');
  window = fake.registered.windows[0];
});

test('registers the app:// scheme as privileged and enables the sandbox before the app is ready', () => {
  const [schemes] = fake.calls.find((call) => call.name === 'protocol.registerSchemesAsPrivileged').args;
  assert.deepEqual(schemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  assert.ok(namesBeforeReady.includes('protocol.registerSchemesAsPrivileged'));
  assert.ok(namesBeforeReady.includes('app.enableSandbox'));
  assert.ok(!namesBeforeReady.includes('new BrowserWindow'));
});

test('turns the spellchecker off before any other session work and before any window exists', () => {
  const afterReady = fake.callNames().slice(index('ready') + 1);
  const sessionCalls = afterReady.filter((name) => name.startsWith('session'));
  assert.deepEqual(sessionCalls.slice(0, 2), ['session.setSpellCheckerEnabled', 'session.setSpellCheckerDictionaryDownloadURL']);
  assert.equal(fake.calls.find((call) => call.name === 'session.setSpellCheckerEnabled').args[0], false);
  assert.ok(index('session.setSpellCheckerEnabled') < index('new BrowserWindow'));
  assert.ok(index('session.setSpellCheckerEnabled') < index('protocol.handle'));
  assert.ok(index('session.setPermissionRequestHandler') < index('new BrowserWindow'));
  assert.equal(fake.registered.windows.length, 1);
  assert.equal(window.options.webPreferences.spellcheck, false);
  assert.equal(window.options.webPreferences.sandbox, true);
  assert.equal(window.options.webPreferences.contextIsolation, true);
});

test('loaded the page through the app:// handler and showed the window', () => {
  assert.equal(window.webContents.mainFrame.url, 'app://fieldbook/index.html');
  assert.ok(index('BrowserWindow.loadURL') < index('BrowserWindow.show'));
});

const serve = (url) => fake.registered.protocolHandlers.get('app')(new Request(url));

test('serves index.html with the Content-Security-Policy and security headers', async () => {
  const response = await serve('app://fieldbook/index.html');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(await response.text(), readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8'));
  const csp = response.headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'none'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"])
    assert.ok(csp.split('; ').includes(directive), `CSP has ${directive}: ${csp}`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
});

test('refuses paths outside the renderer, plain or encoded', async () => {
  for (const url of [
    'app://fieldbook/../../etc/passwd',
    'app://fieldbook/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://fieldbook/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://fieldbook/assets/..%2F..%2F..%2F..%2Fpackage.json',
    'app://fieldbook/%252e%252e/%252e%252e/etc/passwd',
    'app://fieldbook/..%5c..%5c..%5cpackage.json',
    'app://fieldbook/index.html%00.png',
    'app://other/index.html',
  ]) {
    const response = await serve(url);
    assert.equal(response.status, 404, url);
    const body = await response.text();
    assert.ok(!body.includes('root:') && !body.includes('"name": "fieldbook"'), `${url} leaked: ${body.slice(0, 80)}`);
    assert.ok(response.headers.get('content-security-policy'), `${url} answered without the CSP`);
  }
});

test("answers IPC from the app's top frame through the router, and refuses every other frame", async () => {
  const invoke = fake.registered.ipcHandlers.get('fieldbook:invoke');
  const contents = window.webContents;
  const fromApp = { sender: contents, senderFrame: contents.mainFrame };
  const info = await invoke(fromApp, 'app.info', {});
  assert.equal(info.ok, true, JSON.stringify(info));
  assert.equal(info.value.mode, 'desktop');
  assert.equal(info.value.version, pkg.version);
  const library = await invoke(fromApp, 'library.list', {});
  assert.equal(library.ok, true);
  assert.ok(library.value.guides.length > 0);

  const subFrame = { sender: contents, senderFrame: { url: 'app://fieldbook/index.html' } };
  const otherSite = { sender: { mainFrame: { url: 'https://example.org/' } }, senderFrame: null };
  for (const event of [subFrame, otherSite]) {
    const answer = await invoke(event, 'app.info', {});
    assert.equal(answer.ok, false);
    assert.equal(answer.error.code, 'forbidden');
  }
});

test('an update check makes no request and says so, off and on, in a copy that cannot update itself', async () => {
  const invoke = fake.registered.ipcHandlers.get('fieldbook:invoke');
  const fromApp = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  assert.deepEqual((await invoke(fromApp, 'updates.check', {})).value?.status, 'not-run');
  assert.equal((await invoke(fromApp, 'settings.update', { updateChecks: true })).ok, true);
  const check = await invoke(fromApp, 'updates.check', {});
  assert.deepEqual([check.value?.status, check.value?.reason], ['not-run', 'not-updatable'], JSON.stringify(check));
  assert.ok(!existsSync(join(userData, '.updaterId')), 'no per-install id file');
});

test('a link out of the app is stopped and asked about, never opened without the person', async () => {
  const [listener] = window.webContents.listeners('will-navigate');
  let prevented = false;
  listener({ preventDefault: () => (prevented = true) }, 'https://example.org/');
  assert.equal(prevented, true);
  const [box] = await within(fake.waitForCall('dialog.showMessageBox'), 'asking before opening the link');
  assert.match(box.detail, /https:\/\/example\.org\//);
  assert.equal(index('shell.openExternal'), -1); // the fake person answered Cancel
  assert.deepEqual(window.webContents.windowOpenHandler({ url: 'https://example.org/' }), { action: 'deny' });
});

test('remembers the window size and place when it closes, and nothing else', () => {
  window.close();
  const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'));
  assert.deepEqual(Object.keys(saved).sort(), ['bounds', 'maximized']);
  assert.deepEqual(saved.bounds, window.getNormalBounds());
});
