import type { KeyPair } from '../packs/keys';
import { sha256 } from '../packs/manifest';
import { buildSubmission } from '../submissions/build';
import type { Submission } from '../submissions/format';
import { draftFileText, draftPath } from './file';
import { creditOf } from './partner';
import type { Draft, Partner } from './schema';

export interface SendRequest {
  drafts: readonly Draft[];
  partner: Partner;
  pair: KeyPair;
  message: string;
  today: string;
}

/**
 * The submission file for the chosen drafts: each one's guide file, its base version, and the message, signed with
 * the partner key. Nothing else goes in: the files are made from the drafts alone (no paths on this disk, no user
 * names), and the submission answers the earlier one when a maintainer asked for changes.
 */
export async function sendDrafts(request: SendRequest): Promise<{ submission: Submission; bytes: Buffer; sha256: string }> {
  const replaces = request.drafts.find((draft) => draft.replaces !== null)?.replaces ?? null;
  const { submission, bytes } = await buildSubmission({
    guides: request.drafts.map((draft) => ({
      path: draftPath(draft.meta),
      kind: draft.kind,
      base: draft.base,
      bytes: Buffer.from(draftFileText(draft, request.today), 'utf8'),
    })),
    message: request.message,
    credit: creditOf(request.partner),
    replaces,
    today: request.today,
    signer: { id: request.pair.id, name: request.partner.name, publicKey: request.pair.publicKey, privateKey: request.pair.privateKey },
  });
  return { submission, bytes, sha256: sha256(bytes) };
}
