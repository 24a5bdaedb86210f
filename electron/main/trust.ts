/** The app's own origin: the renderer is served from this custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL on the app's own origin, the only place the window may show. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

// The link policy is shared with the page, so both modes refuse the same links: it lives beside the contract.
export { externalLinkDecision } from '../api/links';

/** An IPC call is trusted only when it comes from the app's own page in the window's top frame. */
export function isTrustedSender(frame: { url: string; isTopFrame: boolean } | null | undefined): boolean {
  return frame?.isTopFrame === true && isAppUrl(frame.url);
}
