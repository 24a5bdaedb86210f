import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeWindow, type Rect, rememberWindowState, windowStateFile } from '../../electron/main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const leftMonitor: Rect = { x: -2560, y: 0, width: 2560, height: 1410 };

/** A fully visible rectangle: inside one work area. */
const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('window placement', () => {
  it('reopens where it was when that place is on a display', () => {
    const bounds = { x: 100, y: 80, width: 1000, height: 700 };
    expect(placeWindow({ bounds, maximized: false }, [laptop])).toEqual({ bounds, maximized: false });
    const onLeft = { x: -2000, y: 100, width: 1200, height: 900 };
    expect(placeWindow({ bounds: onLeft, maximized: true }, [laptop, leftMonitor])).toEqual({ bounds: onLeft, maximized: true });
  });

  it('pulls a window that hangs off the edge of its display back inside it', () => {
    for (const bounds of [
      { x: 1500, y: 900, width: 1000, height: 700 },
      { x: -300, y: -200, width: 1000, height: 700 },
    ]) {
      const placed = placeWindow({ bounds, maximized: false }, [laptop]).bounds!;
      expect(placed).toMatchObject({ width: 1000, height: 700 });
      expect(inside(placed, laptop)).toBe(true);
    }
  });

  it('centres the window on the primary display when its monitor was unplugged', () => {
    // Saved on the left monitor; now only the laptop screen is there.
    const placed = placeWindow({ bounds: { x: -2000, y: 100, width: 1200, height: 900 }, maximized: false }, [laptop]).bounds!;
    expect(placed).toEqual({ x: 360, y: 75, width: 1200, height: 900 });
  });

  it('shrinks a window larger than the display it lands on', () => {
    const placed = placeWindow({ bounds: { x: -2500, y: 0, width: 2500, height: 1400 }, maximized: false }, [laptop]).bounds!;
    expect(placed).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
  });

  it('uses the default placement for a missing, damaged or hand-edited state', () => {
    for (const saved of [
      null,
      'text',
      {},
      { bounds: { x: 0, y: 0, width: 'wide', height: 600 } },
      { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 } },
      { bounds: { x: 0, y: 0, width: -5, height: 600 } },
    ]) {
      expect(placeWindow(saved, [laptop])).toEqual({ maximized: false });
    }
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false }, [])).toEqual({ maximized: false });
  });
});

describe('window state file', () => {
  /** A window as far as the state file needs one: it can move, be maximised and close. */
  function fakeWindow(bounds: Rect, maximized = false) {
    const listeners: (() => void)[] = [];
    return {
      getNormalBounds: () => bounds,
      isMaximized: () => maximized,
      on: (_event: 'close', listener: () => void) => listeners.push(listener),
      close: () => {
        for (const listener of listeners) listener();
      },
    };
  }

  it('remembers the place at close and restores it at the next start, keeping only the window state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-window-'));
    const file = windowStateFile(dir);
    expect(placeWindow(file.read(), [laptop])).toEqual({ maximized: false });
    const first = fakeWindow({ x: 200, y: 150, width: 900, height: 640 }, true);
    rememberWindowState(first, file, () => undefined);
    first.close();
    // Next start: a fresh reader of the same folder.
    expect(placeWindow(windowStateFile(dir).read(), [laptop])).toEqual({ bounds: { x: 200, y: 150, width: 900, height: 640 }, maximized: true });
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('opens at the default when the file is damaged, and a failed save is logged, not thrown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldbook-window-'));
    writeFileSync(join(dir, 'window-state.json'), '{"bounds": {"x": 1');
    expect(placeWindow(windowStateFile(dir).read(), [laptop])).toEqual({ maximized: false });
    const messages: string[] = [];
    const gone = windowStateFile(join(dir, 'no-such-folder'));
    const window = fakeWindow({ x: 0, y: 0, width: 800, height: 600 });
    rememberWindowState(window, gone, (message) => messages.push(message));
    expect(() => window.close()).not.toThrow();
    expect(messages).toEqual([expect.stringContaining('window-state.json')]);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
