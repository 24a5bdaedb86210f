import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type { HandoutResult } from '../api/types';

/** A file name with no folder part and no character a file system may refuse, ending in .pdf. */
export function pdfFileName(proposed: string): string {
  const name = basename(proposed)
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 100);
  return /\.pdf$/i.test(name) ? name : `${name || 'handout'}.pdf`;
}

/**
 * Saves the print view the window shows as a PDF (asking where, in the person's Documents folder by default) or
 * sends it to a printer. printToPDF lays the page out with the print style sheet, as a printer would.
 */
export async function printHandout(
  window: BrowserWindow | undefined,
  request: { action: 'pdf' | 'print'; fileName: string },
): Promise<HandoutResult> {
  if (!window || window.isDestroyed()) return { outcome: 'unavailable', message: 'There is no Fieldbook window to print. Open the handout again.' };
  if (request.action === 'print') {
    const printed = await new Promise<boolean>((resolve) => window.webContents.print({ printBackground: true }, (success) => resolve(success)));
    return printed ? { outcome: 'printed', message: 'Sent to the printer.' } : { outcome: 'cancelled', message: 'Printing was cancelled.' };
  }
  const choice = await dialog.showSaveDialog(window, {
    defaultPath: join(app.getPath('documents'), pdfFileName(request.fileName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { outcome: 'cancelled', message: 'Nothing was saved.' };
  const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
  await writeFile(choice.filePath, pdf);
  return { outcome: 'saved', path: choice.filePath, message: `Saved as ${choice.filePath}.` };
}
