import type { Session } from 'electron';

/**
 * Where Chromium would fetch spelling dictionaries from instead of Google's CDN. Loopback on port 9 (discard), a port
 * Chromium refuses to connect to: should anything still ask for a dictionary, the request fails on this machine and
 * nothing leaves it.
 */
export const NO_DICTIONARY_URL = 'http://127.0.0.1:9/';

/**
 * Settings every session gets before any page can use it: no spellchecker (on Windows and Linux it downloads
 * dictionaries, even for windows with `spellcheck: false`), and every permission refused, asked or merely checked.
 */
export function hardenSession(ses: Session): void {
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_URL);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}
