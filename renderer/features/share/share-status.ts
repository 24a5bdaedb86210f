import { useEffect, useState } from 'react';
import type { ShareStatus } from '../../../electron/api/types';
import { client } from '../../lib/client';

/** The room share's status, kept current by the core's `share-changed` event; null until the first answer. */
export function useShareStatus(): [ShareStatus | null, (status: ShareStatus) => void] {
  const [status, setStatus] = useState<ShareStatus | null>(null);
  useEffect(() => {
    let current = true;
    const stop = client.on('share-changed', (next) => current && setStatus(next));
    client.invoke('share.status').then(
      (next) => current && setStatus((seen) => seen ?? next),
      () => current && setStatus({ running: false }),
    );
    return () => {
      current = false;
      stop();
    };
  }, []);
  return [status, setStatus];
}
