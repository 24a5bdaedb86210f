import type { PathLike } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiffPart } from '../../electron/api/types';
import { editFrontMatter } from '../../electron/core/content/front-matter-edit';
import { loadContent } from '../../electron/core/content/load';
import { contentWarnings } from '../../electron/core/content/warnings';
import { readArchive, writeArchive } from '../../electron/core/packs/archive';
import { acceptSubmission, rejectSubmission, requestChanges } from '../../electron/core/submissions/decide';
import { diffSubmission } from '../../electron/core/submissions/diff';
import { replySchema, SUBMISSION_FILE } from '../../electron/core/submissions/format';
import { listRecords } from '../../electron/core/submissions/records';
import { verifySubmission } from '../../electron/core/submissions/verify';
import { bundledFile, bundledVersion, FRENCH_GUIDE, keyEntry, LATER, NOW, nextVersion, removeWorld, snapshot, SPANISH_GUIDE } from '../support/packs';
import { maintainerWorld, spanishEdit, submissionFrom, submissionRefusal, TODAY } from '../support/submissions';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map(removeWorld));
  dirs = [];
});

async function world(...args: Parameters<typeof maintainerWorld>) {
  const made = await maintainerWorld(...args);
  dirs.push(made.world.dir);
  return made;
}

/** The same archive with one entry's bytes changed by `edit`. */
async function edited(bytes: Buffer, name: string, edit: (entry: Buffer) => Buffer): Promise<Buffer> {
  const files = await readArchive(bytes);
  return writeArchive([...files].map(([entry, content]) => ({ name: entry, bytes: entry === name ? edit(content) : content })));
}

const ltr = () => 'ltr' as const;

