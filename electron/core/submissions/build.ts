import { type KeyObject, randomBytes } from 'node:crypto';
import { writeArchive } from '../packs/archive';
import { keyIdOf, rawPublicKey } from '../packs/keys';
import { sha256 } from '../packs/manifest';
import { signDocument } from '../packs/signed';
import { refuseSubmission } from './errors';
import { type Credit, SUBMISSION_FILE, SUBMISSION_FORMAT, SUBMISSION_TYPE, type Submission, submissionSchema } from './format';

/**
 * Writes a partner's submission file (`.fbsub`): the chosen guides, whole, and a signed `submission.json` listing
 * each with its base version, size and hash. Only what the caller passes goes in — no paths on disk, no user names,
 * no time of day — so the file says nothing the partner did not write.
 */
export interface SubmissionInput {
  guides: { path: string; kind: 'new' | 'version' | 'translation'; base: number | null; bytes: Buffer }[];
  message: string;
  credit: Credit;
  replaces: string | null;
  today: string; // YYYY-MM-DD
  signer: { id: string; name: string; publicKey: KeyObject; privateKey: KeyObject };
}

const PATH_PARTS = /^guides\/([^/]+)\/([^/]+)\/([^/]+)\.md$/;

export async function buildSubmission(input: SubmissionInput): Promise<{ submission: Submission; bytes: Buffer }> {
  // The key id is derived, never trusted: a signer whose id does not match its key would make a file that fails its own check.
  if (keyIdOf(input.signer.publicKey) !== input.signer.id)
    refuseSubmission('malformed', `key id ${input.signer.id} is not the id of the key given; use the key as it was made`);
  const seen = new Set<string>();
  for (const guide of input.guides) {
    if (seen.has(guide.path)) refuseSubmission('malformed', `${guide.path} is listed twice; send each guide once`);
    seen.add(guide.path);
  }
  const draft = {
    type: SUBMISSION_TYPE,
    format: SUBMISSION_FORMAT,
    id: randomBytes(8).toString('hex'),
    created: input.today,
    signer: { id: input.signer.id, publicKey: rawPublicKey(input.signer.publicKey).toString('base64'), name: input.signer.name },
    credit: input.credit,
    message: input.message,
    replaces: input.replaces,
    guides: input.guides.map((guide) => {
      const [, jurisdiction = '', id = '', lang = ''] = PATH_PARTS.exec(guide.path) ?? [];
      return { path: guide.path, id, lang, jurisdiction, kind: guide.kind, base: guide.base, size: guide.bytes.length, sha256: sha256(guide.bytes) };
    }),
  };
  // The same schema the reader applies: a submission this function writes is one verify.ts can read.
  const parsed = submissionSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuseSubmission(
      'malformed',
      `cannot make the submission (${issue?.path.join('.') || 'submission'}: ${issue?.message}); correct it and try again`,
    );
  }
  const submission = parsed.data;
  const envelope = signDocument(submission, [input.signer]);
  const bytes = await writeArchive([
    { name: SUBMISSION_FILE, bytes: Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8') },
    ...input.guides.map((guide) => ({ name: guide.path, bytes: guide.bytes })),
  ]);
  return { submission, bytes };
}
