import type { BrowserWindow, Session } from 'electron';
import type { EventMap } from '../api/types';

/**
 * Quick exit and wipe on the desktop. Quick exit hides the window first, since that is what protects the person in
 * the moment, and then locks the core; bringing Fieldbook back (starting it again, or the Dock on macOS) shows the
 * unlock screen. The same key as in the page (renderer/features/safety/quick-exit.ts), bound in the menu so it
 * works even while the page is busy.
 */
export const QUICK_EXIT_ACCELERATOR = 'CommandOrControl+Shift+L';

type Window = Pick<BrowserWindow, 'hide' | 'isDestroyed'>;

export function quickExit(window: Window | null, lock: () => Promise<unknown>): Promise<unknown> {
  if (window && !window.isDestroyed()) window.hide();
  return lock();
}

/** The app's own browser storage and caches (Local Storage, IndexedDB, service workers, HTTP cache). */
export async function clearBrowserData(session: Pick<Session, 'clearStorageData' | 'clearCache'>): Promise<void> {
  await Promise.all([session.clearStorageData(), session.clearCache()]);
}

/** What the main process does when the core locks or wipes, whoever asked (the page's button, the menu, the idle timer). */
export function onLocked(
  { reason }: EventMap['locked'],
  window: Window | null,
  session: Pick<Session, 'clearStorageData' | 'clearCache'>,
): Promise<void> {
  if (reason === 'quick-exit' && window && !window.isDestroyed()) window.hide();
  return reason === 'wiped' ? clearBrowserData(session) : Promise.resolve();
}
