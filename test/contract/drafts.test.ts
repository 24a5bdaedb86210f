import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../electron/api/client';
import type { DraftMeta, DraftView } from '../../electron/api/drafts';
import { readArchive } from '../../electron/core/packs/archive';
import { publicKeyFileSchema, publicKeyFromRaw } from '../../electron/core/packs/keys';
import { hasValidSignature } from '../../electron/core/packs/signed';
import { sha256 } from '../../electron/core/packs/manifest';
import { type Reply, submissionSchema } from '../../electron/core/submissions/format';
import { USER_DATA_FILE } from '../../electron/core/store/user-data';
import { faultyDisk, type FaultyDisk } from '../support/failing-fs';
import { failureOf, freshCore } from '../support/fresh-core';
import { folderBytes } from '../support/folder-bytes';
import { inProcessClient } from '../support/in-process';

let disk: FaultyDisk;
const core = freshCore(() => {
  disk = faultyDisk();
  return { storeFs: disk.fs, kdf: { N: 2 ** 14, r: 8, p: 1 } };
});
const PASSPHRASE = 'a long partner passphrase';

async function save(client: Client, draft: DraftView, change: Partial<DraftMeta>, body = draft.body) {
  return client.invoke('drafts.save', { id: draft.id, meta: { ...draft.meta, ...change }, body });
}

/** A Spanish translation of the fixture's US guide, filled in as a partner would. */
async function spanishTranslation(client: Client): Promise<DraftView> {
  const draft = await client.invoke('drafts.create', { kind: 'translation', guide: 'sample-rights', target: 'es' });
  await save(
    client,
    draft,
    { title: 'Guía de derechos de prueba', summary: 'Un texto de prueba; no dice nada de la ley.', changes: 'Primera traducción.' },
    '## Lo que puede hacer la policía\n\nTexto de prueba: manifestación, detención.\n',
  );
  return client.invoke('drafts.get', { id: draft.id });
}

