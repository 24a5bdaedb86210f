import { useEffect } from 'react';
import { client } from '../../lib/client';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll', 'touchstart'] as const;

/** Locks after `minutes` without a key press, click, pointer move or scroll; does nothing when null. */
export function useIdleLock(minutes: number | null, active: boolean): void {
  useEffect(() => {
    if (!active || minutes === null) return;
    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void client.invoke('safety.lock', { reason: 'idle' }).catch(() => undefined), minutes * 60_000);
    };
    restart();
    for (const name of ACTIVITY) window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, restart, { capture: true });
    };
  }, [minutes, active]);
}
