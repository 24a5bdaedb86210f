import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../../electron/core/content/model';
import { openSearch } from '../../electron/core/search/service';
import { placesIn } from '../../electron/core/search/places';
import { catalogOf, guide } from '../search/catalog';

/**
 * What people type, as they type it: swapped letters, questions full of small words, other forms of a word, and
 * places by their abbreviations; and, with "my jurisdiction" set, its guides first for the same words.
 */
const catalog = catalogOf([
  guide('police-custody', 'en', 'GB', 'Police custody', '## At the station\n\nThe custody officer must tell you why you are held.'),
  guide('encryption', 'en', 'global', 'Encryption', '## Turn it on\n\nEncryption protects a phone that is taken.'),
  guide('what-to-do', 'en', 'global', 'What to do before you go', '## What to do\n\nWhat you do and what you bring: do it if you can.'),
  guide('detention', 'en', 'US', 'If you are detained', '## Detained by police\n\nIf police have detained you, ask whether you are free to go.'),
  guide('detainee', 'en', 'US', 'Help for a detainee', '## Detainees\n\nA detainee may call a lawyer.'),
  guide('arrest-exact', 'en', 'US', 'Arrested at a protest', '## Arrested\n\nIf you are arrested, stay calm.'),
  guide('arrest-stem', 'en', 'US', 'Arrest powers', '## Arrest\n\nThe power of arrest is set by statute.'),
  guide('ca-filming', 'en', 'US-CA', 'Filming in California', '## Filming\n\nYou may film officers in public.'),
  guide(
    'gb-filming',
    'en',
    'GB',
    'Filming in Britain',
    '## Filming\n\nYou may film officers in public. Filming is lawful; film calmly, film from a distance.',
  ),
  guide('us-film', 'en', 'US', 'Filming federal officers', '## Film\n\nFederal officers may be filmed in public.'),
]);
const withPlaces: Jurisdiction[] = catalog.jurisdictions.map((j) =>
  j.code === 'US-CA' ? { ...j, abbreviations: ['CA'], aliases: ['Calif.'] } : j.code === 'GB' ? { ...j, aliases: ['UK'], abbreviations: ['GB'] } : j,
);
const search = openSearch({ ...catalog, jurisdictions: withPlaces });
const ids = async (q: string, myJurisdiction: string | null = null) =>
  (await search.query({ q, myJurisdiction, limit: 10 })).map((result) => result.doc.guideId);

describe('search understands what people type', () => {
  it('counts two swapped letters as one typo, from four letters', async () => {
    expect((await ids('polcie custody'))[0]).toBe('police-custody');
    expect((await ids('encrpyt'))[0]).toBe('encryption');
    // Below four letters a swap is not taken for a typo: "ot" is not "to".
    expect(await ids('fo')).not.toContain('what-to-do');
  });

  it('weighs question words down without dropping them, so the keyword decides', async () => {
    // Without stop-word weighting, "What to do before you go" holds four of the five words.
    expect((await ids('what to do if detained'))[0]).toBe('detention');
    // A query of nothing but small words still finds something.
    expect((await ids('what to do'))[0]).toBe('what-to-do');
  });

  it('finds other forms of a word by its stem, and ranks the exact form first', async () => {
    expect(await ids('detain')).toEqual(expect.arrayContaining(['detention']));
    // Snowball stems "detainee" apart from "detained"; the search still reaches it, below the word as typed.
    const detained = await ids('detained');
    expect(detained[0]).toBe('detention');
    expect(detained).toContain('detainee');
    const arrested = await ids('arrested');
    expect(arrested.indexOf('arrest-exact')).toBeLessThan(arrested.indexOf('arrest-stem'));
    expect(arrested).toContain('arrest-stem');
  });

  it('understands places by name, alias and abbreviation, and weighs results toward them', async () => {
    expect((await ids('CA filming'))[0]).toBe('ca-filming');
    expect((await ids('Calif. filming'))[0]).toBe('ca-filming');
    expect((await ids('california filming'))[0]).toBe('ca-filming');
    expect((await ids('uk filming'))[0]).toBe('gb-filming');
    // Without a place, the guide that says "film" most comes first.
    expect((await ids('filming'))[0]).toBe('gb-filming');
  });

  it('takes an abbreviation for a place only in capitals, where it is also a word', () => {
    expect(placesIn('CA filming', withPlaces).codes).toEqual(['US-CA']);
    expect(placesIn('ca filming', withPlaces).codes).toEqual([]);
    expect(placesIn('UK filming', withPlaces)).toEqual({ codes: ['GB'], rest: '   filming' });
    // A query that is nothing but a place is searched as typed.
    expect(placesIn('California', withPlaces)).toEqual({ codes: ['US-CA'], rest: 'California' });
  });

  it('with my jurisdiction set, ranks its own guides above another place’s for the same words', async () => {
    expect((await ids('filming', 'US-CA'))[0]).toBe('ca-filming');
    expect((await ids('filming', 'US'))[0]).toBe('us-film');
    expect((await ids('filming', 'GB'))[0]).toBe('gb-filming');
  });
});