describe('drafts', () => {
  it('are created pre-filled, saved, listed, survive a restart, and deleted', async () => {
    const { client } = core;
    const translation = await client.invoke('drafts.create', { kind: 'translation', guide: 'sample-rights', target: 'es' });
    expect(translation).toMatchObject({
      kind: 'translation',
      lang: 'es',
      state: 'draft',
      version: 1,
      base: null,
      translationOf: { lang: 'en', version: 1 },
    });
    expect(translation.meta).toMatchObject({ id: 'sample-rights', jurisdiction: 'US', lang: 'es', topics: ['demonstrations', 'stop-search-arrest'] });
    expect(translation.source).toMatchObject({ lang: 'en', version: 1, title: 'Sample rights guide for testing' });
    expect(translation.body).toContain('## What police may do');

    const version = await client.invoke('drafts.create', { kind: 'version', guide: 'sample-checklist', lang: 'ar' });
    expect(version).toMatchObject({ kind: 'version', lang: 'ar', base: 1, version: 2 });

    const first = await save(client, translation, { title: 'Guía de prueba', changes: 'Primera traducción.' }, '## Hola\n\nTexto.\n');
    const second = await save(
      client,
      translation,
      { title: 'Guía de derechos de prueba', changes: 'Primera traducción.' },
      '## Hola\n\nTexto y más.\n',
    );
    expect(second.revision).toBe(first.revision + 1);
    await save(client, version, { changes: 'تصحيح' });

    const reopened = (await inProcessClient(core.dataDir)).client;
    const list = await reopened.invoke('drafts.list');
    expect(list.map((d) => [d.kind, d.lang, d.title, d.state])).toEqual([
      ['version', 'ar', version.meta.title, 'draft'],
      ['translation', 'es', 'Guía de derechos de prueba', 'draft'],
    ]);
    const back = await reopened.invoke('drafts.get', { id: translation.id });
    expect(back.body).toBe('## Hola\n\nTexto y más.\n');
    expect(back.revision).toBe(second.revision);

    const rest = await reopened.invoke('drafts.delete', { id: version.id });
    expect(rest.map((d) => d.id)).toEqual([translation.id]);
    expect(await failureOf(reopened.invoke('drafts.get', { id: version.id }))).toMatchObject({ code: 'not-found' });
  });

  it('report the content rules’ problems beside each field, and none once fixed', async () => {
    const { client } = core;
    const draft = await client.invoke('drafts.create', { kind: 'new', target: 'en', jurisdiction: 'US' });
    const saved = await save(
      client,
      draft,
      {
        id: 'my-new-guide',
        title: 'My new guide',
        summary: '',
        topics: ['not-a-topic'],
        sources: [{ title: 'A statute', publisher: '', url: 'http://example.org/x', date: '' }],
        not_covered: ['Nothing else.'],
        authors: [{ name: 'A partner', role: '' }],
        changes: 'First version.',
      },
      '## Part one\n\nText.\n',
    );
    const byField = (field: string) => saved.problems.filter((p) => p.field === field).map((p) => p.message);
    expect(byField('summary')).toEqual(['must not be empty']);
    expect(byField('sources')).toEqual(['must be an https:// address']);
    // Cross-guide rules run too: the topic is checked against the content's topics.yaml.
    const fixed = await save(
      client,
      draft,
      {
        id: 'my-new-guide',
        title: 'My new guide',
        summary: 'What it says.',
        topics: ['not-a-topic'],
        sources: [{ title: 'A statute', publisher: '', url: 'https://example.org/x', date: '' }],
        not_covered: ['Nothing else.'],
        authors: [{ name: 'A partner', role: '' }],
        changes: 'First version.',
      },
      '## Part one\n\nText.\n',
    );
    expect(fixed.problems.map((p) => [p.field, p.message])).toEqual([['topics', 'unknown topic "not-a-topic"; use one from topics.yaml']]);
    const clean = await save(client, draft, { ...(await client.invoke('drafts.get', { id: draft.id })).meta, topics: ['demonstrations'] });
    expect(clean.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // An id that is no id (a path, say) is a problem beside the field, nothing more.
    const path = await save(client, draft, { id: '../../etc' });
    expect(path.problems.filter((p) => p.field === 'id').map((p) => p.message)).toContain('must be lower-case words joined by hyphens');
    // An id another guide has is refused.
    const taken = await save(client, draft, { id: 'sample-rights' });
    expect(taken.problems.find((p) => p.field === 'id')?.message).toContain('already the id of guides/US/sample-rights/en.md');
  });

  it('a save that fails changes nothing, in memory or on disk, and the next one saves', async () => {
    const { client } = core;
    const draft = await client.invoke('drafts.create', { kind: 'translation', guide: 'sample-rights', target: 'fr' });
    await save(client, draft, { title: 'Avant' });
    const before = await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8');
    disk.fail('ENOSPC', 'write');
    expect(await failureOf(save(client, draft, { title: 'Après' }))).toMatchObject({
      code: 'not-saved',
      message: expect.stringContaining('disk is full'),
    });
    expect((await client.invoke('drafts.get', { id: draft.id })).meta.title).toBe('Avant');
    expect(await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8')).toBe(before);
    disk.fail(null);
    await save(client, draft, { title: 'Après' });
    expect((await (await inProcessClient(core.dataDir)).client.invoke('drafts.get', { id: draft.id })).meta.title).toBe('Après');
  });
});

describe('the drafts’ size', () => {
  it('is bounded so the data file can always be written: a save past it is refused with what to do, and the rest stays', async () => {
    const { client } = core;
    const long = 'palabra '.repeat(37_000);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const draft = await client.invoke('drafts.create', { kind: 'translation', guide: 'sample-rights', target: 'es' });
      await save(client, draft, {}, long);
      ids.push(draft.id);
    }
    const fourth = await client.invoke('drafts.create', { kind: 'translation', guide: 'sample-rights', target: 'es' });
    const refused = await failureOf(save(client, fourth, {}, long));
    expect(refused).toMatchObject({ code: 'not-saved', message: expect.stringContaining('Send or delete drafts you no longer need') });
    expect((await client.invoke('drafts.get', { id: fourth.id })).body).toBe(fourth.body);
    const reopened = (await inProcessClient(core.dataDir)).client;
    for (const id of ids) expect((await reopened.invoke('drafts.get', { id })).body).toBe(long);
  });
});

describe('the partner key', () => {
  it('is made once with an explicit credit choice, exports its public key file, and refuses a wrong passphrase', async () => {
    const { client } = core;
    expect(await client.invoke('partner.get')).toEqual({ partner: null });
    expect(await failureOf(client.invoke('partner.create', { name: 'Ana', credit: {} as never, passphrase: PASSPHRASE }))).toMatchObject({
      code: 'bad-input',
    });
    const made = await client.invoke('partner.create', {
      name: 'Ana',
      credit: { as: 'organisation', organisation: 'Clínica Jurídica' },
      passphrase: PASSPHRASE,
    });
    expect((await client.invoke('partner.get')).partner).toEqual(made);
    expect(await failureOf(client.invoke('partner.create', { name: 'Other', credit: { as: 'none' }, passphrase: PASSPHRASE }))).toMatchObject({
      code: 'bad-input',
    });
    const file = await client.invoke('partner.publicKey');
    const pub = publicKeyFileSchema.parse(JSON.parse(file.text));
    expect(file.fileName).toBe(`${made.id}.pub.json`);
    expect(pub).toMatchObject({ id: made.id, name: 'Ana', type: 'fieldbook-public-key' });
    // The private key sits in the store encrypted: the passphrase does not appear there.
    expect(await readFile(join(core.dataDir, USER_DATA_FILE), 'utf8')).not.toContain(PASSPHRASE);

    const draft = await spanishTranslation(client);
    expect(await failureOf(client.invoke('partner.send', { drafts: [draft.id], message: 'Hola', passphrase: 'not the passphrase' }))).toMatchObject({
      code: 'wrong-passphrase',
    });
    expect((await client.invoke('drafts.get', { id: draft.id })).state).toBe('draft');
  });
});

describe('sending', () => {
  it('carries exactly the chosen drafts, signed, with nothing of this machine, then follows the reply', async () => {
    const { client } = core;
    const made = await client.invoke('partner.create', { name: 'Ana', credit: { as: 'name' }, passphrase: PASSPHRASE });
    const chosen = await spanishTranslation(client);
    const other = await client.invoke('drafts.create', { kind: 'version', guide: 'sample-rights', lang: 'en' });
    await save(client, other, { changes: 'SECRET-OTHER-DRAFT' }, `${other.body}\nSECRET-OTHER-DRAFT body\n`);

    const sent = await client.invoke('partner.send', { drafts: [chosen.id], message: 'Una traducción al español.', passphrase: PASSPHRASE });
    const bytes = Buffer.from(sent.bytes, 'base64');
    expect(sent.sha256).toBe(sha256(bytes));
    const files = await readArchive(bytes);
    expect([...files.keys()].sort()).toEqual(['guides/US/sample-rights/es.md', 'submission.json']);
    const envelope = JSON.parse(files.get('submission.json')!.toString('utf8'));
    const submission = submissionSchema.parse(envelope.signed);
    expect(hasValidSignature(envelope, made.id, publicKeyFromRaw(submission.signer.publicKey))).toBe(true);
    expect(submission).toMatchObject({
      id: sent.submission,
      message: 'Una traducción al español.',
      credit: { as: 'name', name: 'Ana' },
      replaces: null,
      guides: [{ path: 'guides/US/sample-rights/es.md', kind: 'translation', base: null }],
    });
    const guide = files.get('guides/US/sample-rights/es.md')!.toString('utf8');
    expect(guide).toContain('translation_of:\n  lang: en\n  version: 1');
    expect(guide).toContain('Texto de prueba: manifestación, detención.');
    // Nothing of this machine or of the other draft, in the file as it is (gzip) or unpacked.
    const unpacked = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    for (const text of [bytes.toString('latin1'), unpacked]) {
      expect(text).not.toContain(core.dataDir);
      expect(text).not.toContain('SECRET-OTHER-DRAFT');
      expect(text).not.toContain(process.cwd());
    }
    expect(unpacked).not.toMatch(new RegExp(`\\b${userInfo().username}\\b`));
    expect(sent.drafts).toEqual([expect.objectContaining({ id: chosen.id, state: 'sent' })]);
    expect((await client.invoke('drafts.get', { id: other.id })).state).toBe('draft');
    // Once sent, the draft waits for the answer.
    expect(await failureOf(save(client, chosen, { title: 'x' }))).toMatchObject({ code: 'bad-input' });

    const reply: Reply = {
      type: 'fieldbook-reply',
      format: 1,
      submission: sent.submission,
      submissionSha256: sent.sha256,
      decision: 'changes-requested',
      date: '2026-11-30',
      message: 'Casi: revise la segunda sección.',
      notes: [{ path: 'guides/US/sample-rights/es.md', note: 'Falta la sección "Writing things down".' }],
      published: [],
    };
    expect(
      await failureOf(client.invoke('partner.openReply', { text: JSON.stringify({ ...reply, submissionSha256: '0'.repeat(64) }) })),
    ).toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('not the file you sent'),
    });
    expect(await failureOf(client.invoke('partner.openReply', { text: JSON.stringify({ ...reply, submission: 'f'.repeat(16) }) }))).toMatchObject({
      code: 'not-found',
    });
    expect(await failureOf(client.invoke('partner.openReply', { text: 'not json' }))).toMatchObject({ code: 'bad-input' });
    const opened = await client.invoke('partner.openReply', { text: JSON.stringify(reply) });
    expect(opened).toMatchObject({ decision: 'changes-requested', drafts: [expect.objectContaining({ id: chosen.id, state: 'changes-requested' })] });
    const back = await client.invoke('drafts.get', { id: chosen.id });
    expect(back.reply).toEqual({
      decision: 'changes-requested',
      date: '2026-11-30',
      message: reply.message,
      notes: [reply.notes[0]!.note],
      published: null,
    });
    expect(back.replaces).toBe(sent.submission);

    // Changes requested: the partner edits and sends again, answering the earlier submission.
    await save(client, back, {}, `${back.body}\n## Anotar\n\nNotas.\n`);
    const again = await client.invoke('partner.send', { drafts: [chosen.id], message: 'Corregido.', passphrase: PASSPHRASE });
    const resent = JSON.parse((await readArchive(Buffer.from(again.bytes, 'base64'))).get('submission.json')!.toString('utf8'));
    expect(resent.signed.replaces).toBe(sent.submission);
    expect((await client.invoke('drafts.get', { id: chosen.id })).state).toBe('sent');
  });
});

describe('drafts and the partner key are personal data', () => {
  it('are sealed by the passphrase lock, refused while locked, and removed by wipe', async () => {
    const { client } = core;
    await client.invoke('partner.create', { name: 'Ana Seudónimo', credit: { as: 'none' }, passphrase: PASSPHRASE });
    const draft = await spanishTranslation(client);
    await client.invoke('safety.setPassphrase', { passphrase: 'the lock passphrase' });
    await client.invoke('safety.lock', { reason: 'manual' });
    const bytes = await folderBytes(core.dataDir);
    expect(bytes).not.toContain('Texto de prueba');
    expect(bytes).not.toContain('Ana Seud');
    expect(await failureOf(save(client, draft, { title: 'x' }))).toMatchObject({ code: 'locked' });
    await client.invoke('safety.unlock', { passphrase: 'the lock passphrase' });
    expect((await client.invoke('drafts.get', { id: draft.id })).body).toContain('Texto de prueba');

    await client.invoke('safety.wipe', { confirm: true });
    expect(await client.invoke('drafts.list')).toEqual([]);
    expect(await client.invoke('partner.get')).toEqual({ partner: null });
    expect(await folderBytes(core.dataDir)).not.toContain('Texto de prueba');
  });
});
