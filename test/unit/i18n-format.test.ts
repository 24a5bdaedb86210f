// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { changeLanguage, formatDate, initI18n } from '../../renderer/lib/i18n';

describe('numbers and dates in interface strings go through Intl for the language', () => {
  it('formats every interpolated number, plural counts included, as Intl.NumberFormat does', async () => {
    const i18n = await initI18n('fr');
    const intl = (lang: string, n: number) => new Intl.NumberFormat(lang, { useGrouping: 'min2' }).format(n);
    expect(i18n.t('library.count', { count: 12345 })).toBe(`${intl('fr', 12345)} guides`);
    expect(intl('fr', 12345)).not.toBe('12345');
    await changeLanguage('es');
    expect(i18n.t('search.results', { count: 1 })).toBe('1 resultado');
    expect(i18n.t('search.results', { count: 20000 })).toContain(intl('es', 20000));
    await changeLanguage('ar');
    expect(i18n.t('library.count', { count: 2 })).toBe('دليلان');
    expect(i18n.t('library.count', { count: 11 })).toContain(intl('ar', 11));
    expect(i18n.t('library.count', { count: 0 })).toBe('لا أدلة');
    // A year or a version number is never grouped ("2,026").
    await changeLanguage('en');
    expect(i18n.t('guide.version', { version: 2026 })).toBe('Version 2026');
    expect(document.documentElement.lang).toBe('en');
  });

  it('writes a calendar date in the language, never shifted by a time zone', () => {
    expect(formatDate('2026-03-01', 'en')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1)));
    expect(formatDate('2026-03-01', 'ar')).toBe(new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1)));
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });
});
