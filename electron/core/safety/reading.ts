import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import type { GuideReading, ReadingList } from '../../api/safety';
import type { Catalog } from '../content/model';
import { findGuide } from '../library';
import type { UserDataStore } from '../store/user-data';
import { MAX_BOOKMARKS, MAX_NOTES, MAX_RECENT } from './schema';

type ReadingMethods = 'reading.get' | 'reading.opened' | 'reading.bookmark' | 'reading.note' | 'reading.list';

/**
 * Bookmarks, private notes (on a guide or one of its sections) and recently read guides. Only guides and sections
 * that exist may be named, so the file holds nothing the UI cannot show again; "keep nothing" keeps recently read
 * in memory only (personal-section.ts), and all of it is sealed under the lock.
 */
const noteKey = (id: string, section?: string) => (section ? `${id}#${section}` : id);

export function checkSection(catalog: Catalog, id: string, section: string | undefined): void {
  if (section === undefined) return;
  const guide = findGuide(catalog, id);
  const copies = catalog.guides.filter((g) => g.meta.id === guide.meta.id);
  if (!copies.some((copy) => copy.sections.some((s) => s.anchor === section))) {
    throw new FieldbookError(
      'bad-input',
      `reading: section "${section.slice(0, 60)}" is not a section of the guide "${id}"; reopen the guide and try again.`,
    );
  }
}

const titleOf = (catalog: Catalog, id: string, lang?: string) => {
  try {
    return findGuide(catalog, id, lang).meta.title;
  } catch {
    return id;
  }
};

export function readingHandlers(store: UserDataStore, catalog: () => Catalog, now: () => Date): Pick<Handlers, ReadingMethods> {
  return {
    'reading.get': ({ id }): GuideReading => {
      const data = store.read();
      const prefix = `${id}#`;
      return {
        bookmarked: data.bookmarks.some((b) => b.id === id && b.section === undefined),
        bookmarkedSections: data.bookmarks.filter((b) => b.id === id && b.section !== undefined).map((b) => b.section as string),
        note: data.notes[id] ?? '',
        sectionNotes: Object.fromEntries(
          Object.entries(data.notes).flatMap(([key, text]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), text]] : [])),
        ),
      };
    },
    'reading.opened': async ({ id, lang }) => {
      findGuide(catalog(), id, lang);
      await store.update((draft) => {
        draft.recent = [{ id, lang, at: now().toISOString() }, ...draft.recent.filter((r) => !(r.id === id && r.lang === lang))].slice(0, MAX_RECENT);
      });
      return { saved: true as const };
    },
    'reading.bookmark': async ({ id, lang, section, on }) => {
      findGuide(catalog(), id, lang);
      checkSection(catalog(), id, section);
      await store.update((draft) => {
        const others = draft.bookmarks.filter((b) => !(b.id === id && b.section === section));
        if (on && others.length >= MAX_BOOKMARKS)
          throw new FieldbookError('bad-input', `You have ${MAX_BOOKMARKS} bookmarks, the most Fieldbook keeps; remove some first.`);
        draft.bookmarks = on ? [{ id, lang, ...(section ? { section } : {}), at: now().toISOString() }, ...others] : others;
      });
      return { saved: true as const };
    },
    'reading.note': async ({ id, section, text }) => {
      findGuide(catalog(), id);
      checkSection(catalog(), id, section);
      const key = noteKey(id, section);
      await store.update((draft) => {
        if (text.trim() === '') delete draft.notes[key];
        else {
          if (!(key in draft.notes) && Object.keys(draft.notes).length >= MAX_NOTES)
            throw new FieldbookError('bad-input', `You have ${MAX_NOTES} notes, the most Fieldbook keeps; remove some first.`);
          draft.notes[key] = text;
        }
      });
      return { saved: true as const };
    },
    'reading.list': (): ReadingList => {
      const data = store.read();
      const c = catalog();
      return {
        bookmarks: data.bookmarks.map((b) => ({ ...b, title: titleOf(c, b.id, b.lang) })),
        recent: data.recent.map((r) => ({ ...r, title: titleOf(c, r.id, r.lang) })),
        notes: Object.entries(data.notes).map(([key, text]) => {
          const [id = key, section] = key.split('#');
          return { id, ...(section ? { section } : {}), title: titleOf(c, id), text };
        }),
      };
    },
  };
}
