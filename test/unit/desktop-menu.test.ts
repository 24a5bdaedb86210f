import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_FILE, menuTemplate, openPackFile } from '../../electron/main/menu';
import { QUICK_EXIT_ACCELERATOR } from '../../electron/main/quick-exit';

/** The desktop menu's File ▸ Open content pack…, built and clicked without Electron (its types only). */
function openPackItem(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions {
  const file = template.find((item) => Array.isArray(item.submenu) && item.submenu.some((entry) => entry.id === 'open-pack'));
  expect(file, 'the File menu holds "Open content pack…"').toBeDefined();
  return (file!.submenu as MenuItemConstructorOptions[]).find((entry) => entry.id === 'open-pack')!;
}

describe('the desktop menu', () => {
  it('has File ▸ Open content pack… in each interface language, on Ctrl/Cmd+O, and clicking it opens a pack', () => {
    const labels: Record<string, string> = {};
    for (const lang of ['en', 'es', 'fr', 'ar']) {
      let opened = 0;
      const template = menuTemplate(lang, 'linux', { openPack: () => opened++, quickExit: () => undefined });
      const item = openPackItem(template);
      labels[lang] =
        `${template.find((entry) => entry.submenu === template.find((e) => Array.isArray(e.submenu) && e.submenu.includes(item))?.submenu)?.label} ▸ ${item.label}`;
      expect(item.accelerator).toBe('CmdOrCtrl+O');
      (item.click as () => void)();
      expect(opened).toBe(1);
    }
    expect(labels).toEqual({
      en: 'File ▸ Open content pack…',
      es: 'Archivo ▸ Abrir paquete de contenido…',
      fr: 'Fichier ▸ Ouvrir un paquet de contenu…',
      ar: 'ملف ▸ افتح حزمة محتوى…',
    });
    // Quick exit is in the View menu, on its shortcut, and runs the quick exit it is given.
    let exited = 0;
    const view = menuTemplate('en', 'linux', { openPack: () => undefined, quickExit: () => exited++ }).find((entry) => entry.label === 'View');
    const quick = (view!.submenu as { id?: string; accelerator?: string; click?: () => void }[]).find((entry) => entry.id === 'quick-exit')!;
    expect(quick.accelerator).toBe(QUICK_EXIT_ACCELERATOR);
    quick.click!();
    expect(exited).toBe(1);
    // The View menu and the platform menus are kept.
    expect(menuTemplate('en', 'darwin', { openPack: () => undefined, quickExit: () => undefined })[0]).toEqual({ role: 'appMenu' });
    expect(menuTemplate('en', 'linux', { openPack: () => undefined, quickExit: () => undefined }).map((item) => item.role ?? item.label)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
    ]);
  });

  it('sends the chosen file to the interface, and says why a file was not opened', async () => {
    const sent: { name: string; bytes: string }[] = [];
    const failures: string[] = [];
    const deps = (path: string | null, size = 5, read = async () => Buffer.from('hello')) => ({
      choose: async () => path,
      size: async () => size,
      read,
      send: (file: { name: string; bytes: string }) => sent.push(file),
      fail: (message: string) => failures.push(message),
    });
    await openPackFile(deps(null));
    expect([sent, failures]).toEqual([[], []]);
    await openPackFile(deps('/media/usb/es-clinic-4.fbpack'));
    expect(sent).toEqual([{ name: 'es-clinic-4.fbpack', bytes: Buffer.from('hello').toString('base64') }]);
    await openPackFile(deps('/media/usb/huge.fbpack', MAX_PACK_FILE + 1));
    await openPackFile(
      deps('/media/usb/gone.fbpack', 5, async () => {
        throw new Error('ENOENT: no such file');
      }),
    );
    expect(sent).toHaveLength(1);
    expect(failures).toEqual([
      'huge.fbpack is over 64 MB, larger than any pack Fieldbook accepts',
      'gone.fbpack could not be read (ENOENT: no such file); check the file and try again',
    ]);
  });
});
