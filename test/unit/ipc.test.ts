import { describe, expect, it, vi } from 'vitest';

// The electron module is stubbed only at this edge: ipcMain records the handler bindRouter registers.
const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn) },
}));

const { bindRouter, INVOKE_CHANNEL } = await import('../../electron/main/ipc');

function eventFrom(url: string, top: boolean) {
  const mainFrame = { url };
  return { sender: { mainFrame }, senderFrame: top ? mainFrame : { url } };
}

describe('IPC binding', () => {
  const dispatch = vi.fn(async (method: string) => ({ ok: true as const, value: method as unknown }));
  bindRouter({ dispatch });
  const handle = handlers.get(INVOKE_CHANNEL)!;

  it('passes calls from the app page in the top frame to the router', async () => {
    expect(await handle(eventFrom('app://fieldbook/index.html', true), 'settings.get', {})).toEqual({ ok: true, value: 'settings.get' });
  });

  it('refuses calls from a sub-frame or another origin without reaching the router', async () => {
    dispatch.mockClear();
    for (const event of [
      eventFrom('app://fieldbook/index.html', false),
      eventFrom('https://example.org/', true),
      { sender: { mainFrame: {} }, senderFrame: null },
    ]) {
      expect(await handle(event, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});
