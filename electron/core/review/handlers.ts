import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { GuideCard } from '../../api/types';
import type { ReadingDeps } from '../domain';
import { libraryData } from '../library';
import type { KeyList } from '../packs/keylist';
import { reviewCounts, reviewList } from './dashboard';
import { exportFileName, reviewCsv, reviewMarkdown } from './export';
import { markReviewed, planMark } from './mark';
import { ownersByJurisdiction } from './owners';

export interface ReviewDeps extends ReadingDeps {
  /** The key list in use: whose partner keys look after which jurisdictions. */
  keyList: () => KeyList | null;
  /** The maintainer's working copy of the content (FieldbookOptions.maintainerContentDir); absent in an installed app. */
  maintainerContentDir?: string;
  /** Reads the content again after a mark, so the dashboard shows the new status at once. */
  reload: () => Promise<void>;
}

/** The review dashboard, its exports and "mark reviewed", computed from the clock and the content as shown now. */
export function reviewHandlers(deps: ReviewDeps): Pick<Handlers, 'review.dashboard' | 'review.export' | 'review.mark'> {
  const owners = (cards: readonly GuideCard[]) =>
    ownersByJurisdiction(
      deps.keyList(),
      cards.map((card) => card.jurisdiction),
      deps.catalog().jurisdictions,
      deps.clock.now().toISOString(),
    );
  return {
    'review.dashboard': (filter) => {
      const context = deps.review();
      const catalog = deps.catalog();
      const cards = libraryData(catalog, context).guides;
      const items = reviewList(cards, filter);
      return {
        today: context.today,
        clockFixed: deps.clock.fixed,
        dueSoonDays: context.dueSoonDays,
        ...reviewCounts(cards),
        // Only what a row shows: at ten thousand guides whole cards made the answer megabytes the page had to read at once.
        items: items.map(({ id, lang, dir, title, jurisdiction, version, review, status }) => ({
          id,
          lang,
          dir,
          title,
          jurisdiction,
          version,
          review,
          status,
        })),
        jurisdictions: catalog.jurisdictions,
        languages: catalog.languages,
        owners: owners(items),
      };
    },
    'review.export': ({ format, ...filter }) => {
      const context = deps.review();
      const items = reviewList(libraryData(deps.catalog(), context).guides, filter);
      const header = { today: context.today, clockFixed: deps.clock.fixed, dueSoonDays: context.dueSoonDays, filter };
      return format === 'csv'
        ? { fileName: exportFileName(context.today, 'csv'), mediaType: 'text/csv;charset=utf-8', text: reviewCsv(items, owners(items)) }
        : {
            fileName: exportFileName(context.today, 'markdown'),
            mediaType: 'text/markdown;charset=utf-8',
            text: reviewMarkdown(items, header, owners(items)),
          };
    },
    'review.mark': async ({ id, lang, by, confirm }) => {
      const contentDir = deps.maintainerContentDir;
      if (contentDir === undefined)
        throw new FieldbookError(
          'forbidden',
          "review mark: this Fieldbook's content is read-only (an installed app). Mark reviews in a maintainer's working copy of the content: npm run serve, or npm run content -- review mark.",
        );
      const request = { contentDir, id, lang, by, today: deps.review().today };
      if (!confirm) return (await planMark(request)).mark;
      const mark = await markReviewed(request);
      await deps.reload();
      return mark;
    },
  };
}
