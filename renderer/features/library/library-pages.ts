import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { interfaceGuideLanguage, NO_FILTER, type BrowseFilter } from '../../../electron/api/browse';
import type { GuideCard, LibraryBrowse, LibraryPage } from '../../../electron/api/types';
import { client } from '../../lib/client';
import { VIRTUAL_FROM } from '../../lib/virtual-from';

/** Cards asked for at first, and again each time the end of those rendered comes near the screen. */
export const PAGE = 24;

export type PagesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; page: LibraryPage; cards: GuideCard[]; key: string };

const failed = (error: unknown): PagesState => ({ status: 'error', message: (error as Error).message });

function ask(browse: LibraryBrowse, offset: number, limit: number, wholeUpTo = VIRTUAL_FROM): Promise<LibraryPage> {
  return client.invoke('library.browse', { ...browse, offset, limit, wholeUpTo });
}

/** What the library shows: the person's choices in its panel, and whether to keep to their own jurisdiction. */
export type LibraryChoice = Omit<BrowseFilter, 'mine'> & { onlyMine: boolean };

/** The choice the library opens with: every guide, the person's own jurisdiction first. */
export const FIRST_CHOICE: LibraryChoice = { jurisdiction: null, topic: null, language: null, onlyMine: true };

/** What the core is asked for a choice, the person's jurisdiction and the interface language. */
export function browseOf(choice: LibraryChoice, myJurisdiction: string | null, uiLanguage: string): LibraryBrowse {
  const { jurisdiction, topic, language, onlyMine } = choice;
  return {
    jurisdiction,
    topic,
    language,
    mine: onlyMine ? myJurisdiction : null,
    myJurisdiction,
    interfaceLanguage: interfaceGuideLanguage(uiLanguage),
  };
}

/** The first page, asked for at start-up before the library's code renders (see askFirstPage). */
let early: { key: string; page: Promise<LibraryPage> } | null = null;

/**
 * Asks for the library's first page as soon as the settings are known: the answer is on its way while the page
 * draws its frame, instead of leaving only once the library has rendered. Used once, by the library's first ask,
 * and only for the same choice.
 */
export function askFirstPage(myJurisdiction: string | null, uiLanguage: string): void {
  const browse = browseOf(FIRST_CHOICE, myJurisdiction, uiLanguage);
  const page = ask(browse, 0, PAGE);
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  page.catch(() => undefined);
  early = { key: JSON.stringify(browse), page };
}

function earlyPage(key: string, limit: number): Promise<LibraryPage> | null {
  const taken = early;
  early = null;
  return taken && taken.key === key && limit === PAGE ? taken.page : null;
}

/**
 * The library's cards under `browse`, a page at a time from the core, which works out the filters and counts over
 * every guide. A new choice starts from the first page and keeps the cards shown until its answer arrives (`busy`
 * meanwhile, from the very render that makes the choice); the same choice over content read again (`revision`)
 * asks for as many cards as are shown, so the person keeps their place. A library short enough to render whole
 * (VIRTUAL_FROM) is always rendered whole. A page that fails shows the error, and its retry asks again for as many
 * cards as were shown.
 */
export function useLibraryPages(browse: LibraryBrowse, revision: number) {
  const key = JSON.stringify(browse);
  const [state, setState] = useState<PagesState>({ status: 'loading' });
  const [asking, setAsking] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const shown = useRef<{ key: string; cards: number } | null>(null);
  // Only the latest request's answer is used: an older one may be for filters the person has since changed.
  const latest = useRef(0);

  const settle = useCallback(
    (request: number, value: PagesState) => {
      if (request !== latest.current) return;
      if (value.status === 'ready') shown.current = { key, cards: value.cards.length };
      // Drawn as a transition: React renders the cards in slices between which the page stays responsive, rather
      // than in one task as long as all the cards of a screenful take.
      startTransition(() => {
        setState(value);
        setAsking(false);
      });
    },
    [key],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `browse`, whose object is new at each render
  useEffect(() => {
    const request = ++latest.current;
    const keep = shown.current?.key === key ? shown.current.cards : 0;
    setAsking(true);
    const limit = Math.max(PAGE, keep);
    // The early page is of the content as it was at start-up: a later revision asks again.
    const page = (revision === 0 && attempt === 0 && earlyPage(key, limit)) || ask(browse, 0, limit);
    page.then(
      (page) => settle(request, { status: 'ready', page, cards: page.cards, key }),
      (error: unknown) => settle(request, failed(error)),
    );
  }, [key, revision, attempt, settle]);

  // Busy from the render that changes the choice, not only once its request leaves: the page says at once that the
  // cards shown are not yet those of the new choice (tests wait for aria-busy to clear).
  const busy = asking || (state.status === 'ready' && state.key !== key);

  const more = useCallback(() => {
    if (busy || state.status !== 'ready' || state.cards.length >= state.page.count) return;
    const request = ++latest.current;
    const { cards } = state;
    setAsking(true);
    ask(browse, cards.length, PAGE).then(
      (page) => settle(request, { status: 'ready', page, cards: [...cards, ...page.cards], key }),
      (error: unknown) => settle(request, failed(error)),
    );
  }, [busy, state, browse, settle, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, busy, more, retry };
}

/**
 * The content's lists and how many files could not be loaded, without any card: for the parts of the page that
 * name jurisdictions, topics and languages (Settings, the search's filters) or link to the problems (the navigation).
 */
export function libraryLists(): Promise<LibraryPage> {
  return ask({ ...NO_FILTER, myJurisdiction: null, interfaceLanguage: 'en' }, 0, 0, 0);
}
