import { useTranslation } from 'react-i18next';
import { INTERFACE_LANGUAGES, TEXT_SIZES, THEMES, type InterfaceLanguage } from '../../../electron/api/options';
import { systemLanguage } from '../../lib/i18n';
import { useSettings } from '../../lib/settings';
import { MyJurisdictionSetting } from '../library/MyJurisdiction';
import { SafetySettings } from '../safety/SafetySettings';
import { UpdateCheckNow } from './UpdateCheck';

const OWN_NAMES: Record<InterfaceLanguage, string> = { en: 'English', es: 'Español', fr: 'Français', ar: 'العربية' };

/** A labelled choice among a fixed list of setting values, each shown by its translated name. */
function ChoiceField<T extends string>(props: {
  label: string;
  value: T;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  onChange: (choice: T) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.choices.map((choice) => (
          <option key={choice} value={choice}>
            {props.labelOf(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SettingsView() {
  const { t } = useTranslation();
  const { settings, update: save, saveState } = useSettings();
  return (
    <>
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
        <ChoiceField
          label={t('settings.theme')}
          value={settings.theme}
          choices={THEMES}
          labelOf={(theme) => t(`settings.themes.${theme}`)}
          onChange={(theme) => void save({ theme })}
        />
        <ChoiceField
          label={t('settings.textSize')}
          value={settings.textSize}
          choices={TEXT_SIZES}
          labelOf={(size) => t(`settings.textSizes.${size}`)}
          onChange={(textSize) => void save({ textSize })}
        />
        <MyJurisdictionSetting />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.updateChecks}
            aria-describedby="updates-help"
            onChange={(event) => void save({ updateChecks: event.target.checked })}
          />
          {t('settings.updates')}
        </label>
        <p id="updates-help" className="help">
          {t('settings.updatesHelp')}
        </p>
        <UpdateCheckNow />
        <p role="status" className="saved">
          {saveState.status === 'saved' ? t('settings.saved') : ''}
        </p>
      </section>
      {/* Its own section after the others: its statuses and alerts are its own. */}
      <SafetySettings />
    </>
  );
}
