import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERFACE_LANGUAGES, TEXT_SIZES, THEMES, type InterfaceLanguage } from '../../../electron/api/options';
import { systemLanguage } from '../../lib/i18n';
import { useSettings } from '../../lib/settings';
import { MyJurisdictionSetting } from '../library/MyJurisdiction';

const OWN_NAMES: Record<InterfaceLanguage, string> = { en: 'English', es: 'Español', fr: 'Français', ar: 'العربية' };

export function SettingsView() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [saved, setSaved] = useState(false);
  const save = async (change: Parameters<typeof update>[0]) => {
    setSaved(false);
    await update(change);
    setSaved(true);
  };
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <label>
        {t('settings.language')}
        <select
          data-testid="interface-language"
          value={settings.interfaceLanguage ?? ''}
          onChange={(event) => void save({ interfaceLanguage: (event.target.value || null) as InterfaceLanguage | null })}
        >
          <option value="">{t('settings.languageSystem', { language: OWN_NAMES[systemLanguage()] })}</option>
          {INTERFACE_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {OWN_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.theme')}
        <select value={settings.theme} onChange={(event) => void save({ theme: event.target.value as (typeof THEMES)[number] })}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`settings.themes.${theme}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.textSize')}
        <select value={settings.textSize} onChange={(event) => void save({ textSize: event.target.value as (typeof TEXT_SIZES)[number] })}>
          {TEXT_SIZES.map((size) => (
            <option key={size} value={size}>
              {t(`settings.textSizes.${size}`)}
            </option>
          ))}
        </select>
      </label>
      <MyJurisdictionSetting />
      <label className="checkbox">
        <input type="checkbox" checked={settings.updateChecks} aria-describedby="updates-help" onChange={(event) => void save({ updateChecks: event.target.checked })} />
        {t('settings.updates')}
      </label>
      <p id="updates-help" className="help">
        {t('settings.updatesHelp')}
      </p>
      <p role="status" className="saved">
        {saved ? t('settings.saved') : ''}
      </p>
    </section>
  );
}