describe('verifying a submission', () => {
  it('a clean change from a delegated partner verifies, and its diff shows the added words against the published version', async () => {
    const { world: w, context, contentDir } = await world();
    const { bytes, submission } = await submissionFrom(w.keys.partnerES);
    const verified = await verifySubmission(bytes, context);
    expect(verified.submission).toEqual(submission);
    expect(verified.signer.name).toBe('Clínica de prueba');
    const [change] = await diffSubmission(verified, contentDir, ltr);
    expect(change).toMatchObject({
      path: SPANISH_GUIDE,
      change: 'clean',
      base: bundledVersion(SPANISH_GUIDE),
      current: bundledVersion(SPANISH_GUIDE),
    });
    expect(change!.before).toBe((await bundledFile(SPANISH_GUIDE)).toString('utf8'));
    expect(
      change!
        .inline!.filter((part) => part.kind === 'added')
        .map((part) => part.text)
        .join(''),
    ).toContain('Una frase nueva, añadida por la clínica.');
    expect(change!.sinceBase).toBeNull();
    expect(change!.delegated).toBe(true);
  });

  it('says when a guide is outside what the key is delegated for (an ES key sending a French guide), without refusing it', async () => {
    const { world: w, context, contentDir } = await world();
    const text = (await bundledFile(FRENCH_GUIDE)).toString('utf8');
    const guides = [
      { path: FRENCH_GUIDE, kind: 'version' as const, base: bundledVersion(FRENCH_GUIDE), bytes: Buffer.from(nextVersion(text, 'Une phrase.')) },
    ];
    const verified = await verifySubmission((await submissionFrom(w.keys.partnerES, { guides })).bytes, context);
    const [change] = await diffSubmission(verified, contentDir, ltr);
    expect(change).toMatchObject({ path: FRENCH_GUIDE, change: 'clean', delegated: false });
  });

  it('refuses a guide with one byte changed, and a submission.json edited after signing, as tampered', async () => {
    const { world: w, context } = await world();
    const { bytes } = await submissionFrom(w.keys.partnerES);
    const oneByte = await edited(bytes, SPANISH_GUIDE, (guide) => {
      const copy = Buffer.from(guide);
      const at = copy.indexOf('Una frase');
      copy[at] = 'u'.charCodeAt(0);
      return copy;
    });
    const byte = await submissionRefusal(verifySubmission(oneByte, context));
    expect(byte.reason).toBe('tampered');
    expect(byte.message).toContain(`${SPANISH_GUIDE} does not match its SHA-256`);

    const message = await edited(bytes, SUBMISSION_FILE, (json) =>
      Buffer.from(json.toString('utf8').replace('Añadimos una frase', 'Borramos una frase')),
    );
    const signed = await submissionRefusal(verifySubmission(message, context));
    expect(signed.reason).toBe('tampered');
    expect(signed.message).toMatch(/signature of submission\.json does not match .* changed after signing/);

    const padded = await edited(bytes, SPANISH_GUIDE, (guide) => Buffer.concat([guide, Buffer.from('\n')]));
    expect((await submissionRefusal(verifySubmission(padded, context))).message).toMatch(/bytes but submission\.json says/);
  });

  it('refuses a key the key list does not hold, naming the key and how to delegate it', async () => {
    const { world: w, context } = await world();
    const { bytes } = await submissionFrom(w.keys.stranger);
    const error = await submissionRefusal(verifySubmission(bytes, context));
    expect(error.reason).toBe('unknown-key');
    expect(error.message).toContain(`key ${w.keys.stranger.id} ("Ana")`);
    expect(error.message).toContain('ask the partner for their public key file and delegate it with npm run content -- delegate');
  });

  it('refuses a revoked key and an expired key', async () => {
    const revoked = await world((keys) => [keyEntry(keys.partnerES, 'Clínica', 'partner', { revoked: '2027-01-01T00:00:00Z' })]);
    const r = await submissionRefusal(verifySubmission((await submissionFrom(revoked.world.keys.partnerES)).bytes, revoked.context));
    expect([r.reason, r.message]).toEqual(['key-revoked', expect.stringContaining('was revoked on 2027-01-01')]);
    const expired = await world((keys) => [keyEntry(keys.partnerES, 'Clínica', 'partner', { expires: '2027-01-10T00:00:00Z' })]);
    const e = await submissionRefusal(verifySubmission((await submissionFrom(expired.world.keys.partnerES)).bytes, expired.context));
    expect([e.reason, e.message]).toEqual(['key-expired', expect.stringContaining('expired on 2027-01-10')]);
    expect(LATER > NOW).toBe(true);
  });

  it('refuses a guide that breaks the content rules, naming path:line: field', async () => {
    const { world: w, context } = await world();
    const guide = await spanishEdit();
    const broken = Buffer.from(guide.bytes.toString('utf8').replace(/^lang: es$/m, 'lang: Spanish'));
    const error = await submissionRefusal(
      verifySubmission((await submissionFrom(w.keys.partnerES, { guides: [{ ...guide, bytes: broken }] })).bytes, context),
    );
    expect(error.reason).toBe('malformed-guide');
    const line = broken.toString('utf8').split('\n').indexOf('lang: Spanish') + 1;
    expect(error.message).toContain(`${SPANISH_GUIDE}:${line}: lang: must be a BCP 47 language tag`);
  });

  it('a guide too large to diff word by word is still shown, with the reason, rather than refusing the submission', async () => {
    const { world: w, context, contentDir } = await world();
    const guide = await spanishEdit('Una frase. '.repeat(20_000));
    const verified = await verifySubmission((await submissionFrom(w.keys.partnerES, { guides: [guide] })).bytes, context);
    const [change] = await diffSubmission(verified, contentDir, ltr);
    expect(change).toMatchObject({ change: 'clean', inline: null, after: guide.bytes.toString('utf8') });
    expect(change!.diffProblem).toMatch(/a word diff compares at most 204800 \(200 KB\) per side/);
  });

  it('refuses a file that is not a submission, and one with an extra file', async () => {
    const { world: w, context } = await world();
    const notGzip = await submissionRefusal(verifySubmission(Buffer.from('hello'), context));
    expect([notGzip.reason, notGzip.message]).toEqual([
      'malformed',
      'submissions: this is not a submission file (not gzip-compressed); choose a .fbsub file',
    ]);
    const { bytes } = await submissionFrom(w.keys.partnerES);
    const files = await readArchive(bytes);
    const extra = await writeArchive([
      ...[...files].map(([name, b]) => ({ name, bytes: b })),
      { name: 'guides/ES/other/es.md', bytes: Buffer.from('x') },
    ]);
    const error = await submissionRefusal(verifySubmission(extra, context));
    expect([error.reason, error.message]).toEqual([
      'malformed',
      expect.stringContaining('guides/ES/other/es.md, which submission.json does not list'),
    ]);
  });
});

