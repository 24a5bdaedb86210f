import type { SubmissionPreview } from '../../api/submissions';
import { diffSubmission } from './diff';
import { readRecord } from './records';
import { type SubmissionContext, type VerifiedSubmission, verifySubmission } from './verify';

/** Verifies a submission file and says what it would change: what the app's review screen and `content -- submission diff` show. */
export async function previewSubmission(
  bytes: Buffer,
  context: SubmissionContext,
): Promise<{ verified: VerifiedSubmission; preview: SubmissionPreview }> {
  const verified = await verifySubmission(bytes, context);
  const dirs = new Map(verified.catalog.languages.map((language) => [language.code, language.dir]));
  const guides = await diffSubmission(verified, context.contentDir, (lang) => dirs.get(lang) ?? 'ltr');
  const { submission, signer } = verified;
  return {
    verified,
    preview: {
      id: submission.id,
      created: submission.created,
      fileSha256: verified.fileSha256,
      signer: {
        id: signer.id,
        name: submission.signer.name,
        keyName: signer.name,
        role: signer.role,
        jurisdictions: signer.jurisdictions ?? null,
        expires: signer.expires,
      },
      credit: submission.credit,
      message: submission.message,
      replaces: submission.replaces,
      guides,
      decided: await readRecord(context.contentDir, submission.id),
    },
  };
}
