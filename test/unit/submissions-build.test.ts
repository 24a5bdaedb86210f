import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../electron/core/packs/archive';
import { generateKey, publicKeyFromRaw } from '../../electron/core/packs/keys';
import { hasValidSignature } from '../../electron/core/packs/signed';
import { buildSubmission, type SubmissionInput } from '../../electron/core/submissions/build';
import { SubmissionError } from '../../electron/core/submissions/errors';
import { SUBMISSION_FILE, submissionEnvelopeSchema, submissionSchema } from '../../electron/core/submissions/format';
import { bundledFile, bundledVersion, nextVersion, SPANISH_GUIDE } from '../support/packs';

async function input(extra: Partial<SubmissionInput> = {}): Promise<SubmissionInput> {
  const pair = generateKey();
  const text = (await bundledFile(SPANISH_GUIDE)).toString('utf8');
  return {
    guides: [
      { path: SPANISH_GUIDE, kind: 'version', base: bundledVersion(SPANISH_GUIDE), bytes: Buffer.from(nextVersion(text, 'Una frase nueva.')) },
    ],
    message: 'Actualizamos la sección sobre grabar a la policía.',
    credit: { as: 'organisation', organisation: 'Clínica de prueba' },
    replaces: null,
    today: '2027-01-15',
    signer: { ...pair, name: 'Ana' },
    ...extra,
  };
}

describe('buildSubmission', () => {
  it('writes submission.json and each guide whole, signed by the partner, listing base, size and hash', async () => {
    const given = await input();
    const { submission, bytes } = await buildSubmission(given);
    const files = await readArchive(bytes);
    expect([...files.keys()]).toEqual([SUBMISSION_FILE, SPANISH_GUIDE]);
    const guide = given.guides[0]!;
    expect(files.get(SPANISH_GUIDE)!.equals(guide.bytes)).toBe(true);
    const envelope = submissionEnvelopeSchema.parse(JSON.parse(files.get(SUBMISSION_FILE)!.toString('utf8')));
    expect(submissionSchema.parse(envelope.signed)).toEqual(submission);
    expect(hasValidSignature(envelope, given.signer.id, given.signer.publicKey)).toBe(true);
    expect(submission.guides).toEqual([
      {
        path: SPANISH_GUIDE,
        id: 'es-recording-police',
        lang: 'es',
        jurisdiction: 'ES',
        kind: 'version',
        base: guide.base,
        size: guide.bytes.length,
        sha256: createHash('sha256').update(guide.bytes).digest('hex'),
      },
    ]);
    expect(submission.signer.id).toBe(given.signer.id);
    expect(publicKeyFromRaw(submission.signer.publicKey).equals(given.signer.publicKey)).toBe(true);
    expect(submission.created).toBe('2027-01-15');
    expect(submission.credit).toEqual({ as: 'organisation', organisation: 'Clínica de prueba' });
  });

  it('carries nothing but what it was given: no time of day, no local path or user name', async () => {
    const { bytes } = await buildSubmission(await input());
    const json = (await readArchive(bytes)).get(SUBMISSION_FILE)!.toString('utf8');
    expect(json).not.toMatch(/T\d{2}:\d{2}/);
    expect(json).not.toContain(process.cwd());
    if (process.env.USER) expect(json).not.toContain(`"${process.env.USER}"`);
  });

  it('gives each submission its own random id', async () => {
    const given = await input();
    const ids = new Set(await Promise.all([1, 2, 3].map(async () => (await buildSubmission(given)).submission.id)));
    expect(ids.size).toBe(3);
  });

  it('refuses a signer whose id is not its key, a guide listed twice, and a path outside guides/', async () => {
    const given = await input();
    const other = generateKey();
    await expect(buildSubmission({ ...given, signer: { ...given.signer, id: other.id } })).rejects.toThrow(/is not the id of the key given/);
    await expect(buildSubmission({ ...given, guides: [given.guides[0]!, given.guides[0]!] })).rejects.toThrow(/listed twice/);
    const error = await buildSubmission({ ...given, guides: [{ ...given.guides[0]!, path: '../etc/passwd' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmissionError);
    expect((error as SubmissionError).reason).toBe('malformed');
    expect((error as Error).message).toMatch(/guides\.0\.path: must be guides\/<jurisdiction>/);
  });
});
