import { protocol } from 'electron';
import { securityHeaders } from '../core/csp';
import { rendererFile } from '../core/static-files';
import { APP_HOST, APP_SCHEME } from './trust';

/** Must run before the app is ready: the app's scheme behaves like https (secure, standard, fetch allowed). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer on app://fieldbook/ with the CSP and security headers on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? rendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders() });
    return new Response(file.body, { headers: { 'Content-Type': file.type, ...securityHeaders() } });
  });
}
