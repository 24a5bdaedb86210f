import { describe, expect, it } from 'vitest';
import { ancestry as searchAncestry } from '../../electron/api/applies';
import type { JurisdictionInfo } from '../../electron/api/types';
import {
  ancestry,
  type Browsable,
  filterCards,
  groupCards,
  jurisdictionTree,
  languageCounts,
  NO_FILTER,
  oneCardPerGuide,
  placeOf,
  topicCounts,
} from '../../electron/api/browse';

const names = {};
const jurisdictions: JurisdictionInfo[] = [
  { code: 'global', parent: null, names },
  { code: 'US', parent: 'global', names },
  { code: 'US-CA', parent: 'US', names },
  { code: 'US-NY', parent: 'US', names },
  { code: 'GB', parent: 'global', names },
  { code: 'GB-SCT', parent: 'GB', names },
];

type TestCard = Browsable;

/** One language version; a translation names the language it was translated from. */
function card(id: string, jurisdiction: string, lang: string, topics: string[], from: string | null = null): TestCard {
  return { id, jurisdiction, lang, topics, translationOf: from ? { lang: from, version: 1 } : null };
}

// In the order the catalog lists them: global guides first, each with its language copies, as in the bundled content.
const cards = [
  card('phone', 'global', 'en', ['devices']),
  card('phone', 'global', 'ar', ['devices'], 'en'),
  card('phone', 'global', 'es', ['devices'], 'en'),
  card('backups', 'global', 'en', ['devices']),
  card('taken', 'global', 'fr', ['devices']),
  card('taken', 'global', 'en', ['devices'], 'fr'),
  card('us-rights', 'US', 'en', ['demonstrations']),
  card('us-rights', 'US', 'es', ['demonstrations'], 'en'),
  card('ca-recording', 'US-CA', 'en', ['recording-police', 'demonstrations']),
  card('ny-recording', 'US-NY', 'en', ['recording-police']),
  card('gb-rights', 'GB', 'en', ['demonstrations']),
  card('sct-rights', 'GB-SCT', 'en', ['demonstrations']),
];
const ids = (list: readonly TestCard[]) => list.map((c) => `${c.id}/${c.lang}`);
const shape = (groups: ReturnType<typeof groupCards<TestCard>>) => groups.map((g) => `${g.relation} ${g.jurisdiction}: ${ids(g.cards).join(' ')}`);

describe('what applies where: one rule for the library, my jurisdiction and search', () => {
  it('a jurisdiction, then its parents, then global; not siblings, children or other countries', () => {
    expect(ancestry(jurisdictions, 'US-CA')).toEqual(['US-CA', 'US', 'global']);
    expect(ancestry(jurisdictions, 'GB-SCT')).toEqual(['GB-SCT', 'GB', 'global']);
    // The library uses the very function the search filter and ranking use.
    expect(ancestry).toBe(searchAncestry);
  });

  it('treats an unknown code as no match rather than failing, and survives a loop in the list', () => {
    expect(ancestry(jurisdictions, 'XX')).toEqual([]);
    const looped: JurisdictionInfo[] = [
      { code: 'A', parent: 'B', names },
      { code: 'B', parent: 'A', names },
    ];
    expect(ancestry(looped, 'A')).toEqual(['A', 'B']);
    expect(jurisdictionTree([], looped, NO_FILTER, 'en')).toEqual([]);
  });
});

describe('one card per guide', () => {
  it('in the interface language where that version exists, else the original', () => {
    expect(ids(oneCardPerGuide(cards, null, 'en'))).toEqual([
      'phone/en',
      'backups/en',
      'taken/en',
      'us-rights/en',
      'ca-recording/en',
      'ny-recording/en',
      'gb-rights/en',
      'sct-rights/en',
    ]);
    expect(ids(oneCardPerGuide(cards, null, 'es')).slice(0, 4)).toEqual(['phone/es', 'backups/en', 'taken/fr', 'us-rights/es']);
    // No guide in Arabic but `phone`: the others show their original.
    expect(ids(oneCardPerGuide(cards, null, 'ar')).slice(0, 3)).toEqual(['phone/ar', 'backups/en', 'taken/fr']);
  });

  it('in the language chosen in the language filter, leaving out guides without it', () => {
    expect(ids(oneCardPerGuide(cards, 'es', 'en'))).toEqual(['phone/es', 'us-rights/es']);
    expect(ids(filterCards(cards, jurisdictions, { ...NO_FILTER, language: 'fr' }, 'es'))).toEqual(['taken/fr']);
  });
});

