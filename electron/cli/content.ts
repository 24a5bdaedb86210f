import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { loadContent } from '../core/content/load';
import { formatProblem } from '../core/content/problems';

const USAGE = `Usage: npm run content -- <command> [folder]

Commands:
  validate [folder]   check every guide in a content folder (default: content/)
                      prints each problem as path:line: field: message; exits 1 if there is any`;

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

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(command === undefined ? 2 : 0);
}
switch (command) {
  case 'validate':
    process.exit(await validate(rest));
    break;
  default:
    fail(`unknown command "${command}"`);
}
