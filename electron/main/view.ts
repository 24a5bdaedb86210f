import type { BrowserWindow, WebContents } from 'electron';
import type { FindResult, ParsedInput } from '../api/contract';

/** The part of WebContents that find in page uses, so it can be exercised without Electron. */
export type FindTarget = Pick<WebContents, 'findInPage' | 'stopFindInPage' | 'isDestroyed' | 'on' | 'off'>;

/** Electron reports matches in several updates; the last one may never come if the page changes under it. */
const FIND_TIMEOUT_MS = 2_000;

/**
 * The desktop's find in page for the `view.find` method: Electron's own find-in-page on the window's contents,
 * answered with its final count. The bar in the page calls it like any other method, so the preload still exposes
 * only invoke and on.
 */
export function findInPageOf(contents: () => FindTarget | null): (input: ParsedInput<'view.find'>) => Promise<FindResult> {
  return ({ text, again, forward }) => {
    const target = contents();
    if (!target || target.isDestroyed()) return Promise.resolve({ available: false, matches: 0, active: 0 });
    if (text === '') {
      target.stopFindInPage('clearSelection');
      return Promise.resolve({ available: true, matches: 0, active: 0 });
    }
    return new Promise((resolve) => {
      let latest: FindResult = { available: true, matches: 0, active: 0 };
      let requestId = -1;
      const done = () => {
        clearTimeout(timer);
        target.off('found-in-page', onResult);
        resolve(latest);
      };
      const onResult = (_event: unknown, result: Electron.Result) => {
        if (result.requestId !== requestId) return;
        latest = { available: true, matches: result.matches, active: result.activeMatchOrdinal };
        if (result.finalUpdate) done();
      };
      const timer = setTimeout(done, FIND_TIMEOUT_MS);
      target.on('found-in-page', onResult);
      // Electron's findNext means "start a new find session", the opposite of moving on within one.
      requestId = target.findInPage(text, { forward, findNext: !again, matchCase: false });
    });
  };
}

/**
 * Windows sends the mouse's back and forward buttons (and keyboard browser keys) as app commands to the window
 * rather than to the page; they move through the app's own (fragment) history like the header's buttons.
 */
export function bindAppCommands(window: Pick<BrowserWindow, 'on' | 'webContents'>): void {
  window.on('app-command', (_event, command) => {
    const history = window.webContents.navigationHistory;
    if (command === 'browser-backward' && history.canGoBack()) history.goBack();
    if (command === 'browser-forward' && history.canGoForward()) history.goForward();
  });
}
