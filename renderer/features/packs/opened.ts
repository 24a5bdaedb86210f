import { useEffect } from 'react';
import type { EventMap } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { navigate } from '../../lib/route';

type OpenedFile = EventMap['pack-file'];

/** A file opened from the desktop File menu, waiting for the Packs screen to preview it. */
let waiting: OpenedFile | null = null;
const screens = new Set<(file: OpenedFile) => void>();

/** Listens for File ▸ Open content pack…: shows the Packs screen and hands it the file. Returns the unsubscribe. */
export function listenForOpenedPacks(): () => void {
  return client.on('pack-file', (file) => {
    if (screens.size === 0) {
      waiting = file;
      navigate({ name: 'packs' });
    } else for (const screen of screens) screen(file);
  });
}

/** The Packs screen's side: called with each file opened from the menu, the one waiting before it was shown first. */
export function useOpenedPacks(onFile: (file: OpenedFile) => void): void {
  useEffect(() => {
    if (waiting) {
      const file = waiting;
      waiting = null;
      onFile(file);
    }
    screens.add(onFile);
    return () => {
      screens.delete(onFile);
    };
  }, [onFile]);
}
