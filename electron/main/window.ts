import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window's options: every renderer hardening switch on, spelling checks off (they can reach the network). */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 820,
    minWidth: 420,
    minHeight: 400,
    show: false,
    title: 'Fieldbook',
    backgroundColor: '#1b1d21',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: process.env.FIELDBOOK_DEVTOOLS === '1',
    },
  };
}