describe('choosing a place shows what applies there, grouped', () => {
  it('my jurisdiction: its own guides first, then its parents’, then global, one card each', () => {
    const filter = { ...NO_FILTER, mine: 'US-CA' };
    const shown = filterCards(cards, jurisdictions, filter, 'en');
    expect(shape(groupCards(shown, jurisdictions, placeOf(filter), 'US-CA'))).toEqual([
      'own US-CA: ca-recording/en',
      'parent US: us-rights/en',
      'global global: phone/en backups/en taken/en',
    ]);
  });

  it('a jurisdiction chosen in the tree: its own, each parent’s nearest first, global; not its children or siblings', () => {
    const filter = { ...NO_FILTER, jurisdiction: 'GB-SCT' };
    expect(shape(groupCards(filterCards(cards, jurisdictions, filter, 'en'), jurisdictions, placeOf(filter), null))).toEqual([
      'own GB-SCT: sct-rights/en',
      'parent GB: gb-rights/en',
      'global global: phone/en backups/en taken/en',
    ]);
    const us = { ...NO_FILTER, jurisdiction: 'US' };
    expect(shape(groupCards(filterCards(cards, jurisdictions, us, 'es'), jurisdictions, placeOf(us), null))).toEqual([
      'own US: us-rights/es',
      'global global: phone/es backups/en taken/fr',
    ]);
  });

  it('the tree’s choice takes the place of “only mine”', () => {
    const filter = { ...NO_FILTER, jurisdiction: 'GB-SCT', mine: 'US-CA' };
    expect(placeOf(filter)).toBe('GB-SCT');
    expect(new Set(filterCards(cards, jurisdictions, filter, 'en').map((c) => c.jurisdiction))).toEqual(new Set(['GB-SCT', 'GB', 'global']));
  });

  it('every guide: my jurisdiction’s chain first when set, then the rest in tree order; empty groups left out', () => {
    const all = filterCards(cards, jurisdictions, NO_FILTER, 'en');
    expect(groupCards(all, jurisdictions, null, 'GB-SCT').map((g) => `${g.relation} ${g.jurisdiction}`)).toEqual([
      'own GB-SCT',
      'parent GB',
      'global global',
      'other US',
      'other US-CA',
      'other US-NY',
    ]);
    expect(groupCards(all, jurisdictions, null, null).map((g) => g.jurisdiction)).toEqual(['global', 'US', 'US-CA', 'US-NY', 'GB', 'GB-SCT']);
    const topic = filterCards(cards, jurisdictions, { ...NO_FILTER, topic: 'recording-police' }, 'en');
    expect(groupCards(topic, jurisdictions, null, null).map((g) => g.jurisdiction)).toEqual(['US-CA', 'US-NY']);
  });
});

describe('counts say what choosing would show, in guides rather than language copies', () => {
  it('the tree counts the guides written for each jurisdiction, and what choosing each would show; its top, every guide', () => {
    const tree = jurisdictionTree(cards, jurisdictions, NO_FILTER, 'en');
    expect(tree).toEqual([
      {
        code: 'global',
        count: 8,
        shows: 8,
        children: [
          {
            code: 'US',
            count: 1,
            shows: 4,
            children: [
              { code: 'US-CA', count: 1, shows: 5, children: [] },
              { code: 'US-NY', count: 1, shows: 5, children: [] },
            ],
          },
          { code: 'GB', count: 1, shows: 4, children: [{ code: 'GB-SCT', count: 1, shows: 5, children: [] }] },
        ],
      },
    ]);
    // The place chosen does not change the tree's counts; the language filter does.
    const spanish = jurisdictionTree(cards, jurisdictions, { ...NO_FILTER, language: 'es', jurisdiction: 'GB' }, 'en');
    expect(spanish[0]!.count).toBe(2);
    expect(spanish[0]!.children.map((node) => node.count)).toEqual([1, 0]);
    // Scotland has no Spanish guide of its own, but choosing it still shows the Spanish global guidance.
    expect(spanish[0]!.children[1]!.children[0]).toMatchObject({ code: 'GB-SCT', count: 0, shows: 1 });
  });

  it('topic and language counts, given the other filters', () => {
    const topics = ['demonstrations', 'devices', 'recording-police', 'censorship'];
    expect(topicCounts(cards, jurisdictions, NO_FILTER, topics, 'en')).toEqual([
      { id: 'demonstrations', count: 4 },
      { id: 'devices', count: 3 },
      { id: 'recording-police', count: 2 },
    ]);
    expect(topicCounts(cards, jurisdictions, { ...NO_FILTER, mine: 'US-NY', topic: 'devices' }, topics, 'en')).toEqual([
      { id: 'demonstrations', count: 1 },
      { id: 'devices', count: 3 },
      { id: 'recording-police', count: 1 },
    ]);
    expect(languageCounts(cards, jurisdictions, { ...NO_FILTER, topic: 'demonstrations', language: 'ar' }, ['en', 'es', 'fr', 'ar'])).toEqual([
      { code: 'en', count: 4 },
      { code: 'es', count: 1 },
      { code: 'fr', count: 0 },
      { code: 'ar', count: 0 },
    ]);
    expect(languageCounts(cards, jurisdictions, { ...NO_FILTER, mine: 'US-CA' }, ['en', 'es', 'fr', 'ar'])).toEqual([
      { code: 'en', count: 5 },
      { code: 'es', count: 2 },
      { code: 'fr', count: 1 },
      { code: 'ar', count: 1 },
    ]);
  });

  it('combine: topic, language and place together', () => {
    const shown = filterCards(cards, jurisdictions, { jurisdiction: 'US-CA', topic: 'demonstrations', language: 'en', mine: null }, 'es');
    expect(ids(shown)).toEqual(['us-rights/en', 'ca-recording/en']);
  });
});
