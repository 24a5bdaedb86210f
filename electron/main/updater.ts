import updater from 'electron-updater';

/**
 * electron-updater normally creates a random per-install id (`.updaterId` in the user-data folder) and sends it in an
 * `x-user-staging-id` header with every check, for staged roll-outs. Fieldbook sends this one id, the same for every
 * install, and never creates the file: an update server learns nothing that tells two installs apart.
 */
export const SHARED_STAGING_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Returns the function that checks for an update when the person asks (or has turned checks on). Nothing is
 * downloaded or installed without the person: the check only reports what it found.
 */
export function createUpdateChecker(log: (message: string) => void): () => Promise<string> {
  const { autoUpdater } = updater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.requestHeaders = { 'x-user-staging-id': SHARED_STAGING_ID };
  (autoUpdater as unknown as { stagingUserIdPromise: { value: Promise<string> } }).stagingUserIdPromise = {
    value: Promise.resolve(SHARED_STAGING_ID),
  };
  autoUpdater.logger = { info: log, warn: log, error: log, debug: () => undefined };
  return async () => {
    try {
      const result = await autoUpdater.checkForUpdates();
      if (result?.isUpdateAvailable) return `Fieldbook ${result.updateInfo.version} is available.`;
      return 'Fieldbook is up to date.';
    } catch (error) {
      return `The update check did not complete (${(error as Error).message}). Fieldbook works offline as before.`;
    }
  };
}
