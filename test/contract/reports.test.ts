import { describe, expect, it } from 'vitest';
import { REPORTS_FILE_TYPE } from '../../electron/api/reports';
import { failureOf, freshCore } from '../support/fresh-core';
import { fixedClock, inProcessClient } from '../support/in-process';
import { folderBytes } from '../support/folder-bytes';
import { tempDir } from '../support/temp';

/** Readers' reports through the contract: kept, changed, deleted, saved for the partner, opened again, sealed, wiped. */
const core = freshCore();
const CHEAP = { N: 2 ** 14, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';
const QUOTE = 'Carry a charged phone';

async function anchorOf(client: typeof core.client, heading: string): Promise<string> {
  const guide = await client.invoke('guide.get', { id: 'sample-checklist', lang: 'en' });
  return guide.sections.find((s) => s.heading === heading)!.anchor;
}

describe('readers’ reports', () => {
  it('adds, edits and deletes reports, and they survive a restart', async () => {
    const section = await anchorOf(core.client, 'Before you leave');
    const first = await core.client.invoke('reports.add', {
      guide: 'sample-checklist',
      lang: 'en',
      version: 2,
      section,
      quote: QUOTE,
      kind: 'outdated',
      note: 'The border rules changed in 2026.',
    });
    expect(first).toMatchObject({
      section,
      heading: 'Before you leave',
      quote: QUOTE,
      kind: 'outdated',
      date: '2026-11-28',
      title: expect.any(String),
    });
    const second = await core.client.invoke('reports.add', {
      guide: 'sample-rights',
      lang: 'en',
      version: 1,
      kind: 'unclear',
      note: 'Which police?',
    });
    expect(second).toMatchObject({ section: null, heading: null, quote: null });

    const edited = await core.client.invoke('reports.update', { id: first.id, kind: 'wrong', note: 'It is wrong since the 2026 change.' });
    expect(edited).toMatchObject({ kind: 'wrong', note: 'It is wrong since the 2026 change.', quote: QUOTE });

    const { client: after } = await inProcessClient(core.dataDir);
    expect((await after.invoke('reports.list')).map((r) => [r.guide, r.kind])).toEqual([
      ['sample-rights', 'unclear'],
      ['sample-checklist', 'wrong'],
    ]);
    expect((await after.invoke('reports.delete', { id: second.id })).map((r) => r.id)).toEqual([first.id]);
    const { client: third } = await inProcessClient(core.dataDir);
    expect((await third.invoke('reports.list')).map((r) => r.id)).toEqual([first.id]);
    expect(await failureOf(third.invoke('reports.delete', { id: second.id }))).toMatchObject({ code: 'not-found' });
  });

  it('refuses what a partner could not find: an unknown guide, language, section or version, and an empty note', async () => {
    const add = (change: Record<string, unknown>) =>
      failureOf(
        core.client.invoke('reports.add', { guide: 'sample-checklist', lang: 'en', version: 2, kind: 'wrong', note: 'x', ...change } as never),
      );
    expect(await add({ guide: 'no-such-guide' })).toMatchObject({ code: 'not-found' });
    expect(await add({ lang: 'fr' })).toMatchObject({ code: 'not-found', message: expect.stringContaining('no fr version') });
    expect(await add({ section: 'not-a-section' })).toMatchObject({ code: 'bad-input', message: expect.stringContaining('not a section') });
    expect(await add({ version: 3 })).toMatchObject({ code: 'bad-input', message: expect.stringContaining('version 3') });
    expect(await add({ note: '   ' })).toMatchObject({ code: 'bad-input', message: expect.stringContaining('note') });
    expect(await add({ kind: 'rude' })).toMatchObject({ code: 'bad-input', message: expect.stringContaining('kind') });
    expect(await add({ quote: 'x'.repeat(501) })).toMatchObject({ code: 'bad-input', message: expect.stringContaining('quote') });
    expect(await core.client.invoke('reports.list')).toEqual([]);
  });

  it("saves one guide's reports, or all, with only the report's fields, and opens the file again", async () => {
    await core.client.invoke('reports.add', { guide: 'sample-checklist', lang: 'en', version: 2, quote: QUOTE, kind: 'wrong', note: 'A' });
    await core.client.invoke('reports.add', { guide: 'sample-checklist', lang: 'ar', version: 1, kind: 'unclear', note: 'ب' });
    await core.client.invoke('reports.add', { guide: 'sample-rights', lang: 'en', version: 1, kind: 'outdated', note: 'C' });

    const one = await core.client.invoke('reports.export', { guide: 'sample-checklist', lang: 'en' });
    expect(one.fileName).toBe('fieldbook-reports-sample-checklist-en-2026-11-28.fbreports');
    const file = JSON.parse(one.text);
    expect(file).toEqual({
      type: REPORTS_FILE_TYPE,
      format: 1,
      reports: [{ guide: 'sample-checklist', lang: 'en', version: 2, section: null, quote: QUOTE, kind: 'wrong', note: 'A', date: '2026-11-28' }],
    });
    const all = await core.client.invoke('reports.export', {});
    expect(JSON.parse(all.text).reports.map((r: { guide: string; lang: string }) => `${r.guide}/${r.lang}`)).toEqual([
      'sample-checklist/ar',
      'sample-checklist/en',
      'sample-rights/en',
    ]);
    // Nothing but the reports' own fields: no store ids, no data folder, no time of day.
    expect(all.text).not.toMatch(/"id"|T\d\d:\d\d|fieldbook-test-/);

    // A partner opens it in another Fieldbook: the reports come back with what that library knows of each guide.
    const elsewhere = await tempDir();
    const { client: partner, fieldbook } = await inProcessClient(elsewhere.dir, { clock: fixedClock('2027-01-02') });
    const opened = await partner.invoke('reports.open', { text: all.text });
    expect(opened.reports).toHaveLength(3);
    expect(opened.reports[1]).toMatchObject({ guide: 'sample-checklist', lang: 'en', quote: QUOTE, currentVersion: 2, title: expect.any(String) });
    expect(await partner.invoke('reports.list')).toEqual([]);
    await fieldbook.close();
    await elsewhere.remove();

    expect(await failureOf(core.client.invoke('reports.export', { guide: 'sample-rights', lang: 'ar' }))).toMatchObject({ code: 'not-found' });
    expect(await failureOf(core.client.invoke('reports.export', { guide: 'sample-rights' }))).toMatchObject({ code: 'bad-input' });
  });

  it('names each bad field of a file it cannot open', async () => {
    const bad = JSON.stringify({
      type: REPORTS_FILE_TYPE,
      format: 1,
      reports: [
        { guide: 'sample-checklist', lang: 'en', version: 2, section: null, quote: null, kind: 'wrong', note: 'ok', date: '2026-11-28' },
        { guide: 'Not An Id', lang: 'en', version: 0, section: null, quote: null, kind: 'rude', note: 'x', date: '2026-11-28', who: 'me' },
      ],
    });
    const failure = await failureOf(core.client.invoke('reports.open', { text: bad }));
    expect(failure?.code).toBe('bad-input');
    expect(failure?.message).toContain('reports[1].guide: must be a guide id');
    expect(failure?.message).toContain('reports[1].version: must be 1 or more');
    expect(failure?.message).toContain('reports[1].kind: must be one of wrong, outdated, unclear');
    expect(failure?.message).toMatch(/reports\[1\]: Unrecognized key: "who"|reports\[1\].*who/);
    expect(await failureOf(core.client.invoke('reports.open', { text: '{"type":"fieldbook-collection"}' }))).toMatchObject({
      message: expect.stringContaining('type: must be "fieldbook-reports"'),
    });
    expect(await failureOf(core.client.invoke('reports.open', { text: 'not json' }))).toMatchObject({
      message: expect.stringContaining('not JSON'),
    });
  });

  it('travels in a personal export, and importing it again adds nothing twice', async () => {
    await core.client.invoke('reports.add', { guide: 'sample-rights', lang: 'en', version: 1, kind: 'unclear', note: 'Which police?' });
    const exported = await core.client.invoke('personal.export', { passphrase: PASSPHRASE });
    await core.client.invoke('safety.wipe', { confirm: true });
    expect(await core.client.invoke('reports.list')).toEqual([]);
    await core.client.invoke('reports.add', { guide: 'sample-checklist', lang: 'en', version: 2, kind: 'wrong', note: 'Made after the wipe' });
    await core.client.invoke('personal.import', { passphrase: PASSPHRASE, text: exported.text });
    await core.client.invoke('personal.import', { passphrase: PASSPHRASE, text: exported.text });
    expect((await core.client.invoke('reports.list')).map((r) => r.note).sort()).toEqual(['Made after the wipe', 'Which police?']);
  });

  it('keeps reports sealed under the lock, serves none while locked, and wipe removes them', async () => {
    const { client } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    await client.invoke('reports.add', {
      guide: 'sample-checklist',
      lang: 'en',
      version: 2,
      quote: QUOTE,
      kind: 'wrong',
      note: 'Secret observation',
    });
    expect(await folderBytes(core.dataDir)).toContain('Secret observation');
    await client.invoke('safety.setPassphrase', { passphrase: PASSPHRASE });
    const sealed = await folderBytes(core.dataDir);
    for (const secret of ['Secret observation', QUOTE, 'sample-checklist']) expect(sealed).not.toContain(secret);

    const { client: after } = await inProcessClient(core.dataDir, { kdf: CHEAP });
    expect((await after.invoke('safety.status')).lock).toBe('locked');
    expect(await after.invoke('reports.list')).toEqual([]);
    expect(
      await failureOf(after.invoke('reports.add', { guide: 'sample-checklist', lang: 'en', version: 2, kind: 'wrong', note: 'x' })),
    ).toMatchObject({
      code: 'locked',
    });
    await after.invoke('safety.unlock', { passphrase: PASSPHRASE });
    expect((await after.invoke('reports.list')).map((r) => r.note)).toEqual(['Secret observation']);
    const kept = await after.invoke('safety.kept');
    expect(kept.items.find((item) => item.what === 'reports')).toMatchObject({ count: 1, encrypted: true });

    await after.invoke('safety.wipe', { confirm: true });
    expect(await after.invoke('reports.list')).toEqual([]);
    expect(await folderBytes(core.dataDir)).not.toContain('Secret observation');
  });
});
