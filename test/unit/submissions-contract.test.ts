import { afterEach, describe, expect, it } from 'vitest';
import { replySchema } from '../../electron/core/submissions/format';
import { inProcessClient, fixedClock } from '../support/in-process';
import { bundledVersion, removeWorld, SPANISH_GUIDE } from '../support/packs';
import { maintainerWorld, submissionFrom, TODAY } from '../support/submissions';
import { join } from 'node:path';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map(removeWorld));
  dirs = [];
});

const b64 = (bytes: Buffer) => bytes.toString('base64');

describe('submissions.* through the contract', () => {
  it('open shows the signer and the change; accept publishes and the reader shows the new version with the credit', async () => {
    const { world, contentDir } = await maintainerWorld();
    dirs.push(world.dir);
    const { client } = await inProcessClient(join(world.dir, 'data'), { contentDir, maintainerContentDir: contentDir, clock: fixedClock(TODAY) });
    const base = bundledVersion(SPANISH_GUIDE);
    const { bytes } = await submissionFrom(world.keys.partnerES, { credit: { as: 'name', name: 'Ana García' } });

    const preview = await client.invoke('submissions.open', { bytes: b64(bytes) });
    expect(preview.signer).toMatchObject({ id: world.keys.partnerES.id, keyName: 'Clínica de prueba', name: 'Ana', role: 'partner' });
    expect(preview.guides).toEqual([expect.objectContaining({ path: SPANISH_GUIDE, change: 'clean', current: base, dir: 'ltr' })]);
    expect(preview.decided).toBeNull();

    await expect(client.invoke('submissions.accept', { token: preview.token, reviewer: ' ' })).rejects.toThrow(/reviewer’s name/);
    const decision = await client.invoke('submissions.accept', { token: preview.token, reviewer: 'Marta Ruiz' });
    expect(replySchema.parse(JSON.parse(decision.reply.text)).published).toEqual([{ path: SPANISH_GUIDE, version: base + 1 }]);

    const guide = await client.invoke('guide.get', { id: 'es-recording-police', lang: 'es' });
    expect(guide.version).toBe(base + 1);
    expect(guide.body).toContain('Una frase nueva, añadida por la clínica.');
    expect(guide.authors).toContainEqual({ name: 'Ana García', role: 'writer' });
    expect(guide.changelog[0]).toEqual({ version: base + 1, date: TODAY, changes: 'Test change.' });
    expect(await client.invoke('submissions.list')).toEqual([decision.record]);

    const reopened = await client.invoke('submissions.open', { bytes: b64(bytes) });
    expect(reopened.decided).toEqual(decision.record);
    await expect(client.invoke('submissions.reject', { token: reopened.token, reviewer: 'Marta', reason: 'x' })).rejects.toThrow(/already accepted/);
  });

  it('is refused, saying why, when no maintainer content folder is open', async () => {
    const { world, contentDir } = await maintainerWorld();
    dirs.push(world.dir);
    const { client } = await inProcessClient(join(world.dir, 'data'), { contentDir, clock: fixedClock(TODAY) });
    await expect(client.invoke('submissions.list')).rejects.toThrow(/no maintainer content folder open/);
    const { bytes } = await submissionFrom(world.keys.partnerES);
    await expect(client.invoke('submissions.open', { bytes: b64(bytes) })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
