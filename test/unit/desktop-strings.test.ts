import { describe, expect, it } from 'vitest';
import { desktopLanguage, desktopText } from '../../electron/main/strings';

describe('the desktop shell speaks the interface language in its own dialogs and menu', () => {
  it('uses the chosen language, else the system language, else English', () => {
    expect(desktopLanguage('ar', ['en-US'])).toBe('ar');
    expect(desktopLanguage(null, ['fr-CA', 'en-US'])).toBe('fr');
    expect(desktopLanguage(null, ['de-DE', 'es-MX'])).toBe('es');
    expect(desktopLanguage(null, ['de-DE'])).toBe('en');
  });

  it('fills in the link and the error message', () => {
    expect(desktopText('es', 'openExternalDetail', { url: 'https://example.org' })).toMatch(/^https:\/\/example\.org\n\nAbrirlo conecta/);
    expect(desktopText('ar', 'startFailedDetail', { message: 'EACCES' })).toContain('EACCES');
    expect(desktopText('fr', 'openInBrowser')).toBe('Ouvrir dans le navigateur');
  });
});
