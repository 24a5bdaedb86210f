import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../api/client';
import type { Envelope } from '../api/errors';

// The channel names are repeated here rather than imported from main, so the sandboxed preload bundle stays tiny.
const INVOKE_CHANNEL = 'fieldbook:invoke';
const EVENT_CHANNEL = 'fieldbook:event';

const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>,
  on(event: string, listener: (payload: unknown) => void) {
    const relay = (_event: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('fieldbook', bridge);
