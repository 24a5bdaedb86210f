import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindAppCommands, type FindTarget, findInPageOf } from '../../electron/main/view';
import { inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

/** A stand-in for the window's WebContents: answers findInPage as Electron does, with interim and final updates. */
function fakeContents(matches: number) {
  const events = new EventEmitter();
  const calls: { text: string; options: unknown }[] = [];
  const stops: string[] = [];
  let nextId = 0;
  let active = 0;
  const target = {
    isDestroyed: () => false,
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
    off: (event: string, listener: (...args: unknown[]) => void) => events.off(event, listener),
    stopFindInPage: (action: string) => void stops.push(action),
    findInPage(text: string, options: { forward?: boolean; findNext?: boolean }) {
      const requestId = ++nextId;
      calls.push({ text, options });
      active = options.findNext ? 1 : ((active + (options.forward === false ? matches - 2 : 0)) % matches) + 1;
      // A stale answer to another request, then an interim and the final one, as Electron sends them.
      setTimeout(() => {
        events.emit('found-in-page', {}, { requestId: requestId + 100, matches: 99, activeMatchOrdinal: 9, finalUpdate: true });
        events.emit('found-in-page', {}, { requestId, matches: 1, activeMatchOrdinal: 1, finalUpdate: false });
        events.emit('found-in-page', {}, { requestId, matches, activeMatchOrdinal: active, finalUpdate: true });
      }, 1);
      return requestId;
    },
  };
  return { target: target as unknown as FindTarget, calls, stops, listeners: () => events.listenerCount('found-in-page') };
}

describe("the desktop's find in page", () => {
  it("answers with Electron's final count and moves through the matches", async () => {
    const fake = fakeContents(3);
    const find = findInPageOf(() => fake.target);
    expect(await find({ text: 'police', again: false, forward: true })).toEqual({ available: true, matches: 3, active: 1 });
    expect(await find({ text: 'police', again: true, forward: true })).toEqual({ available: true, matches: 3, active: 2 });
    expect(await find({ text: 'police', again: true, forward: false })).toEqual({ available: true, matches: 3, active: 1 });
    // A new text starts a new session (Electron's findNext: true); moving on within one does not.
    expect(fake.calls.map((call) => call.options)).toEqual([
      { forward: true, findNext: true, matchCase: false },
      { forward: true, findNext: false, matchCase: false },
      { forward: false, findNext: false, matchCase: false },
    ]);
    expect(fake.listeners()).toBe(0);
    expect(await find({ text: '', again: false, forward: true })).toEqual({ available: true, matches: 0, active: 0 });
    expect(fake.stops).toEqual(['clearSelection']);
  });

  it('says it is unavailable before the window exists', async () => {
    expect(await findInPageOf(() => null)({ text: 'x', again: false, forward: true })).toMatchObject({ available: false });
  });

  it('is reached through the contract, and the browser mode says to find in the page', async () => {
    const data = await tempDir();
    try {
      const { client } = await inProcessClient(join(data.dir, 'user'));
      expect(await client.invoke('view.find', { text: 'police', again: false, forward: true })).toEqual({ available: false, matches: 0, active: 0 });
      await expect(client.invoke('view.find', { text: 'x'.repeat(501), again: false, forward: true } as never)).rejects.toThrow(/view\.find: text/);
    } finally {
      await data.remove();
    }
  });
});

describe("Windows' back and forward app commands", () => {
  it('move through the window history, and only when there is somewhere to go', () => {
    const window = new EventEmitter();
    const moves: string[] = [];
    let position = 1;
    const length = 3;
    const navigationHistory = {
      canGoBack: () => position > 0,
      canGoForward: () => position < length - 1,
      goBack: () => void moves.push(`back to ${--position}`),
      goForward: () => void moves.push(`forward to ${++position}`),
    };
    bindAppCommands(Object.assign(window, { webContents: { navigationHistory } }) as never);
    for (const command of ['browser-backward', 'browser-backward', 'browser-forward', 'media-play-pause', 'browser-forward', 'browser-forward'])
      window.emit('app-command', {}, command);
    expect(moves).toEqual(['back to 0', 'forward to 1', 'forward to 2']);
  });
});
