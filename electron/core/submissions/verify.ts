import { join } from 'node:path';
import { loadContent } from '../content/load';
import type { Catalog } from '../content/model';
import { type ArchiveLimits, DEFAULT_LIMITS, readArchive } from '../packs/archive';
import { PackError } from '../packs/errors';
import type { KeyEntry } from '../packs/keylist';
import { keyIdOf, publicKeyFromRaw } from '../packs/keys';
import { firstMismatch, listedGuideProblems, problemLines } from '../packs/listed';
import { GUIDE_PATH, sha256 } from '../packs/manifest';
import { hasValidSignature } from '../packs/signed';
import { loadTrustAnchors } from '../packs/trust';
import { refuseSubmission } from './errors';
import { SUBMISSION_FILE, type Submission, submissionEnvelopeSchema, submissionSchema } from './format';

/**
 * Checks a partner's submission file against the maintainer's content folder, in the order of README.md "Checks":
 * the archive, submission.json and its signature, the signer in the content's key list, each guide's bytes and the
 * content rules. Reads the content folder, writes nothing; throws a SubmissionError for the first refusal.
 */
export interface SubmissionContext {
  /** The maintainer's content folder: its keys/ (the key list), guides/ and lists. */
  contentDir: string;
  now: Date;
  limits?: ArchiveLimits;
}

export interface VerifiedSubmission {
  submission: Submission;
  /** SHA-256 of the whole file: a reply names the very file it answers. */
  fileSha256: string;
  /** The signer's entry in the content's key list. */
  signer: KeyEntry;
  /** Each listed guide's text, by path. */
  texts: Map<string, string>;
  /** The content folder with the submitted guides laid over it, as the content rules loaded it. */
  catalog: Catalog;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    refuseSubmission('malformed', `${SUBMISSION_FILE} is not valid JSON; the file is damaged: ask the partner to send it again`);
  }
}

async function readEntries(bytes: Buffer, limits: ArchiveLimits): Promise<Map<string, Buffer>> {
  try {
    return await readArchive(bytes, limits);
  } catch (error) {
    // The archive reader speaks of packs; the person here opened a submission.
    if (error instanceof PackError)
      refuseSubmission(
        'malformed',
        error.message
          .replace(/^packs: /, '')
          .replace(/\.fbpack\b/g, '.fbsub')
          .replace(/\bpack file\b/g, 'submission file')
          .replace(/\b(its )?publisher\b/g, 'the partner')
          .replace(/\bpack\b/g, 'submission'),
      );
    throw error;
  }
}

