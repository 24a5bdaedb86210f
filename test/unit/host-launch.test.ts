import * as crypto from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../electron/api/router';
import { createLaunchCodes, DEFAULT_LAUNCH_CODE_TTL_MS } from '../../electron/host/launch-codes';
import { LAUNCH_PATH, startHost, TOKEN_HEADER, type Host } from '../../electron/host/server';
import { inProcessClient } from '../support/in-process';
import { standInRenderer } from '../support/renderer';
import { tempDir } from '../support/temp';

// The real timingSafeEqual, watched: the test below counts the comparisons a redeem makes.
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

let host: Host;
let now = Date.parse('2026-12-01T10:00:00Z');
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const data = await tempDir();
  const renderer = await standInRenderer(data.dir);
  const { fieldbook } = await inProcessClient(join(data.dir, 'user'));
  host = await startHost({ router: createRouter(fieldbook.handlers, () => undefined), fieldbook, rendererDir: renderer, now: () => now });
  cleanup = async () => {
    await host.close();
    await data.remove();
  };
});
afterAll(() => cleanup());

const codeOf = (url: string) => {
  const match = /^http:\/\/127\.0\.0\.1:\d+\/#launch=([A-Za-z0-9_-]{32})$/.exec(url);
  if (!match) throw new Error(`not a launch address: ${url}`);
  return match[1]!;
};
async function exchange(code: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${host.origin}${LAUNCH_PATH}`, { method: 'POST', headers, body: JSON.stringify({ code }) });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; value?: { token: string }; reason?: string; error?: { message: string } },
  };
}
const settings = (token?: string) =>
  fetch(`${host.origin}/api/invoke/settings.get`, { method: 'POST', headers: token ? { [TOKEN_HEADER]: token } : {}, body: '{}' });

describe('the browser mode’s launch address', () => {
  it('carries a one-time code, never the session token, and the code is exchanged for the token once', async () => {
    const code = codeOf(host.url);
    expect(host.url).not.toContain(host.token);
    const first = await exchange(code);
    expect(first).toEqual({ status: 200, body: { ok: true, value: { token: host.token } } });
    expect((await settings(first.body.value!.token)).status).toBe(200);

    // The same address again (the browser's history has it): refused, saying what to do.
    const again = await exchange(code);
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ ok: false, reason: 'used' });
    expect(again.body.error!.message).toMatch(/used already.*Press Enter in the terminal where it runs for a new address/);
    expect(JSON.stringify(again.body)).not.toContain(host.token);
  });

  it('gives a new address on demand, each with its own code, each valid once; earlier unused ones still work', async () => {
    const a = codeOf(host.newLaunchUrl());
    const b = codeOf(host.newLaunchUrl());
    expect(a).not.toBe(b);
    expect((await exchange(b)).status).toBe(200);
    expect((await exchange(a)).status).toBe(200);
    expect((await exchange(b)).body.reason).toBe('used');
    expect((await exchange(a)).body.reason).toBe('used');
  });

  it('refuses a code past its expiry, and a code it never printed, each with its own message', async () => {
    const late = codeOf(host.newLaunchUrl());
    const inTime = codeOf(host.newLaunchUrl());
    now += DEFAULT_LAUNCH_CODE_TTL_MS - 1;
    expect((await exchange(inTime)).status).toBe(200);
    now += 2;
    const expired = await exchange(late);
    expect(expired).toMatchObject({ status: 401, body: { ok: false, reason: 'expired' } });
    expect(expired.body.error!.message).toMatch(/expired/);

    // One character changed, at either end: a near guess is as wrong as any other.
    const fresh = codeOf(host.newLaunchUrl());
    for (const guess of [
      `${fresh.slice(0, -1)}${fresh.endsWith('A') ? 'B' : 'A'}`,
      `${fresh.startsWith('A') ? 'B' : 'A'}${fresh.slice(1)}`,
      '',
      'x',
    ]) {
      const wrong = await exchange(guess);
      expect(wrong, guess).toMatchObject({ status: 401, body: { ok: false, reason: 'wrong' } });
      expect(wrong.body.error!.message).toMatch(/not one this Fieldbook printed/);
    }
    // The wrong guesses did not spend the real code.
    expect((await exchange(fresh)).status).toBe(200);
  });

  it('takes the exchange only as a POST of { code } from its own page', async () => {
    expect((await fetch(`${host.origin}${LAUNCH_PATH}?code=x`)).status).toBe(405);
    expect((await exchange(42)).status).toBe(400);
    expect((await exchange('x'.repeat(500))).status).toBe(400);
    const code = codeOf(host.newLaunchUrl());
    expect((await exchange(code, { origin: 'https://evil.example' })).status).toBe(403);
    // Refused from elsewhere, the code is still good for the page.
    expect((await exchange(code)).status).toBe(200);
  });

  it('refuses an API call without the session token with a message for a page that was reloaded', async () => {
    const answer = await settings();
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
      /no session \(a reload forgets it.*Press Enter in the terminal where `npm run serve` runs/,
    );
  });
});

describe('launch codes', () => {
  it('compare every kept code in constant time, with no early stop, whether a guess is right or wrong', () => {
    const codes = createLaunchCodes({ now: () => 0 });
    const issued = Array.from({ length: 5 }, () => codes.issue());
    const compare = vi.mocked(crypto.timingSafeEqual);
    for (const guess of [issued[0]!, 'wrong', issued[4]!]) {
      compare.mockClear();
      codes.redeem(guess);
      // One comparison per kept code, each of two equal-length digests (not the codes themselves).
      expect(compare).toHaveBeenCalledTimes(issued.length);
      for (const [a, b] of compare.mock.calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
    }
  });

  it('keep a bounded number: the oldest are forgotten, then refused as wrong', () => {
    const codes = createLaunchCodes({ now: () => 0 });
    const first = codes.issue();
    for (let i = 0; i < 40; i++) codes.issue();
    expect(codes.redeem(first)).toEqual({ ok: false, reason: 'wrong' });
  });
});
