import { randomBytes } from 'node:crypto';
import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import { type MyReport, REPORT_LIMITS } from '../../api/reports';
import type { ReadingDeps } from '../domain';
import { findGuide } from '../library';
import { utcDate } from '../review/status';
import { checkSection } from '../safety/reading';
import { compareReports, parseReportsFile, reportsFileText } from './file';
import type { StoredReport } from './schema';

type ReportMethods = 'reports.list' | 'reports.add' | 'reports.update' | 'reports.delete' | 'reports.export' | 'reports.open';

/**
 * Readers' reports: kept in the person's store, saved as a file for the guide's partner, and read back from such a
 * file. Only guides, languages and sections that exist here may be reported on, so a report always points at text
 * the partner can find. Dates are calendar dates (UTC): a report says which day, never what time.
 */
export function reportHandlers(deps: Pick<ReadingDeps, 'catalog' | 'store' | 'clock'>): Pick<Handlers, ReportMethods> {
  const { store } = deps;
  /** What this library shows of a report's guide and section, for the lists: its title, heading and version. */
  const shown = (report: Pick<StoredReport, 'guide' | 'lang' | 'section'>) => {
    const guide = deps.catalog().guides.find((g) => g.meta.id === report.guide && g.meta.lang === report.lang);
    const heading = report.section === null ? null : (guide?.sections.find((s) => s.anchor === report.section)?.heading ?? null);
    return { title: guide?.meta.title ?? null, heading, version: guide?.meta.version ?? null };
  };
  const withTitle = (report: StoredReport): MyReport => {
    const { title, heading } = shown(report);
    return { ...report, title, heading };
  };
  const mine = (): MyReport[] => store.read().reports.map(withTitle);
  const find = (reports: readonly StoredReport[], id: string): StoredReport => {
    const found = reports.find((report) => report.id === id);
    if (!found)
      throw new FieldbookError('not-found', 'reports: that report is no longer kept (it was deleted, or the data was wiped); reload the list.');
    return found;
  };
  return {
    'reports.list': () => mine(),
    'reports.add': async ({ guide, lang, version, section, quote, kind, note }) => {
      const catalog = deps.catalog();
      const here = findGuide(catalog, guide, lang);
      if (here.meta.lang !== lang)
        throw new FieldbookError('not-found', `reports: the guide "${guide}" has no ${lang} version here; report on the version you read.`);
      if (version > here.meta.version)
        throw new FieldbookError(
          'bad-input',
          `reports: version ${version} of "${guide}" does not exist (it is at ${here.meta.version}); reopen the guide.`,
        );
      checkSection(catalog, guide, section);
      const report: StoredReport = {
        id: randomBytes(8).toString('hex'),
        guide,
        lang,
        version,
        section: section ?? null,
        quote: quote?.trim() ? quote.trim() : null,
        kind,
        note,
        date: utcDate(deps.clock.now()),
      };
      await store.update((draft) => {
        if (draft.reports.length >= REPORT_LIMITS.kept)
          throw new FieldbookError(
            'bad-input',
            `You keep ${REPORT_LIMITS.kept} reports, the most Fieldbook keeps; save them for the partners and delete some first.`,
          );
        draft.reports = [report, ...draft.reports];
      });
      return withTitle(report);
    },
    'reports.update': async ({ id, kind, note }) => {
      find(store.read().reports, id);
      const data = await store.update((draft) => {
        const report = find(draft.reports, id);
        if (kind !== undefined) report.kind = kind;
        if (note !== undefined) report.note = note;
        report.date = utcDate(deps.clock.now());
      });
      return withTitle(find(data.reports, id));
    },
    'reports.delete': async ({ id }) => {
      find(store.read().reports, id);
      await store.update((draft) => {
        draft.reports = draft.reports.filter((report) => report.id !== id);
      });
      return mine();
    },
    'reports.export': ({ guide, lang }) => {
      if ((guide === undefined) !== (lang === undefined))
        throw new FieldbookError('bad-input', 'reports: to save one guide’s reports give both its id and its language; give neither to save all.');
      const reports = store.read().reports.filter((report) => guide === undefined || (report.guide === guide && report.lang === lang));
      if (reports.length === 0)
        throw new FieldbookError(
          'not-found',
          guide ? `reports: you have no reports on "${guide}" (${lang}) to save.` : 'reports: you have no reports to save.',
        );
      const today = utcDate(deps.clock.now());
      return {
        fileName: guide ? `fieldbook-reports-${guide}-${lang}-${today}.fbreports` : `fieldbook-reports-${today}.fbreports`,
        mediaType: 'application/json',
        text: reportsFileText(reports),
      };
    },
    'reports.open': ({ text }) => {
      const file = parseReportsFile(text);
      return {
        reports: [...file.reports].sort(compareReports).map((report) => {
          const { title, heading, version } = shown(report);
          return { ...report, title, heading, currentVersion: version };
        }),
      };
    },
  };
}
