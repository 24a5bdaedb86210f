import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The main process's security wiring, with the `electron` module stubbed only at that edge: the stand-ins record
 * what the wiring registers, and the tests then act as Chromium would (ask for a permission, navigate, open a window,
 * request a file) through the recorded handlers.
 */
const electron = vi.hoisted(() => ({
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  dialogs: [] as { message: string; detail: string; buttons: string[] }[],
  dialogAnswer: 1,
  opened: [] as string[],
}));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => electron.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => electron.protocolHandlers.set(scheme, handler),
  },
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      electron.dialogs.push(args.at(-1) as (typeof electron.dialogs)[number]);
      return { response: electron.dialogAnswer };
    },
  },
  shell: { openExternal: async (url: string) => void electron.opened.push(url) },
  BrowserWindow: { fromWebContents: () => null },
}));

const { hardenSession, NO_DICTIONARY_URL } = await import('../../electron/main/session');
const { hardenContents } = await import('../../electron/main/contents');
const { registerAppScheme, serveRenderer } = await import('../../electron/main/protocol');
const { contentSecurityPolicy } = await import('../../electron/core/csp');

beforeEach(() => {
  electron.dialogs.length = 0;
  electron.opened.length = 0;
  electron.dialogAnswer = 1;
});

describe('session hardening', () => {
  const calls: [string, unknown][] = [];
  let requestHandler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void = () => undefined;
  let checkHandler: (...args: unknown[]) => boolean = () => true;
  hardenSession({
    setSpellCheckerEnabled: (on: boolean) => calls.push(['spellchecker', on]),
    setSpellCheckerDictionaryDownloadURL: (url: string) => calls.push(['dictionary-url', url]),
    setPermissionRequestHandler: (handler: typeof requestHandler) => {
      requestHandler = handler;
    },
    setPermissionCheckHandler: (handler: typeof checkHandler) => {
      checkHandler = handler;
    },
  } as never);
  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal'];
  const more = ['pointerLock', 'hid', 'serial', 'usb', 'midi', 'midiSysex', 'idle-detection', 'storage-access', 'top-level-storage-access'];

  it('turns the spellchecker off and points dictionary downloads at a loopback port Chromium refuses', () => {
    expect(calls).toEqual([
      ['spellchecker', false],
      ['dictionary-url', NO_DICTIONARY_URL],
    ]);
    const url = new URL(NO_DICTIONARY_URL);
    expect([url.hostname, url.port]).toEqual(['127.0.0.1', '9']);
  });

  it('refuses every permission a page asks for', () => {
    for (const permission of [...permissions, ...more]) {
      const answers: boolean[] = [];
      requestHandler({}, permission, (granted) => answers.push(granted), { requestingUrl: 'app://fieldbook/index.html' });
      expect(answers, permission).toEqual([false]);
    }
  });

  it('answers every permission check with no', () => {
    for (const permission of [...permissions, ...more]) {
      expect(checkHandler({}, permission, 'app://fieldbook', { requestingUrl: 'app://fieldbook/index.html' }), permission).toBe(false);
    }
  });
});

describe('navigation and new windows', () => {
  function contents() {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
    const wc = {
      on: (name: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    };
    hardenContents(
      wc as never,
      () => 'fr',
      () => undefined,
    );
    /** Fires an event as Chromium would and says whether the wiring blocked it. */
    const fire = (name: string, url?: string) => {
      let prevented = false;
      listeners.get(name)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { fire, open: (url: string) => openHandler({ url }), events: [...listeners.keys()].sort() };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('listens to every way a page can leave the app', () => {
    expect(contents().events).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  });

  it('lets the app navigate inside itself', async () => {
    const { fire } = contents();
    expect(fire('will-navigate', 'app://fieldbook/index.html#/guide/x')).toBe(false);
    expect(fire('will-redirect', 'app://fieldbook/index.html')).toBe(false);
    await settle();
    expect(electron.dialogs).toEqual([]);
  });

  it('stops a navigation to a web page and asks, in the interface language, before the browser opens it', async () => {
    const { fire } = contents();
    expect(fire('will-navigate', 'https://www.legislation.gov.uk/ukpga/1984/60')).toBe(true);
    await settle();
    expect(electron.dialogs).toMatchObject([
      { message: 'Ouvrir ce lien dans votre navigateur web ?', detail: expect.stringContaining('https://www.legislation.gov.uk/ukpga/1984/60') },
    ]);
    expect(electron.opened).toEqual([]); // the person chose Cancel
  });

  it('opens a new-window link in the system browser only when the person confirms', async () => {
    const { open } = contents();
    electron.dialogAnswer = 0;
    expect(open('https://example.org/rights')).toEqual({ action: 'deny' });
    await settle();
    expect(electron.dialogs).toHaveLength(1);
    expect(electron.opened).toEqual(['https://example.org/rights']);
  });

  it('refuses other schemes and addresses with credentials without asking, and every redirect away', async () => {
    const { fire, open } = contents();
    electron.dialogAnswer = 0;
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'https://user:pw@example.org/']) {
      expect(open(url)).toEqual({ action: 'deny' });
      expect(fire('will-navigate', url)).toBe(true);
    }
    expect(fire('will-redirect', 'https://example.org/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    await settle();
    expect(electron.dialogs).toEqual([]);
    expect(electron.opened).toEqual([]);
  });
});

describe('the app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-renderer-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
  registerAppScheme();
  serveRenderer(renderer);
  const serve = (url: string) => electron.protocolHandlers.get('app')!(new Request(url));
  const security = {
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), payment=()',
  };

  it('is registered as a secure, standard scheme that fetch may use, and nothing more', () => {
    expect(electron.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with its type and exactly the security headers', async () => {
    for (const [url, type, body] of [
      ['app://fieldbook/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Fieldbook</title>'],
      ['app://fieldbook/', 'text/html; charset=utf-8', '<!doctype html><title>Fieldbook</title>'],
      ['app://fieldbook/assets/app.js', 'text/javascript; charset=utf-8', 'export {};'],
    ]) {
      const response = await serve(url!);
      expect(response.status, url).toBe(200);
      expect(Object.fromEntries(response.headers)).toEqual({ 'content-type': type, ...security });
      expect(await response.text()).toBe(body);
    }
  });

  it('answers 404, with the same headers, for anything outside the renderer or on another host', async () => {
    for (const url of [
      'app://fieldbook/../secret.txt',
      'app://fieldbook/%2e%2e/secret.txt',
      'app://fieldbook/assets/..%2f..%2fsecret.txt',
      'app://fieldbook/no-such-file.js',
      'app://other/index.html',
    ]) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(Object.fromEntries(response.headers), url).toMatchObject(security);
      expect(await response.text()).not.toContain('not for the page');
    }
  });
});
