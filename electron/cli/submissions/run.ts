import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SubmissionDecision, SubmissionGuideChange, SubmissionPreview } from '../../api/submissions';
import type { DiffPart } from '../../api/types';
import { acceptSubmission, rejectSubmission, requestChanges } from '../../core/submissions/decide';
import { SubmissionError } from '../../core/submissions/errors';
import { previewSubmission } from '../../core/submissions/preview';
import { type CommandIO, parse, processIO, readText, required, UsageError } from '../packs/common';

export const SUBMISSION_HELP = `Usage: npm run content -- submission COMMAND FILE.fbsub [options]

Reviews a partner's submission against a maintainer's content folder (see "Partner submissions" in content/README.md).
  verify            check the file (signature, key list, each guide's hash and the content rules); print who sent what
  diff              verify, then print each guide's change as an inline word diff against the current version
  accept            publish the guides into the content folder (version + 1, changelog, credit, review fields,
                    history copy) and write the reply for the partner
  request-changes   record that changes are asked for, with a message and notes per guide; write the reply
  reject            record the rejection with its reason; write the reply
Options:
  --content-dir DIR      the maintainer's content folder (default: content)
  --reviewer NAME        who decides (accept, request-changes, reject): recorded, and put in the review fields
  --reason TEXT          reject: why (required); request-changes: the message; accept: a word for the partner
  --notes FILE           request-changes: a JSON file of notes per guide, {"guides/ES/<id>/es.md": "note", ...}
  --out FILE             where to write the reply (default: fieldbook-reply-<id>.fbreply here)
  --overwrite-published  accept: publish over versions published since the partner's base (merge by hand first)
  --now DATE             today, as YYYY-MM-DD (default: FIELDBOOK_NOW, else today)
Exit codes: 0 done, 1 refused (the message says why and what to do), 2 a wrong call.`;

const COMMANDS = ['verify', 'diff', 'accept', 'request-changes', 'reject'] as const;
type Command = (typeof COMMANDS)[number];

function today(io: CommandIO, now: string | undefined): Date {
  if (now === undefined) return io.now();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(now) || Number.isNaN(Date.parse(`${now}T12:00:00Z`)))
    throw new UsageError(`--now takes a date written YYYY-MM-DD, not "${now}"`);
  return new Date(`${now}T12:00:00Z`);
}

async function readSubmissionFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new UsageError(`cannot read the submission file "${path}"; check the path`);
  }
}

