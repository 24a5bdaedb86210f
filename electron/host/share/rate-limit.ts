/**
 * Per-client rate limits for the room share: a token bucket per remote address. Each client may send a burst of
 * `burst` requests, then `perSecond` more each second; past that it is told when to try again (429 + Retry-After).
 * A room has tens of devices, so the table is small; buckets idle long enough to have refilled are forgotten, and
 * the table never holds more than `maxClients` entries, so a flood of spoofed sources cannot grow it without end.
 */
export interface RateLimitOptions {
  burst: number;
  perSecond: number;
  maxClients?: number;
  /** Milliseconds since some fixed point; tests pass their own. */
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  take(client: string): RateDecision;
  /** How many clients are tracked now (for tests and the benchmark). */
  size(): number;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  if (!(options.burst >= 1) || !(options.perSecond > 0)) throw new Error('rate limit: burst must be at least 1 and perSecond above 0');
  const now = options.now ?? (() => performance.now());
  const maxClients = options.maxClients ?? 1024;
  const buckets = new Map<string, Bucket>();
  const refillMs = (options.burst / options.perSecond) * 1000;

  function forgetIdle(at: number): void {
    for (const [client, bucket] of buckets) if (at - bucket.at >= refillMs) buckets.delete(client);
  }

  return {
    take(client) {
      const at = now();
      let bucket = buckets.get(client);
      if (bucket) {
        bucket.tokens = Math.min(options.burst, bucket.tokens + ((at - bucket.at) / 1000) * options.perSecond);
        bucket.at = at;
      } else {
        if (buckets.size >= maxClients) forgetIdle(at);
        // Still full of active clients: a newcomer waits for one to go idle rather than evicting a busy one's limit.
        if (buckets.size >= maxClients) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refillMs / 1000)) };
        bucket = { tokens: options.burst, at };
        buckets.set(client, bucket);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond)) };
    },
    size: () => buckets.size,
  };
}
