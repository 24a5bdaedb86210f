import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import type { Router } from '../api/router';
import type { EventMap, EventName } from '../api/types';
import { isTrustedSender } from './trust';

export const INVOKE_CHANNEL = 'fieldbook:invoke';
export const EVENT_CHANNEL = 'fieldbook:event';

function frameOf(frame: WebFrameMain | null, contents: WebContents) {
  return frame ? { url: frame.url, isTopFrame: frame === contents.mainFrame } : null;
}

/** Answers the renderer's calls through the router, refusing any that do not come from the app's own top frame. */
export function bindRouter(router: Router): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(frameOf(event.senderFrame, event.sender))) {
      return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from Fieldbook’s own window.' } };
    }
    return router.dispatch(String(method), input);
  });
}

export function sendEvent<E extends EventName>(contents: WebContents, event: E, payload: EventMap[E]): void {
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
}
