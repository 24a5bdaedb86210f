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

/** What to do with a link a guide points outside the app: only http(s) may open, and only after the person confirms. */
export function externalLinkDecision(url: string): { action: 'confirm'; url: string } | { action: 'refuse'; reason: string } {
  const parsed = parse(url);
  if (!parsed) return { action: 'refuse', reason: 'not a valid address' };
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { action: 'refuse', reason: `${parsed.protocol} links are not opened` };
  if (parsed.username || parsed.password) return { action: 'refuse', reason: 'addresses with a user name or password are not opened' };
  return { action: 'confirm', url: parsed.href };
}

/** An IPC call is trusted only when it comes from the app's own page in the window's top frame. */
export function isTrustedSender(frame: { url: string; isTopFrame: boolean } | null | undefined): boolean {
  return frame != null && frame.isTopFrame && isAppUrl(frame.url);
}
