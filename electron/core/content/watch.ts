import { type FSWatcher, watch } from 'node:fs';

/**
 * content/watch: calls `onChange` once a content folder has been quiet for `debounceMs` after any change in it, so
 * that guides written or edited while Fieldbook runs appear without a restart. Editors and copies write in bursts
 * (a temporary file, a rename, several folders), so one reload follows each burst. fs.watch is recursive on Windows,
 * macOS and Linux (Node 20+); where it fails to start, the folder is polled instead at `pollMs`, which costs one
 * content load per tick but only while nothing better exists.
 */

export interface ContentWatcher {
  close(): void;
}

export interface WatchOptions {
  debounceMs?: number;
  pollMs?: number;
  log?: (message: string) => void;
}

export function watchContent(dir: string, onChange: () => void, options: WatchOptions = {}): ContentWatcher {
  const debounceMs = options.debounceMs ?? 250;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
    timer.unref?.();
  };
  let watcher: FSWatcher | undefined;
  let poll: NodeJS.Timeout | undefined;
  const startPolling = (reason: string) => {
    options.log?.(`content: cannot watch ${dir} for changes (${reason}); checking it every ${(options.pollMs ?? 5_000) / 1000} s instead`);
    poll = setInterval(changed, options.pollMs ?? 5_000);
    poll.unref?.();
  };
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, changed);
    watcher.on('error', (error) => {
      watcher?.close();
      watcher = undefined;
      if (!closed) startPolling(error.message);
    });
  } catch (error) {
    startPolling((error as Error).message);
  }
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      watcher?.close();
    },
  };
}
