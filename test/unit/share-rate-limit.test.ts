import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../electron/host/share/rate-limit';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the room share’s rate limiter (a token bucket per client)', () => {
  it('lets a burst through, then refuses with when to try again, then refills at the steady rate', () => {
    const time = clock();
    const limiter = createRateLimiter({ burst: 5, perSecond: 2, now: time.now });
    for (let i = 0; i < 5; i++) expect(limiter.take('10.0.0.2')).toEqual({ allowed: true });
    expect(limiter.take('10.0.0.2')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(499);
    expect(limiter.take('10.0.0.2').allowed).toBe(false);
    time.advance(1);
    expect(limiter.take('10.0.0.2')).toEqual({ allowed: true });
    expect(limiter.take('10.0.0.2').allowed).toBe(false);
    time.advance(10_000);
    // Refilled to the burst, never beyond it.
    for (let i = 0; i < 5; i++) expect(limiter.take('10.0.0.2').allowed).toBe(true);
    expect(limiter.take('10.0.0.2').allowed).toBe(false);
  });

  it('says how long to wait when the rate is slow', () => {
    const time = clock();
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.25, now: time.now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 4 });
    time.advance(3000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('limits each client on its own: one device flooding does not slow another', () => {
    const time = clock();
    const limiter = createRateLimiter({ burst: 3, perSecond: 1, now: time.now });
    for (let i = 0; i < 10; i++) limiter.take('10.0.0.9');
    expect(limiter.take('10.0.0.9').allowed).toBe(false);
    for (let i = 0; i < 3; i++) expect(limiter.take('10.0.0.3').allowed).toBe(true);
  });

  it('keeps a bounded table: idle clients are forgotten, and a full table of busy ones turns newcomers away', () => {
    const time = clock();
    const limiter = createRateLimiter({ burst: 2, perSecond: 1, maxClients: 3, now: time.now });
    for (const client of ['a', 'b', 'c']) limiter.take(client);
    expect(limiter.size()).toBe(3);
    expect(limiter.take('d')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.size()).toBe(3);
    time.advance(2000);
    expect(limiter.take('d').allowed).toBe(true);
    expect(limiter.size()).toBe(1);
  });

  it('refuses nonsense limits with a message', () => {
    expect(() => createRateLimiter({ burst: 0, perSecond: 1 })).toThrow(/burst must be at least 1/);
    expect(() => createRateLimiter({ burst: 1, perSecond: 0 })).toThrow(/perSecond above 0/);
  });
});
