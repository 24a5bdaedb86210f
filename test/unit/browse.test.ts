import { describe, expect, it } from 'vitest';
import type { JurisdictionInfo } from '../../electron/api/types';
import {
  ancestry,
  type Browsable,
  filterCards,
  jurisdictionTree,
  languageCounts,
  NO_FILTER,
  subtree,
  topicCounts,
} from '../../renderer/features/library/browse';

const names = {};
const jurisdictions: JurisdictionInfo[] = [
  { code: 'global', parent: null, names },
  { code: 'US', parent: 'global', names },
  { code: 'US-CA', parent: 'US', names },
  { code: 'US-NY', parent: 'US', names },
  { code: 'GB', parent: 'global', names },
];

interface TestCard extends Browsable {
  id: string;
}

function card(id: string, jurisdiction: string, lang: string, topics: string[]): TestCard {
  return { id, jurisdiction, lang, topics };
}

const cards = [
  card('phone', 'global', 'en', ['devices']),
  card('phone', 'global', 'ar', ['devices']),
  card('us-rights', 'US', 'en', ['demonstrations']),
  card('us-rights', 'US', 'es', ['demonstrations']),
  card('ca-recording', 'US-CA', 'en', ['recording-police', 'demonstrations']),
  card('ny-recording', 'US-NY', 'en', ['recording-police']),
  card('gb-rights', 'GB', 'en', ['demonstrations']),
];
const ids = (list: TestCard[]) => list.map((c) => `${c.id}/${c.lang}`);

describe('my jurisdiction', () => {
  it('brings in the parents and global, not siblings, children or other countries', () => {
    expect(ancestry(jurisdictions, 'US-CA')).toEqual(['US-CA', 'US', 'global']);
    expect(ids(filterCards(cards, jurisdictions, { ...NO_FILTER, mine: 'US-CA' }))).toEqual([
      'phone/en',
      'phone/ar',
      'us-rights/en',
      'us-rights/es',
      'ca-recording/en',
    ]);
    expect(ids(filterCards(cards, jurisdictions, { ...NO_FILTER, mine: 'US' }))).toEqual(['phone/en', 'phone/ar', 'us-rights/en', 'us-rights/es']);
  });

  it('treats an unknown code as no match rather than failing, and survives a loop in the list', () => {
    expect(ancestry(jurisdictions, 'XX')).toEqual([]);
    const looped: JurisdictionInfo[] = [
      { code: 'A', parent: 'B', names },
      { code: 'B', parent: 'A', names },
    ];
    expect(ancestry(looped, 'A')).toEqual(['A', 'B']);
    expect(jurisdictionTree([], looped, NO_FILTER)).toEqual([]);
  });
});

describe('browsing the hierarchy', () => {
  it('a jurisdiction shows its own guides and its children’s', () => {
    expect([...subtree(jurisdictions, 'US')]).toEqual(['US', 'US-CA', 'US-NY']);
    expect(ids(filterCards(cards, jurisdictions, { ...NO_FILTER, jurisdiction: 'US' }))).toEqual([
      'us-rights/en',
      'us-rights/es',
      'ca-recording/en',
      'ny-recording/en',
    ]);
  });

  it('counts each node with its children, under the other filters', () => {
    const tree = jurisdictionTree(cards, jurisdictions, NO_FILTER);
    expect(tree).toEqual([
      {
        code: 'global',
        count: 7,
        children: [
          {
            code: 'US',
            count: 4,
            children: [
              { code: 'US-CA', count: 1, children: [] },
              { code: 'US-NY', count: 1, children: [] },
            ],
          },
          { code: 'GB', count: 1, children: [] },
        ],
      },
    ]);
    const english = jurisdictionTree(cards, jurisdictions, { ...NO_FILTER, language: 'en', jurisdiction: 'GB' });
    // Choosing a jurisdiction does not change the tree's own counts; the language filter does.
    expect(english[0]!.count).toBe(5);
    expect(english[0]!.children[0]!.count).toBe(3);
  });
});

describe('topic and language counts', () => {
  it('count what choosing each would show, given the other filters', () => {
    const topics = ['demonstrations', 'devices', 'recording-police', 'censorship'];
    expect(topicCounts(cards, jurisdictions, NO_FILTER, topics)).toEqual([
      { id: 'demonstrations', count: 4 },
      { id: 'devices', count: 2 },
      { id: 'recording-police', count: 2 },
    ]);
    expect(topicCounts(cards, jurisdictions, { ...NO_FILTER, mine: 'US-NY', topic: 'devices' }, topics)).toEqual([
      { id: 'demonstrations', count: 2 },
      { id: 'devices', count: 2 },
      { id: 'recording-police', count: 1 },
    ]);
    expect(languageCounts(cards, jurisdictions, { ...NO_FILTER, topic: 'demonstrations', language: 'ar' }, ['en', 'es', 'fr', 'ar'])).toEqual([
      { code: 'en', count: 3 },
      { code: 'es', count: 1 },
      { code: 'ar', count: 0 },
    ]);
  });

  it('combine: topic, language, jurisdiction and my jurisdiction together', () => {
    const shown = filterCards(cards, jurisdictions, { jurisdiction: 'US', topic: 'demonstrations', language: 'en', mine: 'US-CA' });
    expect(ids(shown)).toEqual(['us-rights/en', 'ca-recording/en']);
  });
});
