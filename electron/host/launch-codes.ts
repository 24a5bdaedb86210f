import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * One-time launch codes: what the address `npm run serve` prints carries instead of the session token. A browser
 * records every address it opens (History, session files) before the page can replace it, so what it records must
 * be worthless once the page has loaded: a code opens one page once, within a short time, and the session token it
 * is exchanged for lives only in that page's memory.
 */
export type Redeemed = { ok: true } | { ok: false; reason: 'used' | 'expired' | 'wrong' };

export interface LaunchCodes {
  /** A new code, valid once until `ttlMs` from now. */
  issue(): string;
  /** Spends the code if it is live; otherwise says why not. */
  redeem(code: string): Redeemed;
}

export interface LaunchCodeOptions {
  /** How long a code stays valid; default DEFAULT_LAUNCH_CODE_TTL_MS. */
  ttlMs?: number;
  /** Milliseconds now (tests move it); default Date.now. */
  now?: () => number;
}

/** Two minutes: time to copy an address into a browser; a new one is a key press away (see electron/host/cli.ts). */
export const DEFAULT_LAUNCH_CODE_TTL_MS = 2 * 60_000;
/** Codes remembered after use or expiry, so a refusal can say which; the oldest are forgotten (then: "wrong"). */
const KEPT = 32;

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function createLaunchCodes(options: LaunchCodeOptions = {}): LaunchCodes {
  const ttl = options.ttlMs ?? DEFAULT_LAUNCH_CODE_TTL_MS;
  const now = options.now ?? Date.now;
  // Only digests are kept: equal lengths for timingSafeEqual, and no code in the host's memory to leak.
  const codes: { digest: Buffer; expires: number; used: boolean }[] = [];
  return {
    issue() {
      const code = randomBytes(24).toString('base64url');
      codes.push({ digest: digest(code), expires: now() + ttl, used: false });
      if (codes.length > KEPT) codes.splice(0, codes.length - KEPT);
      return code;
    },
    redeem(code) {
      const given = digest(code);
      // Every kept code is compared, in constant time each, and the loop never stops early: how long a refusal
      // takes says nothing about how close a guess came, nor which code it was near.
      let found: (typeof codes)[number] | undefined;
      for (const entry of codes) if (timingSafeEqual(entry.digest, given)) found = entry;
      if (!found) return { ok: false, reason: 'wrong' };
      if (found.used) return { ok: false, reason: 'used' };
      if (now() > found.expires) return { ok: false, reason: 'expired' };
      found.used = true;
      return { ok: true };
    },
  };
}
