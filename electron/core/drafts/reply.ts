import { FieldbookError } from '../../api/errors';
import { type Reply, replySchema } from '../submissions/format';
import type { Draft } from './schema';

/**
 * Reads a maintainer's reply file (`.fbreply`) and finds what it answers: a submission these drafts went out in,
 * by its id and the SHA-256 of the file sent, so a reply cannot be laid on another submission. Changes nothing.
 */
export function openReply(text: string, drafts: readonly Draft[]): Reply {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FieldbookError('bad-input', 'This file is not a reply from a maintainer (it is not JSON). Open the .fbreply file they sent you.');
  }
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FieldbookError(
      'bad-input',
      `This file is not a reply Fieldbook can read (${issue?.path.join('.') || 'type'}: ${issue?.message}). Ask the maintainer to send the .fbreply file again.`,
    );
  }
  const reply = parsed.data;
  const sent = drafts.filter((draft) => draft.sent?.submission === reply.submission);
  if (sent.length === 0)
    throw new FieldbookError(
      'not-found',
      `This reply answers submission ${reply.submission}, which none of your drafts was sent in. Check that it is the reply to your submission.`,
    );
  if (!sent.some((draft) => draft.sent?.sha256 === reply.submissionSha256))
    throw new FieldbookError(
      'bad-input',
      `This reply names submission ${reply.submission} but not the file you sent (its SHA-256 differs). Ask the maintainer which file they answered.`,
    );
  return reply;
}
