import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { KeptItem, KeptReport, LockReason, SafetyStatus } from '../../api/safety';
import type { UserDataStore } from '../store/user-data';
import { splitPersonal } from './personal-section';

type SafetyMethods = 'safety.status' | 'safety.update' | 'safety.setPassphrase' | 'safety.unlock' | 'safety.lock' | 'safety.wipe' | 'safety.kept';

export interface SafetyCore {
  store: UserDataStore;
  /** Tells the UI (every window, the browser tab) that the app locked or was wiped, so it drops what it shows. */
  onLocked(reason: LockReason | 'wiped'): void;
}

export function safetyStatus(store: UserDataStore): SafetyStatus {
  const { safety } = store.read();
  return { lock: store.sealing.state(), ...safety };
}

/** Locks the core (if a passphrase is set) and tells the UI; quick exit and the idle timer both come here. */
export async function lockNow(core: SafetyCore, reason: LockReason): Promise<SafetyStatus> {
  await core.store.sealing.lock();
  core.onLocked(reason);
  return safetyStatus(core.store);
}

/** Removes every personal file and starts from defaults; bundled content is never touched. */
export async function wipeNow(core: SafetyCore): Promise<SafetyStatus> {
  await core.store.sealing.wipe();
  core.onLocked('wiped');
  return safetyStatus(core.store);
}

function keptItems(store: UserDataStore, file: string | null): KeptItem[] {
  const data = store.read();
  const lock = store.sealing.state();
  const sealed = lock !== 'off';
  const where = (ephemeral: boolean) => (ephemeral && data.safety.keepNothing ? 'memory' : (file ?? 'memory'));
  const { personal } = splitPersonal(data);
  const known: Record<string, { count: number | null; ephemeral: boolean }> = {
    myJurisdiction: { count: null, ephemeral: false },
    checklists: { count: Object.keys(data.checklists).length, ephemeral: true },
    bookmarks: { count: data.bookmarks.length, ephemeral: false },
    notes: { count: Object.keys(data.notes).length, ephemeral: false },
    recent: { count: data.recent.length, ephemeral: true },
    // One key or none: counted as such, not by the fields of its record.
    partner: { count: data.partner ? 1 : 0, ephemeral: false },
  };
  const items: KeptItem[] = Object.entries(known).map(([what, { count, ephemeral }]) => ({
    what,
    count: lock === 'locked' ? null : count,
    where: where(ephemeral),
    encrypted: sealed && where(ephemeral) !== 'memory',
  }));
  // Whatever else a domain keeps (collections, drafts …) is personal too and listed under its own field name.
  for (const field of Object.keys(personal)) {
    if (field === 'settings' || field in known) continue;
    const value = (data as Record<string, unknown>)[field];
    items.push({
      what: field,
      count: Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : null,
      where: where(false),
      encrypted: sealed,
    });
  }
  items.push({ what: 'appearance', count: null, where: file ?? 'memory', encrypted: false });
  items.push({ what: 'lockSettings', count: null, where: file ?? 'memory', encrypted: false });
  return items;
}

export function safetyHandlers(core: SafetyCore, dataDir: string): Pick<Handlers, SafetyMethods> {
  const { store } = core;
  return {
    'safety.status': () => safetyStatus(store),
    'safety.update': async (change) => {
      // Only the first-start panel may be dismissed while locked: the lock's settings change only once unlocked.
      const onlyIntro = Object.keys(change).every((key) => key === 'introSeen');
      await (onlyIntro ? store.updatePlain : store.update)((draft) => {
        draft.safety = { ...draft.safety, ...change };
      });
      return safetyStatus(store);
    },
    'safety.setPassphrase': async ({ passphrase, current }) => {
      await store.sealing.setPassphrase(passphrase, current);
      return safetyStatus(store);
    },
    'safety.unlock': async ({ passphrase }) => {
      if (store.sealing.state() !== 'locked') return { ...safetyStatus(store), wiped: false };
      if (await store.sealing.unlock(passphrase)) {
        if (store.read().safety.failedAttempts > 0)
          await store.update((draft) => {
            draft.safety.failedAttempts = 0;
          });
        return { ...safetyStatus(store), wiped: false };
      }
      const data = await store.updatePlain((draft) => {
        draft.safety.failedAttempts += 1;
      });
      const { failedAttempts, wipeAfterFailures } = data.safety;
      if (wipeAfterFailures !== null && failedAttempts >= wipeAfterFailures) return { ...(await wipeNow(core)), wiped: true };
      const left =
        wipeAfterFailures === null
          ? ''
          : ` ${wipeAfterFailures - failedAttempts} more wrong attempt(s) and everything you keep in Fieldbook is wiped.`;
      throw new FieldbookError(
        'wrong-passphrase',
        `That is not the passphrase: Fieldbook stays locked. Check the keyboard layout and Caps Lock, and try again.${left}`,
      );
    },
    'safety.lock': ({ reason }) => lockNow(core, reason),
    'safety.wipe': () => wipeNow(core),
    'safety.kept': async (): Promise<KeptReport> => {
      const files = await store.sealing.files();
      const data = files.find((entry) => entry.kind === 'data')?.path ?? null;
      const sealed = store.sealing.state() !== 'off';
      return {
        dataDir,
        lock: store.sealing.state(),
        items: keptItems(store, data),
        files: files.map((entry) => ({ ...entry, encrypted: entry.kind === 'data' ? sealed : sealed })),
      };
    },
  };
}
