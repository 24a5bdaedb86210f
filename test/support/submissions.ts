import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyEntry } from '../../electron/core/packs/keylist';
import type { KeyPair } from '../../electron/core/packs/keys';
import { buildSubmission, type SubmissionInput } from '../../electron/core/submissions/build';
import { SubmissionError } from '../../electron/core/submissions/errors';
import { bundledFile, bundledVersion, CONTENT, makeWorld, NOW, nextVersion, refusalOf, SPANISH_GUIDE, type TestKeys } from './packs';

/**
 * A maintainer's working copy for submission tests: a copy of content/ whose keys folder holds this run's keys
 * (the ES partner delegated unless `keyListFor` says otherwise). Remove `world.dir` when done.
 */
export async function maintainerWorld(keyListFor?: (keys: TestKeys) => KeyEntry[]) {
  const world = await makeWorld(keyListFor);
  const contentDir = join(world.dir, 'content');
  await cp(CONTENT, contentDir, { recursive: true });
  await rm(join(contentDir, 'keys'), { recursive: true });
  await cp(world.keysDir, join(contentDir, 'keys'), { recursive: true });
  return { world, contentDir, context: { contentDir, now: NOW } };
}

export const TODAY = NOW.toISOString().slice(0, 10);

/** The ES partner's next version of the Spanish guide: `extra` added at its end, based on the version bundled. */
export async function spanishEdit(extra = 'Una frase nueva, añadida por la clínica.'): Promise<SubmissionInput['guides'][number]> {
  const text = (await bundledFile(SPANISH_GUIDE)).toString('utf8');
  return { path: SPANISH_GUIDE, kind: 'version', base: bundledVersion(SPANISH_GUIDE), bytes: Buffer.from(nextVersion(text, extra)) };
}

export async function submissionFrom(signer: KeyPair, extra: Partial<SubmissionInput> = {}) {
  return buildSubmission({
    guides: [await spanishEdit()],
    message: 'Añadimos una frase sobre la grabación.',
    credit: { as: 'organisation', organisation: 'Clínica de prueba' },
    replaces: null,
    today: TODAY,
    signer: { ...signer, name: 'Ana' },
    ...extra,
  });
}

/** The SubmissionError a call is refused with (the test fails if it is not refused, or with another error). */
export function submissionRefusal(promise: Promise<unknown>): Promise<SubmissionError> {
  return refusalOf(promise, SubmissionError);
}
