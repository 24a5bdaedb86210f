import { describe, expect, it, vi } from 'vitest';

// The main-process module imports Electron's types only; the stub proves it never needs the binary at run time.
vi.mock('electron', () => ({}));
const { clearBrowserData, onLocked, QUICK_EXIT_ACCELERATOR, quickExit } = await import('../../electron/main/quick-exit');
const { isQuickExitKey } = await import('../../renderer/features/safety/quick-exit-key');

function fakeWindow() {
  const calls: string[] = [];
  return { calls, window: { hide: () => void calls.push('hide'), isDestroyed: () => false } };
}
const fakeSession = (calls: string[]) => ({
  clearStorageData: async () => void calls.push('storage'),
  clearCache: async () => void calls.push('cache'),
});

describe('quick exit on the desktop', () => {
  it('hides the window before it locks the core', async () => {
    const { calls, window } = fakeWindow();
    await quickExit(window, async () => calls.push('lock'));
    expect(calls).toEqual(['hide', 'lock']);
  });

  it('hides on a lock the page asked for with quick exit, not on an idle lock; clears storage and cache on a wipe', async () => {
    const { calls, window } = fakeWindow();
    await onLocked({ reason: 'idle' }, window, fakeSession(calls));
    expect(calls).toEqual([]);
    await onLocked({ reason: 'quick-exit' }, window, fakeSession(calls));
    expect(calls).toEqual(['hide']);
    await onLocked({ reason: 'wiped' }, window, fakeSession(calls));
    expect(calls.sort()).toEqual(['cache', 'hide', 'storage']);
    await clearBrowserData(fakeSession(calls));
  });

  it('uses the same key in the menu and in the page', () => {
    expect(QUICK_EXIT_ACCELERATOR).toBe('CommandOrControl+Shift+L');
    expect(isQuickExitKey({ key: 'L', ctrlKey: true, shiftKey: true, metaKey: false, altKey: false })).toBe(true);
    expect(isQuickExitKey({ key: 'l', ctrlKey: false, shiftKey: true, metaKey: true, altKey: false })).toBe(true);
    expect(isQuickExitKey({ key: 'l', ctrlKey: true, shiftKey: false, metaKey: false, altKey: false })).toBe(false);
    expect(isQuickExitKey({ key: 'q', ctrlKey: true, shiftKey: true, metaKey: false, altKey: false })).toBe(false);
  });
});
