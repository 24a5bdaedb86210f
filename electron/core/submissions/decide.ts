import { join } from 'node:path';
import { parse } from 'yaml';
import type { SubmissionDecision, SubmissionRecord } from '../../api/submissions';
import { editFrontMatter } from '../content/front-matter-edit';
import { splitFrontMatter } from '../content/guide-file';
import { loadContent } from '../content/load';
import { addMonths, REVIEW_MONTHS } from '../content/warnings';
import { problemLines } from '../packs/listed';
import { isLegalGuide } from '../review/status';
import { currentFile, historyPath } from './diff';
import { refuseSubmission } from './errors';
import { type Credit, MAX_MESSAGE_CHARS, REPLY_TYPE, type Reply, SUBMISSION_FORMAT, type SubmittedGuide } from './format';
import { recordPath, readRecord } from './records';
import type { VerifiedSubmission } from './verify';
import { type WriteFs, writeAll } from './write-all';

/**
 * The maintainer's decisions on a verified submission (README "Accepting"): accept writes the new versions into the
 * content folder as plain files, request changes and reject record why; each writes content/submissions/<id>.json
 * and returns the reply for the partner. Every decision is written all at once or not at all.
 */
export interface DecisionOptions {
  contentDir: string;
  reviewer: string;
  today: string;
  fs?: WriteFs;
}

export interface AcceptOptions extends DecisionOptions {
  /** Publish over versions published since the partner's base: only when the person chose it, having merged by hand. */
  overwritePublished?: boolean;
  /** A word for the partner with the acceptance (optional). */
  message?: string;
}

type ChangelogEntry = { version: number; date: string; changes: string };

function reviewerName(reviewer: string): string {
  const name = reviewer.trim();
  if (name.length === 0 || name.length > 120)
    refuseSubmission(
      'bad-decision',
      'give the reviewer’s name (1 to 120 characters): it is recorded with the decision and in the guides’ review fields',
    );
  return name;
}

async function ensureUndecided(contentDir: string, id: string): Promise<void> {
  const record = await readRecord(contentDir, id);
  if (record)
    refuseSubmission(
      'already-decided',
      `submission ${id} was already ${record.decision} on ${record.date} by ${record.reviewer} (${recordPath(id)}); nothing was changed`,
    );
}

function changelogOf(text: string | null): ChangelogEntry[] {
  const yaml = text === null ? null : splitFrontMatter(text)?.yaml;
  if (!yaml) return [];
  const meta = parse(yaml, { maxAliasCount: 10 }) as { changelog?: unknown };
  return Array.isArray(meta?.changelog) ? (meta.changelog as ChangelogEntry[]) : [];
}

/** The partner's own words for this version: their changelog entry above the base, else the submission's message. */
function partnerWords(submitted: ChangelogEntry[], base: number | null, message: string): string {
  const own = submitted[0];
  if (own && own.version > (base ?? 0) && own.changes.trim()) return own.changes.trim();
  const words = message.trim().replace(/\s+/g, ' ');
  return words.length > 0 ? words.slice(0, 1000) : 'Changes sent by a local partner.';
}

function creditedAuthors(
  authors: { name: string; role?: string }[],
  credit: Credit,
  kind: SubmittedGuide['kind'],
): { name: string; role?: string }[] {
  const name = credit.as === 'name' ? credit.name : credit.as === 'organisation' ? credit.organisation : null;
  if (name === null || authors.some((author) => author.name === name)) return authors;
  return [...authors, { name, role: kind === 'translation' ? 'translator' : 'writer' }];
}

function reply(verified: VerifiedSubmission, record: SubmissionRecord): SubmissionDecision {
  const value: Reply = {
    type: REPLY_TYPE,
    format: SUBMISSION_FORMAT,
    submission: record.id,
    submissionSha256: verified.fileSha256,
    decision: record.decision,
    date: record.date,
    message: record.reason,
    notes: record.notes,
    published: record.guides.flatMap((guide) => (guide.published === null ? [] : [{ path: guide.path, version: guide.published }])),
  };
  return { record, reply: { fileName: `fieldbook-reply-${record.id}.fbreply`, text: `${JSON.stringify(value, null, 2)}\n` } };
}

function recordOf(
  verified: VerifiedSubmission,
  decision: SubmissionRecord['decision'],
  options: DecisionOptions,
  reason: string,
  notes: SubmissionRecord['notes'],
  published: Map<string, number>,
): SubmissionRecord {
  const { submission } = verified;
  return {
    id: submission.id,
    decision,
    date: options.today,
    reviewer: reviewerName(options.reviewer),
    reason,
    key: submission.signer.id,
    fileSha256: verified.fileSha256,
    guides: submission.guides.map((guide) => ({ path: guide.path, base: guide.base, published: published.get(guide.path) ?? null })),
    notes,
  };
}

async function write(options: DecisionOptions, files: { path: string; text: string }[], record: SubmissionRecord): Promise<void> {
  const all = [...files, { path: recordPath(record.id), text: `${JSON.stringify(record, null, 2)}\n` }];
  try {
    await writeAll(
      all.map((file) => ({ path: join(options.contentDir, file.path), text: file.text })),
      options.fs,
    );
  } catch (error) {
    refuseSubmission(
      'write-failed',
      `could not write ${all.map((file) => file.path).join(', ')} (${(error as Error).message}); nothing was changed: free some space or check permissions and decide again`,
    );
  }
}