describe('deciding on a submission', () => {
  it('accept publishes version + 1 with history, changelog, credit and review fields; the folder passes validation with no warnings', async () => {
    const { world: w, context, contentDir } = await world();
    const original = (await bundledFile(SPANISH_GUIDE)).toString('utf8');
    const base = bundledVersion(SPANISH_GUIDE);
    const verified = await verifySubmission((await submissionFrom(w.keys.partnerES)).bytes, context);
    const { record, reply } = await acceptSubmission(verified, { contentDir, reviewer: 'Marta Ruiz', today: TODAY });

    const written = await readFile(join(contentDir, SPANISH_GUIDE), 'utf8');
    const history = await readFile(join(contentDir, `history/ES/es-recording-police/es.v${base}.md`), 'utf8');
    expect(history).toBe(original);
    const catalog = await loadContent(contentDir);
    expect(catalog.problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(contentWarnings(catalog, TODAY)).toEqual([]);
    const meta = catalog.guides.find((g) => g.file === SPANISH_GUIDE)!.meta;
    expect(meta.version).toBe(base + 1);
    expect(meta.updated).toBe(TODAY);
    expect(meta.changelog[0]).toEqual({ version: base + 1, date: TODAY, changes: 'Test change.' });
    expect(meta.changelog.map((entry) => entry.version)).toEqual(Array.from({ length: base + 1 }, (_, i) => base + 1 - i));
    expect(meta.authors.at(-1)).toEqual({ name: 'Clínica de prueba', role: 'writer' });
    expect(meta.review).toEqual({ reviewed_by: 'Marta Ruiz', reviewed_on: TODAY, review_by: '2027-07-15' });
    expect(written).toContain('Una frase nueva, añadida por la clínica.');
    // Only the changed fields moved: the sources block is as the partner wrote it, quotes and all.
    expect(written).toContain(original.slice(original.indexOf('sources:'), original.indexOf('not_covered:')));

    expect(record).toMatchObject({
      decision: 'accepted',
      reviewer: 'Marta Ruiz',
      key: w.keys.partnerES.id,
      guides: [{ path: SPANISH_GUIDE, base, published: base + 1 }],
    });
    const stored = JSON.parse(await readFile(join(contentDir, `submissions/${record.id}.json`), 'utf8'));
    expect(stored).toEqual(record);
    expect(JSON.stringify(stored)).not.toMatch(/Ana|Clínica/);
    const answer = replySchema.parse(JSON.parse(reply.text));
    expect(answer).toMatchObject({
      decision: 'accepted',
      submission: verified.submission.id,
      submissionSha256: verified.fileSha256,
      published: [{ path: SPANISH_GUIDE, version: base + 1 }],
    });
    expect(await listRecords(contentDir)).toEqual([record]);

    const again = await submissionRefusal(acceptSubmission(verified, { contentDir, reviewer: 'Marta Ruiz', today: TODAY }));
    expect(again.reason).toBe('already-decided');
  });

  it('credits the partner as they chose: by name, by organisation, or not at all', async () => {
    const credits = [
      [
        { as: 'name', name: 'Ana García' },
        { name: 'Ana García', role: 'writer' },
      ],
      [
        { as: 'organisation', organisation: 'Clínica de prueba' },
        { name: 'Clínica de prueba', role: 'writer' },
      ],
      [{ as: 'none' }, null],
    ] as const;
    const bundledAuthors = (await loadContent('content')).guides.find((g) => g.file === SPANISH_GUIDE)!.meta.authors;
    for (const [credit, added] of credits) {
      const { world: w, context, contentDir } = await world();
      const verified = await verifySubmission((await submissionFrom(w.keys.partnerES, { credit })).bytes, context);
      await acceptSubmission(verified, { contentDir, reviewer: 'Marta', today: TODAY });
      const authors = (await loadContent(contentDir)).guides.find((g) => g.file === SPANISH_GUIDE)!.meta.authors;
      expect(authors).toEqual(added ? [...bundledAuthors, added] : bundledAuthors);
    }
  });

  it('a new translation is published as version 1, credited as translator, with no history copy', async () => {
    const { world: w, context, contentDir } = await world();
    const path = 'guides/ES/es-recording-police/ar.md';
    const source = (await bundledFile(SPANISH_GUIDE)).toString('utf8');
    const text = editFrontMatter(
      source,
      [
        { path: ['lang'], value: 'ar' },
        { path: ['version'], value: 1 },
        { path: ['changelog'], value: [{ version: 1, date: '2027-01-12', changes: 'ترجمة أولى.' }] },
        { path: ['translation_of'], value: { lang: 'es', version: bundledVersion(SPANISH_GUIDE) } },
      ],
      path,
    );
    const { bytes } = await submissionFrom(w.keys.partnerES, {
      guides: [{ path, kind: 'translation', base: null, bytes: Buffer.from(text) }],
      credit: { as: 'name', name: 'ليلى' },
    });
    const verified = await verifySubmission(bytes, context);
    const [change] = await diffSubmission(verified, contentDir, (lang) => (lang === 'ar' ? 'rtl' : 'ltr'));
    expect(change).toMatchObject({ change: 'new', current: null, before: null, dir: 'rtl', submitted: 'translation' });
    const before = Object.keys(await snapshot(join(contentDir, 'history')));
    const { record } = await acceptSubmission(verified, { contentDir, reviewer: 'Marta', today: TODAY });
    expect(record.guides).toEqual([{ path, base: null, published: 1 }]);
    const catalog = await loadContent(contentDir);
    const meta = catalog.guides.find((g) => g.file === path)!.meta;
    expect(meta.changelog).toEqual([{ version: 1, date: TODAY, changes: 'ترجمة أولى.' }]);
    expect(meta.authors.at(-1)).toEqual({ name: 'ليلى', role: 'translator' });
    expect(contentWarnings(catalog, TODAY).filter((p) => p.file === path)).toEqual([]);
    expect(Object.keys(await snapshot(join(contentDir, 'history')))).toEqual(before);
  });

  it('an old base shows both changes and accept overwrites nothing', async () => {
    const { world: w, context, contentDir } = await world();
    const base = bundledVersion(SPANISH_GUIDE);
    const verified = await verifySubmission((await submissionFrom(w.keys.partnerES)).bytes, context);
    // Someone publishes a version after the partner started: the base moves to history/, the new version is current.
    const original = (await bundledFile(SPANISH_GUIDE)).toString('utf8');
    await writeFile(join(contentDir, `history/ES/es-recording-police/es.v${base}.md`), original);
    await writeFile(join(contentDir, SPANISH_GUIDE), nextVersion(original, 'Otra frase, publicada entre tanto.'));
    const [change] = await diffSubmission(verified, contentDir, ltr);
    expect(change).toMatchObject({ change: 'old-base', base, current: base + 1, baseText: original });
    const added = (parts: DiffPart[] | null) =>
      (parts ?? [])
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join('');
    expect(added(change!.sinceBase)).toContain('Otra frase, publicada entre tanto.');
    expect(added(change!.partnerChange)).toContain('Una frase nueva, añadida por la clínica.');
    expect(change!.note).toContain(`published since: version ${base + 1} is newer than the base ${base}`);

    const before = await snapshot(contentDir);
    const error = await submissionRefusal(acceptSubmission(verified, { contentDir, reviewer: 'Marta', today: TODAY }));
    expect(error.reason).toBe('published-since');
    expect(error.message).toContain(`published since: version ${base + 1} is newer than the base ${base}; merge by hand`);
    expect(await snapshot(contentDir)).toEqual(before);

    // Only the maintainer's explicit choice, once merged by hand, publishes over it: as version + 2, the newer one kept.
    const { record } = await acceptSubmission(verified, { contentDir, reviewer: 'Marta', today: TODAY, overwritePublished: true });
    expect(record.guides).toEqual([{ path: SPANISH_GUIDE, base, published: base + 2 }]);
    expect(await readFile(join(contentDir, `history/ES/es-recording-police/es.v${base + 1}.md`), 'utf8')).toContain(
      'Otra frase, publicada entre tanto.',
    );
    const meta = (await loadContent(contentDir)).guides.find((g) => g.file === SPANISH_GUIDE)!.meta;
    expect(meta.changelog.map((entry) => entry.version)).toEqual(Array.from({ length: base + 2 }, (_, i) => base + 2 - i));
  });

  it('a write that fails half-way leaves the content folder as it was', async () => {
    const { world: w, context, contentDir } = await world();
    const verified = await verifySubmission((await submissionFrom(w.keys.partnerES)).bytes, context);
    const before = await snapshot(contentDir);
    // The guide and its history copy are renamed into place, then the record's rename fails (a full or read-only disk).
    const fs = {
      ...fsp,
      rename: async (from: PathLike, to: PathLike) => {
        if (String(to).includes('/submissions/')) throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });
        return fsp.rename(from, to);
      },
    };
    const error = await submissionRefusal(acceptSubmission(verified, { contentDir, reviewer: 'Marta', today: TODAY, fs }));
    expect(error.reason).toBe('write-failed');
    expect(error.message).toContain('nothing was changed');
    expect(await snapshot(contentDir)).toEqual(before);
    await expect(fsp.stat(join(contentDir, 'submissions'))).rejects.toThrow();
  });

  it('request changes and reject record the decision and answer the partner; reject needs a reason', async () => {
    const { world: w, context, contentDir } = await world();
    const first = await verifySubmission((await submissionFrom(w.keys.partnerES)).bytes, context);
    const before = await snapshot(join(contentDir, 'guides'));
    const asked = await requestChanges(first, {
      contentDir,
      reviewer: 'Marta',
      today: TODAY,
      message: 'Gracias; falta una fuente.',
      notes: [{ path: SPANISH_GUIDE, note: 'Cita el artículo 36.23.' }],
    });
    expect(replySchema.parse(JSON.parse(asked.reply.text))).toMatchObject({
      decision: 'changes-requested',
      message: 'Gracias; falta una fuente.',
      notes: [{ path: SPANISH_GUIDE, note: 'Cita el artículo 36.23.' }],
      published: [],
    });
    const second = await verifySubmission((await submissionFrom(w.keys.partnerES, { replaces: first.submission.id })).bytes, context);
    const noReason = await submissionRefusal(rejectSubmission(second, { contentDir, reviewer: 'Marta', today: TODAY, reason: '  ' }));
    expect([noReason.reason, noReason.message]).toEqual(['bad-decision', expect.stringContaining('give a reason')]);
    const rejected = await rejectSubmission(second, { contentDir, reviewer: 'Marta', today: TODAY, reason: 'Duplica otra guía.' });
    expect(rejected.record).toMatchObject({ decision: 'rejected', reason: 'Duplica otra guía.', guides: [{ path: SPANISH_GUIDE, published: null }] });
    expect((await listRecords(contentDir)).map((r) => r.decision).sort()).toEqual(['changes-requested', 'rejected']);
    expect(await snapshot(join(contentDir, 'guides'))).toEqual(before);
  });
});
