import type { MenuItemConstructorOptions } from 'electron';
import { QUICK_EXIT_ACCELERATOR } from './quick-exit';
import { desktopText } from './strings';

/** What the menu's own items do, given by the caller so the template can be built and tested without Electron. */
export interface MenuActions {
  openPack: () => void;
  /** Hides the window and locks the app (field safety: electron/main/quick-exit.ts). */
  quickExit: () => void;
}

/** The application menu: File (with "Open content pack…"), Edit, View and Window, in the interface language. */
export function menuTemplate(lang: string, platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: desktopText(lang, 'fileMenu'),
      submenu: [
        { id: 'open-pack', label: desktopText(lang, 'openPack'), accelerator: 'CmdOrCtrl+O', click: () => actions.openPack() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: desktopText(lang, 'viewMenu'),
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { type: 'separator' },
        { id: 'quick-exit', label: desktopText(lang, 'quickExit'), accelerator: QUICK_EXIT_ACCELERATOR, click: () => actions.quickExit() },
      ],
    },
    { role: 'windowMenu' },
  ];
}

/** The largest pack file read (the core refuses anything larger anyway; this keeps it from being read at all). */
export const MAX_PACK_FILE = 64 * 1024 * 1024;

export interface OpenPackDeps {
  /** The native open dialog: the chosen path, or null when cancelled. */
  choose: () => Promise<string | null>;
  size: (path: string) => Promise<number>;
  read: (path: string) => Promise<Buffer>;
  /** Hands the file to the interface, which previews it on the Packs screen as if it had been opened there. */
  send: (file: { name: string; bytes: string }) => void;
  /** Tells the person why a file was not opened. */
  fail: (message: string) => void;
}

/** File ▸ Open content pack…: asks for a file, reads it (within the size limit) and sends its bytes to the interface. */
export async function openPackFile(deps: OpenPackDeps): Promise<void> {
  const path = await deps.choose();
  if (!path) return;
  const name = path.split(/[\\/]/).pop() ?? path;
  try {
    if ((await deps.size(path)) > MAX_PACK_FILE) return deps.fail(`${name} is over 64 MB, larger than any pack Fieldbook accepts`);
    deps.send({ name, bytes: (await deps.read(path)).toString('base64') });
  } catch (error) {
    deps.fail(`${name} could not be read (${(error as Error).message}); check the file and try again`);
  }
}
