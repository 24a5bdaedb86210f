/**
 * A recording stand-in for the `electron` module, for booting the built main process under plain Node where the
 * Electron binary cannot run. It keeps Electron's own rules where the app could get them wrong (schemes registered
 * and the sandbox enabled only before ready; sessions, windows, protocol handlers and screens only after it; one
 * handler per IPC channel) and records every call in order, so a test can check what happened when.
 * Anything the app calls that is not here fails with a TypeError: extend this file rather than the app.
 */
import { EventEmitter } from 'node:events';

/** Every call, in order: `{ name, args }`. */
export const calls = [];
/** What the app registered, for the test to call as Chromium would. */
export const registered = { protocolHandlers: new Map(), ipcHandlers: new Map(), ipcListeners: new Map(), windows: [] };
/** Set by the test before the app loads. */
export const config = { appPath: process.cwd(), userData: null, version: '0.0.0', systemLanguages: ['en-GB'], dialogResponse: 1 };

let ready = false;
let resolveReady;
const readyPromise = new Promise((resolve) => {
  resolveReady = resolve;
});
const waiters = [];

function record(name, ...args) {
  calls.push({ name, args });
  for (const waiter of [...waiters]) {
    if (waiter.name === name) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(args);
    }
  }
}
function requireReady(what) {
  if (!ready) throw new Error(`${what} cannot be used before the app is ready`);
}

/** Resolves with the arguments of the next call named `name` (or of an earlier one). */
export function waitForCall(name) {
  const earlier = calls.find((call) => call.name === name);
  if (earlier) return Promise.resolve(earlier.args);
  return new Promise((resolve) => waiters.push({ name, resolve }));
}

/** The names of the calls so far, in order. */
export const callNames = () => calls.map((call) => call.name);

function makeSession(partition) {
  const name = (method) => `session${partition ? `(${partition})` : ''}.${method}`;
  return {
    setSpellCheckerEnabled: (enabled) => record(name('setSpellCheckerEnabled'), enabled),
    setSpellCheckerDictionaryDownloadURL: (url) => {
      new URL(url); // Electron throws for an invalid URL too
      record(name('setSpellCheckerDictionaryDownloadURL'), url);
    },
    setPermissionRequestHandler: (handler) => record(name('setPermissionRequestHandler'), handler),
    setPermissionCheckHandler: (handler) => record(name('setPermissionCheckHandler'), handler),
  };
}
let defaultSession = null;

class FakeApp extends EventEmitter {
  isPackaged = false;
  enableSandbox() {
    if (ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    record('app.enableSandbox');
  }
  whenReady() {
    record('app.whenReady');
    return readyPromise;
  }
  isReady() {
    return ready;
  }
  getAppPath() {
    return config.appPath;
  }
  getPath(name) {
    if (name !== 'userData') throw new Error(`fake app.getPath: only userData is provided, not ${name}`);
    return config.userData;
  }
  getVersion() {
    return config.version;
  }
  getName() {
    return 'Fieldbook';
  }
  getPreferredSystemLanguages() {
    return config.systemLanguages;
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  quit() {
    record('app.quit');
  }
  exit(code) {
    record('app.exit', code);
  }
  on(event, listener) {
    record('app.on', event);
    return super.on(event, listener);
  }
}
export const app = new FakeApp();

/** Makes the app ready, as Electron does once Chromium is up: the default session exists from then on. */
export function emitReady() {
  ready = true;
  record('ready');
  defaultSession = makeSession(null);
  app.emit('session-created', defaultSession);
  app.emit('ready', {});
  resolveReady();
}

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
  fromPartition(partition) {
    requireReady('session.fromPartition');
    const created = makeSession(partition);
    app.emit('session-created', created);
    return created;
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme, handler) {
    requireReady('protocol.handle');
    if (registered.protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    registered.protocolHandlers.set(scheme, handler);
    record('protocol.handle', scheme);
  },
};

export const ipcMain = {
  handle(channel, handler) {
    if (registered.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    registered.ipcHandlers.set(channel, handler);
    record('ipcMain.handle', channel);
  },
  on(channel, listener) {
    registered.ipcListeners.set(channel, [...(registered.ipcListeners.get(channel) ?? []), listener]);
    record('ipcMain.on', channel);
    return ipcMain;
  },
};

class FakeWebContents extends EventEmitter {
  mainFrame = { url: '' };
  sent = [];
  windowOpenHandler = null;
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
    record('webContents.setWindowOpenHandler');
  }
  isDestroyed() {
    return false;
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
}

export class BrowserWindow extends EventEmitter {
  static #byContents = new Map();
  static fromWebContents(contents) {
    return BrowserWindow.#byContents.get(contents) ?? null;
  }
  constructor(options) {
    super();
    requireReady('BrowserWindow');
    record('new BrowserWindow', options);
    this.options = options;
    this.webContents = new FakeWebContents();
    this.maximized = false;
    BrowserWindow.#byContents.set(this.webContents, this);
    registered.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  /** Loads the page as Chromium would: through the handler registered for its scheme. */
  async loadURL(url) {
    record('BrowserWindow.loadURL', url);
    const handler = registered.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    const response = await handler(new Request(url));
    if (!response.ok) throw new Error(`ERR_FAILED (-2) loading '${url}': ${response.status}`);
    this.webContents.mainFrame.url = url;
    queueMicrotask(() => this.emit('ready-to-show'));
  }
  show() {
    record('BrowserWindow.show');
  }
  maximize() {
    this.maximized = true;
    record('BrowserWindow.maximize');
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    const { x = 0, y = 0, width, height } = this.options;
    return { x, y, width, height };
  }
  /** Closes the window as the person would: Electron emits close, then closed. */
  close() {
    this.emit('close', { preventDefault() {} });
    this.emit('closed');
    record('BrowserWindow.closed');
  }
}

const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
export const screen = {
  getPrimaryDisplay() {
    requireReady('screen');
    return display;
  },
  getAllDisplays() {
    requireReady('screen');
    return [display];
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => record('Menu.setApplicationMenu', menu),
};

export const dialog = {
  showMessageBox: async (...args) => {
    record('dialog.showMessageBox', args.at(-1));
    return { response: config.dialogResponse };
  },
  showErrorBox: (title, content) => record('dialog.showErrorBox', title, content),
};

export const shell = { openExternal: async (url) => record('shell.openExternal', url) };

/** The module as CommonJS code sees it through require('electron'). */
export const asCommonJs = { app, session, protocol, ipcMain, BrowserWindow, screen, Menu, dialog, shell };
