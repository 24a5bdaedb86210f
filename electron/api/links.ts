/**
 * The one policy for links a guide points outside Fieldbook, shared by the desktop shell (before the system
 * browser opens anything) and the page in both modes (before it asks the person). Guides are untrusted: only
 * https:// may leave the app, never plain http:// (anyone on the network can read or change it, and a watched
 * network is the norm where Fieldbook is used), never an address carrying a user name or password (a way to
 * disguise the real host), and never any other scheme (file:, javascript:, data:, smb:, app-specific ones).
 */
export type LinkRefusal = 'invalid' | 'scheme' | 'insecure' | 'credentials';

export type LinkDecision = { action: 'confirm'; url: string } | { action: 'refuse'; refusal: LinkRefusal; reason: string };

const REASONS: Record<LinkRefusal, string> = {
  invalid: 'not a valid address',
  scheme: 'only https:// links are opened',
  insecure: 'http:// links are not opened: they can be read and changed on the way',
  credentials: 'addresses with a user name or password are not opened',
};

function refuse(refusal: LinkRefusal): LinkDecision {
  return { action: 'refuse', refusal, reason: REASONS[refusal] };
}

/** What to do with a link that leaves the app: confirm with the person first, or refuse (with why, for the log). */
export function externalLinkDecision(url: string): LinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('invalid');
  }
  if (parsed.protocol === 'http:') return refuse('insecure');
  if (parsed.protocol !== 'https:') return refuse('scheme');
  if (parsed.username || parsed.password) return refuse('credentials');
  return { action: 'confirm', url: parsed.href };
}
