import type { Handlers } from '../../api/contract';
import type { ReadingDeps } from '../domain';
import { checklistKey, findGuide, guideView, libraryData, libraryPage, toCard } from '../library';
import { checkedKey } from '../stored-values';

/** The library and one guide: its cards, its view with the person's ticks, and saving those ticks. */
export function guideHandlers(deps: ReadingDeps): Pick<Handlers, 'library.list' | 'library.browse' | 'guide.get' | 'guide.setChecked'> {
  const { store } = deps;
  return {
    'library.list': () => libraryData(deps.catalog(), deps.review()),
    'library.browse': (input) => {
      const catalog = deps.catalog();
      const review = deps.review();
      return libraryPage(catalog, input, { card: (guide) => toCard(catalog, guide, review), invalidFiles: catalog.invalid.length });
    },
    'guide.get': ({ id, lang }) => {
      const catalog = deps.catalog();
      const guide = findGuide(catalog, id, lang);
      const checked = store.read().checklists[checklistKey(guide.meta.id, guide.meta.lang, guide.meta.version)] ?? [];
      return guideView(catalog, guide, checked, deps.review());
    },
    'guide.setChecked': async ({ id, lang, version, checked }) => {
      const key = checkedKey(deps.catalog(), { id, lang, version, checked });
      const unique = [...new Set(checked)].sort((a, b) => a - b);
      const data = await store.update((draft) => {
        if (unique.length === 0) delete draft.checklists[key];
        else draft.checklists[key] = unique;
      });
      return data.checklists[key] ?? [];
    },
  };
}
