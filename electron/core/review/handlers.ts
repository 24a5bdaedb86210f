import type { Handlers } from '../../api/contract';
import type { ReadingDeps } from '../domain';
import { libraryData } from '../library';
import { reviewCounts, reviewList } from './dashboard';
import { exportFileName, reviewCsv, reviewMarkdown } from './export';

/** The review dashboard and its exports, computed from the clock and the content as shown now. */
export function reviewHandlers(deps: ReadingDeps): Pick<Handlers, 'review.dashboard' | 'review.export'> {
  return {
    'review.dashboard': (filter) => {
      const context = deps.review();
      const catalog = deps.catalog();
      const cards = libraryData(catalog, context).guides;
      return {
        today: context.today,
        clockFixed: deps.clock.fixed,
        dueSoonDays: context.dueSoonDays,
        ...reviewCounts(cards),
        items: reviewList(cards, filter),
        jurisdictions: catalog.jurisdictions,
        languages: catalog.languages,
      };
    },
    'review.export': ({ format, ...filter }) => {
      const context = deps.review();
      const items = reviewList(libraryData(deps.catalog(), context).guides, filter);
      const header = { today: context.today, clockFixed: deps.clock.fixed, dueSoonDays: context.dueSoonDays, filter };
      return format === 'csv'
        ? { fileName: exportFileName(context.today, 'csv'), mediaType: 'text/csv;charset=utf-8', text: reviewCsv(items) }
        : { fileName: exportFileName(context.today, 'markdown'), mediaType: 'text/markdown;charset=utf-8', text: reviewMarkdown(items, header) };
    },
  };
}
