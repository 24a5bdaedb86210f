import type { DiffPart } from './types';

/**
 * What the maintainer's review screen is shown of a partner's submission, and what a decision returns. The file
 * format itself is electron/core/submissions/format.ts; these are the views of it that cross the contract.
 */

/** How a submitted guide stands against the maintainer's content folder. */
export type SubmissionChangeKind =
  /** No such file in the content folder, and the partner started from nothing. */
  | 'new'
  /** Based on the version in the content folder now. */
  | 'clean'
  /** Based on an older version: someone published since; accepting would overwrite it. */
  | 'old-base'
  /** Based on a version of a file the content folder no longer has. */
  | 'no-current';

export type SubmissionCredit = { as: 'name'; name: string } | { as: 'organisation'; organisation: string } | { as: 'none' };

export interface SubmissionGuideChange {
  path: string;
  id: string;
  lang: string;
  jurisdiction: string;
  /** What the partner says it is: a new guide, a new version, a new translation. */
  submitted: 'new' | 'version' | 'translation';
  base: number | null;
  /** The version in the content folder now; null when there is none. */
  current: number | null;
  change: SubmissionChangeKind;
  /** The guide language's direction: texts and diffs are shown in it. */
  dir: 'ltr' | 'rtl';
  /** The file in the content folder now (Markdown with its front matter), and the partner's. */
  before: string | null;
  after: string;
  /** Word diff from `before` (or nothing) to `after`; null when the texts are too large or too different to compare (see `diffProblem`). */
  inline: DiffPart[] | null;
  /** Why a word diff could not be made; the texts side by side are still there. */
  diffProblem: string | null;
  /** With an old base: the base text when the content folder's history/ keeps it, what was published since (base → current) and the partner's own change (base → submission). */
  baseText: string | null;
  sinceBase: DiffPart[] | null;
  partnerChange: DiffPart[] | null;
  /** Whether the signer's key is delegated for this guide's jurisdiction (a maintainer may still accept it: the maintainer's own key signs the pack). */
  delegated: boolean;
  /** One line for the person: what accepting would do, or why it would refuse. */
  note: string;
}

export interface SubmissionRecord {
  id: string;
  decision: 'accepted' | 'changes-requested' | 'rejected';
  date: string;
  reviewer: string;
  reason: string;
  key: string;
  fileSha256: string;
  guides: { path: string; base: number | null; published: number | null }[];
  notes: { path: string; note: string }[];
}

export interface SubmissionPreview {
  id: string;
  created: string;
  fileSha256: string;
  /** The key that signed it, as the content's key list names it, and the name the partner writes under. */
  signer: { id: string; name: string; keyName: string; role: 'maintainer' | 'partner'; jurisdictions: string[] | null; expires: string };
  credit: SubmissionCredit;
  message: string;
  replaces: string | null;
  guides: SubmissionGuideChange[];
  /** Set when this submission was already decided (content/submissions/<id>.json). */
  decided: SubmissionRecord | null;
}

export interface SubmissionDecision {
  record: SubmissionRecord;
  /** The reply for the partner (`.fbreply`): a file name and its JSON text, for the UI to save. */
  reply: { fileName: string; text: string };
}
