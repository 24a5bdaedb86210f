import { client, forgetToken } from '../../lib/client';
import { entriesBehind } from '../../lib/route';

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
    // Back first over the app's own entries (same page, a few milliseconds), so that the one replaced is the app's
    // first and Back from the neutral page leaves for whatever was open before Fieldbook.
    const behind = entriesBehind();
    if (behind === 0) {
      location.replace(NEUTRAL_PAGE);
      return;
    }
    window.addEventListener('popstate', () => location.replace(NEUTRAL_PAGE), { once: true, capture: true });
    history.go(-behind);
  } else void locking;
}
