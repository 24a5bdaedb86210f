import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../electron/core/csp';
import { resolveStaticPath } from '../../electron/core/static-files';
import { APP_ORIGIN, externalLinkDecision, isAppUrl, isTrustedSender } from '../../electron/main/trust';
import { windowOptions } from '../../electron/main/window';

/** Runs `fn` with FIELDBOOK_DEVTOOLS set to `value` (or unset), restoring it after. */
function withDevtools<T>(value: string | undefined, fn: () => T): T {
  const saved = process.env.FIELDBOOK_DEVTOOLS;
  if (value === undefined) delete process.env.FIELDBOOK_DEVTOOLS;
  else process.env.FIELDBOOK_DEVTOOLS = value;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.FIELDBOOK_DEVTOOLS;
    else process.env.FIELDBOOK_DEVTOOLS = saved;
  }
}

describe('window options', () => {
  it('sets every field on purpose, and no other', () => {
    expect(withDevtools(undefined, () => windowOptions('/app/out/preload/index.cjs'))).toEqual({
      width: 1200,
      height: 820,
      minWidth: 420,
      minHeight: 400,
      show: false,
      title: 'Fieldbook',
      backgroundColor: '#1b1d21',
      autoHideMenuBar: false,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        safeDialogs: true,
        devTools: false,
      },
    });
  });
  it('opens where the window was last, keeping every other field', () => {
    const placed = windowOptions('/p.cjs', { x: -1800, y: 40, width: 900, height: 700 });
    expect(placed).toMatchObject({ x: -1800, y: 40, width: 900, height: 700, minWidth: 420, minHeight: 400 });
    expect(placed.webPreferences).toEqual(windowOptions('/p.cjs').webPreferences);
  });
  it('allows developer tools only when asked for at launch', () => {
    expect(withDevtools('1', () => windowOptions('/p.cjs').webPreferences?.devTools)).toBe(true);
    expect(withDevtools('yes', () => windowOptions('/p.cjs').webPreferences?.devTools)).toBe(false);
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
  it('allows script only from the app itself, never inline or eval', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:|data:/);
  });
  it('blocks frames, objects, forms and base URLs, and defaults to nothing', () => {
    for (const name of ['object-src', 'frame-src', 'form-action', 'base-uri']) expect(directive(name)).toMatch(/'none'$/);
    expect(directive('default-src')).toBe("default-src 'none'");
  });
  it('is sent with the other security headers', () => {
    expect(securityHeaders()).toMatchObject({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});

describe('URL trust', () => {
  it('trusts only the app origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of ['file:///etc/passwd', 'https://fieldbook/', 'app://evil/index.html', 'javascript:alert(1)', 'not a url'])
      expect(isAppUrl(url)).toBe(false);
  });
  it('opens only http(s) links, and only after confirmation', () => {
    expect(externalLinkDecision('https://legislation.gov.uk/ukpga/1984/60')).toEqual({
      action: 'confirm',
      url: 'https://legislation.gov.uk/ukpga/1984/60',
    });
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'smb://host/share',
      'ms-settings:',
      'https://user:pw@example.org/',
    ]) {
      expect(externalLinkDecision(url).action).toBe('refuse');
    }
  });
  it('accepts IPC only from the app page in the top frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('static files', () => {
  it('serves files inside the renderer folder and index.html for /', () => {
    expect(resolveStaticPath('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath('/srv/app', '/assets/index.js')).toBe('/srv/app/assets/index.js');
  });
  it('refuses paths that escape it', () => {
    for (const path of ['/../secret', '/%2e%2e/secret', '/assets/..%2f..%2fsecret', '/a%00b', '/%E0%A4%A', '/..\\secret'])
      expect(resolveStaticPath('/srv/app', path)).toBeNull();
  });
});
