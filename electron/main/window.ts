import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_SIZE, type Rect } from './window-state';

/**
 * The main window's options: every renderer hardening switch on, spelling checks off (they can reach the network).
 * `bounds` is where the window was last (see window-state.ts); without it the window opens at its default size, centred.
 */
export function windowOptions(preloadPath: string, bounds?: Rect): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 820,
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
