import { afterEach, beforeEach } from 'vitest';
import type { Client } from '../../electron/api/client';
import type { StoreFs } from '../../electron/core/store/store-fs';
import { inProcessClient } from './in-process';
import { tempDir } from './temp';

export interface FreshCore {
  client: Client;
  dataDir: string;
}

/** Gives each test of the file the real core over a new, empty data folder (removed afterwards). */
export function freshCore(options: () => { storeFs?: StoreFs } = () => ({})): FreshCore {
  const core = {} as FreshCore;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: core.dataDir, remove } = await tempDir());
    ({ client: core.client } = await inProcessClient(core.dataDir, options()));
  });
  afterEach(() => remove());
  return core;
}

/** What a call answered when it failed: its error's code and message; null when it succeeded. */
export function failureOf(call: Promise<unknown>): Promise<{ code: string; message: string } | null> {
  return call.then(
    () => null,
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );
}
