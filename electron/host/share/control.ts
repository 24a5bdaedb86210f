import { FieldbookError } from '../../api/errors';
import type { Router } from '../../api/router';
import type { ShareStatus } from '../../api/types';
import type { ShareControl } from '../../core/fieldbook';
import { chooseListenAddress } from './listen';
import type { SharedGuide } from './handlers';
import type { ShareLimits, ShareServer } from './server';

export interface ShareControlOptions {
  /** Builds the share's router when a share starts (shareRouter over the open core), limited to `only` when given. */
  router: (only: readonly SharedGuide[] | undefined) => Router;
  rendererDir: string;
  log?: (message: string) => void;
  limits?: Partial<ShareLimits>;
  /** Where to listen when a start names no address; by default chosen from this machine's addresses. */
  defaultListen?: string;
}

export interface RoomShare extends ShareControl {
  /** Stops the share if it runs; for the app's and the host's shutdown. */
  close(): Promise<void>;
}

/**
 * Starts and stops the one room share of a running Fieldbook and tells listeners (the core's `share-changed`
 * event) each time. Off until started; starting twice keeps the running share.
 */
export function createRoomShare(options: ShareControlOptions): RoomShare {
  let server: ShareServer | null = null;
  let status: ShareStatus = { running: false };
  let pending: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(status: ShareStatus) => void>();
  const changed = (next: ShareStatus) => {
    status = next;
    for (const listener of listeners) listener(next);
    return next;
  };
  // Start and stop queue behind each other, so a double click cannot leave two servers or a stale status.
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = pending.then(step, step);
    pending = next.catch(() => undefined);
    return next;
  };

  const stop = () =>
    serial(async () => {
      if (!server) return status;
      const closing = server;
      server = null;
      await closing.close();
      options.log?.('The room share stopped.');
      return changed({ running: false });
    });

  return {
    status: () => status,
    start: ({ listen, port, only, collection }) =>
      serial(async () => {
        if (server) return status;
        const named = listen ?? options.defaultListen;
        const chosen = named ? { address: named, note: null } : chooseListenAddress();
        if (chosen.note) options.log?.(chosen.note);
        // The server and the QR code's encoder load with the first share, not with every start of the app.
        const [{ startShareServer }, { qrMatrix }] = await Promise.all([import('./server'), import('./qr')]);
        try {
          server = await startShareServer({
            router: options.router(only),
            rendererDir: options.rendererDir,
            listen: chosen.address,
            port,
            limits: options.limits,
          });
        } catch (error) {
          throw new FieldbookError('bad-input', listenFailure(error as NodeJS.ErrnoException, chosen.address, port));
        }
        options.log?.(`The room share is running at ${server.url}`);
        return changed({
          running: true,
          url: server.url,
          address: server.address,
          port: server.port,
          urls: server.urls,
          startedAt: new Date().toISOString(),
          limitedTo: only ? only.length : null,
          collection: collection ?? null,
          qr: qrMatrix(server.url),
        });
      }),
    stop,
    close: async () => {
      await stop();
    },
    onChange(listener) {
      listeners.add(listener);
    },
  };
}

function listenFailure(error: NodeJS.ErrnoException, address: string, port: number | undefined): string {
  if (error.code === 'EADDRNOTAVAIL')
    return `The room share cannot listen on ${address}: it is not an address of this machine. Choose one of its network addresses.`;
  if (error.code === 'EADDRINUSE')
    return `The room share cannot use port ${port}: it is in use. Choose another port, or leave it out for a free one.`;
  if (error.code === 'EACCES') return `The room share may not use port ${port} here; choose a port above 1023.`;
  return `The room share could not start on ${address}: ${error.message}`;
}
