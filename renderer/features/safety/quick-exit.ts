import { client, forgetToken } from '../../lib/client';

export { isQuickExitKey } from './quick-exit-key';

/** The neutral page the browser mode's host serves: no title, text or token that tells what was open. */
export const NEUTRAL_PAGE = '/blank';

/**
 * Browser mode: the page is replaced at once (location.replace, so Back does not return to it) and the lock request
 * goes out with keepalive so it completes after the page is gone; the tab's token is forgotten. Desktop: the main
 * process hides the window as it receives the lock request.
 */
export function quickExit(mode: 'desktop' | 'browser'): void {
  const locking = client.invoke('safety.lock', { reason: 'quick-exit' }).catch(() => undefined);
  if (mode === 'browser') {
    forgetToken();
    location.replace(NEUTRAL_PAGE);
  } else void locking;
}
