import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { inTreeOrder } from '../../../electron/api/browse';
import type { LibraryLists } from '../../../electron/api/types';
import { jurisdictionName } from '../../lib/names';
import { useSettings } from '../../lib/settings';
import { useAsync } from '../../lib/use-async';
import { useContentRevision } from '../../lib/content-revision';
import { libraryLists } from './library-pages';

/** "My jurisdiction", saved in the person's settings; the library and Settings both show this control. */
export function MyJurisdictionSelect({ library, describedBy }: { library: Pick<LibraryLists, 'jurisdictions'>; describedBy?: string }) {
  const { t, i18n } = useTranslation();
  const { settings, update } = useSettings();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('library.myJurisdiction')}</label>
      <select
        id={id}
        data-testid="my-jurisdiction"
        aria-describedby={describedBy}
        value={settings.myJurisdiction ?? ''}
        onChange={(event) => void update({ myJurisdiction: event.target.value || null })}
      >
        <option value="">{t('library.myJurisdictionNone')}</option>
        {inTreeOrder(library.jurisdictions).map(({ code, depth }) => (
          <option key={code} value={code}>
            {/* Non-breaking spaces indent children: options cannot be styled, and this reads the same both ways. */}
            {'\u00a0\u00a0'.repeat(depth)}
            {jurisdictionName(library, code, i18n.language)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The same control for the Settings page, which does not otherwise load the library. */
export function MyJurisdictionSetting() {
  const { t } = useTranslation();
  const revision = useContentRevision();
  const [state] = useAsync(() => libraryLists(), [], revision);
  if (state.status !== 'ready') return null;
  return (
    <>
      <MyJurisdictionSelect library={state.value} describedBy="my-jurisdiction-help" />
      <p id="my-jurisdiction-help" className="help">
        {t('library.myJurisdictionHelp')}
      </p>
    </>
  );
}
