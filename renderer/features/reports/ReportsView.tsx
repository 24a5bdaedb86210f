import { useTranslation } from 'react-i18next';
import { MyReports } from './MyReports';
import { ReportsPanel } from './ReportsPanel';

/**
 * The Reports screen (#/reports): a reader's own reports, to change, delete and save for the guides' partners; and,
 * for a partner, a reports file opened on its own (the same panel the writing area shows beside a guide), for every
 * guide or, at #/reports/<id>/<lang>, for one.
 */
export function ReportsView({ guideId, lang }: { guideId?: string; lang?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="reports-title" className="reports-view">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <MyReports />
      <ReportsPanel guideId={guideId} lang={lang} />
    </section>
  );
}
