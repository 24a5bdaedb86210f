import { dirname, join, relative, resolve, sep } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clockFromEnv, type Clock } from '../core/clock';
import { loadContent } from '../core/content/load';
import type { ContentProblem } from '../core/content/model';
import { formatProblem } from '../core/content/problems';
import { contentWarnings } from '../core/content/warnings';
import { libraryData } from '../core/library';
import { reviewCounts, reviewList } from '../core/review/dashboard';
import { atLeast, DEFAULT_DUE_SOON_DAYS, reviewContext, utcDate } from '../core/review/status';
import { markReviewed } from '../core/review/mark';
import { FieldbookError } from '../api/errors';
import type { GuideCard } from '../api/types';
import { runPackCommand } from './packs/run';
import { runSubmissionCommand } from './submissions/run';

const USAGE = `Usage: npm run content -- <command> [folder]

Commands:
  validate [folder]   check every guide in a content folder (default: content/), or in a folder inside one
                      prints each error as path:line: field: message and each warning as
                      path:line: warning: field: message; exits 1 if there is any error
      --now DATE            the date that "in the future" is checked against (default: FIELDBOOK_NOW, else today)
      --strict              exit 1 on warnings too
  review [folder]     print every guide's review status, most urgent first (default folder: content/)
      --now DATE            compute status for this calendar date (YYYY-MM-DD, UTC; default: FIELDBOOK_NOW, else today)
      --due-soon-days N     how many days before review_by a guide is "due soon" (default: ${DEFAULT_DUE_SOON_DAYS})
      --json                print the statuses and counts as JSON
      --fail-on STATUS      exit 1 if any guide is STATUS or worse: overdue, or due-soon (due soon or overdue)
                      a guide is overdue from the day after its review_by date; see content/README.md
  review mark ID LANG --by NAME   record a review of a guide that did not change: reviewed_by NAME, reviewed_on
                      today, review_by today + 6 months (law) or 12 (security advice); the version stays
      --content-dir DIR     the content folder to write into (default: content/)
      --now DATE            the date of the review (YYYY-MM-DD, UTC; default: FIELDBOOK_NOW, else today)
                      exits 1 if the guide is unknown or the marked file would not be valid (nothing is written)
  keygen              make a key pair for signing packs (private key encrypted with a passphrase)
  delegate            sign a new key list: add a partner key for jurisdictions until a date, or --revoke one
  pack [folder]       pack a content folder's guides into one signed pack file, full or --base delta
  verify PACK         check a pack as the app would, and print what it holds or why it is refused
  diff PACK [folder]  what a pack would change in a content folder: added, changed, metadata only, removed
  sign-bundled [folder]  sign the manifest of the bundled guides (after editing any guide, before a release)
                      each of these takes --help; see "Keys, packs and trust" in content/README.md
  submission verify|diff|accept|request-changes|reject FILE.fbsub
                      review a partner's submission and decide on it; see "Partner submissions" in content/README.md`;

