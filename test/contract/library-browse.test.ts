import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterCards, groupCards, jurisdictionTree, languageCounts, NO_FILTER, placeOf, topicCounts } from '../../electron/api/browse';
import type { Client } from '../../electron/api/client';
import type { LibraryBrowse, LibraryData, LibraryPage } from '../../electron/api/types';
import { inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

/**
 * library.browse over the bundled content: the library screen asks the core for one page of cards at a time, so the
 * page must get exactly what the browsing rules give over every card (as the screen once worked out itself from
 * library.list), split into pages that neither skip nor repeat a card.
 */
let client: Client;
let remove: () => Promise<void>;
let all: LibraryData;
beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  ({ client } = await inProcessClient(temp.dir, { contentDir: join(import.meta.dirname, '..', '..', 'content') }));
  all = await client.invoke('library.list');
});
afterAll(() => remove());

const key = (card: { id: string; lang: string }) => `${card.id}/${card.lang}`;

/** Every card of a choice, asked for `size` at a time as the screen asks while the person scrolls. */
async function inPages(browse: LibraryBrowse, size: number): Promise<{ first: LibraryPage; cards: string[] }> {
  const first = await client.invoke('library.browse', { ...browse, offset: 0, limit: size });
  const cards = first.cards.map(key);
  while (cards.length < first.count) {
    const next = await client.invoke('library.browse', { ...browse, offset: cards.length, limit: size });
    expect(next.offset).toBe(cards.length);
    expect(next.cards.length).toBeGreaterThan(0);
    cards.push(...next.cards.map(key));
  }
  return { first, cards };
}

const choices: [string, LibraryBrowse][] = [
  ['every guide, in English', { ...NO_FILTER, myJurisdiction: null, interfaceLanguage: 'en' }],
  ['every guide, mine first, in Spanish', { ...NO_FILTER, myJurisdiction: 'US-CA', interfaceLanguage: 'es' }],
  ['only mine (Scotland)', { ...NO_FILTER, mine: 'GB-SCT', myJurisdiction: 'GB-SCT', interfaceLanguage: 'en' }],
  ['California, one topic', { ...NO_FILTER, jurisdiction: 'US-CA', topic: 'recording-police', myJurisdiction: null, interfaceLanguage: 'fr' }],
  ['Arabic versions only', { ...NO_FILTER, language: 'ar', myJurisdiction: null, interfaceLanguage: 'ar' }],
];

describe('library.browse', () => {
  it.each(choices)('gives %s in pages that add up to what the browsing rules give over every card', async (_, browse) => {
    const filter = { jurisdiction: browse.jurisdiction, topic: browse.topic, language: browse.language, mine: browse.mine };
    const ui = browse.interfaceLanguage;
    const groups = groupCards(filterCards(all.guides, all.jurisdictions, filter, ui), all.jurisdictions, placeOf(filter), browse.myJurisdiction);
    const expected = groups.flatMap((group) => group.cards.map(key));
    expect(expected.length).toBeGreaterThan(0);

    const { first, cards } = await inPages(browse, 7);
    expect(cards).toEqual(expected);
    expect(first.count).toBe(expected.length);
    expect(first.groups).toEqual(groups.map((group) => ({ jurisdiction: group.jurisdiction, relation: group.relation, count: group.cards.length })));
    expect(first.tree).toEqual(jurisdictionTree(all.guides, all.jurisdictions, filter, ui));
    expect(first.topicCounts).toEqual(
      topicCounts(
        all.guides,
        all.jurisdictions,
        filter,
        all.topics.map((topic) => topic.id),
        ui,
      ),
    );
    expect(first.languageCounts).toEqual(
      languageCounts(
        all.guides,
        all.jurisdictions,
        filter,
        all.languages.map((language) => language.code),
      ),
    );
    // The cards are the library's own cards, whole.
    const page = await client.invoke('library.browse', { ...browse, offset: 3, limit: 2 });
    expect(page.cards).toEqual(page.cards.map((card) => all.guides.find((other) => key(other) === key(card))));
  });

  it('gives a short choice whole when asked to, and pages of a longer one as asked', async () => {
    const browse = choices[0]![1];
    const { count } = await client.invoke('library.browse', { ...browse, offset: 0, limit: 0 });
    const whole = await client.invoke('library.browse', { ...browse, offset: 0, limit: 5, wholeUpTo: count });
    expect(whole.cards).toHaveLength(count);
    const paged = await client.invoke('library.browse', { ...browse, offset: 0, limit: 5, wholeUpTo: count - 1 });
    expect(paged.cards).toHaveLength(5);
  });

  it('answers a page past the end with no cards, and a page of none with the counts alone', async () => {
    const browse = choices[0]![1];
    const past = await client.invoke('library.browse', { ...browse, offset: 10_000, limit: 24 });
    expect(past.cards).toEqual([]);
    const counts = await client.invoke('library.browse', { ...browse, offset: 0, limit: 0 });
    expect({ cards: counts.cards, count: counts.count, invalid: counts.invalidFiles }).toEqual({ cards: [], count: past.count, invalid: 0 });
    expect(counts.availability.all).toBe(new Set(all.guides.map((card) => card.id)).size);
    expect(counts.availability.inLanguage).toBe(all.guides.filter((card) => card.lang === 'en').length);
  });

  it('refuses a page larger than a screen renders, and a malformed filter, naming the field', async () => {
    const browse = choices[0]![1];
    await expect(client.invoke('library.browse', { ...browse, offset: 0, limit: 501 })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('limit'),
    });
    await expect(client.invoke('library.browse', { ...browse, language: 'not a language', offset: 0, limit: 1 })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('language'),
    });
  });
});
