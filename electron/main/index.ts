import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session, type WebContents } from 'electron';
import { FieldbookError } from '../api/errors';
import { createRouter } from '../api/router';
import { clockFromEnv } from '../core/clock';
import { openFieldbook, type Fieldbook } from '../core/fieldbook';
import { createRoomShare } from '../host/share/control';
import { shareRouter } from '../host/share/handlers';
import { hardenContents } from './contents';
import { printHandout } from './handout';
import { bindRouter, sendEvent } from './ipc';
import { onLocked, quickExit } from './quick-exit';
import { registerAppScheme, serveRenderer } from './protocol';
import { menuTemplate, openPackFile } from './menu';
import { hardenSession } from './session';
import { desktopLanguage, desktopText } from './strings';
import { APP_ORIGIN } from './trust';
import { createUpdateChecker } from './updater';
import { bindAppCommands, findInPageOf } from './view';
import { windowOptions } from './window';
import { placeWindow, rememberWindowState, windowStateFile } from './window-state';

registerAppScheme();
app.enableSandbox();

// One desktop app per user: a second launch hands over to the first (which comes to the front) and quits. The core's
// data-folder lock also keeps out a browser-mode host, or a desktop app started with another profile, on the same folder.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
let mainWindow: BrowserWindow | null = null;
app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
});

const log = (message: string) => console.error(`[fieldbook] ${message}`);

/** Locks the core; set once it is open. */
let lockCore: () => Promise<unknown> = async () => undefined;

/** The person's chosen interface language once the store is open; until then the system's. */
let chosenLanguage: () => string | null = () => null;
const uiLanguage = () => desktopLanguage(chosenLanguage(), app.getPreferredSystemLanguages());

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(uiLanguage(), process.platform, {
        openPack: () => void openPackFromMenu(),
        quickExit: () => void quickExit(mainWindow, lockCore),
      }),
    ),
  );
}

/** File ▸ Open content pack…: the bytes go to the interface, which previews the pack on its Packs screen. */
async function openPackFromMenu(): Promise<void> {
  const window = mainWindow;
  if (!window) return;
  await openPackFile({
    choose: async () => {
      const chosen = await dialog.showOpenDialog(window, {
        title: desktopText(uiLanguage(), 'openPack'),
        filters: [{ name: desktopText(uiLanguage(), 'packFiles'), extensions: ['fbpack'] }],
        properties: ['openFile'],
      });
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    size: async (path) => (await stat(path)).size,
    read: (path) => readFile(path),
    send: (file) => sendEvent(window.webContents, 'pack-file', file),
    fail: (message) => dialog.showErrorBox(desktopText(uiLanguage(), 'openPack'), message),
  });
}

async function start(): Promise<void> {
  if (!firstInstance) return; // quitting: the first instance has the window
  const clock = clockFromEnv(process.env.FIELDBOOK_NOW);
  const root = app.getAppPath();
  const contentDir = app.isPackaged ? join(process.resourcesPath, 'content') : join(root, 'content');
  const checkForUpdates = createUpdateChecker(log, app.getVersion());
  // The prebuilt search index ships inside the app (out/search); in a package, content sits beside it in resources/.
  const searchIndexDir = join(root, 'out', 'search');
  // The room share (off until the trainer starts it) serves the core opened just below, and the same built renderer.
  let opened: Fieldbook | undefined;
  const share = createRoomShare({
    router: (only) => shareRouter({ fieldbook: opened!, clock, version: app.getVersion(), only }, log),
    rendererDir: join(root, 'out', 'renderer'),
    log,
  });
  let contents: WebContents | null = null;
  const fieldbook = await openFieldbook({
    contentDir,
    searchIndexDir,
    dataDir: app.getPath('userData'),
    clock,
    version: app.getVersion(),
    mode: 'desktop',
    checkForUpdates,
    findInPage: findInPageOf(() => contents),
    log,
    watchContent: true,
    printHandout: (request) => printHandout(BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0], request),
    share,
    maintainerContentDir: app.isPackaged ? undefined : contentDir,
  });
  opened = fieldbook;
  app.once('will-quit', () => fieldbook.close());
  bindRouter(createRouter(fieldbook.handlers, log));
  // Pending saves finish before the data folder's lock is given up; on a quit that cannot wait, the lock goes at once.
  let released = false;
  app.on('will-quit', (event) => {
    if (released) return;
    event.preventDefault();
    void Promise.allSettled([share.close(), fieldbook.close()]).finally(() => {
      released = true;
      app.quit();
    });
  });
  process.once('exit', () => fieldbook.store.closeSync());
  chosenLanguage = () => fieldbook.store.read().settings.interfaceLanguage;
  lockCore = async () => fieldbook.handlers['safety.lock']({ reason: 'quick-exit' });

  serveRenderer(join(root, 'out', 'renderer'));
  buildMenu();

  const windowState = windowStateFile(app.getPath('userData'));
  const placement = placeWindow(
    windowState.read(),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea),
  );
  const window = new BrowserWindow(windowOptions(join(root, 'out', 'preload', 'index.cjs'), placement.bounds));
  if (placement.maximized) window.maximize();
  rememberWindowState(window, windowState, log);
  mainWindow = window;
  window.on('closed', () => {
    mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  contents = window.webContents;
  bindAppCommands(window);
  fieldbook.on('settings-changed', (settings) => {
    sendEvent(window.webContents, 'settings-changed', settings);
    buildMenu(); // the menu speaks the interface language too
  });
  fieldbook.on('share-changed', (status) => sendEvent(window.webContents, 'share-changed', status));
  fieldbook.on('locked', (payload) => {
    void onLocked(payload, window, session.defaultSession).catch((error: unknown) =>
      log(`clearing browser data failed: ${(error as Error).message}`),
    );
    sendEvent(window.webContents, 'locked', payload);
  });
  fieldbook.on('content-changed', (change) => sendEvent(window.webContents, 'content-changed', change));
  fieldbook.on('pack-progress', (progress) => sendEvent(window.webContents, 'pack-progress', progress));
  await window.loadURL(`${APP_ORIGIN}/index.html`);

  // The update check runs only when the person turned it on, after the window is up, and never blocks it.
  if (fieldbook.store.read().settings.updateChecks) {
    setTimeout(() => void checkForUpdates().then((outcome) => log(outcome.message)), 10_000).unref();
  }
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents, uiLanguage, log));
// Every session, the default one and any a library creates (electron-updater makes its own), before it is used.
app.on('session-created', hardenSession);
app.on('window-all-closed', () => app.quit());
// After a quick exit the window is hidden: the Dock icon brings it back, to the unlock screen.
app.on('activate', () => mainWindow?.show());
app
  .whenReady()
  // Before any window or other session work: Chromium would otherwise start fetching a spelling dictionary.
  .then(() => hardenSession(session.defaultSession))
  .then(start)
  .catch((error: unknown) => {
    // Another Fieldbook on the data folder is no fault to report: its message says what to do.
    const message = (error as Error).message;
    dialog.showErrorBox(
      desktopText(uiLanguage(), 'startFailed'),
      error instanceof FieldbookError && error.code === 'folder-in-use' ? message : desktopText(uiLanguage(), 'startFailedDetail', { message }),
    );
    app.exit(1);
  });
