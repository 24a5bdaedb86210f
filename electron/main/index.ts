import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session } from 'electron';
import { createRouter } from '../api/router';
import { clockFromEnv } from '../core/clock';
import { openFieldbook } from '../core/fieldbook';
import { hardenContents } from './contents';
import { bindRouter, sendEvent } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession } from './session';
import { desktopLanguage, desktopText } from './strings';
import { APP_ORIGIN } from './trust';
import { createUpdateChecker } from './updater';
import { windowOptions } from './window';
import { placeWindow, rememberWindowState, windowStateFile } from './window-state';

registerAppScheme();
app.enableSandbox();

const log = (message: string) => console.error(`[fieldbook] ${message}`);

/** The person's chosen interface language once the store is open; until then the system's. */
let chosenLanguage: () => string | null = () => null;
const uiLanguage = () => desktopLanguage(chosenLanguage(), app.getPreferredSystemLanguages());

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      {
        label: desktopText(uiLanguage(), 'viewMenu'),
        submenu: [
          { role: 'reload' },
          { type: 'separator' },
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      },
      { role: 'windowMenu' },
    ]),
  );
}

async function start(): Promise<void> {
  const clock = clockFromEnv(process.env.FIELDBOOK_NOW);
  const root = app.getAppPath();
  const contentDir = app.isPackaged ? join(process.resourcesPath, 'content') : join(root, 'content');
  const checkForUpdates = createUpdateChecker(log, app.getVersion());
  // The prebuilt search index ships inside the app (out/search); in a package, content sits beside it in resources/.
  const searchIndexDir = join(root, 'out', 'search');
  const fieldbook = await openFieldbook({
    contentDir,
    searchIndexDir,
    dataDir: app.getPath('userData'),
    clock,
    version: app.getVersion(),
    mode: 'desktop',
    checkForUpdates,
    log,
  });
  bindRouter(createRouter(fieldbook.handlers, log));
  chosenLanguage = () => fieldbook.store.read().settings.interfaceLanguage;

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
  window.once('ready-to-show', () => window.show());
  fieldbook.on('settings-changed', (settings) => {
    sendEvent(window.webContents, 'settings-changed', settings);
    buildMenu(); // the menu speaks the interface language too
  });
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
app
  .whenReady()
  // Before any window or other session work: Chromium would otherwise start fetching a spelling dictionary.
  .then(() => hardenSession(session.defaultSession))
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox(
      desktopText(uiLanguage(), 'startFailed'),
      desktopText(uiLanguage(), 'startFailedDetail', { message: (error as Error).message }),
    );
    app.exit(1);
  });