async function readNotes(path: string | undefined): Promise<{ path: string; note: string }[]> {
  if (path === undefined) return [];
  let json: unknown;
  try {
    json = JSON.parse(await readText(path, 'the notes file'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`the notes file "${path}" is not JSON; write {"guides/ES/<id>/es.md": "the note", ...}`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json) || Object.values(json).some((note) => typeof note !== 'string'))
    throw new UsageError(`the notes file "${path}" must map each guide's path to a note: {"guides/ES/<id>/es.md": "the note"}`);
  return Object.entries(json as Record<string, string>).map(([guide, note]) => ({ path: guide, note }));
}

function describeCredit(credit: SubmissionPreview['credit']): string {
  if (credit.as === 'name') return `by name, as "${credit.name}"`;
  if (credit.as === 'organisation') return `by organisation, as "${credit.organisation}"`;
  return 'not at all (no credit)';
}

function describePreview(preview: SubmissionPreview): string[] {
  const s = preview.signer;
  const lines = [
    `submission ${preview.id}, made ${preview.created}${preview.replaces ? `, answering ${preview.replaces}` : ''}`,
    `signed by: key ${s.id} ("${s.keyName}" in the key list, ${s.role}${s.jurisdictions ? ` for ${s.jurisdictions.join(', ')}` : ''}, until ${s.expires.slice(0, 10)}); writes as "${s.name}"`,
    `credit: ${describeCredit(preview.credit)}`,
    `message: ${preview.message.trim() || '(none)'}`,
  ];
  for (const guide of preview.guides) {
    lines.push(`  ${guide.path}: ${guide.change}: ${guide.note}`);
    if (!guide.delegated) lines.push(`    note: key ${s.id} is not delegated for ${guide.jurisdiction}; read this change with care`);
  }
  if (preview.decided) lines.push(`already decided: ${preview.decided.decision} on ${preview.decided.date} by ${preview.decided.reviewer}`);
  return lines;
}

/** A word diff as text: removed words in [-…-], added in {+…+} (coloured on a terminal), unchanged lines far from a change left out. */
export function inlineDiffLines(parts: DiffPart[], colour: boolean, context = 1): string[] {
  const marked = parts
    .map((part) => {
      if (part.kind === 'same') return part.text;
      const [open, close] =
        part.kind === 'added' ? (colour ? ['\x1b[32m{+', '+}\x1b[0m'] : ['{+', '+}']) : colour ? ['\x1b[31m[-', '-]\x1b[0m'] : ['[-', '-]'];
      // Markers on each line of a change, so every printed line shows its own.
      return part.text
        .split('\n')
        .map((line) => (line === '' ? '' : `${open}${line}${close}`))
        .join('\n');
    })
    .join('');
  const lines = marked.split('\n');
  const changed = lines.map((line) => /\{\+|\[-/.test(line));
  const keep = lines.map((_, i) => changed.slice(Math.max(0, i - context), i + context + 1).some(Boolean));
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (keep[i]) out.push(`${String(i + 1).padStart(4)} | ${line}`);
    else if (keep[i - 1]) out.push('     ⋯');
  });
  return out;
}

function describeDiff(guide: SubmissionGuideChange, colour: boolean): string[] {
  const lines = [``, `== ${guide.path} (${guide.change}): ${guide.note}`];
  if (guide.diffProblem) lines.push(`-- no word diff: ${guide.diffProblem}`);
  const section = (title: string, parts: DiffPart[] | null) => {
    if (!parts) return;
    lines.push(`-- ${title}`);
    const shown = inlineDiffLines(parts, colour);
    lines.push(...(shown.length > 0 ? shown : ['     (no change)']));
  };
  section(guide.current === null ? 'the new file' : `version ${guide.current} (now) → the submission`, guide.inline);
  if (guide.change === 'old-base') {
    if (guide.sinceBase) section(`published since: version ${guide.base} (the partner's base) → version ${guide.current} (now)`, guide.sinceBase);
    else lines.push(`-- version ${guide.base} is not kept in history/, so only the current version is compared`);
    section(`the partner's change: version ${guide.base} → the submission`, guide.partnerChange);
  }
  return lines;
}

async function writeReply(decision: SubmissionDecision, out: string | undefined, io: CommandIO): Promise<void> {
  const path = resolve(out ?? decision.reply.fileName);
  await writeFile(path, decision.reply.text, { flag: out === undefined ? 'wx' : 'w' });
  const published = decision.record.guides.filter((g) => g.published !== null);
  for (const guide of published) io.out(`published ${guide.path} as version ${guide.published}`);
  io.out(`${decision.record.decision}: recorded in submissions/${decision.record.id}.json; reply for the partner: ${path}`);
}

async function runCommand(command: Command, args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(`submission ${command}`, args, {
    'content-dir': { type: 'string' },
    reviewer: { type: 'string' },
    reason: { type: 'string' },
    notes: { type: 'string' },
    out: { type: 'string' },
    'overwrite-published': { type: 'boolean' },
    now: { type: 'string' },
  });
  if (values.help) {
    io.out(SUBMISSION_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`submission ${command} takes one .fbsub file, not ${positionals.length}`);
  const now = today(io, values.now);
  const contentDir = resolve(values['content-dir'] ?? 'content');
  const decides = command !== 'verify' && command !== 'diff';
  const reviewer = decides ? required(values.reviewer, '--reviewer', 'the name of who decides') : '';
  if (command === 'reject') required(values.reason, '--reason', 'why the submission is rejected; the partner reads it');
  const notes = command === 'request-changes' ? await readNotes(values.notes) : [];
  const { verified, preview } = await previewSubmission(await readSubmissionFile(positionals[0]!), { contentDir, now });
  for (const line of describePreview(preview)) io.out(line);
  if (command === 'verify') {
    io.out('verified: every check passed');
    return 0;
  }
  if (command === 'diff') {
    const colour = io === processIO && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    for (const guide of preview.guides) for (const line of describeDiff(guide, colour)) io.out(line);
    return 0;
  }
  const options = { contentDir, reviewer, today: now.toISOString().slice(0, 10) };
  const decision =
    command === 'accept'
      ? await acceptSubmission(verified, { ...options, overwritePublished: values['overwrite-published'] ?? false, message: values.reason })
      : command === 'reject'
        ? await rejectSubmission(verified, { ...options, reason: values.reason ?? '' })
        : await requestChanges(verified, { ...options, message: values.reason ?? '', notes });
  await writeReply(decision, values.out, io);
  return 0;
}

/** `content -- submission …`: a refusal exits 1 with its reason and what to do; a wrong call exits 2 with the help. */
export async function runSubmissionCommand(args: string[], io: CommandIO = processIO): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(SUBMISSION_HELP);
    return command === undefined ? 2 : 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    io.err(`fieldbook content submission: unknown command "${command}"\n\n${SUBMISSION_HELP}`);
    return 2;
  }
  try {
    return await runCommand(command as Command, rest, io);
  } catch (error) {
    if (error instanceof SubmissionError) {
      io.err(`fieldbook content submission ${command}: refused (${error.reason}): ${error.message.replace(/^submissions: /, '')}`);
      return 1;
    }
    if (error instanceof UsageError) {
      io.err(`fieldbook content submission ${command}: ${error.message}\n\n${SUBMISSION_HELP}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.err(`fieldbook content submission ${command}: ${(error as Error).message}; the reply file exists: give --out FILE`);
      return 2;
    }
    throw error;
  }
}
