import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The OS user-data folder for Fieldbook, the same place Electron's `app.getPath('userData')` gives for an app named
 * "Fieldbook", so the desktop app and the browser mode share settings by default.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Fieldbook');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Fieldbook');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Fieldbook');
}
