import { test, expect } from './fixtures';
import { applySettings } from './screens';

/** "Help for partners": reached from the top bar, written in each interface language, its links stay in the app. */
const TITLES = { en: 'Help for partners', es: 'Ayuda para colaboradores', fr: 'Aide pour les partenaires', ar: 'مساعدة للشركاء' } as const;
const NAV = { en: 'Help', es: 'Ayuda', fr: 'Aide', ar: 'مساعدة' } as const;

for (const lang of ['en', 'es', 'fr', 'ar'] as const) {
  test(`the help for partners opens from the top bar in ${lang}`, async ({ page, app }) => {
    await app.open(page);
    if (lang !== 'en') await applySettings(page, app.host, { interfaceLanguage: lang });
    await page.locator('nav.main-nav').getByRole('link', { name: NAV[lang], exact: true }).click();
    const help = page.getByTestId('partners-help');
    await expect(help).toHaveAttribute('data-lang', lang);
    await expect(help).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await expect(help.getByRole('heading', { level: 1 })).toHaveText(TITLES[lang]);
    await expect(help).toContainText('.fbsub');
    await expect(help).toContainText('.fbreply');
    // The link to the reports screen is an in-app route, not a page load.
    await help.locator('a[href="#/reports"]').click();
    await expect(page.getByTestId('my-reports')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
  });
}
