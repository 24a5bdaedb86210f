import updater from 'electron-updater';
import type { UpdateCheck } from '../api/types';

/**
 * electron-updater normally creates a random per-install id (`.updaterId` in the user-data folder) and sends it in an
 * `x-user-staging-id` header with every check, for staged roll-outs. Fieldbook sends this one id, the same for every
 * install, and never creates the file: an update server learns nothing that tells two installs apart.
 */
export const SHARED_STAGING_ID = '00000000-0000-4000-8000-000000000000';

/** The part of electron-updater's check result Fieldbook reads; null means the updater did not run at all. */
type CheckResult = { isUpdateAvailable: boolean; updateInfo: { version: string } } | null | undefined;

/** Turns electron-updater's answer into what the person is told: "up to date" only when a server answered. */
export function updateCheckOutcome(result: CheckResult, currentVersion: string): UpdateCheck {
  // electron-updater resolves null without any request when this copy cannot update itself: a development build, an
  // unpacked folder, a Snap, or an AppImage started outside its image.
  if (!result)
    return {
      status: 'not-run',
      reason: 'not-updatable',
      message: 'No update check was made: this copy of Fieldbook was not installed from a package that can update itself.',
    };
  const latest = result.updateInfo.version;
  if (result.isUpdateAvailable) return { status: 'available', latest, message: `Fieldbook ${latest} is available (this is ${currentVersion}).` };
  return { status: 'up-to-date', latest, message: `Fieldbook ${currentVersion} is up to date (the newest offered is ${latest}).` };
}

/**
 * Returns the function that checks for an update when the person asks (or has turned checks on). Nothing is
 * downloaded or installed without the person: the check only reports what it found.
 */
export function createUpdateChecker(log: (message: string) => void, currentVersion: string): () => Promise<UpdateCheck> {
  const { autoUpdater } = updater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowPrerelease = false;
  // Chromium's network stack would add the system's language as Accept-Language; a header set here takes its place.
  autoUpdater.requestHeaders = { 'x-user-staging-id': SHARED_STAGING_ID, 'Accept-Language': 'en' };
  (autoUpdater as unknown as { stagingUserIdPromise: { value: Promise<string> } }).stagingUserIdPromise = {
    value: Promise.resolve(SHARED_STAGING_ID),
  };
  autoUpdater.logger = { info: log, warn: log, error: log, debug: () => undefined };
  return async () => {
    try {
      return updateCheckOutcome(await autoUpdater.checkForUpdates(), currentVersion);
    } catch (error) {
      return {
        status: 'error',
        message: `The update check did not complete (${(error as Error).message}). Fieldbook works offline as before.`,
      };
    }
  };
}
