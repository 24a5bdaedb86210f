import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the window was when it last closed: its normal (not maximised) bounds and whether it was maximised. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface Placement {
  /** Absent when nothing usable was saved: the window opens at its default size, centred. */
  bounds?: Rect;
  maximized: boolean;
}

/** The smallest window Fieldbook opens; below it the layout stops making sense. */
export const MIN_SIZE = { width: 420, height: 400 } as const;

const FILE_NAME = 'window-state.json';

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    ['x', 'y', 'width', 'height'].every((key) => typeof r[key] === 'number' && Number.isFinite(r[key])) &&
    (r.width as number) > 0 &&
    (r.height as number) > 0
  );
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

/**
 * Where to open the window, from what was saved and the displays' work areas now (the primary display first). The
 * window goes on the display it overlaps most, shrunk to fit and moved fully inside it; when it overlaps none (its
 * monitor was unplugged, or the saved place is off every screen) it is centred on the primary display. Anything
 * unusable in the saved state (a damaged or hand-edited file) gives the default placement.
 */
export function placeWindow(saved: unknown, workAreas: readonly Rect[]): Placement {
  const state = saved as Partial<WindowState> | null;
  const maximized = state?.maximized === true;
  const primary = workAreas[0];
  if (!state || !isRect(state.bounds) || !primary) return { maximized };
  const wanted = state.bounds;
  let area = primary;
  let best = 0;
  for (const candidate of workAreas) {
    const shared = overlap(wanted, candidate);
    if (shared > best) [area, best] = [candidate, shared];
  }
  const width = Math.round(clamp(wanted.width, Math.min(MIN_SIZE.width, area.width), area.width));
  const height = Math.round(clamp(wanted.height, Math.min(MIN_SIZE.height, area.height), area.height));
  const onScreen = best > 0;
  const x = onScreen ? clamp(wanted.x, area.x, area.x + area.width - width) : area.x + (area.width - width) / 2;
  const y = onScreen ? clamp(wanted.y, area.y, area.y + area.height - height) : area.y + (area.height - height) / 2;
  return { bounds: { x: Math.round(x), y: Math.round(y), width, height }, maximized };
}

/** The window-state file in the user-data folder: only the window's place and size, nothing about the person. */
export function windowStateFile(dataDir: string) {
  const path = join(dataDir, FILE_NAME);
  return {
    path,
    /** The saved state, or null when there is none or it cannot be read (the window then opens at its default). */
    read(): unknown {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        return null;
      }
    },
    /**
     * Written synchronously when the window closes, so the write is finished before the app quits; through a
     * temporary file and a rename, so a crash leaves the old state or the new one.
     */
    write(state: WindowState): void {
      const temp = `${path}.${process.pid}.tmp`;
      try {
        writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
        renameSync(temp, path);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    },
  };
}

/** The parts of a BrowserWindow this module needs, so it can be tested without Electron. */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): unknown;
}

/** Saves the window's place when it closes. A failed save only costs the remembered place, so it is logged. */
export function rememberWindowState(window: TrackedWindow, file: ReturnType<typeof windowStateFile>, log: (message: string) => void): void {
  window.on('close', () => {
    try {
      file.write({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log(`could not remember the window's place in ${file.path}: ${(error as Error).message}`);
    }
  });
}
