import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, inProcessClient } from '../support/in-process';
import { tempDir } from '../support/temp';

/** Review status through the contract, as both transports carry it: the library, the reader and the dashboard. */
const REVIEW_CONTENT = join(import.meta.dirname, '..', 'fixtures', 'review');

let dataDir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir: dataDir, remove } = await tempDir());
});
afterEach(() => remove());

const open = (date: string) => inProcessClient(dataDir, { contentDir: REVIEW_CONTENT, clock: fixedClock(date) });

describe('review status through the contract', () => {
  it('puts the status computed at the core clock on every library card', async () => {
    const { client } = await open('2027-05-29');
    const cards = (await client.invoke('library.list')).guides;
    const of = (id: string, lang = 'en') => cards.find((c) => c.id === id && c.lang === lang)!.status;
    expect(cards.every((card) => card.status && card.status.today === '2027-05-29')).toBe(true);
    expect(of('law-reviewed')).toMatchObject({ primary: 'overdue', states: ['overdue'], legal: true, daysLeft: -1 });
    expect(of('law-unreviewed')).toMatchObject({ primary: 'overdue', states: ['overdue', 'not-reviewed'] });
    expect(of('sec-guide', 'es')).toMatchObject({
      primary: 'translation-behind',
      legal: false,
      behind: { lang: 'en', version: 3, translatedFrom: 2 },
    });
    expect(of('sec-guide', 'fr').primary).toBe('current');
  });

  it('the same guide is due soon, not overdue, on its review-by day', async () => {
    const { client } = await open('2027-05-28');
    expect((await client.invoke('guide.get', { id: 'law-reviewed' })).status).toMatchObject({ primary: 'due-soon', daysLeft: 0 });
  });

  it('carries what a translation behind its source misses to the reader', async () => {
    const { client } = await open('2026-12-01');
    const es = await client.invoke('guide.get', { id: 'sec-guide', lang: 'es' });
    expect(es.status.behind).toEqual({
      lang: 'en',
      version: 3,
      translatedFrom: 2,
      missed: [{ version: 3, date: '2026-11-28', changes: 'Added a section on power banks.' }],
    });
  });

  it('follows the person\'s "due soon" window', async () => {
    const { client } = await open('2027-05-01');
    const status = async () => (await client.invoke('guide.get', { id: 'law-reviewed' })).status.primary;
    expect(await status()).toBe('due-soon');
    await client.invoke('settings.update', { dueSoonDays: 7 });
    expect(await status()).toBe('current');
  });

  it('answers the dashboard with counts over all guides and the filtered list, most urgent first', async () => {
    const { client } = await open('2027-05-29');
    const all = await client.invoke('review.dashboard', {});
    expect(all).toMatchObject({ today: '2027-05-29', clockFixed: true, dueSoonDays: 30 });
    expect(all.total.counts).toEqual({ overdue: 3, 'due-soon': 0, 'translation-behind': 2, 'not-reviewed': 3, current: 2 });
    expect(all.byJurisdiction.find((row) => row.key === 'US')).toMatchObject({ total: 2, counts: { overdue: 2 } });
    expect(all.byLanguage.find((row) => row.key === 'en')).toMatchObject({ total: 4, counts: { overdue: 3, current: 1 } });
    expect(all.items.map((c) => `${c.id}/${c.lang}`)).toEqual([
      'sec-overdue/en',
      'law-reviewed/en',
      'law-unreviewed/en',
      'sec-guide/ar',
      'sec-guide/es',
      'sec-guide/en',
      'sec-guide/fr',
    ]);
    const legalOverdue = await client.invoke('review.dashboard', { state: 'overdue', legal: true });
    expect(legalOverdue.items.map((c) => c.id)).toEqual(['law-reviewed', 'law-unreviewed']);
    expect(legalOverdue.total.total).toBe(7);
  });

  it('exports the filtered list as CSV and Markdown', async () => {
    const { client } = await open('2027-05-29');
    const csv = await client.invoke('review.export', { format: 'csv', state: 'overdue' });
    expect(csv).toMatchObject({ fileName: 'fieldbook-review-2027-05-29.csv', mediaType: expect.stringMatching(/^text\/csv/) });
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    // The fixture's hostile title is defused and quoted.
    expect(csv.text).toContain(`"'=SUM(1,2) ""quoted"", | [x](https://example.org) <b>bold</b>"`);
    const md = await client.invoke('review.export', { format: 'markdown', jurisdiction: 'US' });
    expect(md.fileName).toBe('fieldbook-review-2027-05-29.md');
    expect(md.text).toContain('\\[x\\]\\(https://example.org\\) \\<b\\>bold\\</b\\>');
    // Header, rule and the two US guides.
    expect(md.text.split('\n').filter((line) => line.startsWith('| ')).length).toBe(4);
  });

  it('refuses a filter it does not know, naming the field', async () => {
    const { router } = await open('2027-05-29');
    const answer = await router.dispatch('review.dashboard', { state: 'stale' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/review\.dashboard: state/) } });
    expect(await router.dispatch('review.export', { format: 'xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'bad-input', message: expect.stringMatching(/format/) },
    });
  });
});
