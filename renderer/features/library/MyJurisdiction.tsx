import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { JurisdictionInfo, LibraryData } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { jurisdictionName } from '../../lib/names';
import { useSettings } from '../../lib/settings';
import { useAsync } from '../../lib/use-async';
import { useContentRevision } from '../../lib/content-revision';

/** Jurisdictions in tree order with their depth, so a select can show the hierarchy by indenting. */
export function inTreeOrder(jurisdictions: readonly JurisdictionInfo[]): { code: string; depth: number }[] {
  const codes = new Set(jurisdictions.map((j) => j.code));
  const out: { code: string; depth: number }[] = [];
  const visit = (code: string, depth: number) => {
    if (out.some((row) => row.code === code)) return;
    out.push({ code, depth });
    for (const child of jurisdictions) if (child.parent === code) visit(child.code, depth + 1);
  };
  for (const j of jurisdictions) if (j.parent === null || !codes.has(j.parent)) visit(j.code, 0);
  return out;
}

/** "My jurisdiction", saved in the person's settings; the library and Settings both show this control. */
export function MyJurisdictionSelect({ library, describedBy }: { library: Pick<LibraryData, 'jurisdictions'>; describedBy?: string }) {
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
  const [state] = useAsync(() => client.invoke('library.list'), [], useContentRevision());
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
