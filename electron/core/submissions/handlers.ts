import type { Handlers } from '../../api/contract';
import { FieldbookError } from '../../api/errors';
import { acceptSubmission, rejectSubmission, requestChanges } from './decide';
import { previewSubmission } from './preview';
import { listRecords } from './records';
import { verifySubmission } from './verify';

export type SubmissionHandlers = Pick<
  Handlers,
  'submissions.open' | 'submissions.accept' | 'submissions.requestChanges' | 'submissions.reject' | 'submissions.list'
>;

export interface SubmissionHandlerDeps {
  /** The maintainer's working copy of the content; absent in an installed app, where there is nothing to accept into. */
  maintainerContentDir: string | undefined;
  now: () => Date;
  /** Called after an accepted submission is written, before the call returns, so the reader shows the new version. */
  contentWritten: () => Promise<void>;
}

/**
 * The maintainer's review of partner submissions. `open` keeps the file it verified under a token (its SHA-256), so
 * the decision is made on exactly the file the person read; each decision checks it again against the folder as it
 * is then (a key revoked or a version published meanwhile is caught).
 */
export function submissionHandlers({ maintainerContentDir, now, contentWritten }: SubmissionHandlerDeps): SubmissionHandlers {
  let opened: { token: string; bytes: Buffer } | null = null;
  const contentDir = (): string => {
    if (!maintainerContentDir)
      throw new FieldbookError(
        'forbidden',
        'submissions: this app has no maintainer content folder open (an installed app reads its guides read-only); review submissions in a working copy with `npm run dev`, `npm run serve` or `npm run content -- submission`',
      );
    return maintainerContentDir;
  };
  const context = () => ({ contentDir: contentDir(), now: now() });
  const today = () => now().toISOString().slice(0, 10);
  const reopen = async (token: string) => {
    if (opened?.token !== token) throw new FieldbookError('bad-input', 'submissions: that submission is no longer open; open the file again');
    return verifySubmission(opened.bytes, context());
  };

  return {
    'submissions.open': async ({ bytes }) => {
      const file = Buffer.from(bytes, 'base64');
      const { preview } = await previewSubmission(file, context());
      opened = { token: preview.fileSha256, bytes: file };
      return { ...preview, token: preview.fileSha256 };
    },
    'submissions.accept': async ({ token, reviewer, message, overwritePublished }) => {
      const verified = await reopen(token);
      const decision = await acceptSubmission(verified, { contentDir: contentDir(), reviewer, today: today(), message, overwritePublished });
      await contentWritten();
      return decision;
    },
    'submissions.requestChanges': async ({ token, reviewer, message, notes }) =>
      requestChanges(await reopen(token), { contentDir: contentDir(), reviewer, today: today(), message, notes }),
    'submissions.reject': async ({ token, reviewer, reason }) =>
      rejectSubmission(await reopen(token), { contentDir: contentDir(), reviewer, today: today(), reason }),
    'submissions.list': async () => listRecords(contentDir()),
  };
}