function fail(message: string): never {
  console.error(`fieldbook content: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function contentFolder(arg: string | undefined): string {
  const dir = resolve(arg ?? 'content');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`"${arg ?? 'content'}" is not a folder; give the path to a content folder`);
  return dir;
}

/** The bundled content, whose lists check a folder of guides that has none of its own. */
const BUNDLED_CONTENT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'content');

/**
 * Where a folder's guides are checked from: the nearest folder at or above it that holds jurisdictions.yaml;
 * failing that, the folder holding its `guides/` folder, checked against the bundled lists. `scope` is the given
 * folder's path inside the root ('' for all of it).
 */
function contentRoot(dir: string): { root: string; listsDir: string; scope: string } {
  const scopeOf = (root: string) => relative(root, dir).split(sep).join('/');
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'jurisdictions.yaml'))) return { root: at, listsDir: at, scope: scopeOf(at) };
    if (dirname(at) === at) break;
  }
  if (existsSync(join(dir, 'guides'))) return { root: dir, listsDir: BUNDLED_CONTENT, scope: '' };
  for (let at = dir; dirname(at) !== at; at = dirname(at)) {
    if (at.split(sep).pop() === 'guides') return { root: dirname(at), listsDir: BUNDLED_CONTENT, scope: scopeOf(dirname(at)) };
  }
  fail(`"${relative(process.cwd(), dir) || '.'}" holds no guides/ folder and is inside none; give a content folder or a folder inside its guides/`);
}

function validateArgs(args: string[]) {
  try {
    return parseArgs({ args, options: { now: { type: 'string' }, strict: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (error) {
    fail(`validate: ${(error as Error).message}`);
  }
}

async function validate(args: string[]): Promise<number> {
  const parsed = validateArgs(args);
  const { values, positionals } = parsed;
  if (positionals.length > 1) fail(`validate takes one folder, not ${positionals.length}: ${positionals.join(' ')}`);
  const today = utcDate(reviewClock(values.now).now());
  const { root, listsDir, scope } = contentRoot(contentFolder(positionals[0]));
  if (listsDir !== root) console.error(`No jurisdictions.yaml beside ${relative(process.cwd(), root) || '.'}: checking against the bundled lists.`);
  const alongside = listsDir === root ? [] : (await loadContent(BUNDLED_CONTENT)).guides;
  const catalog = await loadContent(root, { listsDir, alongside });
  const inScope = (file: string) => scope === '' || file === scope || file.startsWith(`${scope}/`) || !file.startsWith('guides/');
  const guides = catalog.guides.filter((guide) => inScope(guide.file));
  const problems: ContentProblem[] = [...catalog.problems, ...contentWarnings({ guides }, today)]
    .filter((problem) => inScope(problem.file))
    .sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  for (const problem of problems) console.log(formatProblem(root, problem));
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  const warnings = problems.length - errors.length;
  const files = (list: ContentProblem[]) => new Set(list.map((p) => p.file)).size;
  const where = scope === '' ? '' : ` in ${scope}`;
  console.error(
    problems.length === 0
      ? `${guides.length} guides checked${where}: no problems.`
      : `${errors.length} error(s) in ${files(errors)} file(s), ${warnings} warning(s); ${guides.length} guides${where} are valid.` +
          (errors.length === 0 && warnings > 0 && !values.strict ? ' Warnings do not fail the check (--strict makes them).' : ''),
  );
  return errors.length > 0 || (values.strict && warnings > 0) ? 1 : 0;
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

async function reviewMark(args: string[]): Promise<number> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args,
        options: { by: { type: 'string' }, 'content-dir': { type: 'string' }, now: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
    } catch (error) {
      fail(`review mark: ${(error as Error).message}`);
    }
  })();
  if (positionals.length !== 2) fail(`review mark takes a guide id and a language, such as: review mark us-recording-police en --by "Legal clinic"`);
  if (values.by === undefined || values.by.trim() === '') fail('review mark: say who reviewed the guide with --by NAME (a name or organisation)');
  const [id, lang] = positionals as [string, string];
  const today = utcDate(reviewClock(values.now).now());
  const contentDir = contentFolder(values['content-dir']);
  try {
    const mark = await markReviewed({ contentDir, id, lang, by: values.by, today });
    console.log(
      `${relative(process.cwd(), join(contentDir, mark.file)) || mark.file}: reviewed by ${mark.reviewedBy} on ${mark.reviewedOn}; ` +
        `next review by ${mark.reviewBy} (${mark.months} months, ${mark.legal ? 'guidance on the law' : 'security advice'}); version ${mark.version} unchanged.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof FieldbookError)) throw error;
    console.error(`fieldbook content: ${error.message}`);
    return 1;
  }
}

async function review(args: string[]): Promise<number> {
  if (args[0] === 'mark') return reviewMark(args.slice(1));
  const parsed = (() => {
    try {
      return parseArgs({
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
  })();
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
  case 'sign-bundled':
    process.exit(await runPackCommand(command, rest));
    break;
  case 'submission':
    process.exit(await runSubmissionCommand(rest));
    break;
  default:
    fail(`unknown command "${command}"`);
}
