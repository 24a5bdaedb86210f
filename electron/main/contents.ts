import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { desktopText } from './strings';
import { externalLinkDecision, isAppUrl } from './trust';

/**
 * Asks the person before an http(s) link leaves the app for the system browser; every other scheme is refused.
 * `language` is read at the moment of asking, so the dialog follows a language change.
 */
export async function openExternal(owner: BrowserWindow | null, url: string, language: () => string, log: (message: string) => void): Promise<void> {
  const decision = externalLinkDecision(url);
  if (decision.action === 'refuse') {
    log(`refused to open ${url}: ${decision.reason}`);
    return;
  }
  const lang = language();
  const options = {
    type: 'question' as const,
    buttons: [desktopText(lang, 'openInBrowser'), desktopText(lang, 'cancel')],
    defaultId: 1,
    cancelId: 1,
    message: desktopText(lang, 'openExternal'),
    detail: desktopText(lang, 'openExternalDetail', { url: decision.url }),
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(decision.url);
}

/**
 * Every web contents, present and future: no navigation away, no new windows, no webviews. A link the person follows
 * out of the app (a navigation or a new window) goes to the confirm-then-open path; a redirect is never the person's
 * choice, so it is only refused.
 */
export function hardenContents(contents: WebContents, language: () => string, log: (message: string) => void): void {
  const leave = (url: string) => void openExternal(BrowserWindow.fromWebContents(contents), url, language, log);
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    leave(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
}