export async function verifySubmission(bytes: Buffer, context: SubmissionContext): Promise<VerifiedSubmission> {
  // 1. The archive, within the limits packs are read with.
  const files = await readEntries(bytes, context.limits ?? DEFAULT_LIMITS);
  const json = files.get(SUBMISSION_FILE);
  if (!json) refuseSubmission('malformed', `the file holds no ${SUBMISSION_FILE}; it is not a submission: choose a .fbsub file a partner sent`);

  // 2. submission.json: well formed, its key id the one of the key it carries, its signature valid.
  const envelope = submissionEnvelopeSchema.safeParse(parseJson(json));
  if (!envelope.success)
    refuseSubmission(
      'malformed',
      `${SUBMISSION_FILE} is not a signed submission (${envelope.error.issues[0]?.path.join('.') || 'top level'}: ${envelope.error.issues[0]?.message}); ask the partner to send it again`,
    );
  const parsed = submissionSchema.safeParse(envelope.data.signed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuseSubmission(
      'malformed',
      `${SUBMISSION_FILE}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; it was made by another version of Fieldbook or damaged: ask the partner to send it again`,
    );
  }
  const submission = parsed.data;
  const seen = new Set<string>();
  for (const guide of submission.guides) {
    const match = GUIDE_PATH.exec(guide.path)!;
    if (match[1] !== guide.jurisdiction || match[2] !== guide.id || match[3] !== guide.lang)
      refuseSubmission(
        'malformed',
        `${SUBMISSION_FILE}: ${guide.path} is listed as ${guide.jurisdiction}/${guide.id}/${guide.lang}; the list is inconsistent: ask the partner to send it again`,
      );
    if (seen.has(guide.path)) refuseSubmission('malformed', `${SUBMISSION_FILE} lists ${guide.path} twice; ask the partner to send it again`);
    seen.add(guide.path);
  }
  const carriedKey = publicKeyFromRaw(submission.signer.publicKey);
  if (keyIdOf(carriedKey) !== submission.signer.id)
    refuseSubmission(
      'tampered',
      `${SUBMISSION_FILE} says key ${submission.signer.id} but carries another key; the file was changed: ask the partner to send it again`,
    );
  if (!hasValidSignature({ signed: submission, signatures: envelope.data.signatures }, submission.signer.id, carriedKey))
    refuseSubmission(
      'tampered',
      `the signature of ${SUBMISSION_FILE} does not match its contents for key ${submission.signer.id} ("${submission.signer.name}"); it was changed after signing: ask the partner to send it again`,
    );

  // 3. The signer: a key the content's key list delegates, not revoked or expired.
  const keysDir = join(context.contentDir, 'keys');
  const { keyList } = await loadTrustAnchors(keysDir);
  const entry = keyList?.signed.keys.find((key) => key.id === submission.signer.id);
  const who = `key ${submission.signer.id} ("${submission.signer.name}")`;
  if (!entry)
    refuseSubmission(
      'unknown-key',
      `${who} is not in the key list (${keysDir}/keylist.json); if you know this partner, ask the partner for their public key file and delegate it with npm run content -- delegate, then open the submission again`,
    );
  if (entry.publicKey !== submission.signer.publicKey)
    refuseSubmission('tampered', `${who} is in the key list with another public key; the file was changed: ask the partner to send it again`);
  const now = context.now.getTime();
  if (entry.revoked && Date.parse(entry.revoked) <= now)
    refuseSubmission(
      'key-revoked',
      `${who} ("${entry.name}" in the key list) was revoked on ${entry.revoked.slice(0, 10)}; its submissions are not accepted: ask the partner to sign with a current key`,
    );
  if (Date.parse(entry.expires) <= now)
    refuseSubmission(
      'key-expired',
      `${who} ("${entry.name}" in the key list) expired on ${entry.expires.slice(0, 10)}; renew it with npm run content -- delegate, then open the submission again`,
    );

  // 4. Each guide present exactly as signed, and valid by the content rules laid over the content it joins.
  const mismatch = firstMismatch(files, submission.guides, [SUBMISSION_FILE]);
  if (mismatch?.kind === 'unlisted')
    refuseSubmission(
      'malformed',
      `the file holds ${mismatch.path}, which ${SUBMISSION_FILE} does not list; something was added to it: ask the partner to send it again`,
    );
  if (mismatch?.kind === 'missing')
    refuseSubmission('malformed', `${SUBMISSION_FILE} lists ${mismatch.path}, which the file does not hold; ask the partner to send it again`);
  if (mismatch?.kind === 'size')
    refuseSubmission(
      'tampered',
      `${mismatch.path} is ${mismatch.actual} bytes but ${SUBMISSION_FILE} says ${mismatch.expected}; it was changed after signing: ask the partner to send it again`,
    );
  if (mismatch?.kind === 'hash')
    refuseSubmission(
      'tampered',
      `${mismatch.path} does not match its SHA-256 in ${SUBMISSION_FILE}; it was changed after signing: ask the partner to send it again`,
    );
  let catalog: Catalog | undefined;
  const { texts, problems } = await listedGuideProblems(files, submission.guides, async (overlay) => {
    catalog = await loadContent(context.contentDir, { files: overlay });
    return catalog.problems;
  });
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  if (errors.length > 0)
    refuseSubmission(
      'malformed-guide',
      `${problemLines(errors)}\n${errors.length} problem(s) in the submitted guides; send these lines to the partner: they correct the draft and send it again`,
    );

  return { submission, fileSha256: sha256(bytes), signer: entry, texts, catalog: catalog! };
}
