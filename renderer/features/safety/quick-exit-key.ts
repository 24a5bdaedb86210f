/**
 * Quick exit: Ctrl+Shift+L (⌘⇧L on a Mac). Chosen because no browser nor Fieldbook binds it (Ctrl+Shift+Q quits
 * Chrome, Ctrl+Shift+W closes its window, Shift+Esc opens its task manager), it is reachable with one hand, and it
 * reads "leave" / "lock". The desktop app binds it in its menu too, so it works before the page has loaded.
 */
export function isQuickExitKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l';
}
