import { useTranslation } from 'react-i18next';
import type { DraftState } from '../../../electron/api/drafts';

/** Where a draft stands, as both the partner and the maintainer see it. */
export function StateBadge({ state }: { state: DraftState }) {
  const { t } = useTranslation();
  return (
    <span className={`draft-state draft-state-${state}`} data-state={state} data-testid="draft-state">
      {t(`write.state.${state}`)}
    </span>
  );
}
