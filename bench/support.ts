import { chromium, type Browser } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Fieldbook, openFieldbook } from '../electron/core/fieldbook';
import { generateKey, type KeyPair, publicKeyFile, rawPublicKey } from '../electron/core/packs/keys';
import { signDocument } from '../electron/core/packs/signed';
import { KEYLIST_FILE, ROOT_KEYS_DIR } from '../electron/core/packs/trust';
import { CHROMIUM_ARGS } from '../playwright.config';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Keys made for a run: a root key and a key list it signed, naming one maintainer key (returned with its pair). */
export async function benchKeys(dir: string, now: Date): Promise<{ keysDir: string; signer: KeyPair }> {
  const root = generateKey();
  const signer = generateKey();
  const keysDir = join(dir, 'keys');
  await mkdir(join(keysDir, ROOT_KEYS_DIR), { recursive: true });
  await writeFile(join(keysDir, ROOT_KEYS_DIR, `${root.id}.json`), JSON.stringify(publicKeyFile(root, 'Bench root', now)));
  const entry = {
    id: signer.id,
    name: 'Bench maintainer',
    role: 'maintainer' as const,
    publicKey: rawPublicKey(signer.publicKey).toString('base64'),
    expires: '2028-01-01T00:00:00Z',
  };
  await writeFile(
    join(keysDir, KEYLIST_FILE),
    JSON.stringify(signDocument({ type: 'fieldbook-key-list', version: 1, issued: now.toISOString(), keys: [entry] }, [root])),
  );
  return { keysDir, signer };
}

/** Wall time and this process's CPU time of one piece of work: on a shared machine the CPU time is the steadier figure. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Named series of timings, each reported as its median wall and CPU time. */
export function timings() {
  const series: Record<string, { ms: number[]; cpuMs: number[] }> = {};
  return {
    record(name: string, figure: { ms: number; cpuMs: number }): void {
      series[name] ??= { ms: [], cpuMs: [] };
      series[name].ms.push(figure.ms);
      series[name].cpuMs.push(figure.cpuMs);
    },
    figure(name: string): { ms: number; cpuMs: number } {
      return { ms: round(median(series[name]!.ms)), cpuMs: round(median(series[name]!.cpuMs)) };
    },
  };
}

/** A core over the bundled content with a fresh data folder, as the browser mode opens it; `close` removes the folder. */
export async function benchCore(name: string): Promise<{ fieldbook: Fieldbook; close: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), `fieldbook-bench-${name}-`));
  const fieldbook = await openFieldbook({
    contentDir: 'content',
    dataDir,
    clock: { now: () => new Date(), fixed: false },
    version: 'bench',
    mode: 'browser',
    log: () => undefined,
  });
  return {
    fieldbook,
    close: async () => {
      await fieldbook.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