export async function acceptSubmission(verified: VerifiedSubmission, options: AcceptOptions): Promise<SubmissionDecision> {
  const { submission } = verified;
  const reviewer = reviewerName(options.reviewer);
  await ensureUndecided(options.contentDir, submission.id);
  const files: { path: string; text: string }[] = [];
  const newTexts = new Map<string, string>();
  const published = new Map<string, number>();
  for (const guide of submission.guides) {
    const { text: currentText, version: current } = await currentFile(options.contentDir, guide.path);
    if (current !== null && guide.base !== null && guide.base > current)
      refuseSubmission(
        'bad-decision',
        `${guide.path} is based on version ${guide.base}, newer than version ${current} in ${options.contentDir}; update the content folder (git pull) and open the submission again`,
      );
    if (current !== null && guide.base !== current && !options.overwritePublished)
      refuseSubmission(
        'published-since',
        `${guide.path}: published since: version ${current} is newer than the base ${guide.base ?? '(none: sent as a new file)'}; merge by hand (the diff shows both changes), or accept over it only once merged; nothing was changed`,
      );
    const meta = verified.catalog.guides.find((g) => g.file === guide.path)?.meta;
    if (!meta) refuseSubmission('malformed-guide', `${guide.path} did not load as a guide; open the submission again to see why`);
    const text = verified.texts.get(guide.path)!;
    const version = (current ?? 0) + 1;
    const older = current === null ? [] : changelogOf(currentText).filter((entry) => entry.version <= current);
    const entry = { version, date: options.today, changes: partnerWords(meta.changelog, guide.base, submission.message) };
    const months = isLegalGuide(meta) ? REVIEW_MONTHS.legal : REVIEW_MONTHS.security;
    const next = editFrontMatter(
      text,
      [
        { path: ['version'], value: version },
        { path: ['updated'], value: options.today },
        { path: ['changelog'], value: [entry, ...older.map((e) => ({ version: e.version, date: String(e.date), changes: e.changes }))] },
        { path: ['authors'], value: creditedAuthors(meta.authors, submission.credit, guide.kind) },
        { path: ['review'], value: { reviewed_by: reviewer, reviewed_on: options.today, review_by: addMonths(options.today, months) } },
      ],
      guide.path,
    );
    if (currentText !== null && current !== null) {
      const kept = historyPath(guide, current);
      const existing = (await currentFile(options.contentDir, kept)).text;
      if (existing !== null && existing !== currentText)
        refuseSubmission(
          'bad-decision',
          `${kept} already exists and differs from ${guide.path} version ${current}; look at both by hand; nothing was changed`,
        );
      if (existing === null) files.push({ path: kept, text: currentText });
    }
    files.push({ path: guide.path, text: next });
    newTexts.set(guide.path, next);
    published.set(guide.path, version);
  }
  // What is written must load as the content rules require; a failure here is a bug, never a half-written folder.
  const errors = (await loadContent(options.contentDir, { files: newTexts })).problems.filter(
    (p) => newTexts.has(p.file) && p.severity !== 'warning',
  );
  if (errors.length > 0) refuseSubmission('malformed-guide', `${problemLines(errors)}\nthe accepted guides would not be valid; nothing was changed`);
  const record = recordOf(verified, 'accepted', options, (options.message ?? '').trim().slice(0, MAX_MESSAGE_CHARS), [], published);
  await write(options, files, record);
  return reply(verified, record);
}

function checkedReason(reason: string, what: string): string {
  const text = reason.trim();
  if (text.length === 0) refuseSubmission('bad-decision', `${what}: give a reason; the partner reads it in the reply`);
  if (text.length > MAX_MESSAGE_CHARS)
    refuseSubmission('bad-decision', `${what}: the reason is ${text.length} characters; keep it under ${MAX_MESSAGE_CHARS}`);
  return text;
}

export async function rejectSubmission(verified: VerifiedSubmission, options: DecisionOptions & { reason: string }): Promise<SubmissionDecision> {
  const reason = checkedReason(options.reason, 'reject');
  await ensureUndecided(options.contentDir, verified.submission.id);
  const record = recordOf(verified, 'rejected', options, reason, [], new Map());
  await write(options, [], record);
  return reply(verified, record);
}

export async function requestChanges(
  verified: VerifiedSubmission,
  options: DecisionOptions & { message: string; notes: { path: string; note: string }[] },
): Promise<SubmissionDecision> {
  const paths = new Set(verified.submission.guides.map((guide) => guide.path));
  const notes = options.notes.map((n) => ({ path: n.path, note: n.note.trim() })).filter((n) => n.note.length > 0);
  for (const note of notes) {
    if (!paths.has(note.path))
      refuseSubmission('bad-decision', `a note is for ${note.path}, which this submission does not hold (it holds ${[...paths].join(', ')})`);
    if (note.note.length > MAX_MESSAGE_CHARS)
      refuseSubmission('bad-decision', `the note on ${note.path} is over ${MAX_MESSAGE_CHARS} characters; shorten it`);
  }
  const message = options.message.trim();
  if (message.length === 0 && notes.length === 0)
    refuseSubmission('bad-decision', 'request changes: write a message or a note on a guide, saying what to change');
  if (message.length > MAX_MESSAGE_CHARS) refuseSubmission('bad-decision', `the message is over ${MAX_MESSAGE_CHARS} characters; shorten it`);
  await ensureUndecided(options.contentDir, verified.submission.id);
  const record = recordOf(verified, 'changes-requested', options, message, notes, new Map());
  await write(options, [], record);
  return reply(verified, record);
}
