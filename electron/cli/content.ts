import { join, relative, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { clockFromEnv, type Clock } from '../core/clock';
import { loadContent } from '../core/content/load';
import { formatProblem } from '../core/content/problems';
import { libraryData } from '../core/library';
import { reviewCounts, reviewList } from '../core/review/dashboard';
import { atLeast, DEFAULT_DUE_SOON_DAYS, reviewContext } from '../core/review/status';
import type { GuideCard } from '../api/types';
import { runPackCommand } from './packs/run';

const USAGE = `Usage: npm run content -- <command> [folder]

Commands:
  validate [folder]   check every guide in a content folder (default: content/)
                      prints each problem as path:line: field: message; exits 1 if there is any
  review [folder]     print every guide's review status, most urgent first (default folder: content/)
      --now DATE            compute status for this calendar date (YYYY-MM-DD, UTC; default: FIELDBOOK_NOW, else today)
      --due-soon-days N     how many days before review_by a guide is "due soon" (default: ${DEFAULT_DUE_SOON_DAYS})
      --json                print the statuses and counts as JSON
      --fail-on STATUS      exit 1 if any guide is STATUS or worse: overdue, or due-soon (due soon or overdue)
                      a guide is overdue from the day after its review_by date; see content/README.md
  keygen              make a key pair for signing packs (private key encrypted with a passphrase)
  delegate            sign a new key list: add a partner key for jurisdictions until a date, or --revoke one
  pack [folder]       pack a content folder's guides into one signed pack file, full or --base delta
  verify PACK         check a pack as the app would, and print what it holds or why it is refused
  diff PACK [folder]  what a pack would change in a content folder: added, changed, metadata only, removed
                      each of these takes --help; see "Keys, packs and trust" in content/README.md`;

function fail(message: string): never {
  console.error(`fieldbook content: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function contentFolder(arg: string | undefined): string {
  const dir = resolve(arg ?? 'content');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`"${arg ?? 'content'}" is not a folder; give the path to a content folder`);
  return dir;
}

async function validate(args: string[]): Promise<number> {
  if (args.length > 1) fail(`validate takes one folder, not ${args.length}: ${args.join(' ')}`);
  const dir = contentFolder(args[0]);
  const catalog = await loadContent(dir);
  for (const problem of catalog.problems) console.log(formatProblem(dir, problem));
  const files = new Set(catalog.problems.map((p) => p.file)).size;
  console.error(
    catalog.problems.length === 0
      ? `${catalog.guides.length} guides checked: no problems.`
      : `${catalog.problems.length} problem(s) in ${files} file(s); ${catalog.guides.length} guides are valid.`,
  );
  return catalog.problems.length === 0 ? 0 : 1;
}

const FAIL_ON = ['overdue', 'due-soon'] as const;

function reviewClock(now: string | undefined): Clock {
  if (now === undefined) return clockFromEnv(process.env.FIELDBOOK_NOW);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(now)) fail(`--now takes a calendar date written YYYY-MM-DD, such as 2027-06-01, not "${now}"`);
  try {
    return clockFromEnv(now);
  } catch {
    fail(`--now: "${now}" is not a real date; write it YYYY-MM-DD, such as 2027-06-01`);
  }
}

function describeDays(card: GuideCard): string {
  const { daysLeft, reviewBy } = card.status;
  if (daysLeft < 0) return `review was due ${reviewBy}, ${-daysLeft} day(s) ago`;
  if (daysLeft === 0) return `review due today, ${reviewBy}`;
  return `review by ${reviewBy}, in ${daysLeft} day(s)`;
}

async function review(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        now: { type: 'string' },
        'due-soon-days': { type: 'string' },
        json: { type: 'boolean' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    fail(`review: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) fail(`review takes one folder, not ${positionals.length}: ${positionals.join(' ')}`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) fail(`--fail-on takes overdue or due-soon, not "${failOn}"`);
  const daysText = values['due-soon-days'];
  const dueSoonDays = daysText === undefined ? DEFAULT_DUE_SOON_DAYS : Number(daysText);
  if (!/^\d+$/.test(daysText ?? '0') || dueSoonDays < 1 || dueSoonDays > 365)
    fail(`--due-soon-days takes a whole number of days from 1 to 365, not "${daysText}"`);
  const clock = reviewClock(values.now);
  const dir = contentFolder(positionals[0]);

  const catalog = await loadContent(dir);
  const context = reviewContext(clock, dueSoonDays);
  const cards = reviewList(libraryData(catalog, context).guides);
  const fileOf = new Map(
    catalog.guides.map((guide) => [`${guide.meta.id}/${guide.meta.lang}`, relative(process.cwd(), join(dir, guide.file)) || guide.file]),
  );
  const counts = reviewCounts(cards);
  const failing = failOn === undefined ? [] : cards.filter((card) => atLeast(card.status, failOn as (typeof FAIL_ON)[number]));

  if (values.json) {
    const guides = cards.map((card) => ({
      file: fileOf.get(`${card.id}/${card.lang}`),
      id: card.id,
      lang: card.lang,
      jurisdiction: card.jurisdiction,
      title: card.title,
      status: card.status,
    }));
    const invalid = catalog.invalid.map((entry) => entry.file);
    console.log(
      JSON.stringify({ today: context.today, clockFixed: clock.fixed, dueSoonDays, counts, guides, invalid, failing: failing.length }, null, 2),
    );
  } else {
    for (const card of cards) {
      const others = card.status.states.filter((state) => state !== card.status.primary);
      console.log(
        `${fileOf.get(`${card.id}/${card.lang}`)}: ${card.status.primary}${others.length > 0 ? ` (also ${others.join(', ')})` : ''}; ${describeDays(card)}`,
      );
    }
    const c = counts.total.counts;
    const set = clock.fixed ? ', clock set' : '';
    console.error(
      `As of ${context.today} (UTC${set}): ${cards.length} guides: ${c.overdue} overdue, ${c['due-soon']} due soon (within ${dueSoonDays} days), ` +
        `${c['translation-behind']} translation(s) behind their source, ${c['not-reviewed']} not yet reviewed by a local partner, ${c.current} current.`,
    );
  }
  if (catalog.invalid.length > 0) {
    console.error(
      `${catalog.invalid.length} file(s) could not be loaded and have no review status; run: npm run content -- validate ${positionals[0] ?? ''}`.trimEnd(),
    );
  }
  if (failing.length > 0) {
    console.error(`${failing.length} guide(s) are ${failOn === 'overdue' ? 'overdue' : 'due soon or overdue'} (--fail-on ${failOn}).`);
    return 1;
  }
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(command === undefined ? 2 : 0);
}
switch (command) {
  case 'validate':
    process.exit(await validate(rest));
    break;
  case 'review':
    process.exit(await review(rest));
    break;
  case 'keygen':
  case 'delegate':
  case 'pack':
  case 'verify':
  case 'diff':
    process.exit(await runPackCommand(command, rest));
    break;
  default:
    fail(`unknown command "${command}"`);
}
